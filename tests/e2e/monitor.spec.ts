// The supervisors' live monitor: a supervisor opens it, sees the cyber division's work and
// its officers, reassigns a grievance to a named officer through the dialog (keyboard
// only), and that officer's desk shows it among their own work; the screen passes axe.
import { test, expect, type Browser, type Page } from '@playwright/test'
import { seriousA11yViolations } from './a11y'
import { addStaff } from './server-db'
import { signInAt } from './desk-page'
import { injectTweet, startStack, type Stack } from './stack'

const SECOND = 'officer.cyber.ravi'
let stack: Stack
let officerDesk: { url: string; stop(): Promise<void> }

test.beforeAll(async () => {
  stack = await startStack()
  // A second cyber officer to choose between, written while the server is stopped (PGlite has one writer).
  await addStaff(stack, {
    username: SECOND,
    displayName: 'Ravi Kumar',
    role: 'officer',
    divisions: ['cyber'],
    languages: ['en', 'hi'],
    password: 'seva-demo',
  })
  officerDesk = await stack.startDesk()
})
test.afterAll(async () => {
  await officerDesk?.stop()
  await stack?.close()
})
// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture list from this pattern
test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) console.log(stack.logs())
})

async function deskPage(browser: Browser, url: string, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  await signInAt(page, url, username)
  return page
}

test('a supervisor reassigns a grievance to a named officer from the monitor', async ({ browser }) => {
  const text = `@CyberDost Rs 8,000 taken from my account by a fake KYC call, please help ${Date.now()}`
  await injectTweet(stack.simUrl, 'sunita_rao_88', text)

  const supervisor = await deskPage(browser, stack.deskUrl, 'supervisor')
  await supervisor.getByTestId('screen-monitor').click()
  const card = supervisor.getByTestId('monitor-division-cyber')
  await expect(card.getByTestId('monitor-count-open')).not.toHaveText('0', { timeout: 60_000 })
  await expect(supervisor.getByTestId('monitor-officer-officer.cyber')).toBeVisible()
  await expect(supervisor.getByTestId(`monitor-officer-${SECOND}`)).toContainText('Ravi Kumar')
  await card.click()

  const row = supervisor.getByTestId('monitor-grievance').last()
  await expect(row).toBeVisible({ timeout: 30_000 })
  const ticket = (await row.getAttribute('data-ticket'))!
  const from = (await row.getAttribute('data-assignee')) ?? ''
  const to = from === SECOND ? 'officer.cyber' : SECOND

  expect(await seriousA11yViolations(supervisor)).toEqual([])

  // Keyboard only: the button, the officer list (focused on opening), Enter to confirm.
  await row.getByTestId('reassign-open').focus()
  await supervisor.keyboard.press('Enter')
  const officerList = supervisor.getByTestId('reassign-officer')
  await expect(officerList).toBeFocused()
  expect(await seriousA11yViolations(supervisor, { include: '[data-testid="reassign-dialog"]' })).toEqual([])
  await officerList.selectOption(to)
  await supervisor.keyboard.press('Enter')
  await expect(supervisor.getByTestId('reassign-results')).toContainText('1 grievance reassigned')
  await expect(supervisor.locator(`[data-testid="monitor-grievance"][data-ticket="${ticket}"]`)).toHaveAttribute(
    'data-assignee',
    to,
  )
  // Settled on the server: the new assignee's load counts it.
  await expect(supervisor.getByTestId(`monitor-officer-${to}`).getByTestId('monitor-officer-load')).not.toHaveAttribute(
    'data-load',
    '0',
    { timeout: 30_000 },
  )

  const officer = await deskPage(browser, officerDesk.url, to)
  await officer.getByTestId('view-mine').click()
  await expect(officer.locator(`[data-testid="queue-item"][data-ticket="${ticket}"]`)).toHaveAttribute(
    'data-status',
    'assigned',
    { timeout: 60_000 },
  )
})
