// The working set in Chromium through the browser desk (issue 13, item 4): an officer's
// desk keeps open work and the last 30 days of finished work, so a grievance resolved three
// months ago leaves the cache after the first sync. The officer looks for it by ticket,
// finds nothing on the desk, searches the server, and opens it in the grievance view.
import { test, expect } from '@playwright/test'
import type { Grievance } from '../../src/shared/grievance'
import { writeGrievances } from '../../src/server/grievances'
import { makeGrievance } from '../desk/mock-sync-server'
import { seriousA11yViolations } from './a11y'
import { signInAt } from './desk-page'
import { withServerDatabase } from './server-db'
import { useStack } from './spec-stack'

const stack = useStack()

const DAY = 24 * 60 * 60_000
const OLD_TICKET = 'MHA-25-000777'

function seeded(id: string, ticket: string, daysAgo: number, overrides: Partial<Grievance>): Grievance {
  const at = new Date(Date.now() - daysAgo * DAY).toISOString()
  const g = makeGrievance(id, { ticket, createdAt: at, updatedAt: at, ...overrides })
  const text = `@CyberDost ${id === 'archive-old' ? 'my UPI refund of 4000 never came back' : 'fresh phishing call today'}`
  return {
    ...g,
    source: { ...g.source, tweetId: `tw-${id}`, conversationId: `tw-${id}`, text, createdAt: at },
    thread: [{ id: `c-${id}`, kind: 'citizen', text, at, by: 'citizen' }],
  }
}

test.beforeAll(async () => {
  const old = seeded('archive-old', OLD_TICKET, 90, { status: 'resolved', assignee: 'officer.cyber' })
  const fresh = seeded('archive-fresh', 'MHA-25-000778', 0, { status: 'assigned', assignee: 'officer.cyber' })
  await withServerDatabase(stack, (db) =>
    db.transaction((tx) =>
      writeGrievances(
        tx,
        [old, fresh].map((after) => ({ before: null, after })),
      ),
    ),
  )
})

test('a grievance older than the working set is found on the server by ticket and opened', async ({ page }) => {
  await signInAt(page, stack.deskUrl, 'officer.cyber')
  await page.getByTestId('view-all').click()
  // The first sync brought both; the working set's trim then took the old, finished one.
  await expect(page.getByTestId('queue-item').filter({ hasText: 'MHA-25-000778' })).toHaveCount(1, { timeout: 30_000 })
  await page.getByTestId('queue-search').fill(OLD_TICKET.toLowerCase())
  await expect(page.getByTestId('queue-summary')).toHaveAttribute('data-shown', '0', { timeout: 30_000 })

  await page.getByTestId('archive-search-start').click()
  const hit = page.getByTestId('archive-hit')
  await expect(hit).toHaveCount(1)
  await expect(hit).toHaveAttribute('data-ticket', OLD_TICKET)
  await expect(hit).toContainText('UPI refund')
  expect(await seriousA11yViolations(page, { include: '.queue-pane' })).toEqual([])

  await hit.click()
  await expect(page.getByTestId('grievance-ticket')).toHaveText(OLD_TICKET)
  // Opened into the desk's cache: the desk's own search finds it now.
  await expect(page.getByTestId('queue-summary')).toHaveAttribute('data-shown', '1')
})

test('the server search finds a word by its beginning, and asks for more than a short word', async ({ page }) => {
  await signInAt(page, stack.deskUrl, 'officer.cyber')
  await page.getByTestId('view-all').click()
  await expect(page.getByTestId('queue-item').filter({ hasText: 'MHA-25-000778' })).toHaveCount(1, { timeout: 30_000 })
  // Two letters would match nearly everything: no button, a hint instead (the server would say 400).
  await page.getByTestId('queue-search').fill('ca')
  await expect(page.getByTestId('archive-search-too-short')).toHaveText(
    'To search older grievances on the server, type a word of at least 3 letters or a ticket number.',
  )
  await expect(page.getByTestId('archive-search-start')).toHaveCount(0)
  expect(await seriousA11yViolations(page, { include: '.queue-pane' })).toEqual([])
  // "refu" of "refund", as typed before the word is whole.
  await page.getByTestId('queue-search').fill('upi refu')
  await page.getByTestId('archive-search-start').click()
  const hit = page.getByTestId('archive-hit')
  await expect(hit).toHaveCount(1)
  await expect(hit).toHaveAttribute('data-ticket', OLD_TICKET)
})

test('offline, the server search says it needs a connection and the desk keeps working', async ({ page }) => {
  await signInAt(page, stack.deskUrl, 'officer.cyber')
  await page.getByTestId('view-all').click()
  await expect(page.getByTestId('queue-item').filter({ hasText: 'MHA-25-000778' })).toHaveCount(1, { timeout: 30_000 })
  await stack.stopServer()
  try {
    await page.getByTestId('queue-search').fill('refund')
    await page.getByTestId('archive-search-start').click()
    await expect(page.getByTestId('archive-search-status')).toHaveText(
      'Searching older grievances on the server needs a connection. The grievances on this desk can still be searched.',
    )
    expect(await seriousA11yViolations(page, { include: '.queue-pane' })).toEqual([])
    // The desk's own search still answers from the cache.
    await page.getByTestId('queue-search').fill('phishing')
    await expect(page.getByTestId('queue-summary')).toHaveAttribute('data-shown', '1')
  } finally {
    await stack.startServer()
  }
})
