// Issue 9's walkthrough, in Hindi from the first screen to the last: an officer signs in
// with the desk in Hindi, finds their own work first, opens a grievance and sees a
// colleague there before typing, sends a reply and takes it back with Undo (nothing
// reaches X), sends it again (posted exactly once). At every step the screen has none of
// the desk's English, Hindi renders in the bundled font (no missing-glyph boxes: this
// machine has no Devanagari system font), axe finds nothing serious, and a screenshot is
// kept (paths in the test's annotations).
import { test, expect, type Browser, type Page } from '@playwright/test'
import { seriousA11yViolations } from './a11y'
import { DEMO_PASSWORD } from './desk-page'
import { hindiScreen } from './hindi-screen'
import { addStaff } from './server-db'
import { injectTweet, startStack, tweetsBy, waitUntil, type Stack } from './stack'

const HANDLE = 'HMOIndia'
const MEERA = 'officer.cyber.meera'
let stack: Stack
let secondDesk: { url: string; stop(): Promise<void> }

test.beforeAll(async () => {
  stack = await startStack()
  // A colleague in the same division who takes no new work (capacity 0), so the new
  // grievance is the walking officer's own.
  await addStaff(stack, {
    username: MEERA,
    displayName: 'मीरा अय्यर',
    role: 'officer',
    divisions: ['cyber'],
    languages: ['hi', 'en'],
    capacity: 0,
    password: DEMO_PASSWORD,
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

/** A workstation set to Hindi: the desk starts in Hindi before anyone chooses. */
async function hindiDesk(browser: Browser, deskUrl: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'hi-IN' })
  const page = await context.newPage()
  await page.goto(deskUrl)
  await expect(page.getByTestId('login-username')).toBeVisible()
  return page
}

async function signIn(page: Page, username: string) {
  await page.getByTestId('login-username').fill(username)
  await page.getByTestId('login-password').fill(DEMO_PASSWORD)
  await page.getByTestId('login-submit').click()
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-status', 'online')
}

test('an officer works a grievance in Hindi: own work, a colleague’s presence, undo send, send', async ({
  browser,
}, testInfo) => {
  const text = `@${HANDLE} साइबर ठगी: किसी ने बैंक अधिकारी बनकर फ़ोन किया और मेरे खाते से 15000 रुपये निकाल लिए, कृपया शिकायत दर्ज करें ${Date.now()}`
  const tweetId = await injectTweet(stack.simUrl, 'sunita_sharma7', text)
  const repliesOnX = async () =>
    (await tweetsBy(stack.simUrl, HANDLE)).filter((t) => t.in_reply_to_tweet_id === tweetId)

  // 1. The sign-in screen, in Hindi from the start.
  const officer = await hindiDesk(browser, stack.deskUrl)
  await expect(officer.locator('html')).toHaveAttribute('lang', 'hi')
  await hindiScreen(officer, testInfo, '1-sign-in')
  expect(await seriousA11yViolations(officer)).toEqual([])
  await signIn(officer, 'officer.cyber')

  // 2. Their own open work first: the default view is "mine", and the new grievance is in it.
  await expect(officer.getByTestId('view-mine')).toHaveAttribute('aria-pressed', 'true')
  const row = officer.getByTestId('queue-item').filter({ hasText: 'बैंक अधिकारी बनकर' })
  await expect(row).toHaveCount(1, { timeout: 60_000 })
  await hindiScreen(officer, testInfo, '2-own-work')
  expect(await seriousA11yViolations(officer)).toEqual([])

  // 3. The grievance and its composer.
  const ticket = (await row.getAttribute('data-ticket'))!
  await row.click()
  await expect(officer.getByTestId('grievance-ticket')).toHaveText(ticket)
  await hindiScreen(officer, testInfo, '3-grievance')

  // 4. A colleague opens it too: the officer sees her there before typing a word.
  const meera = await hindiDesk(browser, secondDesk.url)
  await signIn(meera, MEERA)
  await meera.getByTestId('view-all').click()
  await meera.getByTestId('queue-item').filter({ hasText: 'बैंक अधिकारी बनकर' }).click()
  await expect(meera.getByTestId('grievance-ticket')).toHaveText(ticket)
  const meeraThere = officer.getByTestId('presence-user').and(officer.locator(`[data-username="${MEERA}"]`))
  await expect(meeraThere).toHaveAttribute('data-state', 'viewing')
  await expect(meeraThere).toContainText(/मीरा अय्यर\u2069? द्वारा देखी जा रही है/)
  await hindiScreen(officer, testInfo, '4-colleague-present')
  expect(await seriousA11yViolations(officer)).toEqual([])

  // 5. The officer sends a reply, then takes it back: the Undo banner, in Hindi; nothing on X.
  // The officer's own wait, chosen beside Send.
  await officer.getByTestId('undo-delay').selectOption('15')
  await expect(officer.getByTestId('undo-delay')).toBeEnabled()
  const reply = `@sunita_sharma7 आपकी शिकायत ${ticket} दर्ज है। कृपया cybercrime.gov.in पर भी रिपोर्ट करें।`
  await officer.getByTestId('composer-text').fill(reply)
  await officer.getByTestId('composer-send').click()
  const banner = officer.getByTestId('undo-send')
  await expect(banner).toBeVisible()
  await hindiScreen(officer, testInfo, '5-undo-send')
  expect(await seriousA11yViolations(officer)).toEqual([])
  await officer.getByTestId('undo-send-undo').click()
  await expect(banner).toHaveCount(0)
  await expect(officer.getByTestId('composer-text')).toHaveValue(reply)
  await officer.waitForTimeout(17_000)
  expect(await repliesOnX()).toEqual([])

  // 6. Sent again: it waits its few seconds, then goes, and is on X exactly once.
  await officer.getByTestId('undo-delay').selectOption('5')
  await expect(officer.getByTestId('undo-delay')).toBeEnabled()
  await officer.getByTestId('composer-send').click()
  await expect(banner).toBeVisible()
  await expect(banner).toHaveCount(0, { timeout: 15_000 })
  await waitUntil('the reply on X', async () => ((await repliesOnX()).length > 0 ? true : undefined))
  await officer.waitForTimeout(1500)
  expect(await repliesOnX()).toHaveLength(1)
  await expect(officer.getByTestId('thread-entry').filter({ hasText: 'cybercrime.gov.in' })).toHaveCount(1)
  await hindiScreen(officer, testInfo, '6-sent')
  expect(await seriousA11yViolations(officer)).toEqual([])
})
