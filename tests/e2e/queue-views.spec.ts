// The officer's queue in Chromium through the browser desk (issue 9): the desk opens on
// the officer's own work, the saved views switch with their counts, the table mode sorts
// by its headers (and passes axe), x selects rows for a bulk action that is reported row
// by row, the search forgives a missing nukta and leading zeros, and the grievance view
// lists the same citizen's other grievances.
import { test, expect, type Locator, type Page } from '@playwright/test'
import { seriousA11yViolations } from './a11y'
import { injectTweet } from './stack'
import { useStack } from './spec-stack'
import { signInAt } from './desk-page'

const HANDLE = 'HMOIndia'
const stack = useStack()

test.use({ viewport: { width: 1400, height: 900 } })

const login = (page: Page, username: string) => signInAt(page, stack.deskUrl, username)

/** Node type-checks this file without the DOM lib: the part of an element used in the page. */
type PageElement = { getAttribute(name: string): string | null }
const ticketsOf = (locator: Locator) =>
  locator.evaluateAll((els) => els.map((e) => (e as unknown as PageElement).getAttribute('data-ticket') ?? ''))

const viewCount = async (page: Page, view: string) =>
  Number(await page.getByTestId(`view-${view}`).getAttribute('data-count'))

test('views, table sort, bulk x-select, forgiving search and the citizen’s history', async ({ page }) => {
  const marker = `qv${Date.now()}`
  // Two grievances from the same citizen (one in Hindi, with a nukta), one from another.
  await injectTweet(
    stack.simUrl,
    'priya_sen',
    `@${HANDLE} my visa extension is pending at FRRO for two months ${marker}`,
  )
  await injectTweet(stack.simUrl, 'priya_sen', `@${HANDLE} मेरा वीज़ा अभी तक नहीं मिला, कृपया मदद करें ${marker}`)
  await injectTweet(
    stack.simUrl,
    'john_doe',
    `@${HANDLE} my e-visa application status is not updated for ten days, please help ${marker}`,
  )

  await login(page, 'officer.foreigners')

  // The desk opens on the officer's own open work.
  await expect(page.getByTestId('view-mine')).toHaveAttribute('aria-pressed', 'true')
  const rows = page.getByTestId('queue-item').filter({ hasText: marker })
  await expect(rows).toHaveCount(3, { timeout: 30_000 })
  await expect.poll(() => viewCount(page, 'mine')).toBeGreaterThanOrEqual(3)

  // Each view lists as many grievances as its count says; the review band is empty
  // until grievances carry a triage band.
  for (const view of ['all', 'division', 'breached', 'review', 'mine']) {
    await page.getByTestId(`view-${view}`).click()
    await expect(page.getByTestId(`view-${view}`)).toHaveAttribute('aria-pressed', 'true')
    await expect(page.getByTestId('queue-item')).toHaveCount(await viewCount(page, view))
  }
  expect(await viewCount(page, 'review')).toBe(0)
  expect(await viewCount(page, 'all')).toBeGreaterThanOrEqual(await viewCount(page, 'mine'))

  // Table mode: header buttons sort, aria-sort follows, and axe finds nothing serious.
  await page.getByTestId('queue-search').fill(marker)
  await page.getByTestId('layout-table').click()
  const tableRows = page.getByTestId('queue-table-row')
  await expect(tableRows).toHaveCount(3)
  const ticketHeader = page.locator('th').filter({ has: page.getByTestId('sort-ticket') })
  await page.getByTestId('sort-ticket').click()
  await expect(ticketHeader).toHaveAttribute('aria-sort', 'ascending')
  const ascending = await ticketsOf(tableRows)
  expect(ascending).toEqual([...ascending].sort())
  await page.getByTestId('sort-ticket').click()
  await expect(ticketHeader).toHaveAttribute('aria-sort', 'descending')
  await expect.poll(() => ticketsOf(tableRows)).toEqual([...ascending].reverse())
  expect(await seriousA11yViolations(page, { include: '.queue-pane' })).toEqual([])

  // The choice of table mode survives a reload (kept on this workstation).
  await page.reload()
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-status', 'online')
  await expect(page.getByTestId('queue-table')).toBeVisible()
  await page.getByTestId('layout-cards').click()

  // x selects the highlighted row: two rows, then claim (already theirs: skipped, row by
  // row, not fatal) and start (done for both).
  await page.getByTestId('queue-search').fill(marker)
  await expect(rows).toHaveCount(3)
  await page.getByTestId('queue-search').press('Escape')
  await page.keyboard.press('j')
  await page.keyboard.press('x')
  await page.keyboard.press('j')
  await page.keyboard.press('x')
  await expect(page.getByTestId('bulk-count')).toHaveAttribute('data-count', '2')
  const selected = page.locator('[data-testid="queue-item"][data-selected="true"]')
  await expect(selected).toHaveCount(2)
  const chosen = await ticketsOf(selected)

  await page.getByTestId('bulk-claim').click()
  const outcomes = page.getByTestId('bulk-outcome')
  await expect(outcomes).toHaveCount(2)
  for (const ticket of chosen) {
    await expect(outcomes.and(page.locator(`[data-ticket="${ticket}"]`))).toHaveAttribute('data-result', 'skipped')
  }
  await expect(page.getByTestId('bulk-count')).toHaveAttribute('data-count', '2')
  await page.getByTestId('bulk-start').click()
  for (const ticket of chosen) {
    await expect(outcomes.and(page.locator(`[data-ticket="${ticket}"]`))).toHaveAttribute('data-result', 'done')
    await expect(page.locator(`[data-testid="queue-item"][data-ticket="${ticket}"]`)).toHaveAttribute(
      'data-status',
      'in_progress',
    )
  }
  await expect(rows.and(page.locator('[data-status="in_progress"]'))).toHaveCount(2)
  await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-pending', '0', { timeout: 30_000 })

  // "वीजा" (no nukta) finds the grievance that says "वीज़ा".
  await page.getByTestId('queue-search').fill(`वीजा ${marker}`)
  await expect(rows).toHaveCount(1)
  await expect(rows).toContainText('वीज़ा')
  const hindiTicket = (await rows.getAttribute('data-ticket'))!

  // A ticket number in lower case without its leading zeros.
  const [prefix, year, sequence] = hindiTicket.split('-')
  await page.getByTestId('queue-search').fill(`${prefix.toLowerCase()}-${year}-${Number(sequence)}`)
  await expect(page.getByTestId('queue-item')).toHaveCount(1)
  await expect(page.getByTestId('queue-item')).toHaveAttribute('data-ticket', hindiTicket)

  // The citizen's other grievance, beside the one opened.
  await page.getByTestId('queue-search').fill(`FRRO ${marker}`)
  await expect(rows).toHaveCount(1)
  await rows.click()
  const history = page.getByTestId('citizen-history')
  await expect(history.getByTestId('citizen-history-item')).toHaveCount(1)
  await expect(history.getByTestId('citizen-history-item')).toHaveAttribute('data-ticket', hindiTicket)
  await history.getByRole('button', { name: hindiTicket }).click()
  await expect(page.getByTestId('grievance-ticket')).toHaveText(hindiTicket)
})
