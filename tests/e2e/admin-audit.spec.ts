// The administration screen's audit log, in Chromium through the browser desk: an admin
// finds the sign-ins (a failed one too, with the client address), searches by action,
// checks the hash chain and exports CSV (parsed here: BOM, header, the sign-in rows);
// officers and supervisors have no administration tab; axe finds nothing serious, in
// English and in Hindi.
import { test, expect } from '@playwright/test'
import { seriousA11yViolations } from './a11y'
import { openAdminAt, signInAt } from './desk-page'
import { useStack } from './spec-stack'

const stack = useStack()

test('only an admin has the administration screen', async ({ page }) => {
  await signInAt(page, stack.deskUrl, 'officer.cyber')
  await expect(page.getByTestId('screen-admin')).toHaveCount(0)
  await signInAt(page, stack.deskUrl, 'supervisor')
  await expect(page.getByTestId('screen-monitor')).toBeVisible()
  await expect(page.getByTestId('screen-admin')).toHaveCount(0)
})

test('an admin reads, searches, verifies and exports the audit log', async ({ page }) => {
  // A failed sign-in to find in the log.
  const failed = await fetch(`${stack.serverUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'officer.railways', password: 'not-it' }),
  })
  expect(failed.status).toBe(401)

  await openAdminAt(page, stack.deskUrl, 'audit')
  const rows = page.getByTestId('audit-entry')
  await expect(rows.first()).toBeVisible()
  await expect(rows.filter({ hasText: 'officer.railways' }).first()).toHaveAttribute(
    'data-action',
    'auth.sign-in-failed',
  )
  await expect(rows.filter({ hasText: 'officer.railways' }).first()).toContainText('127.0.0.1')
  expect(await seriousA11yViolations(page)).toEqual([])

  await page.getByTestId('audit-action').selectOption('auth.sign-in')
  await page.getByTestId('audit-apply').click()
  await expect(rows.first()).toHaveAttribute('data-actor', 'admin')
  // Retried until the filtered page has replaced the unfiltered one: reading rows.all() once
  // could take the old page's rows, which vanish while they are read.
  await expect(page.locator('[data-testid="audit-entry"]:not([data-action="auth.sign-in"])')).toHaveCount(0)

  await page.getByTestId('audit-verify').click()
  await expect(page.getByTestId('audit-verification')).toHaveAttribute('data-ok', 'true')

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export').click()])
  expect(download.suggestedFilename()).toBe('audit-log.csv')
  const path = await download.path()
  const bytes = await import('node:fs/promises').then((fs) => fs.readFile(path))
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const lines = bytes.toString('utf8').slice(1).trim().split('\r\n')
  expect(lines[0]).toBe('seq,at,actor,action,target,clientAddress,details,hash')
  expect(lines.length).toBeGreaterThan(1)
  expect(lines.slice(1).every((l) => l.includes('"auth.sign-in"'))).toBe(true)

  // The export itself is on the record.
  await page.getByTestId('audit-action').selectOption('audit.exported')
  await page.getByTestId('audit-apply').click()
  await expect(rows.first()).toHaveAttribute('data-actor', 'admin')

  await page.getByTestId('language-switch').selectOption('hi')
  await expect(page.getByTestId('admin-audit')).toContainText('ऑडिट लॉग')
  expect(await seriousA11yViolations(page)).toEqual([])
})
