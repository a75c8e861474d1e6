// The division-focused part of the training corpus (issue 10): grievances written per
// division, in words of their own, so the division ranking learns what tells close
// divisions apart (an agent's fake visa is emigration, not visa; a passport lost abroad is
// consular, not passport). Each org's content sits beside this file; this file frames it
// as a tweet the way reply chains and search feeds carry it.
//
// Every list is cut in two by position: every fourth template is kept for the development
// split (`pool: 'dev'`, scripts/division-dev.ts) and is never in the training corpus, so
// the development figures are read on phrasings training never saw.
import { Gen, citizenName, dress, mulberry32, L } from '../common'
import type { TrainingTweet, TweetShape } from '../../make-training-corpus'

export type Pool = 'train' | 'dev'

export interface DivisionCorpus {
  org: string
  /** Our handles: who a reply chain is addressed to. */
  ours: string[]
  /** Others people tag in the same chain (media, ministers, state handles). */
  alsoTagged: string[]
  slots: Record<string, (g: Gen) => string>
  /** Per division: complaints in any of the forms (English, short, romanised, Devanagari). */
  divisions: Record<string, { reports: string[]; tags: string[] }>
  /** Tweets in a division's words that ask, inform or opine: not grievances. */
  nearMisses: string[]
}

/** The pool's share of a list: every fourth template goes to the development split. */
export function poolOf<T>(xs: readonly T[], pool: Pool): T[] {
  return xs.filter((_, i) => (i % 4 === 3) === (pool === 'dev'))
}

const OPENERS = L(`
sir
respected team,
hello?
SOS
sir ji 🙏
[2nd|3rd|4th] reminder -
day {days}:
once more:
pls check sir
namaskar,
dear team
नमस्ते,
hon'ble sir,
[urgent|URGENT] [pls|please]
kindly note,
arre sir
`)
const CLOSERS = L(`
kindly revert
koi to suno
pls rt
revert asap
[no|zero] reply [so far|yet]
sir please reply
need help 🙏
plz resolve
is this how citizens are treated?
give me a [ticket|complaint] number at least
[can|could] someone call me
कृपया संज्ञान लें
jaldi kijiye
i am [helpless|desperate] now
hope this reaches the right person
[dm|DMed] [details|the details] already
`)
/** What people put around a question, a notice or an opinion. */
const ASIDES = L(`
just asking
anyone?
fyi
[pls|please] share
thanks in advance
(1/2)
🧵
read more
any idea?
[well done|good]
source: [news|whatsapp]
[2|3] questions
`)
const INFO_TAGS = L(`
Travel
Update
Info
NewIndia
Awareness
Opinion
`)
const PILE_TAGS = L(`
ReplyPlease
HelpUs
NoResponse
Citizen
Grievance
PleaseHelp
Shame
`)

/** Who the tweet is addressed to: a pile of leading mentions in a reply chain, or one or two. */
function mentions(g: Gen, c: DivisionCorpus, reply: boolean): { lead: string[]; trailing: string[] } {
  if (!reply) return g.chance(0.6) ? { lead: [g.pick(c.ours)], trailing: [] } : { lead: [], trailing: [g.pick(c.ours)] }
  const lead: string[] = []
  const n = g.pick([2, 3, 4, 6, 8, 10])
  for (let i = 0; i < n; i++)
    lead.push(g.chance(0.4) ? g.pick(c.ours) : g.chance(0.6) ? g.pick(c.alsoTagged) : citizenName(g))
  return { lead: [...new Set(lead)], trailing: [] }
}

function frame(
  g: Gen,
  body: string,
  tags: string[],
  /** How often a hashtag block is added: complaints carry them more than questions do. */
  tagRate: number,
  opener: string[],
  closer: string[],
  reply: boolean,
  c: DivisionCorpus,
) {
  const text = [
    opener.length > 0 && g.chance(0.3) ? g.from(opener) : '',
    body,
    closer.length > 0 && g.chance(0.35) ? g.from(closer) : '',
  ]
    .filter((p) => p)
    .join(g.pick([' ', ', ', '. ', '\n']))
  const { lead, trailing } = mentions(g, c, reply)
  const hashtags: string[] = []
  if (g.chance(tagRate))
    for (let i = g.pick([1, 2, 3, 5]); i > 0; i--) hashtags.push(g.pick(g.chance(0.7) ? tags : PILE_TAGS))
  return dress(g, text, {
    lead,
    trailing,
    hashtags: [...new Set(hashtags)],
    link: g.chance(0.2),
    truncate: g.chance(0.12),
    emoji: g.chance(0.2),
    typoRate: g.pick([0, 0, 0.04, 0.08, 0.15]),
    casing: g.pick(['as-is', 'as-is', 'lower', 'lower', 'shout'] as const),
  })
}

/**
 * `size` tweets of one pool: about three in four a division's grievance (divisions drawn
 * evenly: general too, where a complaint that names no service belongs), the rest near
 * misses in the same words.
 */
export function buildDivisionTweets(c: DivisionCorpus, size: number, seed: number, pool: Pool): TrainingTweet[] {
  const slots: Record<string, () => string> = {}
  const g = new Gen(mulberry32(seed), slots)
  for (const [k, f] of Object.entries(c.slots)) slots[k] = () => f(g)
  slots.days ??= () => String(g.pick([3, 4, 6, 9, 11, 14, 18, 21, 40, 75]))
  const opener = poolOf(OPENERS, pool)
  const closer = poolOf(CLOSERS, pool)
  const asides = poolOf(ASIDES, pool)
  const divisions = Object.entries(c.divisions).map(([d, v]) => ({ d, reports: poolOf(v.reports, pool), tags: v.tags }))
  const nearMisses = poolOf(c.nearMisses, pool)
  const out: TrainingTweet[] = []
  let seq = 0
  const id = () => String(2_100_000_000_000_000_000n + BigInt(seed) * 1_000_000n + BigInt(seq++) * 6113n)
  while (out.length < size) {
    const reply = g.chance(0.45)
    const grievance = g.chance(0.74)
    const pick = g.pick(divisions)
    const body = grievance ? g.from(pick.reports) : g.from(nearMisses)
    const tweet: TrainingTweet = {
      id: id(),
      text: grievance
        ? frame(g, body, pick.tags, 0.32, opener, closer, reply, c)
        : frame(g, body, INFO_TAGS, 0.25, asides, asides, reply, c),
      author: citizenName(g),
      authorKind: 'citizen',
      ...(g.chance(0.6) ? { viaHandle: g.pick(c.ours) } : {}),
      shape: (grievance ? 'division-report' : 'division-near-miss') satisfies TweetShape,
      label: { actionable: grievance, division: grievance ? pick.d : null },
    }
    if (reply) {
      tweet.inReplyToUserId = g.chance(0.5) ? g.pick(c.ours) : citizenName(g)
      tweet.referencedTweets = [{ type: 'replied_to', id: id() }]
    }
    out.push(tweet)
  }
  return out
}
