// What every desk spec does first: open the browser desk and sign an officer in.
import { expect, type Page } from '@playwright/test'

export const DEMO_PASSWORD = 'seva-demo'

/** Opens the desk and signs `username` in; the desk keeps its session across loads, so a previous officer is signed out first. */
export async function signInAt(page: Page, deskUrl: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(deskUrl)
  await expect(page.getByTestId('login-username').or(page.getByTestId('logout'))).toBeVisible()
  if (await page.getByTestId('logout').isVisible()) await page.getByTestId('logout').click()
  await page.getByTestId('login-username').fill(username)
  await page.getByTestId('login-password').fill(password)
  await page.getByTestId('login-submit').click()
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-status', 'online')
}

/**
 * Signs the admin in at `deskUrl` and opens the administration screen, on `section` when
 * given (the screen opens on the users section).
 */
export async function openAdminAt(page: Page, deskUrl: string, section?: string): Promise<void> {
  await signInAt(page, deskUrl, 'admin')
  await page.getByTestId('screen-admin').click()
  if (section) await page.getByTestId(`admin-section-${section}`).click()
}

export interface NewOfficer {
  username: string
  displayName: string
  division: string
  capacity: number
  password: string
}

/** On the admin's users section: opens the new-user form and fills it in (the caller checks the policy and saves). */
export async function fillNewOfficer(admin: Page, officer: NewOfficer): Promise<void> {
  await admin.getByTestId('user-create').click()
  await admin.getByTestId('user-form-username').fill(officer.username)
  await admin.getByTestId('user-form-display-name').fill(officer.displayName)
  await admin.getByTestId(`user-form-division-${officer.division}`).check()
  await admin.getByTestId('user-form-capacity').fill(String(officer.capacity))
  await admin.getByTestId('user-form-password').fill(officer.password)
}

/** A new officer's first sign-in with the initial password: the desk asks for a new one before any work. */
export async function firstSignInAt(page: Page, deskUrl: string, username: string, initial: string): Promise<void> {
  await page.goto(deskUrl)
  await page.getByTestId('login-username').fill(username)
  await page.getByTestId('login-password').fill(initial)
  await page.getByTestId('login-submit').click()
  await expect(page.getByTestId('change-password-new')).toBeVisible()
  await expect(page.getByTestId('queue-item')).toHaveCount(0)
}
