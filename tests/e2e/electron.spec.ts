// The golden path in the Electron desk itself. Electron's binary is downloaded by its own
// installer; where it is missing (as on machines without access to its download host)
// this test says so and does not run. Everything else runs in Chromium via the browser desk.
import { test, expect, _electron as electron } from '@playwright/test'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { findElectronBinary } from '../../scripts/electron-binary.mjs'
import { injectTweet, startStack, tweetsBy, waitUntil, type Stack } from './stack'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const binary = findElectronBinary()
if (!binary.path) console.log(`[electron e2e] not run: ${binary.reason}`)

test.describe('Electron desk', () => {
  test.skip(!binary.path, `Electron's binary is not available: ${binary.reason}`)
  let stack: Stack
  test.beforeAll(async () => {
    stack = await startStack()
  })
  test.afterAll(async () => {
    await stack?.close()
  })

  test('golden path: tweet → officer queue → reply posted once', async () => {
    const text = `@HMOIndia My OCI card application has been pending for 4 months, file OCIUSA2026123 ${Date.now()}`
    const tweetId = await injectTweet(stack.simUrl, 'nri_anand', text)
    const app = await electron.launch({
      executablePath: binary.path!,
      args: [root],
      env: {
        ...process.env,
        SEVA_SERVER_URL: stack.serverUrl,
        SEVA_USER_DATA: join(root, 'test-results', `electron-${Date.now()}`),
      },
    })
    try {
      const page = await app.firstWindow()
      // Served from app://desk/, not file://, under the CSP; a file outside the renderer is not served.
      expect(page.url()).toMatch(/^app:\/\/desk\//)
      const outside = await page.evaluate(async () => (await fetch('app://desk/%2e%2e%2fmain%2findex.js')).status)
      expect(outside).toBe(404)
      const csp = await page.evaluate(async () =>
        (await fetch('app://desk/index.html')).headers.get('content-security-policy'),
      )
      expect(csp).toContain("script-src 'self'")
      // No updater without a pre-seeded feed: no notice.
      await expect(page.getByTestId('update-notice')).toHaveCount(0)
      await page.getByTestId('login-username').fill('officer.foreigners')
      await page.getByTestId('login-password').fill('seva-demo')
      await page.getByTestId('login-submit').click()
      const row = page.getByTestId('queue-item').filter({ hasText: 'OCI card application' })
      await expect(row).toHaveCount(1, { timeout: 30_000 })
      const ticket = (await row.getAttribute('data-ticket'))!
      await row.click()
      await page
        .getByTestId('composer-text')
        .fill(`@nri_anand ${ticket} is being processed by the Foreigners Division.`)
      await page.getByTestId('composer-send').click()
      const replies = await waitUntil('the reply on X', async () => {
        const found = (await tweetsBy(stack.simUrl, 'HMOIndia')).filter((t) => t.in_reply_to_tweet_id === tweetId)
        return found.length ? found : undefined
      })
      expect(replies).toHaveLength(1)
      expect(replies[0].text).toContain(ticket)
    } finally {
      await app.close()
    }
  })
})
