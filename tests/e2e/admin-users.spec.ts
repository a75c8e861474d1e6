// Users end to end: the admin creates an officer on the administration screen; the
// officer signs in at their own workstation (another browser desk host), must choose a new
// password (the policy's reasons shown live) and then works; the admin disables them and
// the officer's open desk goes back to the sign-in screen. The audit log has it all.
import { test, expect, type Page } from '@playwright/test'
import type { AuditPage } from '../../src/shared/audit'
import { seriousA11yViolations } from './a11y'
import { fillNewOfficer, firstSignInAt, openAdminAt } from './desk-page'
import { useStack } from './spec-stack'

const OFFICER = 'officer.new.asha'
const INITIAL = 'Neem-Courtyard-Lamp-38'
const CHOSEN = 'Saffron+Harbour+Kite-74'

const stack = useStack()
let officerDesk: { url: string; stop(): Promise<void> }

test.beforeAll(async () => {
  officerDesk = await stack.startDesk()
})
test.afterAll(async () => {
  await officerDesk?.stop()
})

async function expectAccessible(page: Page, include?: string): Promise<void> {
  expect(await seriousA11yViolations(page, include ? { include } : {})).toEqual([])
}

test('admin creates an officer who must change the password, works, and is signed out when disabled', async ({
  browser,
}) => {
  const admin = await (await browser.newContext()).newPage()
  await openAdminAt(admin, stack.deskUrl)
  await expect(admin.getByTestId('admin-users')).toBeVisible()
  await expect(admin.getByTestId('user-row-officer.cyber')).toBeVisible()

  // Create: the policy speaks as the password is typed, and the form will not send a weak one.
  await fillNewOfficer(admin, {
    username: OFFICER,
    displayName: 'Asha Verma',
    division: 'cyber',
    capacity: 12,
    password: 'password1234',
  })
  await expect(admin.getByTestId('password-policy')).toContainText('Not a commonly used or breached password.')
  await expectAccessible(admin, '[data-testid="admin-users"]')
  await admin.getByTestId('user-form-password').fill(INITIAL)
  await expect(admin.getByTestId('password-policy-met')).toBeVisible()
  await admin.getByTestId('user-form-save').click()
  const row = admin.getByTestId(`user-row-${OFFICER}`)
  await expect(row).toContainText('Asha Verma')
  await expect(admin.getByTestId(`user-status-${OFFICER}`)).toHaveText('Must change password')

  // The officer, at their own workstation: the first screen is the password change.
  const officer = await (await browser.newContext()).newPage()
  await firstSignInAt(officer, officerDesk.url, OFFICER, INITIAL)
  await officer.getByTestId('change-password-current').fill(INITIAL)
  await officer.getByTestId('change-password-new').fill(`${OFFICER}-x`)
  await expect(officer.getByTestId('password-policy')).toContainText('Must not contain the username.')
  await expect(officer.getByTestId('change-password-submit')).toBeDisabled()
  await expectAccessible(officer)
  // In Hindi too, live.
  await officer.getByTestId('language-switch').selectOption('hi')
  await expect(officer.getByTestId('password-policy')).toContainText('इसमें उपयोगकर्ता नाम नहीं होना चाहिए।')
  await officer.getByTestId('language-switch').selectOption('en')
  await officer.getByTestId('change-password-new').fill(CHOSEN)
  await officer.getByTestId('change-password-confirm').fill(CHOSEN)
  await expect(officer.getByTestId('password-policy-met')).toBeVisible()
  await officer.getByTestId('change-password-submit').click()
  // Now a working desk.
  await expect(officer.getByTestId('sync-status')).toHaveAttribute('data-status', 'online')
  await expect(officer.getByTestId('logout')).toBeVisible()
  await admin.getByTestId('users-refresh').click()
  await expect(admin.getByTestId(`user-status-${OFFICER}`)).toHaveText('Active')

  // Disabled by the admin: the officer's open desk returns to sign-in on its own.
  await admin.getByTestId(`user-disable-${OFFICER}`).click()
  await expect(admin.getByTestId(`user-status-${OFFICER}`)).toHaveText('Disabled')
  await expect(officer.getByTestId('login-username')).toBeVisible({ timeout: 30_000 })

  // Everything is on the record (the audit screen is another capability's: read it through the API).
  const token = (await (
    await fetch(`${stack.serverUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'seva-demo' }),
    })
  ).json()) as { token: string }
  const audit = (await (
    await fetch(`${stack.serverUrl}/api/v1/admin/audit?q=${OFFICER}`, {
      headers: { authorization: `Bearer ${token.token}` },
    })
  ).json()) as AuditPage
  const actions = audit.entries.map((e) => e.action)
  for (const action of ['user.created', 'auth.password-changed', 'user.disabled']) expect(actions).toContain(action)
})
