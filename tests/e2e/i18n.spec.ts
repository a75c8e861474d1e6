// The desk in Hindi and English, in Chromium through the browser desk: the language
// switch sets the document's language at once, the signed-in officer's choice is kept by
// the desk (across reloads, per officer), a workstation in Hindi starts in Hindi, Hindi
// renders in the bundled Devanagari font (no missing-glyph boxes: this machine has no
// Devanagari system font), and axe finds no serious or critical violation on the
// sign-in and queue screens.
import { test, expect, type Page } from '@playwright/test'
import { seriousA11yViolations } from './a11y'
import { glyphProblem, measureHindiGlyphs } from './glyphs'
import { injectTweet, startStack, type Stack } from './stack'

let stack: Stack

test.beforeAll(async () => {
  stack = await startStack()
})
test.afterAll(async () => {
  await stack?.close()
})
// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture list from this pattern
test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) console.log(stack.logs())
})

const documentLang = (page: Page) => page.locator('html').getAttribute('lang')

/** The desk keeps its session across page loads: start each test from the sign-in screen. */
async function signedOut(page: Page) {
  await page.goto(stack.deskUrl)
  await expect(page.getByTestId('login-username').or(page.getByTestId('logout'))).toBeVisible()
  if (await page.getByTestId('logout').isVisible()) await page.getByTestId('logout').click()
  await expect(page.getByTestId('login-username')).toBeVisible()
}

async function signIn(page: Page, username: string) {
  await page.getByTestId('login-username').fill(username)
  await page.getByTestId('login-password').fill('seva-demo')
  await page.getByTestId('login-submit').click()
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-status', 'online')
}

async function signOut(page: Page) {
  await page.getByTestId('logout').click()
  await expect(page.getByTestId('login-username')).toBeVisible()
}

test('the sign-in screen switches to Hindi at once and has no serious accessibility violations', async ({ page }) => {
  await signedOut(page)
  expect(await documentLang(page)).toBe('en')
  await expect(page.getByTestId('language-switch')).toHaveValue('en')
  expect(await seriousA11yViolations(page)).toEqual([])

  await page.getByTestId('language-switch').selectOption('hi')
  await expect(page.locator('html')).toHaveAttribute('lang', 'hi')
  // The switch's own label is the first Hindi the officer sees.
  await expect(page.locator('label').filter({ has: page.getByTestId('language-switch') })).toContainText('भाषा')
  expect(await seriousA11yViolations(page)).toEqual([])
  expect(glyphProblem(await measureHindiGlyphs(page))).toBeNull()
})

test('an officer’s Hindi is kept by the desk across reloads, and is theirs alone', async ({ page }, testInfo) => {
  const text = `@HMOIndia मेरे बैंक खाते से ऑनलाइन धोखाधड़ी में 45000 रुपये कट गए, साइबर अपराध की शिकायत दर्ज करें ${Date.now()}`
  await injectTweet(stack.simUrl, 'meena_verma', text)

  await signedOut(page)
  await signIn(page, 'officer.cyber')
  expect(await documentLang(page)).toBe('en')
  await page.getByTestId('language-switch').selectOption('hi')
  await expect(page.locator('html')).toHaveAttribute('lang', 'hi')

  await page.reload()
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-status', 'online')
  await expect(page.locator('html')).toHaveAttribute('lang', 'hi')
  await expect(page.getByTestId('language-switch')).toHaveValue('hi')

  // The queue, with a Hindi grievance in it: Hindi in the bundled font, no boxes.
  await expect(page.getByTestId('queue-item').filter({ hasText: 'ऑनलाइन धोखाधड़ी' })).toHaveCount(1, {
    timeout: 30_000,
  })
  const report = await measureHindiGlyphs(page)
  testInfo.annotations.push({ type: 'glyphs', description: JSON.stringify(report) })
  expect(glyphProblem(report)).toBeNull()
  expect(report.devanagariElements).toBeGreaterThan(0)
  await page.screenshot({ path: testInfo.outputPath('queue-hi.png'), fullPage: true })
  expect(await seriousA11yViolations(page)).toEqual([])

  // Signing out hands the workstation back in its own language; another officer starts there.
  await signOut(page)
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await signIn(page, 'officer.police')
  await expect(page.getByTestId('language-switch')).toHaveValue('en')
  expect(await documentLang(page)).toBe('en')
  await signOut(page)

  await signIn(page, 'officer.cyber')
  await expect(page.locator('html')).toHaveAttribute('lang', 'hi')
})

test.describe('on a workstation set to Hindi', () => {
  test.use({ locale: 'hi-IN' })

  test('the desk starts in Hindi', async ({ page }) => {
    await signedOut(page)
    await expect(page.locator('html')).toHaveAttribute('lang', 'hi')
    await expect(page.getByTestId('language-switch')).toHaveValue('hi')
  })
})

test('every screen in Hindi has no serious or critical accessibility violation', async ({ page }) => {
  const text = `@HMOIndia साइबर ठगी: मेरे खाते से 12000 रुपये निकाल लिए गए, कृपया मदद करें ${Date.now()}`
  await injectTweet(stack.simUrl, 'rajesh_k', text)
  await signedOut(page)
  await page.getByTestId('language-switch').selectOption('hi')
  await signIn(page, 'officer.cyber')
  await expect(page.locator('html')).toHaveAttribute('lang', 'hi')
  const checked: string[] = []
  const noSeriousViolations = async (screen: string) => {
    expect(await seriousA11yViolations(page), screen).toEqual([])
    checked.push(screen)
  }

  const row = page.getByTestId('queue-item').filter({ hasText: 'साइबर ठगी' })
  await expect(row).toHaveCount(1, { timeout: 30_000 })
  await noSeriousViolations('queue')

  await row.click()
  await expect(page.getByTestId('grievance-ticket')).toBeVisible()
  await noSeriousViolations('grievance and composer')
  expect(glyphProblem(await measureHindiGlyphs(page))).toBeNull()

  // The composer's public-text guard speaks up (a phone number) — still accessible.
  await page.getByTestId('composer-text').fill('कृपया 9876543210 पर संपर्क करें')
  await expect(page.getByTestId('composer-pii')).toBeVisible()
  await noSeriousViolations('composer with a warning')
  await page.getByTestId('composer-text').fill('')

  await page.getByTestId('action-forward').click()
  await expect(page.getByTestId('forward-division')).toBeVisible()
  await noSeriousViolations('forward dialog')
  await page.getByRole('button', { name: 'Cancel' }).click()

  await page.getByTestId('action-reject').click()
  await expect(page.getByTestId('reject-reason')).toBeVisible()
  await noSeriousViolations('reject dialog')
  await page.getByRole('button', { name: 'Cancel' }).click()

  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click()
  await expect(page.getByTestId('help')).toBeVisible()
  await noSeriousViolations('help')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('help')).toBeHidden()

  await signOut(page)
  await signIn(page, 'supervisor')
  await page.getByTestId('ingestion-toggle').click()
  await expect(page.getByTestId('ingestion-panel')).toBeVisible()
  await noSeriousViolations('ingestion panel')
  expect(checked).toHaveLength(7)
})
