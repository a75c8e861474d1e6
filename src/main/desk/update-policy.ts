// Whether this desk takes a build the update feed offers. Pure (no Electron), so the rules
// an admin relies on are tested: never a downgrade, only the configured channel, a staged
// rollout that picks the same machines every time it is asked, and the officer's deferral.
import { createHash } from 'node:crypto'
import type { UpdateNotice } from '../../shared/updates'

/** What the feed (latest.yml or <channel>.yml) says about the build on offer. */
export interface OfferedBuild {
  version: string
  /** Share of machines (0–100) that take this build now; absent = everyone. */
  stagingPercentage?: number | undefined
}

export interface UpdateContext {
  currentVersion: string
  /** The channel the admin configured (`latest` = stable builds only). */
  channel: string
  /** Stable per machine (not per officer), e.g. the host name. */
  machineId: string
  /** The signed-in officer's "not before" time, if they deferred. */
  deferUntil: string | null | undefined
  now: Date
}

export type UpdateDecision =
  | { kind: 'install'; version: string }
  | { kind: 'deferred'; version: string; until: string }
  | {
      kind: 'skip'
      reason: 'not-newer' | 'unreadable-version' | 'other-channel' | 'not-in-rollout'
    }

interface Version {
  core: [number, number, number]
  pre: string[]
}

const SEMVER = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/

export function parseVersion(text: string): Version | null {
  const m = SEMVER.exec(text.trim())
  if (!m) return null
  return { core: [Number(m[1]), Number(m[2]), Number(m[3])], pre: m[4] ? m[4].split('.') : [] }
}

/** Semantic-version order: negative when a < b. A pre-release sorts before its release. */
export function compareVersions(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) if (a.core[i] !== b.core[i]) return a.core[i]! - b.core[i]!
  if (a.pre.length === 0 || b.pre.length === 0) return b.pre.length - a.pre.length
  for (let i = 0; i < Math.max(a.pre.length, b.pre.length); i++) {
    const x = a.pre[i]
    const y = b.pre[i]
    if (x === undefined) return -1
    if (y === undefined) return 1
    if (x === y) continue
    const xn = /^\d+$/.test(x)
    const yn = /^\d+$/.test(y)
    if (xn && yn) return Number(x) - Number(y)
    if (xn !== yn) return xn ? -1 : 1
    return x < y ? -1 : 1
  }
  return 0
}

/** `latest` for a release, otherwise the pre-release's first word (1.4.0-beta.2 → beta). */
export function channelOf(version: Version): string {
  const first = version.pre[0]
  return first === undefined || /^\d+$/.test(first) ? 'latest' : first.toLowerCase()
}

/**
 * Where this machine falls in a staged rollout, 0 ≤ bucket < 100. Hashed with the
 * version so each release starts on a different group of machines, yet asking again
 * about the same release always gives the same answer.
 */
export function rolloutBucket(machineId: string, version: string): number {
  const digest = createHash('sha256').update(`${machineId}\n${version}`).digest()
  return (digest.readUInt32BE(0) / 0x1_0000_0000) * 100
}

export function isInRollout(machineId: string, build: OfferedBuild): boolean {
  const percentage = build.stagingPercentage
  if (percentage === undefined || !Number.isFinite(percentage) || percentage >= 100) return true
  if (percentage <= 0) return false
  return rolloutBucket(machineId, build.version) < percentage
}

export function decideUpdate(build: OfferedBuild, ctx: UpdateContext): UpdateDecision {
  const offered = parseVersion(build.version)
  const current = parseVersion(ctx.currentVersion)
  if (!offered || !current) return { kind: 'skip', reason: 'unreadable-version' }
  if (compareVersions(offered, current) <= 0) return { kind: 'skip', reason: 'not-newer' }
  // A stable release suits every channel; a pre-release only its own.
  const channel = channelOf(offered)
  if (channel !== 'latest' && channel !== ctx.channel.toLowerCase()) return { kind: 'skip', reason: 'other-channel' }
  if (!isInRollout(ctx.machineId, build)) return { kind: 'skip', reason: 'not-in-rollout' }
  const until = ctx.deferUntil ? Date.parse(ctx.deferUntil) : NaN
  if (Number.isFinite(until) && until > ctx.now.getTime())
    return { kind: 'deferred', version: build.version, until: new Date(until).toISOString() }
  return { kind: 'install', version: build.version }
}

/** What the top bar shows for a decision: nothing for a skipped build, else its stage. */
export function noticeFor(decision: UpdateDecision, downloaded: boolean): UpdateNotice | null {
  switch (decision.kind) {
    case 'skip':
      return null
    case 'deferred':
      return { version: decision.version, stage: 'deferred', deferredUntil: decision.until }
    case 'install':
      return { version: decision.version, stage: downloaded ? 'ready' : 'downloading', deferredUntil: null }
  }
}
