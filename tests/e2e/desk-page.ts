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
