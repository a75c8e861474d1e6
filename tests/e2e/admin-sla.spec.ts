// The SLA section end to end in Chromium through the browser desk: an admin sees the
// central-government holidays, gets a field's problem beside it while typing, changes a
// target (the preview moves with it), imports a year of extra holidays from a CSV paste and
// saves; the saved policy is the server's (read back through the API) and the next tweet the
// server turns into a grievance carries it. The section passes axe in English and in Hindi,
// and the Hindi screen has none of the desk's English left.
import { test, expect, type Page } from '@playwright/test'
import type { ConfigCurrent } from '../../src/shared/config'
import type { ChangesResponse, LoginResponse } from '../../src/shared/protocol'
import { seriousA11yViolations } from './a11y'
import { DEMO_PASSWORD, openAdminAt } from './desk-page'
import { hindiScreen } from './hindi-screen'
import { injectTweet, waitUntil } from './stack'
import { useStack } from './spec-stack'

const HOUR_MS = 3_600_000
const stack = useStack()

async function api<T>(username: string, path: string): Promise<T> {
  const login = await fetch(`${stack.serverUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  })
  const { token } = (await login.json()) as LoginResponse
  const res = await fetch(`${stack.serverUrl}${path}`, { headers: { authorization: `Bearer ${token}` } })
  return (await res.json()) as T
}

async function slaPolicyOfTweet(tweetId: string): Promise<string | undefined> {
  let after = 0
  for (;;) {
    const page = await api<ChangesResponse>('supervisor', `/api/v1/changes?after=${after}&limit=500`)
    for (const c of page.changes)
      if (c.kind === 'upsert' && c.grievance.source.tweetId === tweetId) return c.grievance.sla?.policy ?? 'none'
    if (!page.hasMore) return undefined
    after = page.last
  }
}

async function openSla(page: Page) {
  await openAdminAt(page, stack.deskUrl, 'sla')
  await expect(page.getByTestId('admin-sla')).toBeVisible()
}

test('an admin edits the SLA policy and calendar, sees problems by field and a live preview, and saves a version the server applies', async ({
  page,
}) => {
  await openSla(page)
  const section = page.getByTestId('admin-sla')
  // The demo org has no policy yet; the central-government list is shown.
  await expect(section.getByTestId('sla-legacy')).toBeVisible()
  const defaults = section.getByTestId('sla-default-holidays')
  await expect(defaults.locator('[data-date="2026-01-26"]')).toContainText('Republic Day')
  await expect(defaults.locator('[data-date="2026-11-08"]')).toContainText('Diwali')
  expect(await seriousA11yViolations(page, { include: '[data-testid="admin-sla"]' })).toEqual([])

  // A problem appears beside its field and blocks saving; correcting it clears both.
  const firstResponse = section.getByTestId('sla-targets-normal-firstResponseHours')
  await firstResponse.fill('soon')
  await expect(section.getByTestId('sla-targets-normal-firstResponseHours-problem')).toHaveText('Enter a number.')
  await expect(firstResponse).toHaveAttribute('aria-invalid', 'true')
  await expect(section.getByTestId('sla-save')).toBeDisabled()
  await section.getByTestId('sla-calendar-dayEnd').fill('08:00')
  await expect(section.getByTestId('sla-calendar-dayEnd-problem')).toHaveText(
    'The working day must end after it starts.',
  )
  await section.getByTestId('sla-calendar-dayEnd').fill('17:30')

  // Normal work: first response within 3 hours round the clock; the preview follows.
  await firstResponse.fill('3')
  await section.getByTestId('sla-targets-normal-clock').selectOption('24x7')
  await expect(section.getByTestId('sla-targets-normal-firstResponseHours-problem')).toHaveCount(0)
  const previewRow = section.getByTestId('sla-preview-normal')
  await expect(previewRow).toHaveAttribute('data-first-response-due', /Z$/)
  const due = Date.parse((await previewRow.getAttribute('data-first-response-due'))!)
  const expected = Date.now() + 3 * HOUR_MS
  // The preview's "now" is when it was computed (it moves on each minute).
  expect(Math.abs(due - expected)).toBeLessThan(2 * 60_000)

  // A year of extra closures from a CSV paste (one line is not a date and is reported).
  await section.getByTestId('sla-import-text').fill('date,name\n2027-05-03,Office shifting\n2027-02-30,Bad day\n')
  await section.getByTestId('sla-import').click()
  await expect(section.getByTestId('sla-import-note')).toContainText('1 holiday imported for 2027')
  await expect(section.getByTestId('sla-import-note')).toContainText('2027-02-30')
  await expect(section.getByTestId('sla-own-holidays').locator('[data-date="2027-05-03"]')).toContainText(
    'Office shifting',
  )

  await section.getByTestId('sla-save').click()
  await expect(section.getByTestId('sla-saved')).toBeVisible({ timeout: 30_000 })

  // The server's version, not the form's.
  const current = await api<ConfigCurrent>('admin', '/api/v1/admin/config')
  const policy = current.config.slaPolicy!
  expect(policy.targets.normal).toEqual({ firstResponseHours: 3, resolutionHours: 72, clock: '24x7' })
  expect(policy.calendar.extraHolidays).toEqual([{ date: '2027-05-03', name: 'Office shifting' }])
  expect(policy.calendar.holidays).toBeUndefined()
  await expect(section.getByTestId('sla-legacy')).toHaveCount(0)

  // Applied live: the next grievance the server opens is stamped with the saved policy.
  const tweetId = await injectTweet(
    stack.simUrl,
    'meera_k_22',
    `@HMOIndia my e-visa application is pending for 3 weeks, please help ${Date.now()}`,
  )
  const stamped = await waitUntil('the tweet to become a grievance', () => slaPolicyOfTweet(tweetId), 60_000)
  expect(stamped).toBe(`${policy.id}@${policy.version}`)
})

test('the SLA section in Hindi passes axe and has none of the desk’s English left', async ({ page }, testInfo) => {
  await openSla(page)
  await page.getByTestId('language-switch').selectOption('hi')
  const section = page.getByTestId('admin-sla')
  await expect(section.getByRole('heading', { level: 2 })).toHaveText('SLA और कार्य-कैलेंडर')
  await expect(section.getByTestId('sla-save')).toHaveText('SLA नीति सहेजें')
  await section.getByTestId('sla-targets-high-resolutionHours').fill('')
  await expect(section.getByTestId('sla-targets-high-resolutionHours-problem')).toHaveText('एक संख्या लिखें।')
  expect(await seriousA11yViolations(page, { include: '[data-testid="admin-sla"]' })).toEqual([])
  await hindiScreen(page, testInfo, 'admin-sla')
})
