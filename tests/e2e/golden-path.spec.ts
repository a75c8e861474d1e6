// The golden path in Chromium through the browser desk: a citizen's tweet becomes a
// ticket in the right officer's queue, the officer answers, and X holds exactly one reply
// from the handle, in reply to that tweet, carrying the ticket number. Then the same with
// the server down while the officer replies: the reply waits in the outbox and is posted
// exactly once when the server is back.
import { test, expect, type Page } from '@playwright/test'
import { injectTweet, tweetsBy, waitUntil } from './stack'
import { useStack } from './spec-stack'
import { signInAt } from './desk-page'

const HANDLE = 'HMOIndia'
const stack = useStack()

const login = (page: Page, username: string) => signInAt(page, stack.deskUrl, username)

async function openGrievance(page: Page, text: string): Promise<string> {
  const row = page.getByTestId('queue-item').filter({ hasText: text })
  await expect(row).toHaveCount(1, { timeout: 30_000 })
  const ticket = await row.getAttribute('data-ticket')
  expect(ticket).toMatch(/^MHA-\d{2}-\d{6}$/)
  await row.click()
  await expect(page.getByTestId('grievance-ticket')).toHaveText(ticket!)
  return ticket!
}

async function repliesTo(tweetId: string) {
  return (await tweetsBy(stack.simUrl, HANDLE)).filter((t) => t.in_reply_to_tweet_id === tweetId)
}

test('a citizen tweet reaches the cyber officer and is answered once on X', async ({ page }) => {
  const text = `@${HANDLE} My UPI account was hacked and Rs 45,000 stolen through an OTP fraud call, 1930 complaint not registered. Please help ${Date.now()}`
  const tweetId = await injectTweet(stack.simUrl, 'ravi_kumar_87', text)

  await login(page, 'officer.cyber')
  const ticket = await openGrievance(page, 'My UPI account was hacked')

  const reply = `@ravi_kumar_87 Your complaint ${ticket} is with the cyber cell. Please share the transaction ID by DM.`
  await page.getByTestId('composer-text').fill(reply)
  await expect(page.getByTestId('composer-pii')).toHaveCount(0)
  await page.getByTestId('composer-send').click()

  const replies = await waitUntil('the reply on X', async () => {
    const found = await repliesTo(tweetId)
    return found.length > 0 ? found : undefined
  })
  // Give a double post the chance to show up before counting.
  await page.waitForTimeout(1500)
  const final = await repliesTo(tweetId)
  expect(final).toHaveLength(1)
  expect(replies[0].text).toContain(ticket)
  const replyEntry = page
    .getByTestId('thread-entry')
    .and(page.locator('[data-kind="reply"]'))
    .filter({ hasText: 'is with the cyber cell' })
  await expect(replyEntry).toHaveAttribute('data-post-state', 'posted', { timeout: 30_000 })
})

test('a reply made while the server is down waits in the outbox and is posted exactly once', async ({ page }) => {
  const text = `@${HANDLE} Meri beti ka passport police verification 3 mahine se pending hai, file number DL1071234567 ${Date.now()}`
  const tweetId = await injectTweet(stack.simUrl, 'sunita_sharma', text)

  await login(page, 'officer.police')
  const ticket = await openGrievance(page, 'police verification 3 mahine')

  await stack.stopServer()
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-status', 'offline', { timeout: 30_000 })

  await page
    .getByTestId('composer-text')
    .fill(`@sunita_sharma ${ticket}: the verification report has been sent to the passport office.`)
  await page.getByTestId('composer-send').click()
  await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-pending', '1')
  expect(await repliesTo(tweetId)).toHaveLength(0)

  await stack.startServer()
  await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-pending', '0', { timeout: 60_000 })
  await waitUntil('the reply on X', async () => (await repliesTo(tweetId)).length > 0, 30_000)
  await page.waitForTimeout(1500)
  const replies = await repliesTo(tweetId)
  expect(replies).toHaveLength(1)
  expect(replies[0].text).toContain(ticket)
})
