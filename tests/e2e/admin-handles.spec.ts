// An admin connects an X handle end to end: Connect opens the simulator's X consent page
// in a new window, the admin signs in there as the handle and allows access, X sends the
// browser back to the server's callback ("connected, you can close this window"), and the
// desk's list turns to connected by itself. The handles section passes axe.
import { test, expect } from '@playwright/test'
import { seriousA11yViolations } from './a11y'
import { openAdminAt } from './desk-page'
import { useStack } from './spec-stack'

const stack = useStack()

test('an admin connects a handle through X’s authorize page and sees it connected', async ({ page, context }) => {
  await openAdminAt(page, stack.deskUrl, 'handles')
  const status = page.getByTestId('handle-status-CyberDost')
  await expect(status).toHaveAttribute('data-state', 'not-connected')

  const consentOpens = context.waitForEvent('page')
  await page.getByTestId('handle-connect-CyberDost').click()
  const consent = await consentOpens
  await consent.waitForLoadState()
  expect(new URL(consent.url()).pathname).toBe('/i/oauth2/authorize')
  await expect(status).toHaveAttribute('data-state', 'waiting')

  await consent.getByLabel('@CyberDost').check()
  await consent.getByRole('button', { name: 'Authorize app' }).click()
  await expect(consent.getByTestId('handle-oauth-result')).toHaveAttribute('data-outcome', 'connected')
  expect(consent.url().startsWith(`${stack.serverUrl}/api/v1/oauth/x/callback`)).toBe(true)
  await consent.close()

  await expect(status).toHaveAttribute('data-state', 'connected', { timeout: 15_000 })
  await expect(page.getByTestId('handle-disconnect-CyberDost')).toBeVisible()
  expect(await seriousA11yViolations(page, { include: '[data-testid="admin-handles"]' })).toEqual([])
})

test('an admin adds a handle and removes it again', async ({ page }) => {
  await openAdminAt(page, stack.deskUrl, 'handles')
  await page.getByTestId('handle-add-username').fill('CERT_In')
  await page.getByTestId('handle-add').click()
  await expect(page.getByTestId('handle-status-CERT_In')).toHaveAttribute('data-state', 'not-connected')
  await page.getByTestId('handle-remove-CERT_In').click()
  await page.getByTestId('handle-remove-confirm-CERT_In').click()
  await expect(page.getByTestId('handle-row-CERT_In')).toHaveCount(0)
})
