// The admin's day in one walkthrough, on a real two-instance deployment (issue 12, "done
// when"): two server processes share one PostgreSQL database; B started first and holds the
// background lease, so B alone ingests from the simulator; A only serves desks. The admin's
// desk talks to A, the new officer's workstation to B (as a load balancer would spread them).
//
//   1. the admin creates an officer on A;
//   2. the officer signs in on B and must change the password first;
//   3. the admin previews a new keyword rule on tweets B captured, and enables it on A;
//   4. B applies the new configuration version without a restart and routes a new
//      matching tweet by the rule;
//   5. the admin disables the officer on A and the officer's open desk on B is signed out;
//   6. the audit log (screen and API) has each step, and its hash chain — written by both
//      instances — still verifies.
//
// Every screen visited passes axe. Needs PostgreSQL (DATABASE_URL, else 127.0.0.1:5432):
// `npm run test:pg` runs it (SEVA_PG_E2E=1); elsewhere it is skipped with the reason printed. Two instances
// on PGlite are not possible (one process owns an embedded database), so there is no
// PGlite variant: the single-instance steps are covered by admin-users/admin-rules specs.
import { test, expect as baseExpect, type Page } from '@playwright/test'
import type { AuditEntry, AuditPage } from '../../src/shared/audit'
import type { ChangesResponse, LoginResponse } from '../../src/shared/protocol'
import { seriousA11yViolations } from './a11y'
import { DEMO_PASSWORD, fillNewOfficer, firstSignInAt, openAdminAt } from './desk-page'
import {
  postgresUnavailable,
  startClusterStack,
  type ClusterStack,
  type DeskHost,
  type ServerInstance,
} from './cluster-stack'
import { injectTweet, waitUntil } from './stack'

// Twice the config's 15 s for each UI condition: two servers, a simulator and two desks share a busy machine.
const expect = baseExpect.configure({ timeout: 30_000 })

const OFFICER = 'officer.walk.meera'
const INITIAL = 'Banyan-Monsoon-Ledger-52'
const CHOSEN = 'Teal+Lantern+Orchard-83'
const HANDLE = 'HMOIndia'
const RULE_ID = 'walkthrough-ferry-passes'
// Scoped to our handle, as in admin-rules.spec.ts, so its division wins for the tweets it matches.
const RULE_DIVISION = 'women-safety'

let cluster: ClusterStack | undefined
let adminDesk: DeskHost
let officerDesk: DeskHost

test.beforeAll(async () => {
  // `npm test` leaves it to `npm run test:pg` (CI runs both): one run of two servers is enough.
  const unavailable =
    process.env.SEVA_PG_E2E === '1' ? await postgresUnavailable() : 'it runs from `npm run test:pg` (SEVA_PG_E2E=1)'
  if (unavailable) console.log(`[admin-walkthrough] skipped: ${unavailable}`)
  test.skip(unavailable !== null, unavailable ?? '')
  test.setTimeout(240_000)
  cluster = await startClusterStack({ database: `walkthrough_${process.pid}` })
  adminDesk = await cluster.startDesk(cluster.a)
  officerDesk = await cluster.startDesk(cluster.b)
})
test.afterAll(async () => {
  await cluster?.close()
})
// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture list from this pattern
test.afterEach(async ({}, testInfo) => {
  if (cluster && testInfo.status !== testInfo.expectedStatus) console.log(cluster.logs())
})

async function login(on: ServerInstance, username: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await fetch(`${on.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  if (!res.ok) throw new Error(`sign-in of ${username} on ${on.name}: ${res.status} ${await res.text()}`)
  return ((await res.json()) as LoginResponse).token
}

async function getJson<T>(on: ServerInstance, path: string, token: string): Promise<T> {
  const res = await fetch(`${on.url}${path}`, { headers: { authorization: `Bearer ${token}` } })
  if (!res.ok) throw new Error(`GET ${path} on ${on.name}: ${res.status} ${await res.text()}`)
  return (await res.json()) as T
}

/** The grievance made of a tweet, as instance `on`'s changes feed has it (a supervisor sees every division). */
async function grievanceOn(
  on: ServerInstance,
  token: string,
  tweetId: string,
): Promise<{ division: string | null; matchedRules: string[] } | undefined> {
  let after = 0
  for (;;) {
    const page = await getJson<ChangesResponse>(on, `/api/v1/changes?after=${after}&limit=500`, token)
    for (const c of page.changes) if (c.kind === 'upsert' && c.grievance.source.tweetId === tweetId) return c.grievance
    if (!page.hasMore) return undefined
    after = page.last
  }
}

/** Whether the instance holds the background lease (healthz details need a supervisor or admin). */
async function isLeader(on: ServerInstance, token: string): Promise<boolean> {
  return (await getJson<{ leader: boolean }>(on, '/healthz', token)).leader
}

/** The newest configuration version the instance says it has installed (its log, as an operator reads it). */
function installedVersion(on: ServerInstance): number {
  const versions = [
    ...on.part.output().matchAll(/\[server\] configuration version (\d+)|\[config\] now on version (\d+)/g),
  ]
  return Math.max(0, ...versions.map((m) => Number(m[1] ?? m[2])))
}

async function expectAccessible(page: Page, include?: string): Promise<void> {
  expect(await seriousA11yViolations(page, include ? { include } : {})).toEqual([])
}

test('an admin runs the deployment across two server instances, and the audit log has every step', async ({
  browser,
}) => {
  test.setTimeout(420_000)
  const { a, b, simUrl } = cluster!
  const supervisorOnB = await login(b, 'supervisor')
  const adminApi = await login(a, 'admin')
  expect(await isLeader(b, supervisorOnB)).toBe(true)
  expect(await isLeader(a, adminApi)).toBe(false)
  const pidOfB = b.part.child.pid

  // Traffic captured before the rule exists: B, the leader, ingests it (in the background while the admin works).
  const marker = `ferry${Date.now().toString(36)}`
  const capturedId = await injectTweet(
    simUrl,
    'anita_verma_41',
    `@${HANDLE} my ${marker} pass application is pending for 3 weeks, please help me urgently`,
  )

  const admin = await (await browser.newContext()).newPage()
  const officer = await (await browser.newContext()).newPage()

  await test.step('the admin creates an officer (desk on A)', async () => {
    await openAdminAt(admin, adminDesk.url)
    await expect(admin.getByTestId('admin-users')).toBeVisible()
    await fillNewOfficer(admin, {
      username: OFFICER,
      displayName: 'Meera Iyer',
      division: 'cyber',
      capacity: 10,
      password: INITIAL,
    })
    await expect(admin.getByTestId('password-policy-met')).toBeVisible()
    await expectAccessible(admin)
    await admin.getByTestId('user-form-save').click()
    await expect(admin.getByTestId(`user-row-${OFFICER}`)).toContainText('Meera Iyer')
    await expect(admin.getByTestId(`user-status-${OFFICER}`)).toHaveText('Must change password')
  })

  await test.step('the officer signs in on B and must change the password first', async () => {
    await firstSignInAt(officer, officerDesk.url, OFFICER, INITIAL)
    await expectAccessible(officer)
    await officer.getByTestId('change-password-current').fill(INITIAL)
    await officer.getByTestId('change-password-new').fill(CHOSEN)
    await officer.getByTestId('change-password-confirm').fill(CHOSEN)
    await expect(officer.getByTestId('password-policy-met')).toBeVisible()
    await officer.getByTestId('change-password-submit').click()
    await expect(officer.getByTestId('sync-status')).toHaveAttribute('data-status', 'online')
    await expect(officer.getByTestId('logout')).toBeVisible()
    await expectAccessible(officer)
    // The admin, on the other instance, sees the account active.
    await admin.getByTestId('users-refresh').click()
    await expect(admin.getByTestId(`user-status-${OFFICER}`)).toHaveText('Active')
  })

  let savedVersion = 0
  await test.step('the admin previews a new keyword rule on the tweets B captured, and enables it on A', async () => {
    await waitUntil(
      'B to ingest the captured tweet',
      () => grievanceOn(b, supervisorOnB, capturedId),
      90_000,
      () => b.part.output(),
    )
    const before = await getJson<{ version: number }>(a, '/api/v1/admin/config', adminApi)
    await admin.getByTestId('admin-section-rules').click()
    await admin.getByTestId('rule-add').click()
    await admin.getByTestId('rule-id').fill(RULE_ID)
    await admin.getByTestId('rule-division').selectOption(RULE_DIVISION)
    await admin.getByTestId('rule-terms').fill(`${marker} pass\nफेरी पास\nferry paas`)
    await admin.getByTestId('rule-handles').fill(HANDLE)
    await admin.getByTestId('rule-preview').click()
    const result = admin.getByTestId('rule-preview-result')
    await expect(result).toBeVisible({ timeout: 60_000 })
    const count = async (kind: string) =>
      Number((await result.getByTestId(`rule-preview-${kind}`).locator('dd').innerText()).replace(/\D/g, ''))
    expect((await count('pulledIn')) + (await count('moved'))).toBeGreaterThanOrEqual(1)
    await expect(result).toContainText(marker)
    await expectAccessible(admin, '[data-testid="admin-rules"]')

    await expect(admin.getByTestId('rule-save')).toHaveText('Enable and save')
    await admin.getByTestId('rule-save').click()
    await expect(admin.getByTestId('rule-saved')).toBeVisible({ timeout: 30_000 })
    // The "enabled" column (after division, terms, exclusions, handles, boost).
    await expect(admin.getByTestId(`rule-row-${RULE_ID}`).locator('td').nth(5)).toHaveText('On')
    const after = await getJson<{ version: number; config: { rules: { id: string }[] } }>(
      a,
      '/api/v1/admin/config',
      adminApi,
    )
    expect(after.version).toBe(before.version + 1)
    expect(after.config.rules.map((r) => r.id)).toContain(RULE_ID)
    savedVersion = after.version
  })

  await test.step('B applies the new version without a restart and routes a new matching tweet by the rule', async () => {
    // Waiting for B to say so first: a tweet B ingested a moment before the NOTIFY arrived would
    // be routed by the old rules, which is right, but not what this step is about.
    await waitUntil(
      `B to install configuration version ${savedVersion}`,
      async () => installedVersion(b) >= savedVersion,
      30_000,
      () => b.part.output(),
    )
    expect(b.part.child.pid).toBe(pidOfB)
    expect(b.part.child.exitCode).toBeNull()
    const freshId = await injectTweet(
      simUrl,
      'rahul_mehta_77',
      `@${HANDLE} my ${marker} pass has not been issued for a month, please help me urgently`,
    )
    const routed = await waitUntil(
      'B to ingest the new tweet',
      () => grievanceOn(b, supervisorOnB, freshId),
      90_000,
      () => b.part.output(),
    )
    expect(routed.division).toBe(RULE_DIVISION)
    expect(routed.matchedRules).toContain(RULE_ID)
    // B did the ingesting: it still holds the lease, and A never took it.
    expect(await isLeader(b, supervisorOnB)).toBe(true)
    expect(await isLeader(a, adminApi)).toBe(false)
  })

  await test.step("the admin disables the officer on A and the officer's open desk on B is signed out", async () => {
    await admin.getByTestId('admin-section-users').click()
    await expect(admin.getByTestId(`user-status-${OFFICER}`)).toHaveText('Active')
    await admin.getByTestId(`user-disable-${OFFICER}`).click()
    await expect(admin.getByTestId(`user-status-${OFFICER}`)).toHaveText('Disabled')
    // B learns of the revocation from the database on its next session check (one event-stream ping).
    await expect(officer.getByTestId('login-username')).toBeVisible({ timeout: 60_000 })
    // And the chosen password no longer opens the account, on either instance.
    for (const on of [a, b]) {
      const res = await fetch(`${on.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: OFFICER, password: CHOSEN }),
      })
      expect(res.status, `sign-in on ${on.name}`).toBe(401)
    }
  })

  await test.step('the audit log shows each step (screen on A, and its API)', async () => {
    await admin.getByTestId('admin-section-audit').click()
    const rows = admin.getByTestId('audit-entry')
    await admin.getByTestId('audit-search').fill(OFFICER)
    await admin.getByTestId('audit-apply').click()
    for (const action of ['user.created', 'auth.sign-in', 'auth.password-changed', 'user.disabled'])
      await expect(admin.locator(`[data-testid="audit-entry"][data-action="${action}"]`).first()).toBeVisible()
    await expectAccessible(admin)

    await admin.getByTestId('audit-search').fill('')
    await admin.getByTestId('audit-action').selectOption('config.changed')
    await admin.getByTestId('audit-apply').click()
    await expect(rows.first()).toHaveAttribute('data-actor', 'admin')
    await expect(rows.first()).toContainText(`config v${savedVersion}`)

    // Entries from both instances, in one chain that still verifies.
    await admin.getByTestId('audit-verify').click()
    await expect(admin.getByTestId('audit-verification')).toHaveAttribute('data-ok', 'true')
    await expectAccessible(admin)

    // The details the screen abbreviates: the order, who did it, and the sessions the disabling ended.
    const page = await getJson<AuditPage>(a, `/api/v1/admin/audit?limit=200&q=${OFFICER}`, adminApi)
    const oldestFirst = [...page.entries].reverse()
    const first = (action: string): AuditEntry | undefined => oldestFirst.find((e) => e.action === action)
    const steps = ['user.created', 'auth.sign-in', 'auth.password-changed', 'user.disabled'].map((action) => {
      const entry = first(action)
      expect(entry, action).toBeDefined()
      return entry!
    })
    expect(steps.map((e) => e.seq)).toEqual([...steps.map((e) => e.seq)].sort((x, y) => x - y))
    expect(steps.map((e) => e.actor)).toEqual(['admin', OFFICER, OFFICER, 'admin'])
    expect(first('auth.password-changed')!.details).toMatchObject({ required: true })
    expect(Number(first('user.disabled')!.details.sessionsEnded)).toBeGreaterThanOrEqual(1)

    const config = await getJson<AuditPage>(a, '/api/v1/admin/audit?limit=20&action=config.changed', adminApi)
    const change = config.entries.find((e) => e.target === `config v${savedVersion}`)
    expect(change?.actor).toBe('admin')
    expect(JSON.stringify(change?.details.changed)).toContain(RULE_ID)
    // The config change sits between the password change and the disabling, as the steps ran.
    expect(change!.seq).toBeGreaterThan(first('auth.password-changed')!.seq)
    expect(change!.seq).toBeLessThan(first('user.disabled')!.seq)
  })
})
