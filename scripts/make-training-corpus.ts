// Builds tests/fixtures/training/<org>.jsonl: labelled tweets shaped like a real mentions
// inbox and keyword-search feed (reply chains with piles of @mentions, truncation, t.co
// links, hashtag blocks, typos, romanised and Devanagari Hindi, other scripts, news and
// PR, other official accounts' replies), for training the triage model. Deterministic
// (seeded): the committed files are regenerated exactly by
//   npx tsx scripts/make-training-corpus.ts
// Written apart from the held-out sets (never read here) and from the development corpus.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  ARGUMENTS,
  CHATTER,
  CROWD_HANDLES,
  Gen,
  L,
  SPAM,
  WISHES,
  citizenName,
  dress,
  mulberry32,
  type Shape,
} from './training-corpus/common'
import { MEA } from './training-corpus/mea'
import { MHA } from './training-corpus/mha'
import { RAILWAYS } from './training-corpus/railways'
import { DIVISION_CORPORA, buildDivisionTweets } from './training-corpus/divisions'
import type { OrgContent } from './training-corpus/spec'

export type AuthorKind = 'citizen' | 'official' | 'media' | 'spammer'
export type TweetShape =
  | 'grievance'
  | 'grievance-short'
  | 'grievance-hinglish'
  | 'grievance-hindi'
  | 'grievance-other-script'
  | 'grievance-sarcastic'
  | 'grievance-follow-up'
  | 'grievance-witness'
  | 'grievance-quoting-reply'
  | 'official-echo'
  | 'official-reply'
  | 'opinion'
  | 'demand'
  | 'argument'
  | 'news'
  | 'chatter'
  | 'praise'
  | 'question'
  | 'spam'
  | 'wishes'
  | 'see-this'
  /** The division-focused part (training-corpus/divisions): a grievance, or a near miss in its words. */
  | 'division-report'
  | 'division-near-miss'

export interface TrainingTweet {
  id: string
  text: string
  author: string
  authorKind: AuthorKind
  viaHandle?: string
  inReplyToUserId?: string
  referencedTweets?: { type: 'replied_to' | 'quoted'; id: string }[]
  /** Which generator shape made it (for reading errors, not a feature). */
  shape: TweetShape
  label: { actionable: boolean; division: string | null }
}

const EN_OPEN = L(`
[Sir|Sir,|Respected sir,|Dear sir/madam,|Hello,|Hi,|Namaste,|Sir ji,]
This is to bring to your notice that
[Kindly|Please] look into this:
[Urgent:|URGENT -|Very urgent]
[Worst experience.|Very disappointed.|Pathetic service.|Shameful.]
[Again|Once again|Third time]
[Day {k} of waiting:|Still waiting:]
`)
const EN_ASK = L(`
please help
kindly look into it
please take action
pls do something
request you to resolve this asap
what is this?
who is responsible for this?
is anyone listening?
hope someone responds this time
plz check
need urgent help
please resolve
kindly do the needful
kindly expedite
please intervene
help!!
[sir|madam] please
any update?
how long should [we|i] wait?
`)
const EN_CLOSE = L(`
Thanks in advance
Regards
🙏
[thank you|thanks]
[already complained|complained] on the app, no reply
[no one|nobody] is responding
[fed up|tired] now
`)
const HL_ASK = L(`
please madad karo
kuch karo
jaldi action lo
koi sunne wala hai?
help kijiye sir
dhyan dijiye
kripya sahayata karein
jaldi solve karo
kab tak intezaar kare?
koi jawab nahi de raha
`)
const HI_ASK = L(`
कृपया मदद करें
कृपया ध्यान दें
जल्द कार्रवाई करें
कोई सुनवाई नहीं हो रही
कृपया समाधान करें
कब तक इंतज़ार करें?
`)
const SARCASM = L(`
[thank you|thanks a lot|great job] {ours_at} for [the wonderful service|making us wait|nothing]. {core}
[wow|wah|what a] [service|seva|system]! {core} 👏👏
[amazing|superb|world class] [railways|system|service] as always: {core}
[bahut badhiya seva|great going] {ours_at}, {core}
[proud of|so proud of] [this|your] [efficiency|speed] 🙄 {core}
{core}. [thanks for nothing|thank you for nothing|slow clap] 👏
[thank you so much|thanks a lot|many many thanks|heartfelt thanks] for the [{k} hour|{k} day|never ending] [delay|wait|harassment], [really enjoyed it|loved it|what an experience]. {core}
[really|truly|so] enjoyed [waiting|standing|sleeping] [for {k} hours|all night|on the floor] [thanks to you|because of you] {ours_at} 👏 {core}
[finally|wow], [only|just] {k} [hours|days|months] [late|pending]! [great|excellent|world class] [efficiency|service] {ours_at} 🙏 {core}
[salute to|hats off to] [your|the] [speed|efficiency|sensitivity] 🙄 {core}
`)
const FOLLOW_UP = L(`
[still|again] no [response|reply|action]. {core}
[it's been|its been|already] {k} days. {core}
[reminder|gentle reminder|again reminding]: {core}
[this is my|my] [third|fourth|5th] [tweet|complaint] on this. {core}
[no one replied to|nobody answered] my [earlier|last] tweet. {core}
[same|still the same] [problem|issue] [today|again]: {core}
`)
const WITNESS = L(`
[a|one] [passenger|person|lady|old man|boy] [here|near me|next to me] [says|told me]: {core}
[my|our] [neighbour|friend|cousin|colleague] [says|tells me] {core}
[seen|saw|watching] [just now|right now|this morning]: {core}
[on behalf of|for] my [parents|father|mother|uncle|friend]: {core}
`)
/** Citizens quoting the official answer back at us: still a grievance. */
const QUOTED_REPLY = L(`
[same|copy paste|standard] reply ['inconvenience is regretted'|'kindly DM your PNR'|'matter has been forwarded'|'please DM details'] [every time|again]. {core}
[you said|you replied] 'the matter has been informed to the concerned official' [{k} days ago|last week]. [nothing happened|still nothing]. {core}
[already|i already] DMed [my details|the PNR|my contact number] [as you asked|twice], no [call|response]. {core}
`)
/** Official answers that repeat the citizen's problem: problem words, but not a grievance. */
const OFFICIAL_ECHO = L(`
[Dear passenger|Sir|Madam|Dear citizen|Dear applicant], [regret the inconvenience|inconvenience is regretted] [regarding|about] "{core}". [The matter has been informed to the concerned official|Concerned staff has been alerted|Please DM your details for necessary action]
[Your complaint|The complaint] "{core}" has been [registered|forwarded to the concerned department] [for necessary action|vide ref {k}]. [Kindly DM your contact number|Inconvenience is regretted]
[Sir|Madam], [kindly|please] DM your contact details [regarding|about] the [issue|complaint]: {core}
`)
const I_THINK = L(`
[i think|i feel|i believe|in my view|my humble opinion is|i strongly feel]
[we|we citizens|we all] [need to ask|should ask]:
[my|our] [question|demand] [is|to the govt is]
`)
const SEE_THIS = L(`
[see this|look at this|dekho ye|ye dekho]
[check this|please see]
[plz see the video|video dekho]
[read this|padho ye]
👇👇
[same|this]
`)

/** What people add to a short report instead of an id: how long, and that nobody helps. */
const TERSE_TAILS = L(`
since morning
since yesterday
for [two|three|2|3] hours now
no one is [telling anything|responding|helping]
nobody came
still no help
what to do?
still the same
`)

/**
 * Real short reports often name no train, coach, PNR or file number: "fan not working on
 * my berth", "water dripping from the AC vent". The short form without its ids, sometimes
 * with a plain tail, so the model does not learn that a grievance must carry an id.
 */
function terse(g: Gen, text: string): string {
  const out = text
    .replace(/,?\s*\b(?:PNR|FIR|file(?: no\.?)?|ARN|ref(?: no\.?)?)\s*[:#]?\s*[\w/-]*\d[\w/-]*/gi, '')
    .replace(/\bberth \d+\b/gi, () => g.pick(['my berth', 'the berth']))
    .replace(/\bcoach [A-Z]{1,2}\d{1,2}\b/g, () => g.pick(['my coach', 'the coach', 'our coach']))
    .replace(/\b(?:train )?\d{5}\b/g, () => g.pick(['my train', 'the train', 'our train']))
    .replace(/\s+([,.:])/g, '$1')
    .replace(/,\s*,/g, ',')
    .replace(/^[,.:\s]+|[,.:\s]+$/g, '')
  return g.chance(0.5) ? `${out}${g.pick([', ', ' ', '. '])}${g.from(TERSE_TAILS)}` : out
}

/** Small numbers as people also write them ("two hours", "3 days"). */
const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten']

function shapeOf(
  g: Gen,
  org: OrgContent,
  opts: { reply: boolean; inbox: boolean; via?: string; kind: AuthorKind },
): Shape {
  const lead: string[] = []
  const trailing: string[] = []
  if (opts.reply) {
    const n = g.pick([1, 1, 1, 2, 2, 3, 4, 5, 6, 8, 9])
    for (let i = 0; i < n; i++) {
      const r = g.rand()
      lead.push(
        r < 0.35
          ? g.pick(org.ours)
          : r < 0.65
            ? g.pick(CROWD_HANDLES)
            : r < 0.75
              ? g.pick(org.officialListed)
              : citizenName(g),
      )
    }
    if (opts.via && !lead.includes(opts.via)) lead.splice(g.int(0, lead.length), 0, opts.via)
  } else if (opts.via) {
    if (g.chance(0.5)) lead.push(opts.via)
    else trailing.push(opts.via)
    if (g.chance(0.35)) trailing.push(g.pick(org.ours))
    if (g.chance(0.2)) trailing.push(g.pick(CROWD_HANDLES))
  }
  const hashtags: string[] = []
  if (g.chance(opts.kind === 'media' ? 0.5 : 0.18)) {
    const n = g.pick([1, 1, 2, 3, 4, 5])
    const pool = opts.kind === 'media' || opts.kind === 'official' ? org.newsTags : org.grievanceTags
    for (let i = 0; i < n; i++)
      hashtags.push(g.expand(g.pick(g.chance(0.7) ? pool : [...org.newsTags, ...org.grievanceTags])))
  }
  return {
    lead: [...new Set(lead)],
    trailing: [...new Set(trailing)].filter((t) => !lead.includes(t)),
    hashtags: [...new Set(hashtags)],
    link: g.chance(opts.kind === 'media' ? 0.7 : opts.kind === 'official' ? 0.2 : 0.17),
    truncate: g.chance(0.1),
    emoji: g.chance(0.22),
    typoRate: g.pick([0, 0, 0.03, 0.06, 0.12]),
    casing: g.pick(['as-is', 'as-is', 'as-is', 'lower', 'shout'] as const),
  }
}

function grievanceText(g: Gen, org: OrgContent, division: string, form: TweetShape): string {
  const c = org.divisions[division]
  const core = () => g.from(g.chance(0.6) ? c.en : c.short)
  switch (form) {
    case 'grievance': {
      const parts = [g.chance(0.35) ? g.from(EN_OPEN) : '', g.from(c.en)]
      if (g.chance(0.3)) parts.push(g.from(c.short))
      if (g.chance(0.6)) parts.push(g.from(EN_ASK))
      if (g.chance(0.25)) parts.push(g.from(EN_CLOSE))
      return parts.filter((p) => p).join(g.pick(['. ', ', ', ' ', '. ', '\n']))
    }
    case 'grievance-short': {
      const said = g.chance(0.4) ? terse(g, g.from(c.short)) : g.from(c.short)
      return said + (g.chance(0.25) ? ` ${g.from(EN_ASK)}` : '')
    }
    case 'grievance-hinglish':
      return [
        g.chance(0.2) ? g.pick(['sir', 'sir ji', 'bhai', 'namaste sir']) : '',
        g.from(c.hl),
        g.chance(0.6) ? g.from(HL_ASK) : '',
      ]
        .filter((p) => p)
        .join(g.pick([', ', '. ', ' ']))
    case 'grievance-hindi':
      return [g.from(c.hi), g.chance(0.6) ? g.from(HI_ASK) : ''].filter((p) => p).join(g.pick(['। ', ', ', ' ']))
    case 'grievance-sarcastic':
    case 'grievance-follow-up':
    case 'grievance-witness':
    case 'grievance-quoting-reply': {
      const said = core()
      g.slots.core = () => said
      const frames = { 'grievance-sarcastic': SARCASM, 'grievance-follow-up': FOLLOW_UP, 'grievance-witness': WITNESS }
      return g.from(frames[form as keyof typeof frames] ?? QUOTED_REPLY)
    }
    default:
      throw new Error(form)
  }
}

const GRIEVANCE_FORMS: [TweetShape, number][] = [
  ['grievance', 30],
  ['grievance-short', 24],
  ['grievance-hinglish', 16],
  ['grievance-hindi', 10],
  ['grievance-sarcastic', 5],
  ['grievance-follow-up', 6],
  ['grievance-witness', 5],
  ['grievance-other-script', 4],
  ['grievance-quoting-reply', 3],
]
const OTHER_SHAPES: [TweetShape, number][] = [
  ['official-reply', 16],
  ['official-echo', 6],
  ['opinion', 17],
  ['demand', 8],
  ['argument', 6],
  ['news', 17],
  ['chatter', 11],
  ['praise', 9],
  ['question', 5],
  ['spam', 3],
  ['wishes', 3],
  ['see-this', 3],
]
/** Divisions weighted as they come in (general is what no rule names). */
const DIVISION_WEIGHT: Record<string, number> = { general: 0.6 }

function weighted<T>(g: Gen, xs: [T, number][]): T {
  const total = xs.reduce((n, [, w]) => n + w, 0)
  let r = g.rand() * total
  for (const [x, w] of xs) if ((r -= w) < 0) return x
  return xs[xs.length - 1][0]
}

export function buildTrainingCorpus(org: OrgContent, size: number, seed: number): TrainingTweet[] {
  const rand = mulberry32(seed)
  const slots: Record<string, () => string> = {}
  const g = new Gen(rand, slots)
  for (const [k, f] of Object.entries(org.slots)) slots[k] = () => f(g)
  slots.ours_at = () => (g.chance(0.5) ? `@${g.pick(org.ours)}` : '')
  slots.k = () => String(g.pick([2, 3, 4, 5, 7, 10, 12, 15, 20, 30]))
  for (const key of ['hours', 'd', 'months', 'k']) {
    const digits = slots[key]
    if (!digits) continue
    slots[key] = () => {
      const v = digits()
      const n = Number(v)
      return n <= 10 && g.chance(0.3) ? NUMBER_WORDS[n] : v
    }
  }
  const divisions: [string, number][] = Object.keys(org.divisions).map((d) => [d, DIVISION_WEIGHT[d] ?? 1])
  const out: TrainingTweet[] = []
  let seq = 0
  const tweetId = () => String(1_900_000_000_000_000_000n + BigInt(seed) * 1_000_000n + BigInt(seq++) * 7919n)

  while (out.length < size) {
    const grievance = g.chance(0.46)
    const shape: TweetShape = grievance ? weighted(g, GRIEVANCE_FORMS) : weighted(g, OTHER_SHAPES)
    const inbox = g.chance(0.6)
    const via = inbox ? g.pick(org.ours) : undefined
    let kind: AuthorKind = 'citizen'
    let author = citizenName(g)
    let replyTo: string | undefined
    let reply = g.chance(0.38)
    let division: string | null = null
    let text: string
    switch (shape) {
      case 'official-reply': {
        kind = 'official'
        const r = g.rand()
        author = g.pick(r < 0.4 ? org.officialListed : r < 0.7 ? org.officialPatterned : org.officialUnlisted)
        reply = true
        replyTo = citizenName(g)
        text = g.from(org.officialReplies)
        break
      }
      case 'official-echo': {
        kind = 'official'
        const r = g.rand()
        author = g.pick(r < 0.4 ? org.officialListed : r < 0.7 ? org.officialPatterned : org.officialUnlisted)
        reply = true
        replyTo = citizenName(g)
        const c = org.divisions[weighted(g, divisions)]
        const said = g.from(c.short)
        g.slots.core = () => said
        text = g.from(OFFICIAL_ECHO)
        break
      }
      case 'news': {
        if (g.chance(0.55)) {
          kind = g.chance(0.6) ? 'media' : 'official'
          author =
            kind === 'media' ? g.pick(org.mediaHandles) : g.pick([...org.officialListed, ...org.officialUnlisted])
        }
        text = g.from(org.news)
        if (kind === 'citizen' && g.chance(0.3))
          text = `${g.pick(['good news', 'finally', 'read this', 'interesting', 'FYI', 'shocking'])}: ${text}`
        break
      }
      case 'opinion':
        text = g.from(org.opinions)
        if (g.chance(0.3)) text = `${g.from(I_THINK)} ${text}`
        break
      case 'demand':
        text = g.from(org.demands)
        break
      case 'argument':
        reply = true
        text = g.from(ARGUMENTS)
        break
      case 'chatter':
        reply = true
        text = g.from(CHATTER)
        break
      case 'praise':
        text = g.from(org.praise)
        break
      case 'question':
        text = g.from(org.questions)
        break
      case 'spam':
        kind = 'spammer'
        author = `${g.pick(['earn', 'offer', 'deal', 'cash', 'promo', 'crypto', 'loan'])}${g.pick(['_king', 'zone', '4u', 'hub', '_india', 'daily'])}${g.int(1, 999)}`
        text = g.from(SPAM)
        break
      case 'wishes':
        text = g.from(WISHES)
        break
      case 'see-this':
        reply = g.chance(0.7)
        text = g.from(SEE_THIS)
        break
      case 'grievance-other-script': {
        const [d, t] = g.pick(org.otherScripts)
        division = d
        text = g.expand(t)
        break
      }
      default:
        division = weighted(g, divisions)
        text = grievanceText(g, org, division, shape)
    }
    const dressed = dress(g, text, shapeOf(g, org, { reply, inbox, via, kind }))
    // "see this" with a link depends on an image: a person may look, but nothing is stated.
    const finalText =
      shape === 'see-this' && !dressed.includes('t.co') && g.chance(0.6)
        ? `${dressed} ${'https://t.co/'}${tweetId().slice(-10)}`
        : dressed
    const tweet: TrainingTweet = {
      id: tweetId(),
      text: finalText,
      author,
      authorKind: kind,
      ...(via ? { viaHandle: via } : {}),
      shape,
      label: { actionable: division !== null, division },
    }
    if (reply) {
      tweet.inReplyToUserId = replyTo ?? (g.chance(0.6) ? g.pick(org.ours) : citizenName(g))
      tweet.referencedTweets = [{ type: 'replied_to', id: tweetId() }]
    } else if (g.chance(0.05)) tweet.referencedTweets = [{ type: 'quoted', id: tweetId() }]
    out.push(tweet)
  }
  return out
}

/** Each org's corpus: the general generator, then the division-focused part (its own seeds). */
const SIZES: [OrgContent, number, number][] = [
  [MHA, 3400, 900],
  [MEA, 3400, 1500],
  [RAILWAYS, 3600, 800],
]

export function buildOrgCorpus(i: number): TrainingTweet[] {
  const [org, size, divisionSize] = SIZES[i]
  return [
    ...buildTrainingCorpus(org, size, 1009 + i * 7),
    ...buildDivisionTweets(DIVISION_CORPORA[org.org], divisionSize, 4201 + i * 13, 'train'),
  ]
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..')
  const dir = join(root, 'tests', 'fixtures', 'training')
  mkdirSync(dir, { recursive: true })
  SIZES.forEach(([org], i) => {
    const tweets = buildOrgCorpus(i)
    writeFileSync(join(dir, `${org.org}.jsonl`), tweets.map((t) => JSON.stringify(t)).join('\n') + '\n')
    const actionable = tweets.filter((t) => t.label.actionable).length
    console.log(`${org.org}: ${tweets.length} tweets, ${actionable} actionable`)
  })
}
