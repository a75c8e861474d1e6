// Findings of the outside audit, checked in Chromium through the browser desk against a
// real server and simulator: one action bar however many grievances were opened; bidi
// controls shown, not obeyed; the PII warning in view in a long thread; the composer's
// limits; and a reply counted and posted exactly as the server will post it.
import { test, expect, type Page } from '@playwright/test'
import { LIMITS } from '../../src/shared/limits'
import { injectTweet, tweetsBy, waitUntil } from './stack'
import { useStack } from './spec-stack'
import { signInAt } from './desk-page'

/** The few DOM members the page-side callbacks use (this file type-checks without the DOM lib). */
interface PageElement {
  getAttribute(name: string): string | null
  textContent: string | null
  scrollTop: number
  ownerDocument: { defaultView: { getComputedStyle(e: PageElement): { unicodeBidi: string } } | null }
}

const HANDLE = 'HMOIndia'
const PASSWORD = 'seva-demo'
const stack = useStack()

test.use({ viewport: { width: 1360, height: 860 } })

const login = (page: Page, username: string) => signInAt(page, stack.deskUrl, username, PASSWORD)

async function openGrievance(page: Page, text: string): Promise<string> {
  const row = page.getByTestId('queue-item').filter({ hasText: text })
  await expect(row).toHaveCount(1, { timeout: 30_000 })
  const ticket = (await row.getAttribute('data-ticket'))!
  await row.click()
  await expect(page.getByTestId('grievance-ticket')).toHaveText(ticket)
  return ticket
}

/** The server's API as an officer, for setting up long threads quickly. */
async function serverApi(username: string) {
  const res = await fetch(`${stack.serverUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  })
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`)
  const { token } = (await res.json()) as { token: string }
  const call = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${stack.serverUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    })
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`)
    return (await r.json()) as unknown
  }
  return { call }
}

test('opening five grievances in a row leaves one action bar, acting on the grievance shown', async ({ page }) => {
  const marker = `kb${Date.now()}`
  for (let i = 1; i <= 5; i++) {
    await injectTweet(
      stack.simUrl,
      `upi_victim_${i}`,
      `@${HANDLE} UPI fraud: Rs ${i}000 debited from my bank account after a fake call, case ${i} ${marker}`,
    )
  }
  await login(page, 'officer.cyber')
  const rows = page.getByTestId('queue-item').filter({ hasText: marker })
  await expect(rows).toHaveCount(5, { timeout: 30_000 })
  const before = await rows.evaluateAll((els) =>
    els.map((e) => [
      (e as unknown as PageElement).getAttribute('data-ticket'),
      (e as unknown as PageElement).getAttribute('data-status'),
    ]),
  )
  // All five start alike, so a change to any but the shown one is visible below.
  expect(new Set(before.map(([, status]) => status)).size).toBe(1)

  await page.getByTestId('queue').focus()
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Escape')
    await page.keyboard.press('j')
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('grievance-ticket')).toHaveText(
      (await page.locator('.queue-row.cursor').getAttribute('data-ticket'))!,
    )
    await expect(page.getByTestId('action-start')).toHaveCount(1)
  }
  const shown = (await page.getByTestId('grievance-ticket').textContent())!
  await expect(page.getByTestId('action-bar')).toHaveCount(1)
  await expect(page.getByTestId('action-resolve')).toHaveCount(1)
  await expect(page.getByTestId('action-bar')).toHaveAttribute('data-grievance', shown)

  await page.getByTestId('action-start').click()
  await expect(page.getByTestId('grievance-status')).toHaveAttribute('data-status', 'in_progress')
  const row = (ticket: string) => page.locator(`[data-testid="queue-item"][data-ticket="${ticket}"]`)
  await expect(row(shown)).toHaveAttribute('data-status', 'in_progress')
  await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-pending', '0', { timeout: 30_000 })
  for (const [ticket, status] of before) {
    if (ticket !== shown) await expect(row(ticket!)).toHaveAttribute('data-status', status!)
  }
})

test('a right-to-left override in a tweet is shown as a marker, not obeyed', async ({ page }) => {
  const marker = `rtl${Date.now()}`
  await injectTweet(
    stack.simUrl,
    'spoof_citizen',
    `@${HANDLE} my police verification for the passport is pending for three weeks, please help. See my file \u202Egpj.exe ${marker}`,
  )
  await login(page, 'officer.police')
  const row = page.getByTestId('queue-item').filter({ hasText: marker })
  await expect(row).toHaveCount(1, { timeout: 30_000 })
  await expect(row.getByTestId('bidi-control')).toHaveText('⟨RLO⟩')
  await openGrievance(page, marker)

  const tweet = page.getByTestId('source-tweet')
  const control = tweet.getByTestId('bidi-control')
  await expect(control).toHaveText('⟨RLO⟩')
  await expect(control).toHaveAttribute('title', /right-to-left override/)
  const bdi = tweet.locator('bdi.untrusted').first()
  await expect(bdi).toHaveAttribute('dir', 'auto')
  expect(
    await bdi.evaluate((e) => {
      const el = e as unknown as PageElement
      return el.ownerDocument.defaultView!.getComputedStyle(el).unicodeBidi
    }),
  ).toBe('isolate')
  // The override character itself never reaches the page, so nothing reads backwards.
  expect(await tweet.evaluate((e) => (e as unknown as PageElement).textContent!.includes('\u202E'))).toBe(false)
  await expect(tweet).toContainText('⟨RLO⟩gpj.exe')
})

test('the PII warning stays in view in a long thread, and the composer keeps to its limits', async ({ page }) => {
  const marker = `pii${Date.now()}`
  await injectTweet(stack.simUrl, 'visa_applicant', `@${HANDLE} my e-visa application is pending for weeks ${marker}`)
  const api = await serverApi('officer.foreigners')
  const grievance = await waitUntil('the grievance on the server', async () => {
    const { changes } = (await api.call('GET', '/api/v1/changes?after=0&limit=500')) as {
      changes: { kind: string; grievance?: { id: string; version: number; source: { text: string } } }[]
    }
    return changes.find((c) => c.kind === 'upsert' && c.grievance!.source.text.includes(marker))?.grievance
  })
  const note = 'Checked the file with the FRRO; the papers are complete and the case is moving. '.repeat(4)
  await api.call('POST', '/api/v1/actions', {
    actions: Array.from({ length: 30 }, (_, i) => ({
      id: crypto.randomUUID(),
      grievanceId: grievance.id,
      baseVersion: grievance.version,
      at: new Date().toISOString(),
      body: { type: 'note', text: `${i + 1}. ${note}` },
    })),
  })

  await login(page, 'officer.foreigners')
  await openGrievance(page, marker)
  const notes = page.locator('[data-testid="thread-entry"][data-kind="note"]')
  await expect(notes).toHaveCount(30, { timeout: 30_000 })

  await page.getByTestId('composer-text').fill('Your Aadhaar 2345 6789 0123 and PAN ABCDE1234F are noted.')
  await expect(page.getByTestId('composer-pii')).toContainText('Aadhaar')
  await expect(page.getByTestId('composer-pii')).toContainText('PAN')
  await expect(page.getByTestId('composer-send')).toBeDisabled()
  // The officer scrolls up to read the thread: the warning and the button stay on screen.
  await page.getByTestId('grievance-view').evaluate((e) => ((e as unknown as PageElement).scrollTop = 0))
  const viewport = page.viewportSize()!
  for (const id of ['composer-pii', 'composer-send']) {
    const box = (await page.getByTestId(id).boundingBox())!
    expect(box.y).toBeGreaterThanOrEqual(0)
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height)
  }

  // A paste far past every limit is cut at the field's limit; Send refuses a reply that long.
  await page.getByTestId('composer-text').fill('x'.repeat(1_100_000))
  expect(await page.getByTestId('composer-text').evaluate((e) => ('value' in e ? String(e.value).length : -1))).toBe(
    LIMITS.noteChars,
  )
  await expect(page.getByTestId('composer-limit')).toContainText(`at most ${LIMITS.replyChars.toLocaleString('en-IN')}`)
  await expect(page.getByTestId('composer-send')).toBeDisabled()
  await page.getByTestId('composer-note').click()
  await expect(notes).toHaveCount(31)
  await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-pending', '0', { timeout: 30_000 })
  await expect(page.getByTestId('conflicts')).toHaveCount(0)

  // The reject reason shows its limit and stops there.
  await page.getByTestId('action-reject').click()
  await expect(page.getByTestId('reject-reason-count')).toContainText(
    `/ ${LIMITS.reasonChars.toLocaleString('en-IN')} characters`,
  )
  await page.getByTestId('reject-reason').fill('y'.repeat(LIMITS.reasonChars + 500))
  expect(await page.getByTestId('reject-reason').evaluate((e) => ('value' in e ? String(e.value).length : -1))).toBe(
    LIMITS.reasonChars,
  )
})

test('a reply shown as two posts goes out as those two posts, the ticket on a part with words', async ({ page }) => {
  const marker = `thr${Date.now()}`
  const tweetId = await injectTweet(
    stack.simUrl,
    'oci_holder',
    `@${HANDLE} my OCI card application is pending for two months ${marker}`,
  )
  await login(page, 'officer.foreigners')
  const ticket = await openGrievance(page, marker)

  // 272 characters: under 280 on its own, over it once " (Ref: ticket)" is added.
  const reply = 'Your OCI application has been examined and forwarded to the mission for printing. '
    .repeat(4)
    .slice(0, 272)
    .trim()
  await page.getByTestId('composer-text').fill(reply)
  await expect(page.getByTestId('composer-count')).toHaveAttribute('data-posts', '2')
  await expect(page.getByTestId('composer-send')).toHaveText('Send as a thread (2 posts)')
  const previews = await page.getByTestId('composer-post').allTextContents()
  expect(previews).toHaveLength(2)
  await page.getByTestId('composer-send').click()

  // The first part answers the citizen's tweet, the second answers the first.
  const posted = await waitUntil('both posts on X', async () => {
    const ours = await tweetsBy(stack.simUrl, HANDLE)
    const first = ours.find((t) => t.in_reply_to_tweet_id === tweetId)
    const second = first && ours.find((t) => t.in_reply_to_tweet_id === first.id)
    return first && second ? [first, second] : undefined
  })
  await page.waitForTimeout(1500)
  expect((await tweetsBy(stack.simUrl, HANDLE)).filter((t) => t.text.includes(ticket))).toHaveLength(1)
  const texts = posted.map((t) => t.text)
  expect(texts[0]!.startsWith('1/2 Your OCI application')).toBe(true)
  expect(texts[1]).toMatch(new RegExp(`^2/2 \\S.* \\(Ref: ${ticket}\\)$`))
  for (const [i, text] of texts.entries()) expect(previews[i]).toContain(text)
})
