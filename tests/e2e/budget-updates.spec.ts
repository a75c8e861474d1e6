// The X budget section and the composer's link warning in Chromium through the browser
// desk: an admin sees this month's spend and saves a new monthly budget through the
// configuration API; the section and the composer pass axe; the browser desk (no updater)
// never shows an update notice.
import { test, expect, type Page } from '@playwright/test'
import { seriousA11yViolations } from './a11y'
import { signInAt } from './desk-page'
import { injectTweet } from './stack'
import { useStack } from './spec-stack'

const stack = useStack()

const signIn = (page: Page, username: string) => signInAt(page, stack.deskUrl, username)

test('an admin reads the spend and saves a monthly budget; the section passes axe', async ({ page }) => {
  await signIn(page, 'admin')
  await expect(page.getByTestId('update-notice')).toHaveCount(0)
  await page.getByTestId('screen-admin').click()
  await page.getByTestId('admin-section-budget').click()
  const section = page.getByTestId('admin-budget')
  await expect(section.getByTestId('budget-spend')).toBeVisible()
  await expect(section.getByTestId('budget-total')).toContainText('$')
  expect(await seriousA11yViolations(page, { include: '[data-testid="admin-budget"]' })).toEqual([])

  await section.getByTestId('budget-monthly').fill('750')
  await section.getByTestId('budget-save').click()
  await expect(section.getByTestId('budget-saved')).toBeVisible()
  // Read back from the server, not the form: the figure is in force.
  await page.getByTestId('admin-section-users').click()
  await page.getByTestId('admin-section-budget').click()
  await expect(section.getByTestId('budget-monthly')).toHaveValue('750')
  await expect(section).toContainText('$750')
})

test('the composer warns about a link and not about a plain reply', async ({ page }) => {
  const text = `@HMOIndia my passport verification is pending for 3 months, please help ${Date.now()}`
  await injectTweet(stack.simUrl, 'asha_p', text)
  await signIn(page, 'supervisor')
  await expect(page.getByTestId('update-notice')).toHaveCount(0)
  const row = page.getByTestId('queue-item').filter({ hasText: 'passport verification' }).first()
  await expect(row).toBeVisible({ timeout: 30_000 })
  await row.click()
  const composer = page.getByTestId('composer-text')
  await composer.fill('@asha_p your verification is with the division')
  await expect(page.getByTestId('composer-url-cost')).toHaveCount(0)
  await composer.fill('@asha_p please re-apply at passportindia.gov.in')
  await expect(page.getByTestId('composer-url-cost')).toContainText('13×')
  expect(await seriousA11yViolations(page, { include: '[data-testid="composer"]' })).toEqual([])
})
