// Shared bits of the desk tests: temp data dirs, polling, a core wired to a mock server.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DeskEvent } from '../../src/shared/desk-api'
import { createDeskCore, type DeskCore, type DeskCoreOptions } from '../../src/main/desk/index'

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
  const core = createDeskCore({ timing: FAST_TIMING, log: (level, m) => logs.push(`${level}: ${m}`), ...opts })
  core.onEvent((e) => events.push(e))
  return { core, events, logs }
}
