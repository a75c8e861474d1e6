// The fast scorer (scorer.ts: weights of fixed features looked up once per model, rules'
// data packed, division rows summed only for review and ticket) must give every
// tweet exactly what the straightforward path gives (extractFeatures + seenScore +
// rankDivisions, the implementation the committed models were trained and tuned with)
// and what the fast scorer gave before the scorer-speed work (kept in ./reference):
// same band, confidence to the last bit, division, ranking, every division's probability
// and reasons — on every tweet of the corpus and the training sets, for each org's model.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { OrgConfig } from '../../src/shared/org'
import { analyseTweet, compileOrg, TweetMatcher, type CompiledOrg } from '../../src/shared/routing'
import {
  featureContext,
  parseModel,
  prepareTriage,
  toIncoming,
  triageTweet,
  type TriageModel,
} from '../../src/shared/triage-model'
import type { IncomingTweet } from '../../src/shared/analysis'
import { ScorerBeforeSpeedup } from './reference/scorer-before-speedup'
import { ROOT } from './corpus-metrics'

const ORGS = ['mha', 'mea', 'railways'] as const
const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'))
const loadOrg = (org: string) => OrgConfig.parse(json(join(ROOT, 'resources', 'orgs', `${org}.json`)))
const loadModel = (org: string) => parseModel(json(join(ROOT, 'resources', 'models', `${org}.model.json`)))
const lines = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l))

describe('triage scorer', () => {
  for (const org of ORGS) {
    it(`gives ${org}'s corpus and training tweets the reference scorers' outcome exactly`, () => {
      const config = OrgConfig.parse(json(join(ROOT, 'resources', 'orgs', `${org}.json`)))
      const model = parseModel(json(join(ROOT, 'resources', 'models', `${org}.model.json`)))
      // Separate compiled orgs: each triage's matcher state belongs to its own run.
      const fast = prepareTriage(compileOrg(config), model)
      const reference = prepareTriage(compileOrg(config), model, { referenceScorer: true })
      // The fast scorer as it was before the scorer-speed work, kept in tests/shared/reference.
      const before = prepareTriage(compileOrg(config), model)
      before.scorer = new ScorerBeforeSpeedup(model, featureContext(before.compiled, model.divisions))
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
        expect({ id: t.id, ...got }).toStrictEqual({ id: t.id, ...triageTweet(before, t) })
        // Every division's probability, not only the three the outcome names, to the last bit.
        if (got.band !== 'ignore') {
          const all = Array.from(fast.divisionScratch)
          expect({ id: t.id, all }).toStrictEqual({ id: t.id, all: Array.from(reference.divisionScratch) })
          expect({ id: t.id, all }).toStrictEqual({ id: t.id, all: Array.from(before.divisionScratch) })
        }
        bands[got.band]++
      }
      // Every band occurs, so ranking and the early returns are both compared.
      expect(bands.ticket).toBeGreaterThan(50)
      expect(bands.review).toBeGreaterThan(50)
      expect(bands.ignore).toBeGreaterThan(50)
    })
  }
})

// The fast scorer keeps each word's weights and rows in the notes of the matcher's word
// table. Those notes must never leak from one model to another, nor survive the table
// moving (it grows, and starts over when full) in the middle of a tweet.
describe('triage scorer word notes', () => {
  const corpus = (org: string) => lines(join(ROOT, 'tests', 'fixtures', 'corpus', `${org}.jsonl`)).map(toIncoming)

  it('stay with their model when two models share one compiled org', () => {
    const config = loadOrg('mha')
    const shared = compileOrg(config)
    const model = loadModel('mha')
    // The same org's model with every weight negated: a word noted for the one is wrong for the other.
    const flipped = { ...model, actionable: { ...model.actionable, q: model.actionable.q.map((v) => -v) } }
    const fast = [prepareTriage(shared, model), prepareTriage(shared, flipped)]
    const reference = [
      prepareTriage(compileOrg(config), model, { referenceScorer: true }),
      prepareTriage(compileOrg(config), flipped, { referenceScorer: true }),
    ]
    let differ = 0
    for (const t of corpus('mha')) {
      const got = fast.map((f) => triageTweet(f, t))
      const want = reference.map((r) => triageTweet(r, t))
      expect({ id: t.id, outcomes: got }).toStrictEqual({ id: t.id, outcomes: want })
      if (got[0].confidence !== got[1].confidence) differ++
    }
    // The two models really disagree, so a note written for the wrong one would show.
    expect(differ).toBeGreaterThan(100)
  })

  it('are not read when the word table moves or starts over during a tweet', () => {
    const config = loadOrg('railways')
    const compiled = compileOrg(config)
    // A 16-slot table grows and starts over every few tweets, often mid-tweet.
    const tiny: CompiledOrg = {
      ...compiled,
      matcher: new TweetMatcher(compiled.automaton, compiled.matcher.phraseCodes, compiled.rules, 16),
    }
    const model = loadModel('railways')
    const fast = prepareTriage(tiny, model)
    const reference = prepareTriage(compileOrg(config), model, { referenceScorer: true })
    const tweets = corpus('railways')
    // Twice: the second time round most words are noted already (or were, before a reset).
    for (const t of [...tweets, ...tweets])
      expect({ id: t.id, ...triageTweet(fast, t) }).toStrictEqual({ id: t.id, ...triageTweet(reference, t) })
  })

  it("survive the matcher's run counter wrapping round (rule scratch cleared, rule constants written again)", () => {
    const config = loadOrg('mha')
    const compiled = compileOrg(config)
    // Private, and reached only after 2^31 runs: set it just short of the wrap.
    ;(compiled.matcher as unknown as { epoch: number }).epoch = 0x7fffffff - 5
    const model = loadModel('mha')
    const fast = prepareTriage(compiled, model)
    const reference = prepareTriage(compileOrg(config), model, { referenceScorer: true })
    let boosted = 0
    for (const t of corpus('mha')) {
      const got = triageTweet(fast, t)
      expect({ id: t.id, ...got }).toStrictEqual({ id: t.id, ...triageTweet(reference, t) })
      if (got.analysis.reasons.some((r) => r.startsWith('priority raised'))) boosted++
    }
    // Rules' boosts live in the scratch the wrap clears: tweets after it still get them.
    expect(boosted).toBeGreaterThan(20)
  })
})

// For up to 8 divisions the fast scorer keeps each word's division weights summed in its
// note, two divisions to an int; wider models keep the word's table rows. Both must give
// the reference's probabilities, at the weights' extremes too (where a lane could carry).
describe('triage scorer division sums', () => {
  const corpus = (org: string) => lines(join(ROOT, 'tests', 'fixtures', 'corpus', `${org}.jsonl`)).map(toIncoming)
  const compare = (config: OrgConfig, model: TriageModel, tweets: IncomingTweet[]) => {
    const fast = prepareTriage(compileOrg(config), model)
    const reference = prepareTriage(compileOrg(config), model, { referenceScorer: true })
    let ranked = 0
    for (const t of tweets) {
      const got = triageTweet(fast, t)
      expect({ id: t.id, ...got }).toStrictEqual({ id: t.id, ...triageTweet(reference, t) })
      if (got.band === 'ignore') continue
      ranked++
      const all = Array.from(fast.divisionScratch)
      expect({ id: t.id, all }).toStrictEqual({ id: t.id, all: Array.from(reference.divisionScratch) })
    }
    expect(ranked).toBeGreaterThan(100)
  }

  it('are the reference sums with every division weight at +127 or at -128', () => {
    const config = loadOrg('railways')
    const model = loadModel('railways')
    // Long tweets: the most words a lane sums.
    const tweets = corpus('railways')
    const long = tweets
      .slice(0, 100)
      .map((t, i) => ({ ...t, id: `${t.id}-long`, text: `${t.text} ${tweets[i + 1].text}` }))
    for (const extreme of [127, -128]) {
      const q = Int8Array.from(model.division.q, (v) => (v === 0 ? 0 : extreme))
      compare(config, { ...model, division: { ...model.division, q } }, [...tweets, ...long])
    }
  })

  it('are the reference sums for a model of more than 8 divisions (rows, not lanes)', () => {
    const base = loadOrg('mha')
    const extra = ['extra-1', 'extra-2', 'extra-3'].map((id) => ({ id, name: id }))
    const config = OrgConfig.parse({ ...base, divisions: [...base.divisions, ...extra] })
    const model = loadModel('mha')
    const k = model.divisions.length
    const wide = 16
    // Each row widened to 16: the model's own weights, then some of its others for the new ones.
    const q = new Int8Array((model.division.q.length / 8) * wide)
    for (let r = 0; r < model.division.q.length / 8; r++)
      for (let d = 0; d < k + extra.length; d++) q[r * wide + d] = model.division.q[r * 8 + (d % k)] * (d < k ? 1 : -1)
    const widened: TriageModel = {
      ...model,
      divisions: [...model.divisions, ...extra.map((d) => d.id)],
      division: { ...model.division, q },
    }
    compare(config, widened, corpus('mha'))
  })
})

// A deployment's own handles (from the database) are keyed once by prepareTriage and
// handed to analyseTweet, which otherwise keys them on every tweet.
describe("a deployment's own handles", () => {
  it('give every tweet the analysis that keying them per tweet gives', () => {
    const config = loadOrg('mha')
    const handles = ['@HMOIndia', 'cyberdost', 'DeskHandleNew', 'MHA_Grievance']
    const triage = prepareTriage(compileOrg(config), loadModel('mha'), { ownHandles: handles })
    const plain = compileOrg(config)
    const tweets = lines(join(ROOT, 'tests', 'fixtures', 'corpus', 'mha.jsonl')).map(toIncoming)
    // Some of them written by, and sent to, the deployment's own handles.
    for (const t of tweets.slice(0, 200))
      tweets.push({ ...t, id: `${t.id}-own`, authorUsername: 'DESKHANDLENEW', viaHandle: '@deskhandlenew' })
    let ours = 0
    for (const t of tweets) {
      const got = triageTweet(triage, t).analysis
      expect({ id: t.id, ...got }).toStrictEqual({ id: t.id, ...analyseTweet(plain, t, { ownHandles: handles }) })
      if (got.reasons[0]?.startsWith('our own tweet')) ours++
    }
    expect(ours).toBeGreaterThanOrEqual(200)
  })
})
