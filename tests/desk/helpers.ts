// Shared bits of the desk tests: temp data dirs, polling, a core wired to a mock server,
// and the per-test mock server + data dir most desk-core suites start from.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DeskEvent } from '../../src/shared/desk-api'
import { createDeskCore, type DeskCore, type DeskCoreOptions } from '../../src/main/desk/index'
import { afterEach, beforeEach } from 'vitest'
import { MockSyncServer } from './mock-sync-server'

export async function tempDir(prefix = 'seva-desk-'): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) }
}

/** Polls until `check` returns a truthy value (returned) or fails after `timeoutMs`. */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  what: string,
  timeoutMs = 5_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs
  let last: T | undefined
  while (Date.now() < deadline) {
    last = await check()
    if (last) return last as NonNullable<T>
    await new Promise((r) => setTimeout(r, 20))
  }
  throw new Error(`Timed out waiting for ${what} (last value: ${JSON.stringify(last)})`)
}

/** Fast timings so reconnects and retries happen within a test. */
export const FAST_TIMING = { safetyPullMs: 60_000, backoffMinMs: 30, backoffMaxMs: 150 }

export function startCore(opts: DeskCoreOptions): { core: DeskCore; events: DeskEvent[]; logs: string[] } {
  const events: DeskEvent[] = []
  const logs: string[] = []
  // The fixtures' grievances are dated early 2026: the working set (on by default) would trim
  // the finished ones under a real clock, so a suite turns it on where it is the subject.
  const core = createDeskCore({
    timing: FAST_TIMING,
    log: (level, m) => logs.push(`${level}: ${m}`),
    finishedDays: null,
    ...opts,
  })
  core.onEvent((e) => events.push(e))
  return { core, events, logs }
}

// The per-test fixture of the desk-core suites. Exported as live bindings (ES modules export
// the variable, not its value), so a suite imports `server`, `data` and `cores` and sees what
// the current test's beforeEach set; vitest isolates modules per test file, so suites do not
// share them.
export let server: MockSyncServer
export let data: { dir: string; remove: () => Promise<void> }
/** Cores a test opened; closed after it. */
export const cores: DeskCore[] = []

/** Each test gets a fresh mock sync server and data dir; its cores, server and dir go after it. */
export function useMockServerAndDataDir(): void {
  beforeEach(async () => {
    server = await new MockSyncServer().start()
    data = await tempDir()
  })
  afterEach(async () => {
    await Promise.all(cores.splice(0).map((c) => c.close()))
    await server.close()
    await data.remove()
  })
}
