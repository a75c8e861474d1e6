// The queue with many grievances, in Chromium through the browser desk (issues 9 and 13):
// at 5,000 an officer working in Hindi signs in, sees the first row, filters with a
// forgiving search and opens a grievance; at 20,000 a supervisor (every division) gets
// the whole cache, reaches the last row of the virtualised list and searches it. The
// grievances go straight into the server's database (the server is stopped: PGlite has
// one writer); the desk gets them through the real initial sync.
//
// Timings are printed (and kept as annotations) for the closing notes, never asserted:
// this machine's speed on the day is not the desk's. What is asserted is that every
// grievance arrived and the search finds exactly what it should.
import { test, expect, type Page, type TestInfo } from '@playwright/test'
import { writeGrievances } from '../../src/server/grievances'
import { isOpen, type Grievance } from '../../src/shared/grievance'
import { makeGrievance } from '../../bench/desk/corpus'
import { DEMO_PASSWORD } from './desk-page'
import { withServerDatabase } from './server-db'
import { startStack, type Stack } from './stack'

const AT_FIRST = 5_000
const IN_ALL = 20_000
const OFFICERS = ['officer.cyber', 'officer.cyber', null] as const
/** What the officer types: Hindi without the nukta, as typed on most keyboards ("वीजा" finds "वीज़ा"). */
const HINDI_QUERY = 'वीजा'

let stack: Stack

/** Grievances `from`..`to`-1 of the bench corpus: realistic 2–4 KB threads; the first batch all open cyber work. */
function seeded(from: number, to: number): Grievance[] {
  return Array.from({ length: to - from }, (_, k) => {
    const i = from + k
    const g = makeGrievance(i)
    // The rest are other divisions' open work (closed work this old is outside a desk's
    // working set): the cyber officer sees exactly the first AT_FIRST, a supervisor all.
    if (i >= AT_FIRST)
      return {
        ...g,
        division: g.division === 'cyber' ? 'visa' : g.division,
        status: isOpen(g.status) ? g.status : 'in_progress',
      }
    return { ...g, division: 'cyber', status: i % 5 === 0 ? 'new' : 'assigned', assignee: OFFICERS[i % 3]! }
  })
}

async function seed(from: number, to: number): Promise<void> {
  const all = seeded(from, to)
  await withServerDatabase(stack, async (db) => {
    for (let i = 0; i < all.length; i += 1_000) {
      const batch = all.slice(i, i + 1_000).map((after) => ({ before: null, after }))
      await db.transaction((tx) => writeGrievances(tx, batch))
    }
  })
}

function expectedHindiMatches(gs: readonly Grievance[]): number {
  // The corpus's visa sentence in Hindi is the only one with "वीज़ा" in it.
  return gs.filter((g) => g.thread.some((e) => e.text.includes('वीज़ा'))).length
}

test.beforeAll(async () => {
  test.setTimeout(6 * 60_000)
  stack = await startStack()
  const start = Date.now()
  await seed(0, IN_ALL)
  console.log(`[queue-scale] ${IN_ALL} grievances written to the server's database in ${Date.now() - start} ms`)
})
test.afterAll(async () => {
  await stack?.close()
})
// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture list from this pattern
test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) console.log(stack.logs())
})

function report(testInfo: TestInfo, what: string, ms: number) {
  const line = `${what}: ${Math.round(ms)} ms`
  console.log(`[queue-scale] ${line}`)
  testInfo.annotations.push({ type: 'timing', description: line })
}

async function summary(page: Page): Promise<{ shown: number; total: number }> {
  const s = page.getByTestId('queue-summary')
  return { shown: Number(await s.getAttribute('data-shown')), total: Number(await s.getAttribute('data-total')) }
}

async function signInTimed(page: Page, username: string, expected: number, testInfo: TestInfo, label: string) {
  await page.goto(stack.deskUrl)
  // The desk host is one workstation: an earlier test's officer may still be signed in there.
  await expect(page.getByTestId('login-username').or(page.getByTestId('logout'))).toBeVisible()
  if (await page.getByTestId('logout').isVisible()) await page.getByTestId('logout').click()
  await page.getByTestId('login-username').fill(username)
  await page.getByTestId('login-password').fill(DEMO_PASSWORD)
  const start = Date.now()
  await page.getByTestId('login-submit').click()
  await expect(page.getByTestId('queue-item').first()).toBeVisible({ timeout: 240_000 })
  report(testInfo, `${label}: sign-in to the first row`, Date.now() - start)
  await page.getByTestId('view-all').click()
  await expect
    .poll(async () => (await summary(page)).total, { timeout: 9 * 60_000, message: 'every grievance on the desk' })
    .toBe(expected)
  report(testInfo, `${label}: sign-in to all ${expected} grievances listed`, Date.now() - start)
}

async function searchTimed(page: Page, query: string, expected: number, testInfo: TestInfo, label: string) {
  const start = Date.now()
  await page.getByTestId('queue-search').fill(query)
  await expect.poll(async () => (await summary(page)).shown, { timeout: 60_000 }).toBe(expected)
  report(testInfo, `${label}: search "${query}" to ${expected} rows`, Date.now() - start)
}

async function openTimed(page: Page, testInfo: TestInfo, label: string) {
  const row = page.getByTestId('queue-item').first()
  const ticket = (await row.getAttribute('data-ticket'))!
  const start = Date.now()
  await row.click()
  await expect(page.getByTestId('grievance-ticket')).toHaveText(ticket)
  report(testInfo, `${label}: open a grievance`, Date.now() - start)
}

test(`at ${AT_FIRST} grievances an officer in Hindi gets the first row, filters and opens`, async ({
  browser,
}, testInfo) => {
  test.setTimeout(8 * 60_000)
  const page = await (await browser.newContext({ locale: 'hi-IN' })).newPage()
  await signInTimed(page, 'officer.cyber', AT_FIRST, testInfo, `${AT_FIRST}`)
  await expect(page.locator('html')).toHaveAttribute('lang', 'hi')
  await searchTimed(page, HINDI_QUERY, expectedHindiMatches(seeded(0, AT_FIRST)), testInfo, `${AT_FIRST}`)
})

test(`at ${IN_ALL} grievances a supervisor gets them all, reaches the last row and searches`, async ({
  browser,
}, testInfo) => {
  test.setTimeout(15 * 60_000)
  const page = await (await browser.newContext()).newPage()
  await signInTimed(page, 'supervisor', IN_ALL, testInfo, `${IN_ALL}`)
  // The virtualised list reaches its last row by scrolling.
  const list = page.getByTestId('queue')
  await list.evaluate((el) => {
    ;(el as unknown as { scrollTop: number; scrollHeight: number }).scrollTop = (
      el as unknown as { scrollHeight: number }
    ).scrollHeight
  })
  await expect(page.getByTestId('queue-item').last()).toBeVisible()
  expect(await page.getByTestId('queue-item').count()).toBeLessThan(200)
  const all = seeded(0, IN_ALL)
  await searchTimed(page, HINDI_QUERY, expectedHindiMatches(all), testInfo, `${IN_ALL}`)
  const ticket = all[IN_ALL - 1]!.ticket
  await searchTimed(page, ticket.toLowerCase().replace(/-0+/, '-'), 1, testInfo, `${IN_ALL}`)
  await openTimed(page, testInfo, `${IN_ALL}`)
})
