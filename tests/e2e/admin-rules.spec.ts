// Keyword rules end to end: the admin previews a new rule on the tweets already captured,
// sees what it would change, enables it (a new configuration version), and a new matching
// tweet injected into the simulator is routed to the rule's division with no restart. The
// rules and settings sections pass axe with no serious or critical violation.
import { test, expect, type Page } from '@playwright/test'
import type { ChangesResponse, LoginResponse } from '../../src/shared/protocol'
import { seriousA11yViolations } from './a11y'
import { openAdminAt } from './desk-page'
import { injectTweet, waitUntil } from './stack'
import { useStack } from './spec-stack'

const HANDLE = 'HMOIndia'
// Scoped to our handle, so its division holds whatever the model ranks first.
const RULE_DIVISION = 'women-safety'
const stack = useStack()

/** The grievance made of a tweet, as the server's changes feed has it (supervisor's view: all divisions). */
async function grievanceOf(tweetId: string): Promise<{ division: string | null; matchedRules: string[] } | undefined> {
  const login = await fetch(`${stack.serverUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'supervisor', password: 'seva-demo' }),
  })
  const { token } = (await login.json()) as LoginResponse
  let after = 0
  for (;;) {
    const res = await fetch(`${stack.serverUrl}/api/v1/changes?after=${after}&limit=500`, {
      headers: { authorization: `Bearer ${token}` },
    })
    const page = (await res.json()) as ChangesResponse
    for (const c of page.changes) if (c.kind === 'upsert' && c.grievance.source.tweetId === tweetId) return c.grievance
    if (!page.hasMore) return undefined
    after = page.last
  }
}

async function openAdmin(page: Page, section: 'rules' | 'settings') {
  await openAdminAt(page, stack.deskUrl, section)
}

test('an admin previews a new keyword rule on captured tweets, enables it, and a new matching tweet is routed by it', async ({
  page,
}) => {
  const marker = `bridge${Date.now().toString(36)}`
  const captured = `@${HANDLE} my ${marker} pass application is pending for 3 weeks, please help me urgently`
  const capturedId = await injectTweet(stack.simUrl, 'anita_verma_41', captured)
  await waitUntil('the captured tweet to be ingested', async () => (await grievanceOf(capturedId)) ?? undefined, 60_000)

  await openAdmin(page, 'rules')
  await page.getByTestId('rule-add').click()
  await page.getByTestId('rule-id').fill('bridge-passes')
  await page.getByTestId('rule-division').selectOption(RULE_DIVISION)
  await page.getByTestId('rule-terms').fill(`${marker} pass\nब्रिज पास\nbridge paas`)
  await page.getByTestId('rule-handles').fill(HANDLE)
  await page.getByTestId('rule-preview').click()

  const result = page.getByTestId('rule-preview-result')
  await expect(result).toBeVisible({ timeout: 30_000 })
  // The captured tweet is in the sample and the new rule moves it (or pulls it in) to its division.
  const count = async (kind: string) =>
    Number((await result.getByTestId(`rule-preview-${kind}`).locator('dd').innerText()).replace(/\D/g, ''))
  const [pulledIn, moved] = [await count('pulledIn'), await count('moved')]
  expect(pulledIn + moved).toBeGreaterThanOrEqual(1)
  await expect(result).toContainText(marker)
  expect(await seriousA11yViolations(page, { include: '[data-testid="admin-rules"]' })).toEqual([])

  await page.getByTestId('rule-save').click()
  await expect(page.getByTestId('rule-saved')).toBeVisible({ timeout: 30_000 })
  await expect(page.getByTestId('rule-row-bridge-passes')).toBeVisible()

  const fresh = await injectTweet(
    stack.simUrl,
    'rahul_mehta_77',
    `@${HANDLE} my ${marker} pass has not been issued for a month, please help me urgently`,
  )
  const routed = await waitUntil(
    'the new tweet to be ingested',
    async () => (await grievanceOf(fresh)) ?? undefined,
    60_000,
  )
  expect(routed.division).toBe(RULE_DIVISION)
  expect(routed.matchedRules).toContain('bridge-passes')
})

test('the settings section shows the version history, checks an acknowledgement as it is typed, and passes axe', async ({
  page,
}) => {
  await openAdmin(page, 'settings')
  await expect(page.getByTestId('config-history')).toBeVisible({ timeout: 30_000 })
  await expect(page.getByTestId('config-version-1')).toContainText('system')
  // The live weighted length follows the text.
  const weight = page.getByTestId('ack-en-weight')
  const before = await weight.innerText()
  await page.getByTestId('ack-en').fill('Ticket {ticket} registered. See https://example.com')
  await expect(weight).not.toHaveText(before)
  await expect(page.getByTestId('ack-problems')).toContainText('URL')
  expect(await seriousA11yViolations(page, { include: '[data-testid="admin-settings"]' })).toEqual([])

  // A valid text is saved through the section's form: a new version, whose text the editor then shows.
  const text = 'Ticket {ticket} registered; we will reply here.'
  await page.getByTestId('ack-en').fill(text)
  await expect(page.getByTestId('ack-problems')).toHaveCount(0)
  await page.getByTestId('ack-save').click()
  await expect(page.getByTestId('config-saved')).toBeVisible()
  await expect(page.getByTestId('ack-en')).toHaveValue(text)
})
