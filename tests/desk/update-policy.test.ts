// The update decision an admin relies on: never a downgrade, only the configured channel,
// a staged rollout that is stable per machine and near the published share across many,
// and the officer's deferral.
import { describe, expect, it } from 'vitest'
import {
  channelOf,
  compareVersions,
  decideUpdate,
  isInRollout,
  noticeFor,
  parseVersion,
  rolloutBucket,
  type UpdateContext,
} from '../../src/main/desk/update-policy'
import { deskApi } from '../../src/shared/desk-api'

const NOW = new Date('2026-12-02T10:00:00Z')
const ctx = (over: Partial<UpdateContext> = {}): UpdateContext => ({
  currentVersion: '1.4.0',
  channel: 'latest',
  machineId: 'desk-ws-017',
  deferUntil: null,
  now: NOW,
  ...over,
})
const v = (text: string) => parseVersion(text)!

describe('versions', () => {
  it('orders releases and pre-releases as semver does', () => {
    const ordered = ['1.3.9', '1.4.0-alpha.1', '1.4.0-beta.2', '1.4.0-beta.10', '1.4.0', '1.4.1', '1.10.0', '2.0.0']
    for (let i = 1; i < ordered.length; i++) {
      expect(compareVersions(v(ordered[i - 1]!), v(ordered[i]!))).toBeLessThan(0)
      expect(compareVersions(v(ordered[i]!), v(ordered[i - 1]!))).toBeGreaterThan(0)
    }
    expect(compareVersions(v('v1.4.0+build.7'), v('1.4.0'))).toBe(0)
    expect(parseVersion('1.4')).toBeNull()
  })

  it('names the channel of a build by its pre-release word', () => {
    expect(channelOf(v('1.4.0'))).toBe('latest')
    expect(channelOf(v('1.4.0-beta.3'))).toBe('beta')
    expect(channelOf(v('1.4.0-1'))).toBe('latest')
  })
})

describe('decideUpdate', () => {
  it('offers a newer stable build to everyone when not staged', () => {
    expect(decideUpdate({ version: '1.4.1' }, ctx())).toEqual({ kind: 'install', version: '1.4.1' })
  })

  it('never goes back or sideways', () => {
    expect(decideUpdate({ version: '1.3.9' }, ctx())).toEqual({ kind: 'skip', reason: 'not-newer' })
    expect(decideUpdate({ version: '1.4.0' }, ctx())).toEqual({ kind: 'skip', reason: 'not-newer' })
    // A beta desk is not moved back to the older stable build either.
    expect(decideUpdate({ version: '1.4.0' }, ctx({ currentVersion: '1.5.0-beta.1', channel: 'beta' }))).toEqual({
      kind: 'skip',
      reason: 'not-newer',
    })
    expect(decideUpdate({ version: 'next' }, ctx())).toEqual({ kind: 'skip', reason: 'unreadable-version' })
  })

  it('takes pre-releases only from the configured channel', () => {
    expect(decideUpdate({ version: '1.5.0-beta.1' }, ctx())).toEqual({ kind: 'skip', reason: 'other-channel' })
    expect(decideUpdate({ version: '1.5.0-alpha.1' }, ctx({ channel: 'beta' }))).toEqual({
      kind: 'skip',
      reason: 'other-channel',
    })
    expect(decideUpdate({ version: '1.5.0-beta.1' }, ctx({ channel: 'beta' }))).toEqual({
      kind: 'install',
      version: '1.5.0-beta.1',
    })
    // Stable releases reach beta desks too.
    expect(decideUpdate({ version: '1.5.0' }, ctx({ channel: 'beta' })).kind).toBe('install')
  })

  it('holds a build the officer deferred until the time passes', () => {
    const until = '2026-12-05T10:00:00.000Z'
    expect(decideUpdate({ version: '1.4.1' }, ctx({ deferUntil: until }))).toEqual({
      kind: 'deferred',
      version: '1.4.1',
      until,
    })
    expect(
      decideUpdate({ version: '1.4.1' }, ctx({ deferUntil: until, now: new Date('2026-12-05T10:00:01Z') })).kind,
    ).toBe('install')
    // A deferral does not make an unsuitable build look offered.
    expect(decideUpdate({ version: '1.3.0' }, ctx({ deferUntil: until })).kind).toBe('skip')
  })
})

describe('staged rollout', () => {
  const machines = Array.from({ length: 4000 }, (_, i) => `ws-${i}`)

  it('gives one machine the same answer every time it asks', () => {
    for (const id of machines.slice(0, 50)) {
      const first = isInRollout(id, { version: '1.4.1', stagingPercentage: 30 })
      for (let i = 0; i < 3; i++) expect(isInRollout(id, { version: '1.4.1', stagingPercentage: 30 })).toBe(first)
      expect(rolloutBucket(id, '1.4.1')).toBe(rolloutBucket(id, '1.4.1'))
    }
  })

  it('reaches about the published share of machines, and widening keeps those already in', () => {
    const inAt = (pct: number) => machines.filter((id) => isInRollout(id, { version: '1.4.1', stagingPercentage: pct }))
    const ten = inAt(10)
    const fifty = inAt(50)
    expect(ten.length / machines.length).toBeGreaterThan(0.08)
    expect(ten.length / machines.length).toBeLessThan(0.12)
    expect(fifty.length / machines.length).toBeGreaterThan(0.46)
    expect(fifty.length / machines.length).toBeLessThan(0.54)
    const widened = new Set(fifty)
    expect(ten.every((id) => widened.has(id))).toBe(true)
    expect(inAt(0)).toHaveLength(0)
    expect(inAt(100)).toHaveLength(machines.length)
  })

  it('starts each release on a different group of machines', () => {
    const first = machines.filter((id) => isInRollout(id, { version: '1.4.1', stagingPercentage: 10 }))
    const next = new Set(machines.filter((id) => isInRollout(id, { version: '1.4.2', stagingPercentage: 10 })))
    expect(first.filter((id) => next.has(id)).length).toBeLessThan(first.length / 2)
  })

  it('is part of the decision', () => {
    const out = machines.find((id) => !isInRollout(id, { version: '1.4.1', stagingPercentage: 20 }))!
    const inside = machines.find((id) => isInRollout(id, { version: '1.4.1', stagingPercentage: 20 }))!
    expect(decideUpdate({ version: '1.4.1', stagingPercentage: 20 }, ctx({ machineId: out }))).toEqual({
      kind: 'skip',
      reason: 'not-in-rollout',
    })
    expect(decideUpdate({ version: '1.4.1', stagingPercentage: 20 }, ctx({ machineId: inside })).kind).toBe('install')
  })
})

describe('the notice and the deferral setting', () => {
  it('shows downloading, then ready, or deferred; nothing for a skipped build', () => {
    expect(noticeFor({ kind: 'install', version: '1.4.1' }, false)).toEqual({
      version: '1.4.1',
      stage: 'downloading',
      deferredUntil: null,
    })
    expect(noticeFor({ kind: 'install', version: '1.4.1' }, true)?.stage).toBe('ready')
    expect(noticeFor({ kind: 'deferred', version: '1.4.1', until: '2026-12-05T10:00:00.000Z' }, true)).toEqual({
      version: '1.4.1',
      stage: 'deferred',
      deferredUntil: '2026-12-05T10:00:00.000Z',
    })
    expect(noticeFor({ kind: 'skip', reason: 'not-newer' }, false)).toBeNull()
  })

  it('refuses a deferral longer than the limit in the desk settings contract', () => {
    const input = deskApi['settings.set'].input
    const soon = new Date(Date.now() + 3 * 86_400_000).toISOString()
    const far = new Date(Date.now() + 60 * 86_400_000).toISOString()
    expect(input.safeParse({ updateDeferUntil: soon }).success).toBe(true)
    expect(input.safeParse({ updateDeferUntil: null }).success).toBe(true)
    expect(input.safeParse({ updateDeferUntil: far }).success).toBe(false)
    expect(input.safeParse({ updateDeferUntil: 'next week' }).success).toBe(false)
  })
})
