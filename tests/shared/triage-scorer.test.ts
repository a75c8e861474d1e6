// The fast scorer (scorer.ts: weights of fixed features looked up once per model, a
// compact seen set, division rows summed only for review and ticket) must give every
// tweet exactly what the straightforward path gives (extractFeatures + seenScore +
// rankDivisions, the implementation the committed models were trained and tuned with):
// same band, confidence to the last bit, division, ranking and reasons — on every tweet
// of the corpus and the training sets, for each org's committed model.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { OrgConfig } from '../../src/shared/org'
import { compileOrg } from '../../src/shared/routing'
import { parseModel, prepareTriage, toIncoming, triageTweet } from '../../src/shared/triage-model'
import { compactSeen } from '../../src/shared/triage-model/scorer'
import { SEEN_BITS, isSeen } from '../../src/shared/triage-model/model'
import { ROOT } from './corpus-metrics'

const ORGS = ['mha', 'mea', 'railways'] as const
const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'))
const lines = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l))

describe('triage scorer', () => {
  for (const org of ORGS) {
    it(`gives ${org}'s corpus and training tweets the reference scorer's outcome exactly`, () => {
      const config = OrgConfig.parse(json(join(ROOT, 'resources', 'orgs', `${org}.json`)))
      const model = parseModel(json(join(ROOT, 'resources', 'models', `${org}.model.json`)))
      // Separate compiled orgs: each triage's matcher state belongs to its own run.
      const fast = prepareTriage(compileOrg(config), model)
      const reference = prepareTriage(compileOrg(config), model, { referenceScorer: true })
      const tweets = [
        ...lines(join(ROOT, 'tests', 'fixtures', 'corpus', `${org}.jsonl`)),
        ...lines(join(ROOT, 'tests', 'fixtures', 'training', `${org}.jsonl`)),
      ].map(toIncoming)
      expect(tweets.length).toBeGreaterThan(3000)
      const bands = { ticket: 0, review: 0, ignore: 0 }
      for (const t of tweets) {
        const got = triageTweet(fast, t)
        const want = triageTweet(reference, t)
        expect({ id: t.id, ...got }).toStrictEqual({ id: t.id, ...want })
        bands[got.band]++
      }
      // Every band occurs, so ranking and the early returns are both compared.
      expect(bands.ticket).toBeGreaterThan(50)
      expect(bands.review).toBeGreaterThan(50)
      expect(bands.ignore).toBeGreaterThan(50)
    })
  }

  it('compacts the seen set without changing any answer', () => {
    const seen = new Uint32Array((1 << SEEN_BITS) >>> 5)
    // A few set bits, a full bucket and bits at both ends.
    for (const b of [0, 1, 127, 128, 5000, (1 << SEEN_BITS) - 1]) seen[b >>> 5] |= 1 << (b & 31)
    for (let b = 256; b < 384; b++) seen[b >>> 5] |= 1 << (b & 31)
    const [start, low] = compactSeen(seen)
    const member = (b: number) => {
      for (let j = start[b >>> 7]; j < start[(b >>> 7) + 1]; j++) if (low[j] === (b & 127)) return true
      return false
    }
    for (let b = 0; b < 1 << SEEN_BITS; b++) expect(member(b)).toBe(((seen[b >>> 5] >>> (b & 31)) & 1) === 1)
    // And for a real model, through the hash: 100,000 pseudo-random feature hashes.
    const model = parseModel(json(join(ROOT, 'resources', 'models', 'mha.model.json')))
    const [s2, l2] = compactSeen(model.seen)
    let h = 12345
    let agreed = 0
    for (let i = 0; i < 100_000; i++) {
      h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) + i
      const b = Math.imul(h, 0x2c1b3c6d) >>> (32 - SEEN_BITS)
      let mine = false
      for (let j = s2[b >>> 7]; j < s2[(b >>> 7) + 1]; j++) if (l2[j] === (b & 127)) mine = true
      if (mine === isSeen(model.seen, h)) agreed++
    }
    expect(agreed).toBe(100_000)
  })
})
