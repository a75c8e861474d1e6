// SLA alerts end to end: an organisation whose SLA policy gives seconds, not hours, so a
// fresh grievance is overdue almost at once. The leader's SLA pass marks it breached, the
// supervisor's desk shows it in the breach alert (sla-breach-alert, an item per ticket)
// and on its queue row (sla-state), and the alert has no serious accessibility violation.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect } from '@playwright/test'
import { seriousA11yViolations } from './a11y'
import { injectTweet, startStack, type Stack } from './stack'
import { signInAt } from './desk-page'

const root = join(import.meta.dirname, '..', '..')
// Unmistakable grievance text (the model bands it a ticket).
const TEXT = '@HMOIndia My e-visa application is pending for 3 weeks, please help'
// Round the clock (the spec may run at night) and tiny: first response due in about 4 s.
const SECONDS = 1 / 900
const target = { firstResponseHours: SECONDS, resolutionHours: 4 * SECONDS, clock: '24x7' }

let stack: Stack
let orgDir: string

test.beforeAll(async () => {
  orgDir = mkdtempSync(join(tmpdir(), 'seva-sla-org-'))
  const org = JSON.parse(readFileSync(join(root, 'resources', 'orgs', 'mha.json'), 'utf8')) as Record<string, unknown>
  org.slaPolicy = {
    id: 'e2e-short',
    targets: { critical: target, high: target, normal: target, low: target },
    escalation: { supervisorAfterHours: 1, divisionHeadAfterHours: 2 },
  }
  const orgFile = join(orgDir, 'mha.json')
  writeFileSync(orgFile, JSON.stringify(org))
  stack = await startStack({
    serverEnv: {
      SEVA_ORG: orgFile,
      SEVA_MODEL: join(root, 'resources', 'models', 'mha.model.json'),
      SEVA_SLA_CHECK_MS: '1000',
    },
  })
})
test.afterAll(async () => {
  await stack?.close()
  if (orgDir) rmSync(orgDir, { recursive: true, force: true })
})
// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture list from this pattern
test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) console.log(stack.logs())
})

test('an overdue grievance shows in the supervisor\u2019s breach alert and on its row', async ({ page }) => {
  const marker = `sla${Date.now().toString(36)}`
  await injectTweet(stack.simUrl, 'asha_verma_31', `${TEXT} ${marker}`)
  await signInAt(page, stack.deskUrl, 'supervisor')

  const row = page.getByTestId('queue-item').filter({ hasText: marker })
  await expect(row).toHaveCount(1, { timeout: 30_000 })
  const ticket = await row.getAttribute('data-ticket')
  expect(ticket).toMatch(/^MHA-\d{2}-\d{6}$/)

  const alert = page.getByTestId('sla-breach-alert')
  await expect(alert.locator(`li[data-ticket="${ticket}"]`)).toBeVisible({ timeout: 30_000 })
  await expect(row.getByTestId('sla-state')).toHaveAttribute('data-state', /^(breached|interim_due)$/)

  // The alert opens the grievance, whose details carry the SLA record.
  await alert.getByRole('button', { name: new RegExp(ticket!) }).click()
  await expect(page.getByTestId('sla-first-response')).toBeVisible()

  expect(await seriousA11yViolations(page, { include: '.sla-breach-alert' })).toEqual([])
  expect(await seriousA11yViolations(page)).toEqual([])
})

test('an officer sees the state on the row but not the supervisors\u2019 breach alert', async ({ page }) => {
  const marker = `slo${Date.now().toString(36)}`
  await injectTweet(stack.simUrl, 'ravi_kumar_8', `${TEXT} ${marker}`)
  await signInAt(page, stack.deskUrl, 'officer.foreigners')
  const row = page.getByTestId('queue-item').filter({ hasText: marker })
  await expect(row).toHaveCount(1, { timeout: 30_000 })
  await expect(row.getByTestId('sla-state')).toHaveAttribute('data-state', /^(breached|interim_due)$/, {
    timeout: 30_000,
  })
  await expect(page.getByTestId('sla-breach-alert')).toHaveCount(0)
})
