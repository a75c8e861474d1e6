// Two desks, one grievance: each officer sees the other there (viewing, then replying)
// before typing; a sent reply waits with an Undo, Undo keeps it off X, and sent again it
// is posted exactly once after the delay; the officer still writing is warned that a
// colleague answered. Each officer has their own browser desk host (their workstation).
import { test, expect, type Browser, type Page } from '@playwright/test'
import { seriousA11yViolations } from './a11y'
import { addStaff } from './server-db'
import { injectTweet, startStack, tweetsBy, waitUntil, type Stack } from './stack'

const HANDLE = 'HMOIndia'
const MEERA = 'officer.cyber.meera'
let stack: Stack
let secondDesk: { url: string; stop(): Promise<void> }

test.beforeAll(async () => {
  stack = await startStack()
  // The demo seeds one officer per division; a second cyber officer goes straight into
  // the server's database while it is stopped (PGlite has one writer).
  await addStaff(stack, {
    username: MEERA,
    displayName: 'Meera Iyer',
    role: 'officer',
    divisions: ['cyber'],
    languages: ['en', 'hi'],
    password: 'seva-demo',
  })
  secondDesk = await stack.startDesk()
})
test.afterAll(async () => {
  await secondDesk?.stop()
  await stack?.close()
})
// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture list from this pattern
test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) console.log(stack.logs())
})

async function signIn(browser: Browser, deskUrl: string, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  await page.goto(deskUrl)
  await page.getByTestId('login-username').fill(username)
  await page.getByTestId('login-password').fill('seva-demo')
  await page.getByTestId('login-submit').click()
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-status', 'online')
  return page
}

async function open(page: Page, text: string): Promise<string> {
  // Allocation gives it to one of the two: the other finds it among all the division's work.
  await page.getByTestId('view-all').click()
  const row = page.getByTestId('queue-item').filter({ hasText: text })
  await expect(row).toHaveCount(1, { timeout: 60_000 })
  const ticket = (await row.getAttribute('data-ticket'))!
  await row.click()
  await expect(page.getByTestId('grievance-ticket')).toHaveText(ticket)
  return ticket
}

/** The officer's undo delay, through the desk API as the settings screen would set it. */
async function setUndoSeconds(page: Page, seconds: number) {
  await page.evaluate(async (undoSendSeconds) => {
    const seva = (globalThis as unknown as { seva: { invoke(m: string, i: unknown): Promise<unknown> } }).seva
    await seva.invoke('settings.set', { undoSendSeconds })
  }, seconds)
}

test('two officers on one grievance: presence, undo send, one post, collision warning', async ({ browser }) => {
  const text = `@${HANDLE} My UPI account was hacked and Rs 12,000 stolen through an OTP fraud call, please help ${Date.now()}`
  const tweetId = await injectTweet(stack.simUrl, 'anita_verma_21', text)
  const repliesOnX = async () =>
    (await tweetsBy(stack.simUrl, HANDLE)).filter((t) => t.in_reply_to_tweet_id === tweetId)

  const meera = await signIn(browser, secondDesk.url, MEERA)
  const officer = await signIn(browser, stack.deskUrl, 'officer.cyber')
  await open(meera, 'My UPI account was hacked')
  await open(officer, 'My UPI account was hacked')

  // Before typing a word, each sees the other there.
  const meeraThere = officer.getByTestId('presence-user').and(officer.locator(`[data-username="${MEERA}"]`))
  await expect(meeraThere).toHaveAttribute('data-state', 'viewing')
  await expect(meeraThere).toContainText(/Meera Iyer\W? is viewing/)
  await expect(meera.getByTestId('presence-user')).toHaveAttribute('data-username', 'officer.cyber')

  await meera.getByTestId('composer-text').fill('Dear citizen, we are looking into')
  await expect(meeraThere).toHaveAttribute('data-state', 'replying')
  await expect(meeraThere).toContainText(/Meera Iyer\W? is replying/)

  // The officer sends, thinks better of it, and takes it back: nothing reaches X.
  await setUndoSeconds(officer, 10)
  const reply = '@anita_verma_21 Please report the app on cybercrime.gov.in; the cyber cell has your case.'
  await officer.getByTestId('composer-text').fill(reply)
  await officer.getByTestId('composer-send').click()
  const banner = officer.getByTestId('undo-send')
  await expect(banner).toContainText(/Sending in \d+ s/)
  await expect(officer.getByTestId('composer-text')).toHaveValue('')
  expect(await seriousA11yViolations(officer, { include: '[data-testid="grievance-view"]' })).toEqual([])
  await officer.getByTestId('undo-send-undo').click()
  await expect(banner).toHaveCount(0)
  await expect(officer.getByTestId('composer-text')).toHaveValue(reply)
  // Past the delay, and past a posting pass of the server: still nothing on X.
  await officer.waitForTimeout(12_000)
  expect(await repliesOnX()).toEqual([])

  // Sent again with a short delay: it waits, then goes, and is posted exactly once.
  await setUndoSeconds(officer, 2)
  await officer.getByTestId('composer-send').click()
  await expect(banner).toBeVisible()
  await expect(banner).toHaveCount(0, { timeout: 15_000 })
  await waitUntil('the reply on X', async () => ((await repliesOnX()).length > 0 ? true : undefined))
  await officer.waitForTimeout(1500)
  expect(await repliesOnX()).toHaveLength(1)

  // Meera is still writing: the colleague's reply arrives in her thread with a warning.
  await expect(meera.getByTestId('composer-collision')).toBeVisible({ timeout: 30_000 })
  await expect(meera.getByTestId('composer-collision')).toContainText('replied while you were writing')
  expect(await seriousA11yViolations(meera, { include: '[data-testid="grievance-view"]' })).toEqual([])
})
