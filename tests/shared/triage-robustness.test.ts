// A token the model never saw must not move a tweet's confidence: real tweets carry order
// and reference ids, PNRs, bare numbers and campaign hashtags the training corpus cannot
// hold. For handwritten grievances and non-grievances of each org (none from any corpus),
// appending a content-free token moves the committed model's confidence by less than
// CONTENT_FREE_LIMIT and never changes the band; an id or long number never flips ignore ↔ ticket.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { IncomingTweet } from '../../src/shared/analysis'
import { OrgConfig } from '../../src/shared/org'
import { compileOrg, numberShape } from '../../src/shared/routing'
import { parseModel, prepareTriage, triageTweet } from '../../src/shared/triage-model'
import { ROOT } from './corpus-metrics'

const TWEETS: Record<string, { via: string; texts: string[] }> = {
  railways: {
    via: 'RailwaySeva',
    texts: [
      'AC not cooling in coach B3 since Bhopal, it is unbearable, please send someone',
      'refund for my cancelled ticket not received after 20 days, please help',
      'toilets in coach S5 have no water since morning, kids are suffering',
      'TTE demanded money for a berth without receipt, please take action',
      'Dear passenger, inconvenience is regretted, kindly DM your PNR and mobile number',
      'proud of our railways, new vande bharat looks amazing',
      'there should be a policy for senior citizens in railways, please think about it',
      'good morning sir, jai hind',
    ],
  },
  mha: {
    via: 'HMOIndia',
    texts: [
      'my phone was stolen at the market and the police station is refusing to file an FIR, please help',
      'someone hacked my bank account and took money, cyber cell not responding',
      'loud music every night in our colony, police not coming despite calls',
      'proud of our jawans, salute to the brave hearts',
      'what a joke this government is, only speeches',
      'Sir, kindly share your contact details in DM for necessary action',
    ],
  },
  mea: {
    via: 'MEAIndia',
    texts: [
      'my passport application is pending for two months after police verification, please help',
      'my brother is stuck in Dubai, employer took his passport, please help him come home',
      'passport seva kendra appointment keeps getting cancelled, what should I do',
      'great speech by the minister at the UN today',
      'the matter has been forwarded to the concerned mission, kindly DM details',
      'india should take a stronger stand on this issue',
    ],
  },
}

/** Seeded, so the test is the same every run; tokens nobody wrote into the corpus. */
function maker(seed: number) {
  let s = seed
  const rand = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296
  const pick = (n: number, from: string) =>
    Array.from({ length: n }, () => from[Math.floor(rand() * from.length)]).join('')
  const digits = (n: number) => String(1 + Math.floor(rand() * 9)) + pick(n - 1, '0123456789')
  return { pick, digits }
}
const LETTERS = 'abcdefghijkmnpqrstuvwxyz'
/** How far a content-free token may move the confidence. */
const CONTENT_FREE_LIMIT = 0.03
/** Tokens that say nothing at all: a stray word, a campaign hashtag, a small number. */
function contentFree(seed: number): string[] {
  const { pick, digits } = maker(seed)
  return [
    pick(6, LETTERS),
    pick(9, LETTERS),
    `#${pick(7, LETTERS)}`,
    digits(3),
    `${pick(5, LETTERS)} ${pick(4, LETTERS)}`,
  ]
}
/**
 * Ids and long numbers: a PNR, a train number, a reference id. The rules read a 10-digit
 * run as an identifier, which is evidence of a concrete report, so these may move the
 * confidence (the test prints how far) but must never flip ignore ↔ ticket.
 */
function identifiers(seed: number): string[] {
  const { pick, digits } = maker(seed)
  return [digits(10), digits(5), `ref ${pick(7, LETTERS + '0123456789')}`, `id:${pick(9, LETTERS + '0123456789')}`]
}

describe('numbers and ids are read by their shape', () => {
  it('folds digit runs into length classes and mixed ids into one class, leaving words alone', () => {
    expect(numberShape('2123456789')).toBe(numberShape('8876543210'))
    expect(numberShape('12345')).toBe(numberShape('22910'))
    expect(numberShape('12345')).not.toBe(numberShape('2123456789'))
    expect(numberShape('ab12cd34')).toBe(numberShape('x9k3q7'))
    expect(numberShape('२०२४')).toBe(numberShape('2024'))
    for (const word of ['refund', 'coach', 'b3', '2nd', 'पासपोर्ट']) expect(numberShape(word)).toBe(0)
  })
})

describe.each(Object.keys(TWEETS))('%s: an unseen id, number or hashtag appended', (org) => {
  const compiled = compileOrg(
    OrgConfig.parse(JSON.parse(readFileSync(join(ROOT, 'resources', 'orgs', `${org}.json`), 'utf8'))),
  )
  const model = parseModel(JSON.parse(readFileSync(join(ROOT, 'resources', 'models', `${org}.model.json`), 'utf8')))
  const triage = prepareTriage(compiled, model)
  const { via, texts } = TWEETS[org]
  const tweet = (text: string): IncomingTweet => ({
    id: 'x',
    text: `@${via} ${text}`,
    authorId: 'citizen',
    authorUsername: 'sunita_k1987',
    viaHandle: via,
  })

  /** Each problem: the tweet, the token, and what moved. */
  function swings(tokensOf: (seed: number) => string[], limit: number, bandMoved: (a: string, b: string) => boolean) {
    let worst = 0
    const problems: string[] = []
    texts.forEach((text, i) => {
      const before = triageTweet(triage, tweet(text))
      for (const token of tokensOf(101 + i)) {
        const after = triageTweet(triage, tweet(`${text} ${token}`))
        const swing = Math.abs(after.confidence - before.confidence)
        worst = Math.max(worst, swing)
        if (swing >= limit || bandMoved(before.band, after.band))
          problems.push(
            `"${text}" + "${token}": ${before.confidence.toFixed(3)} ${before.band} → ${after.confidence.toFixed(3)} ${after.band}`,
          )
      }
    })
    return { worst, problems }
  }

  it('a stray word, hashtag or small number moves the confidence by less than CONTENT_FREE_LIMIT and never the band', () => {
    const { worst, problems } = swings(contentFree, CONTENT_FREE_LIMIT, (a, b) => a !== b)
    console.log(`[${org}] content-free tokens: largest confidence swing ${worst.toFixed(4)}`)
    expect(problems).toEqual([])
  })

  it('an id or long number never turns an ignored tweet into a ticket or a ticket into an ignored one', () => {
    const { worst, problems } = swings(
      identifiers,
      Infinity,
      (a, b) => (a === 'ignore' && b === 'ticket') || (a === 'ticket' && b === 'ignore'),
    )
    console.log(`[${org}] ids and long numbers: largest confidence swing ${worst.toFixed(4)}`)
    expect(problems).toEqual([])
  })
})
