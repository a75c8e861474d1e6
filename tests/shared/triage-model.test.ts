// The learned triage model beside the rules: trained deterministically from the training
// corpus (tests/fixtures/training, made by scripts/make-training-corpus.ts), stored in a
// model file that round-trips, scored on a validation slice it never saw, and kept in
// check by the rules where an admin was explicit.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createdFromHash, parseLabelled } from '../../src/cli/model'
import type { IncomingTweet } from '../../src/shared/analysis'
import { OrgConfig } from '../../src/shared/org'
import { compileOrg, type CompiledOrg } from '../../src/shared/routing'
import {
  ModelFileError,
  parseModel,
  prepareTriage,
  serialiseModel,
  splitOf,
  toIncoming,
  trainTriageModel,
  triageTweet,
  type LabelledTweet,
  type Triage,
  type TriageModel,
} from '../../src/shared/triage-model'
import { ROOT, loadCorpus, type CorpusSet } from './corpus-metrics'

const ORGS = ['mha', 'mea', 'railways'] as const
const orgPath = (org: string) => join(ROOT, 'resources', 'orgs', `${org}.json`)
const trainingPath = (org: string) => join(ROOT, 'tests', 'fixtures', 'training', `${org}.jsonl`)
const modelPath = (org: string) => join(ROOT, 'resources', 'models', `${org}.model.json`)

function orgConfig(org: string): OrgConfig {
  return OrgConfig.parse(JSON.parse(readFileSync(orgPath(org), 'utf8')))
}
function training(org: string): (LabelledTweet & { authorKind?: string; shape?: string })[] {
  return readFileSync(trainingPath(org), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l))
}
function committedModel(org: string): TriageModel {
  return parseModel(JSON.parse(readFileSync(modelPath(org), 'utf8')))
}
const incoming = toIncoming
const tweet = (text: string, author = 'ramesh_k1987', viaHandle?: string): IncomingTweet => ({
  id: 'x',
  text,
  authorId: author,
  authorUsername: author,
  viaHandle,
})

interface BandScore {
  tweets: number
  actionable: number
  divisionRight: number
}
interface Figures {
  bands: Record<'ticket' | 'review' | 'ignore', BandScore>
  /** Actionable = ticket or review with confidence ≥ 0.5. */
  precision: number
  recall: number
  f1: number
  ticketPrecision: number
  ticketOrReviewRecall: number
  divisionAccuracy: number
}

function figures(triage: Triage, tweets: LabelledTweet[]): Figures {
  const bands = {
    ticket: { tweets: 0, actionable: 0, divisionRight: 0 },
    review: { tweets: 0, actionable: 0, divisionRight: 0 },
    ignore: { tweets: 0, actionable: 0, divisionRight: 0 },
  }
  let tp = 0
  let fp = 0
  let fn = 0
  for (const t of tweets) {
    const v = triageTweet(triage, incoming(t))
    const b = bands[v.band]
    b.tweets++
    if (t.label.actionable) {
      b.actionable++
      if (v.division === t.label.division) b.divisionRight++
    }
    const said = v.band !== 'ignore' && v.confidence >= 0.5
    if (said && t.label.actionable) tp++
    else if (said) fp++
    else if (t.label.actionable) fn++
  }
  const precision = tp / Math.max(1, tp + fp)
  const recall = tp / Math.max(1, tp + fn)
  const positives = bands.ticket.actionable + bands.review.actionable + bands.ignore.actionable
  const caught = bands.ticket.actionable + bands.review.actionable
  return {
    bands,
    precision,
    recall,
    f1: (2 * precision * recall) / Math.max(1e-9, precision + recall),
    ticketPrecision: bands.ticket.actionable / Math.max(1, bands.ticket.tweets),
    ticketOrReviewRecall: caught / Math.max(1, positives),
    divisionAccuracy: (bands.ticket.divisionRight + bands.review.divisionRight) / Math.max(1, caught),
  }
}

const f3 = (n: number) => n.toFixed(3)
function describeFigures(label: string, f: Figures): string {
  const band = (name: 'ticket' | 'review' | 'ignore') => {
    const b = f.bands[name]
    return `${name} ${b.tweets} (${f3(b.actionable / Math.max(1, b.tweets))} actionable, division ${f3(b.divisionRight / Math.max(1, b.actionable))})`
  }
  return (
    `[${label}] P ${f3(f.precision)} R ${f3(f.recall)} F1 ${f3(f.f1)}, ticket precision ${f3(f.ticketPrecision)}, ` +
    `ticket+review recall ${f3(f.ticketOrReviewRecall)}, division accuracy ${f3(f.divisionAccuracy)}; ` +
    `${band('ticket')}; ${band('review')}; ${band('ignore')}`
  )
}

describe('training', () => {
  it('is deterministic: the committed model files are what `seva model train` makes from the corpus', () => {
    for (const org of ORGS) {
      const orgText = readFileSync(orgPath(org), 'utf8')
      const text = readFileSync(trainingPath(org), 'utf8')
      const { tweets, problems } = parseLabelled(text)
      expect(problems).toEqual([])
      const compiled = compileOrg(orgConfig(org))
      const made = serialiseModel(
        trainTriageModel(compiled, tweets, { createdFrom: createdFromHash(orgText, [text]) }).model,
      )
      const again = serialiseModel(
        trainTriageModel(compileOrg(orgConfig(org)), tweets, { createdFrom: createdFromHash(orgText, [text]) }).model,
      )
      expect(again).toBe(made)
      expect(made).toBe(readFileSync(modelPath(org), 'utf8'))
      // Small enough to ship with the app and load at start-up.
      expect(made.length).toBeLessThan(1_000_000)
    }
  })

  it('keeps each org corpus at 3,000+ tweets, split 70/15/15 by id, with both classes in every slice', () => {
    for (const org of ORGS) {
      const tweets = training(org)
      expect(tweets.length).toBeGreaterThanOrEqual(3000)
      for (const split of ['train', 'calibration', 'validation'] as const) {
        const slice = tweets.filter((t) => splitOf(t.id) === split)
        expect(slice.length).toBeGreaterThan(split === 'train' ? 2000 : 350)
        expect(slice.some((t) => t.label.actionable)).toBe(true)
        expect(slice.some((t) => !t.label.actionable)).toBe(true)
      }
      // Apart from the development corpus: no text of it is in the training corpus.
      const dev = new Set(loadCorpus(org, 'corpus').map((t) => t.text))
      expect(tweets.filter((t) => dev.has(t.text))).toEqual([])
    }
  })
})

describe('model file', () => {
  it('round-trips: parse(serialise(model)) serialises to the same bytes and scores the same', () => {
    for (const org of ORGS) {
      const model = committedModel(org)
      const text = serialiseModel(model)
      const back = parseModel(JSON.parse(text))
      expect(serialiseModel(back)).toBe(text)
      const compiled = compileOrg(orgConfig(org))
      const a = prepareTriage(compiled, model)
      const b = prepareTriage(compileOrg(orgConfig(org)), back)
      for (const t of training(org).slice(0, 200)) {
        const x = triageTweet(a, incoming(t))
        const y = triageTweet(b, incoming(t))
        expect([y.band, y.confidence, y.division]).toEqual([x.band, x.confidence, x.division])
      }
    }
  })

  it('refuses files of another format, version or size with a clear error', () => {
    const file = JSON.parse(readFileSync(modelPath('mha'), 'utf8'))
    expect(() => parseModel({ ...file, version: 99 })).toThrow(ModelFileError)
    expect(() => parseModel({ ...file, format: 'something-else' })).toThrow(/seva-triage-model/)
    const short = { ...file, weights: { ...file.weights, actionable: { ...file.weights.actionable, size: 12 } } }
    expect(() => parseModel(short)).toThrow(/entries/)
    const cut = {
      ...file,
      weights: {
        ...file.weights,
        division: { ...file.weights.division, data: file.weights.division.data.slice(0, 7) },
      },
    }
    expect(() => parseModel(cut)).toThrow(ModelFileError)
    // Feature set 2 files list the features training saw; one without is from before.
    const { seen: _seen, ...unseen } = file
    expect(() => parseModel(unseen)).toThrow(/train it again/)
  })

  it('is refused by an org it was not trained for', () => {
    expect(() => prepareTriage(compileOrg(orgConfig('mea')), committedModel('mha'))).toThrow(/trained for "mha"/)
  })
})

describe.each(ORGS)('%s: validation slice of the training corpus (never fitted on)', (org) => {
  const compiled = compileOrg(orgConfig(org))
  const triage = prepareTriage(compiled, committedModel(org))
  const validation = training(org).filter((t) => splitOf(t.id) === 'validation')

  it('reaches the reported figures, band by band', () => {
    const f = figures(triage, validation)
    console.log(describeFigures(`validation ${org}, ${validation.length} tweets`, f))
    expect(f.ticketPrecision).toBeGreaterThanOrEqual(0.97)
    expect(f.ticketOrReviewRecall).toBeGreaterThanOrEqual(0.97)
    expect(f.f1).toBeGreaterThanOrEqual(0.95)
    expect(f.divisionAccuracy).toBeGreaterThanOrEqual(0.93)
  })

  it('does better than the rules alone on the same slice', () => {
    let right = 0
    let rulesRight = 0
    for (const t of validation) {
      const v = triageTweet(triage, incoming(t))
      if ((v.band !== 'ignore' && v.confidence >= 0.5) === t.label.actionable) right++
      if (v.analysis.actionable === t.label.actionable) rulesRight++
    }
    expect(right).toBeGreaterThan(rulesRight)
  })
})

describe.each(ORGS)('%s: the development corpus (another generator, never trained on)', (org) => {
  it('keeps its figures: the model learned grievances, not only this corpus generator', () => {
    const triage = prepareTriage(compileOrg(orgConfig(org)), committedModel(org))
    const tweets = loadCorpus(org, 'corpus')
    const f = figures(triage, tweets)
    console.log(describeFigures(`development corpus ${org}, ${tweets.length} tweets`, f))
    expect(f.ticketPrecision).toBeGreaterThanOrEqual(0.95)
    expect(f.ticketOrReviewRecall).toBeGreaterThanOrEqual(0.95)
    expect(f.f1).toBeGreaterThanOrEqual(0.93)
    expect(f.divisionAccuracy).toBeGreaterThanOrEqual(0.93)
  })
})

describe('the rules keep the last word', () => {
  it('affiliated accounts (listed or by pattern) are never a ticket, whatever they write', () => {
    for (const org of ORGS) {
      const compiled = compileOrg(orgConfig(org))
      const triage = prepareTriage(compiled, committedModel(org))
      const affiliated = training(org).filter((t) => t.authorKind === 'official' && triage.affiliated.matches(t.author))
      expect(affiliated.length).toBeGreaterThan(100)
      for (const t of affiliated) expect(triageTweet(triage, incoming(t)).band).toBe('ignore')
    }
    const triage = prepareTriage(compileOrg(orgConfig('railways')), committedModel('railways'))
    // A grievance in every word, from a divisional handle nobody listed by name.
    const v = triageTweet(
      triage,
      tweet('my refund for PNR 4521789632 not received for 20 days, please help', 'DRMAgraCantt'),
    )
    expect(v.band).toBe('ignore')
    expect(v.reasons.join(' ')).toMatch(/affiliated/)
    // The same words from a citizen are a grievance.
    expect(
      triageTweet(triage, tweet('my refund for PNR 4521789632 not received for 20 days, please help')).band,
    ).not.toBe('ignore')
  })

  it('official-reply style is never a ticket, even from accounts nobody listed', () => {
    const replies: [string, string][] = [
      [
        'railways',
        'Dear passenger, inconvenience is regretted, the matter has been informed to the concerned official',
      ],
      ['railways', 'Sir, kindly DM your contact number and PNR for necessary action. Regret the inconvenience'],
      ['railways', 'Your complaint "no water in coach S4" has been forwarded to the concerned department'],
      ['mha', 'Sir, the matter has been forwarded to SHO Civil Lines for necessary action, kindly DM your contact'],
      ['mha', 'कृपया अपना संपर्क नंबर डीएम करें, मामला संबंधित अधिकारी को अवगत करा दिया गया है'],
      ['mea', 'Dear applicant, please DM your file number. The concerned RPO has been informed'],
    ]
    for (const [org, text] of replies) {
      const triage = prepareTriage(compileOrg(orgConfig(org)), committedModel(org))
      for (const author of ['HelpdeskZoneX', 'ramesh_k1987']) {
        const v = triageTweet(triage, tweet(`@someone ${text}`, author, triage.compiled.org.handles[0].username))
        expect(v.band, `${org}: ${text}`).not.toBe('ticket')
      }
    }
    // Every official reply in the validation slices.
    for (const org of ORGS) {
      const triage = prepareTriage(compileOrg(orgConfig(org)), committedModel(org))
      const official = training(org).filter((t) => splitOf(t.id) === 'validation' && t.authorKind === 'official')
      for (const t of official) expect(triageTweet(triage, incoming(t)).band, t.text).not.toBe('ticket')
    }
  })

  it("an admin's exclusion or handle scope stops a rule, and the model cannot bring the tweet back", () => {
    const text = 'movie ticket booking failed twice, 450 debited and no refund yet'
    const base = orgConfig('railways')
    const model = committedModel('railways')
    const withRule = (exclude: string[], handles?: string[]) => {
      const rules = base.rules.map((r) =>
        r.id === 'tickets-refund' ? { ...r, exclude, ...(handles ? { handles } : {}) } : r,
      )
      return prepareTriage(compileOrg({ ...base, rules }), model)
    }
    // Without the exclusion the model makes it work for someone …
    expect(triageTweet(withRule([]), tweet(text)).band).not.toBe('ignore')
    // … with it (the committed config), the rules' "no" stands.
    const excluded = triageTweet(withRule(['movie ticket']), tweet(text))
    expect(excluded.band).toBe('ignore')
    expect(excluded.reasons.join(' ')).toMatch(/excludes/)
    // A rule scoped to one handle does not pull in tweets sent elsewhere either.
    const scoped = triageTweet(withRule([], ['IRCTC_Ltd']), tweet(text))
    expect(scoped.band).toBe('ignore')
  })

  it('retweets and our own tweets stay out whatever the model thinks', () => {
    const triage = prepareTriage(compileOrg(orgConfig('railways')), committedModel('railways'))
    const grievance = 'my refund for PNR 4521789632 not received for 20 days, please help'
    expect(triageTweet(triage, tweet(`RT @someone: ${grievance}`)).band).toBe('ignore')
    expect(triageTweet(triage, tweet(grievance, 'RailwaySeva')).band).toBe('ignore')
    // A deployment's own handles (configured in the database) count as ours too.
    const deployed = prepareTriage(compileOrg(orgConfig('railways')), committedModel('railways'), {
      ownHandles: ['RailwaySeva', 'DeskHandleNew'],
    })
    expect(triageTweet(deployed, tweet(grievance, 'DeskHandleNew')).band).toBe('ignore')
    expect(triageTweet(triage, tweet(grievance, 'DeskHandleNew')).band).not.toBe('ignore')
  })

  it('without a model the rules decide as before: actionable is a ticket', () => {
    const compiled = compileOrg(orgConfig('mha'))
    const triage = prepareTriage(compiled, null)
    for (const t of loadCorpus('mha', 'corpus').slice(0, 100)) {
      const v = triageTweet(triage, incoming(t))
      expect(v.band === 'ignore').toBe(!v.analysis.actionable)
    }
  })
})

describe('thresholds', () => {
  it('come from the org file when it sets them', () => {
    const base = orgConfig('mea')
    const model = committedModel('mea')
    const text = 'my passport file no DL1069283746521 is on hold for 45 days after police verification, please help'
    const loose = prepareTriage(compileOrg(base), model)
    expect(loose.thresholds).toEqual(model.thresholds)
    const c = triageTweet(loose, tweet(text)).confidence
    expect(triageTweet(loose, tweet(text)).band).toBe('ticket')
    const at = (ticket: number, review: number) =>
      triageTweet(
        prepareTriage(compileOrg({ ...base, triage: { thresholds: { ticket, review } } }), model),
        tweet(text),
      ).band
    expect(at(c, c)).toBe('ticket')
    expect(at(Math.min(1, c + 1e-9), c)).toBe('review')
    expect(at(Math.min(1, c + 1e-9), Math.min(1, c + 1e-9))).toBe('ignore')
  })

  it('are refused when review is above ticket', () => {
    const base = orgConfig('mea')
    expect(OrgConfig.safeParse({ ...base, triage: { thresholds: { ticket: 0.5, review: 0.9 } } }).success).toBe(false)
    expect(OrgConfig.safeParse({ ...base, affiliatedAccounts: { patterns: ['(unclosed'] } }).success).toBe(false)
  })
})

describe.each(['heldout', 'heldout-b'] as CorpusSet[])('held-out set %s with the model on (aggregate only)', (set) => {
  it.each(ORGS)('%s', (org) => {
    const compiled: CompiledOrg = compileOrg(orgConfig(org))
    const tweets = loadCorpus(org, set)
    const f = figures(prepareTriage(compiled, committedModel(org)), tweets)
    console.log(describeFigures(`${set} ${org} with the model, ${tweets.length} tweets`, f))
    const counted = f.bands.ticket.tweets + f.bands.review.tweets + f.bands.ignore.tweets
    expect(counted).toBe(tweets.length)
  })
})
