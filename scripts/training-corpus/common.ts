// Shared machinery of the training-corpus generator: a seeded PRNG, a tiny template
// language ("[a|b|]" picks one option, possibly empty; "{slot}" fills a slot), the noise
// real tweets carry (leading mentions, typos, casing, emoji, hashtag blocks, t.co links,
// truncation) and the generic material every ministry's mentions get: chatter in reply
// chains, politics, praise, spam, wishes.

export type Rand = () => number

export function mulberry32(seed: number): Rand {
  let a = seed | 0
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export class Gen {
  constructor(
    readonly rand: Rand,
    readonly slots: Record<string, () => string>,
  ) {}
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rand() * xs.length)]
  }
  chance(p: number): boolean {
    return this.rand() < p
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.rand() * (hi - lo + 1))
  }
  /** Expand "[a|b]" choices (nested) and "{slot}"s. */
  expand(template: string): string {
    let s = template
    for (let guard = 0; guard < 20 && s.includes('['); guard++) {
      s = s.replace(/\[([^[\]]*)\]/g, (_, body: string) => this.pick(body.split('|')))
    }
    return s.replace(/\{(\w+)\}/g, (_whole, name: string) => {
      const fill = this.slots[name]
      if (!fill) throw new Error(`no slot {${name}} in "${template}"`)
      return fill()
    })
  }
  from(templates: readonly string[]): string {
    return this.expand(this.pick(templates))
  }
}

/** Lines of a block: one template a line, blank lines and surrounding spaces dropped. */
export const L = (s: string): string[] =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0)

// --- people ---
const FIRST = L(`
rahul
priya
amit
sunita
vikas
neha
arjun
kavita
rohit
anjali
suresh
meena
imran
fatima
gurpreet
lakshmi
arun
deepa
manoj
pooja
sanjay
rekha
aakash
shabnam
venkat
karthik
divya
harish
naveen
swati
farhan
ayesha
joseph
mary
biswajit
sourav
tanmoy
prakash
ramesh
geeta
bhavna
yogesh
kiran
sneha
nitin
vinod
asif
zoya
harpreet
manpreet
rakesh
sachin
ankit
shweta
ritu
alok
pankaj
dinesh
santosh
mohan`)
const LAST = L(`
sharma
verma
singh
kumar
yadav
gupta
khan
patel
reddy
nair
iyer
das
roy
mishra
tiwari
pandey
chauhan
joshi
mehta
shaikh
ansari
pillai
menon
bose
ghosh
rao
naidu
jain
agarwal
dubey`)
const HANDLE_WORDS = L(`
traveller
indian
bharatiya
voice
speaks
official
real
thinker
patriot
engineer
doc
lawyer
student
farmer
fan
dad
mom
writes
tweets
views
_in
world
`)

export function citizenName(g: Gen): string {
  const f = g.pick(FIRST)
  const l = g.pick(LAST)
  const n = String(g.int(1, 9999))
  const y = String(g.int(1975, 2006))
  const form = g.int(0, 11)
  switch (form) {
    case 0:
      return `${f}${l}`
    case 1:
      return `${f}_${l}${g.chance(0.5) ? n : ''}`
    case 2:
      return `${f}${n}`
    case 3:
      return `${cap(f)}${cap(l)}`
    case 4:
      return `${f}${y}`
    case 5:
      return `i${g.pick(['am', 'm'])}${f}`
    case 6:
      return `${f}_${g.pick(HANDLE_WORDS)}`
    case 7:
      return `${l}${f}${g.int(1, 99)}`
    case 8:
      return `${f[0]}${l}${g.int(10, 99)}`
    case 9:
      return `The${cap(f)}${cap(l)}`
    case 10:
      return `${f}${l[0]}_${n}`
    default:
      return `${g.pick(['desi', 'aam', 'proud', 'angry', 'just', 'mr', 'ms'])}_${f}${g.chance(0.5) ? n : ''}`
  }
}
export const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/** Media, politicians and others people pile into reply chains. */
export const CROWD_HANDLES = L(`
PMOIndia
narendramodi
AmitShah
RahulGandhi
INCIndia
BJP4India
AamAadmiParty
ArvindKejriwal
ndtv
aajtak
ABPNews
republic
TimesNow
IndiaToday
the_hindu
htTweets
ANI
PTI_News
ZeeNews
dhruv_rathee
SudhirChaudhary
myogiadityanath
MamataOfficial
yadavakhilesh
priyankagandhi
PIB_India
MIB_India
mygovindia
DDNewslive
`)

export function tcoLink(g: Gen): string {
  const chars = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
  let s = ''
  for (let i = 0; i < 10; i++) s += chars[Math.floor(g.rand() * chars.length)]
  return `https://t.co/${s}`
}

const EMOJI = [
  '🙏',
  '🙏🙏',
  '😡',
  '😭',
  '🤬',
  '😂',
  '😂😂',
  '👍',
  '🙄',
  '😤',
  '💔',
  '⚠️',
  '😔',
  '😠',
  '🤦‍♂️',
  '👇',
  '🔥',
  '🇮🇳',
  '😢',
  '🥵',
]

/** Random typos in plain words (never in mentions, hashtags or links). */
export function typos(g: Gen, text: string, rate: number): string {
  return text
    .split(' ')
    .map((w) => {
      if (w.length < 4 || /[@#/]/.test(w) || !/^[a-z]+[,.!?]?$/i.test(w) || !g.chance(rate)) return w
      const i = g.int(1, w.length - 2)
      const kind = g.int(0, 3)
      if (kind === 0) return w.slice(0, i) + w.slice(i + 1) // drop
      if (kind === 1) return w.slice(0, i) + w[i] + w.slice(i) // double
      if (kind === 2) return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2) // swap
      return w
        .replace(/ou/g, 'u')
        .replace(/you/gi, 'u')
        .replace(/please/gi, 'plz')
    })
    .join(' ')
}

export interface Shape {
  /** Mentions put before the text (reply chains). */
  lead: string[]
  trailing: string[]
  hashtags: string[]
  link: boolean
  truncate: boolean
  emoji: boolean
  typoRate: number
  casing: 'as-is' | 'lower' | 'shout'
}

/** Dress a text as a tweet. Noise is drawn the same way whatever the label. */
export function dress(g: Gen, text: string, shape: Shape): string {
  let body = typos(g, text, shape.typoRate)
  if (shape.casing === 'lower') body = body.toLowerCase()
  else if (shape.casing === 'shout')
    body = body.replace(/\b([a-z]{4,})\b/g, (w) => (g.chance(0.3) ? w.toUpperCase() : w))
  if (shape.emoji) body = g.chance(0.5) ? `${body} ${g.pick(EMOJI)}` : `${g.pick(EMOJI)} ${body}`
  const lead = shape.lead.map((h) => `@${h}`).join(' ')
  const trail = shape.trailing.map((h) => `@${h}`).join(' ')
  const tags = shape.hashtags.map((t) => `#${t}`).join(' ')
  let text2 = [lead, body, g.chance(0.5) ? trail : '', tags, g.chance(0.5) ? '' : trail].filter((x) => x).join(' ')
  if (shape.truncate && text2.length > 80) {
    const cut = g.int(Math.floor(text2.length * 0.6), text2.length - 5)
    text2 = `${text2.slice(0, cut).replace(/\s+\S*$/, '')}…`
  }
  if (shape.link) text2 = `${text2} ${tcoLink(g)}`
  return text2.replace(/\s+/g, ' ').trim()
}

// --- generic non-grievance material (every ministry gets it) ---

/** Reply-chain chatter: agreement, jokes, insults between citizens, no problem stated. */
export const CHATTER = L(`
exactly
true that
so true [bro|sir|ji|]
100% agree
[who|nobody] asked you
[lol|lmao|😂😂]
[well said|well said sir|bilkul sahi kaha]
this is the reality
[same|same here] [bro|]
[sahi baat hai|bilkul sahi|ekdum sahi]
[kya baat hai|wah|waah]
[ye dekho|dekho ye|look at this]
[see this|check this]
[please|pls] [read|see] the thread
[read|check] my previous tweet
[go and|just] check your facts
[bhai|bro] tu rehne de
[andh bhakt|bhakt|chamcha|troll] detected
[stop spreading lies|fake news mat failao]
[nonsense|rubbish|bakwas] [logic|argument]
[what a joke|what a clown]
[mast|badhiya] [bola|likha]
[RT|retweet] [if you agree|karo]
[👍|🙏|👏👏]
[why are you tagging|why tag] [everyone|me]
[sir|madam] [plz|please] [follow back|reply]
[hahaha|hehe] [nice one|good one]
[itna gussa|chill] [kyun|bro]
[ab kya bolenge|ab bolo]
[source|proof] [please|do]?
[first learn|seekh lo pehle] [english|tameez]
[rest in peace|om shanti|RIP]
[jai hind|vande mataram|bharat mata ki jai]
[good morning|suprabhat] [sir|everyone|]
[tag karo|tagging] [sab ko|everyone] [please|]
[not your business|tum apna dekho]
[dekhte hain|lets see] [kya hota hai|what happens]
[sir|madam] [aap|you] [great ho|are great]
[i|we] [support|stand with] [you|this]
[exactly my point|that's what i said]
[arre bhai|oh bhai] [kuch bhi|kya bol raha]
[ye sab|all this] [politics hai|is politics]
`)

/** Communal or party arguments that happen to pass through a ministry's replies. */
export const ARGUMENTS = L(`
[your party|tumhari party] [ruled for|ne] [60|70] [years|saal] [and did nothing|kuch nahi kiya]
[first|pehle] [answer|jawab do] [about|on] [the scam|your leader]
[stop|band karo] [dividing|baantna] [people|logon ko] [on religion|dharm ke naam par]
[these people|ye log] [will never change|kabhi nahi sudhrenge]
[go to|jao] [pakistan|china] [then|fir]
[opposition|sarkar] [is doing|kar rahi hai] [drama|natak]
[who voted|kisne vote diya] [for them|inko]? [now suffer|ab bhugto]
[your IT cell|IT cell] [is working overtime|ka kaam hai ye]
[media|godi media] [will not show|nahi dikhayega] [this|ye]
[communal|hate] [agenda|propaganda] [again|phir se]
[2024|2029] [mein|me] [jawab milega|dekh lena]
[stop blaming|blame karna band karo] [nehru|modi|the government]
[they|inhone] [looted|loota] [the country|desh ko]
[minority|majority] [appeasement|politics] [band karo|stop it]
[why silent|chup kyun ho] [on|about] [this|that] [incident|case]?
`)

/** Wishes and greetings with no grievance. */
export const WISHES = L(`
[happy|wishing everyone a happy] [diwali|holi|eid|independence day|republic day|new year|pongal|onam|durga puja|christmas] [to all|to the whole] [staff|team|family|citizens] [🙏|🇮🇳|]
[good morning|suprabhat] [sir|ji|everyone] [have a nice day|]
[congratulations|congrats|badhai ho] [on|for] [the new|your] [appointment|achievement|milestone]
[jai hind|vande mataram] [🇮🇳|🙏]
[proud|garv hai] [of|on] [our|apne] [country|desh|team]
[many|heartiest] [happy returns|congratulations] [sir|ji]
`)

export const SPAM = L(`
[earn|kamao] [rs 5000|₹2000|50k] [daily|per day|weekly] [from home|ghar baithe] [dm me|whatsapp now|link in bio]
[get|buy] [1000|5000|10k] [followers|likes] [cheap|instantly] [dm|inbox]
[instant|personal] loan [approved|in 5 minutes] [click|apply] [here|now]
[crypto|bitcoin|forex] [signals|trading] [join|telegram] [channel|group] [100% profit|guaranteed returns]
[confirm|tatkal] ticket [guaranteed|100% confirm] [contact|call] [agent|us] [whatsapp|]
[win|free] [iphone|recharge|₹500 paytm cash] [click the link|register now]
[betting|casino|satta] [id|app] [available|banao] [24x7|now]
[best|cheapest] [packers and movers|visa agent|passport agent] [call now|dm for details]
[follow|subscribe] [my|our] [channel|page] [for daily updates|for jobs]
`)
