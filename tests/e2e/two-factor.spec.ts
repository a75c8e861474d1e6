// Two-factor sign-in end to end: the admin requires it for supervisors on the users
// screen; the supervisor, at their own workstation, must enrol before any work (the test
// reads the key the screen shows and computes codes from it, as an authenticator app
// would), signs out, signs in again with a code after the password — a wrong code is
// refused — and the admin sees it on and resets it. The audit log has each step.
import { test, expect, type Page } from '@playwright/test'
import { Secret, TOTP } from 'otpauth'
import type { AuditPage } from '../../src/shared/audit'
import type { AdminTwoFactor } from '../../src/shared/two-factor'
import { seriousA11yViolations } from './a11y'
import { DEMO_PASSWORD, signInAt } from './desk-page'
import { hindiScreen } from './hindi-screen'
import { startStack, type Stack } from './stack'

const STEP_MS = 30_000

let stack: Stack
let supervisorDesk: { url: string; stop(): Promise<void> }

test.beforeAll(async () => {
  stack = await startStack()
  supervisorDesk = await stack.startDesk()
})
test.afterAll(async () => {
  await supervisorDesk?.stop()
  await stack?.close()
})
// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture list from this pattern
test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) console.log(stack.logs())
})

async function expectAccessible(page: Page, include?: string): Promise<void> {
  expect(await seriousA11yViolations(page, include ? { include } : {})).toEqual([])
}

/** The code an authenticator app shows for `secret` at `atMs`. */
function codeAt(secret: string, atMs: number): string {
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: atMs })
}

/** The admin's view over the API (the same answer the users screen reads). */
async function adminGet<T>(path: string): Promise<T> {
  const login = (await (
    await fetch(`${stack.serverUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
    })
  ).json()) as { token: string }
  return (await (
    await fetch(`${stack.serverUrl}${path}`, { headers: { authorization: `Bearer ${login.token}` } })
  ).json()) as T
}

async function signInWithPassword(page: Page): Promise<void> {
  await page.goto(supervisorDesk.url)
  await page.getByTestId('login-username').fill('supervisor')
  await page.getByTestId('login-password').fill(DEMO_PASSWORD)
  await page.getByTestId('login-submit').click()
}

test('admin requires two-factor for supervisors; the supervisor enrols, then signs in with a code', async ({
  browser,
}, testInfo) => {
  const admin = await (await browser.newContext()).newPage()
  await signInAt(admin, stack.deskUrl, 'admin')
  await admin.getByTestId('screen-admin').click()
  await expect(admin.getByTestId('admin-users')).toBeVisible()
  await expect(admin.getByTestId('user-two-factor-supervisor')).toHaveText('Off')
  await admin.getByTestId('two-factor-require-supervisor').check()
  // Before saving, the screen says whom it signs out (supervisors without two-factor) and asks.
  const { withoutTwoFactor } = await adminGet<AdminTwoFactor>('/api/v1/admin/two-factor')
  const caught = withoutTwoFactor.supervisor
  expect(caught).toBeGreaterThan(0)
  await admin.getByTestId('two-factor-policy-save').click()
  await expect(admin.getByTestId('two-factor-policy-warning')).toContainText(`Saving signs out ${caught} user`)
  await expectAccessible(admin, '[data-testid="admin-users"]')
  // Cancel saves nothing.
  await admin.getByTestId('two-factor-policy-cancel').click()
  await expect(admin.getByTestId('two-factor-policy-warning')).toHaveCount(0)
  expect((await adminGet<AdminTwoFactor>('/api/v1/admin/two-factor')).requiredRoles).toEqual([])
  await admin.getByTestId('two-factor-policy-save').click()
  await admin.getByTestId('two-factor-policy-confirm').click()
  await expect(admin.getByTestId('two-factor-admin-notice')).toHaveText('The requirement is saved.')
  expect((await adminGet<AdminTwoFactor>('/api/v1/admin/two-factor')).requiredRoles).toEqual(['supervisor'])
  await expectAccessible(admin, '[data-testid="admin-users"]')

  // The supervisor's first sign-in leads to enrolment, and nothing else.
  const supervisor = await (await browser.newContext()).newPage()
  await signInWithPassword(supervisor)
  await expect(supervisor.getByTestId('two-factor-required')).toBeVisible()
  await expect(supervisor.getByTestId('queue-item')).toHaveCount(0)
  await expect(supervisor.getByTestId('logout')).toHaveCount(0)
  await supervisor.getByTestId('two-factor-start').click()
  await expect(supervisor.getByTestId('two-factor-qr')).toBeVisible()
  const secret = (await supervisor.getByTestId('two-factor-secret').textContent())!.trim()
  expect(secret).toMatch(/^[A-Z2-7]{32}$/)
  await expectAccessible(supervisor)
  await supervisor.getByTestId('two-factor-enrol-code').fill(codeAt(secret, Date.now()))
  await supervisor.getByTestId('two-factor-confirm').click()
  await expect(supervisor.getByTestId('sync-status')).toHaveAttribute('data-status', 'online')
  await expect(supervisor.getByTestId('logout')).toBeVisible()

  // Signed out and in again: the password, then the code.
  await supervisor.getByTestId('logout').click()
  await signInWithPassword(supervisor)
  await expect(supervisor.getByTestId('two-factor-code')).toBeVisible()
  await expectAccessible(supervisor)
  // A code for another time is refused, and the code step stays for another try.
  const now = Date.now()
  const valid = new Set([-1, 0, 1, 2].map((k) => codeAt(secret, now + k * STEP_MS)))
  let wrong = codeAt(secret, now + 10 * STEP_MS)
  for (let k = 11; valid.has(wrong); k++) wrong = codeAt(secret, now + k * STEP_MS)
  await supervisor.getByTestId('two-factor-code').fill(wrong)
  await supervisor.getByTestId('two-factor-code-submit').click()
  await expect(supervisor.getByTestId('two-factor-code-error')).toContainText('That code is not right')
  await expect(supervisor.getByTestId('logout')).toHaveCount(0)
  // The confirming code's step is used (replay is refused): the app's next code, one step ahead, is accepted.
  await supervisor.getByTestId('two-factor-code').fill(codeAt(secret, Date.now() + STEP_MS))
  await supervisor.getByTestId('two-factor-code-submit').click()
  await expect(supervisor.getByTestId('sync-status')).toHaveAttribute('data-status', 'online')

  // The admin sees it on, and resets it (a lost phone): the supervisor's desk is signed out.
  await admin.reload()
  await admin.getByTestId('screen-admin').click()
  await expect(admin.getByTestId('user-two-factor-supervisor')).toContainText('On')
  // The users screen in Hindi: the two-factor column with its reset, and the warning before a save.
  await admin.getByTestId('language-switch').selectOption('hi')
  await expect(admin.getByTestId('user-two-factor-supervisor')).toContainText('चालू')
  await admin.getByTestId('two-factor-require-officer').check()
  await admin.getByTestId('two-factor-policy-save').click()
  await expect(admin.getByTestId('two-factor-policy-warning')).toContainText('साइन आउट')
  await hindiScreen(admin, testInfo, 'admin-users-two-factor')
  await expectAccessible(admin, '[data-testid="admin-users"]')
  await admin.getByTestId('two-factor-policy-cancel').click()
  await admin.getByTestId('two-factor-require-officer').uncheck()
  await admin.getByTestId('language-switch').selectOption('en')
  await admin.getByTestId('user-two-factor-reset-supervisor').click()
  await expect(admin.getByTestId('two-factor-admin-notice')).toContainText('is reset')
  await expect(admin.getByTestId('user-two-factor-supervisor')).toHaveText('Off')
  await expect(supervisor.getByTestId('login-username')).toBeVisible({ timeout: 30_000 })

  // Each step is on the record, with the client address.
  const token = (await (
    await fetch(`${stack.serverUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
    })
  ).json()) as { token: string }
  const audit = (await (
    await fetch(`${stack.serverUrl}/api/v1/admin/audit?limit=200`, {
      headers: { authorization: `Bearer ${token.token}` },
    })
  ).json()) as AuditPage
  const actions = audit.entries.map((e) => e.action)
  for (const action of [
    'two-factor.requirement-changed',
    'two-factor.enabled',
    'auth.sign-in-code-asked',
    'auth.two-factor-failed',
    'two-factor.reset',
  ])
    expect(actions).toContain(action)
  const codeSignIn = audit.entries.find((e) => e.action === 'auth.sign-in' && e.details?.twoFactor === true)
  expect(codeSignIn?.actor).toBe('supervisor')
  expect(codeSignIn?.clientAddress).toBeTruthy()
})

test("a user turns two-factor on from the top bar's setting, and needs a code from then on", async ({
  browser,
}, testInfo) => {
  const page = await (await browser.newContext()).newPage()
  await signInAt(page, stack.deskUrl, 'officer.cyber')
  // By keyboard: the dialog takes the focus, Tab and Shift+Tab stay in it, Escape closes it
  // and the focus is back on the setting that opened it.
  const toggle = page.getByTestId('two-factor-toggle')
  await toggle.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('two-factor-settings-state')).toContainText('off')
  await expect(page.getByTestId('two-factor-settings')).toBeFocused()
  // Over the dialogs' modal backdrop, which covers the whole desk.
  const backdrop = page.getByTestId('two-factor-backdrop')
  expect(await backdrop.boundingBox()).toEqual({ x: 0, y: 0, ...page.viewportSize()! })
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab')
    await expect(page.locator('[data-testid="two-factor-settings"]:focus-within')).toHaveCount(1)
  }
  await page.getByTestId('two-factor-start').focus()
  await page.keyboard.press('Shift+Tab')
  await expect(page.getByTestId('two-factor-settings-close')).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(page.getByTestId('two-factor-start')).toBeFocused()
  await expectAccessible(page, '[data-testid="two-factor-settings"]')
  await page.getByTestId('language-switch').selectOption('hi')
  await expect(page.getByTestId('two-factor-settings-state')).toContainText('बंद')
  await hindiScreen(page, testInfo, 'two-factor-settings')
  await page.getByTestId('language-switch').selectOption('en')
  await page.getByTestId('two-factor-settings').focus()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('two-factor-settings')).toHaveCount(0)
  await expect(backdrop).toHaveCount(0)
  await expect(toggle).toBeFocused()
  await toggle.click()
  await expect(page.getByTestId('two-factor-settings-state')).toContainText('off')
  await page.getByTestId('two-factor-start').click()
  const secret = (await page.getByTestId('two-factor-secret').textContent())!.trim()
  await expectAccessible(page, '[data-testid="two-factor-settings"]')
  await page.getByTestId('two-factor-enrol-code').fill(codeAt(secret, Date.now()))
  await page.getByTestId('two-factor-confirm').click()
  await expect(page.getByTestId('two-factor-settings-state')).toContainText('Two-factor sign-in is on')
  // The desk kept working throughout.
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-status', 'online')
  // Recovery codes for a lost phone, shown once.
  await expect(page.getByTestId('two-factor-recovery-left')).toHaveText('Unused recovery codes: 0')
  await page.getByTestId('two-factor-recovery-make').click()
  await expect(page.getByTestId('two-factor-recovery-code')).toHaveCount(10)
  const recoveryCode = (await page.getByTestId('two-factor-recovery-code').first().textContent())!.trim()
  await expectAccessible(page, '[data-testid="two-factor-settings"]')
  // A click on the backdrop beside the dialog does not close it (Close and Escape do).
  await backdrop.click({ position: { x: 5, y: 5 } })
  await expect(page.getByTestId('two-factor-settings')).toBeVisible()
  await page.getByTestId('two-factor-settings-close').click()

  await page.getByTestId('logout').click()
  await page.getByTestId('login-username').fill('officer.cyber')
  await page.getByTestId('login-password').fill(DEMO_PASSWORD)
  await page.getByTestId('login-submit').click()
  await expect(page.getByTestId('two-factor-code')).toBeVisible()
  // In Hindi too.
  await page.getByTestId('language-switch').selectOption('hi')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('अपना साइन-इन कोड दर्ज करें')
  await page.getByTestId('language-switch').selectOption('en')
  await page.getByTestId('two-factor-code').fill(codeAt(secret, Date.now() + STEP_MS))
  await page.getByTestId('two-factor-code-submit').click()
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-status', 'online')

  // Without the phone: a recovery code instead, good once.
  await page.getByTestId('logout').click()
  await page.getByTestId('login-username').fill('officer.cyber')
  await page.getByTestId('login-password').fill(DEMO_PASSWORD)
  await page.getByTestId('login-submit').click()
  await page.getByTestId('two-factor-code').fill(recoveryCode)
  await page.getByTestId('two-factor-code-submit').click()
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-status', 'online')
  await page.getByTestId('two-factor-toggle').click()
  await expect(page.getByTestId('two-factor-recovery-left')).toHaveText('Unused recovery codes: 9')
})
