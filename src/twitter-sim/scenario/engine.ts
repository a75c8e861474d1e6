// The scenario engine: posts citizen tweets to the org's handles at a steady rate —
// grievances in three languages, follow-ups in the same conversation, and the noise
// (news, praise, abuse, promotions, retweets, bare mentions) triage must filter out.
// Seeded, so a test can replay the exact same stream of tweets.

import { createRandom, type Random } from '../prng'
import { DEFAULT_HANDLES, type NewTweet, type SimStore, type Tweet } from '../store'
import { MAX_WEIGHTED_LENGTH, weightedLength } from '../text'
import { FOLLOW_UPS, GRIEVANCES, NOISE, type GrievanceKind, type NoiseKind } from './templates'
import { CITIES_HI, SLOT_FILLERS, citizenUsername } from './vocabulary'

export interface ScenarioOptions {
  seed?: number
  handles?: readonly string[]
}

type Language = 'en' | 'hi' | 'hinglish'

/** What the engine wants to post next (ids resolved against the store). */
export interface ScenarioDraft {
  kind: GrievanceKind | NoiseKind | 'follow-up' | 'retweet'
  input: NewTweet
}

const GRIEVANCE_KINDS = Object.keys(GRIEVANCES) as GrievanceKind[]
const NOISE_KINDS = Object.keys(NOISE) as NoiseKind[]
const MAX_REMEMBERED = 200

export class ScenarioEngine {
  private readonly random: Random
  private readonly handles: readonly string[]
  private readonly citizens: string[] = []
  /** Recent scenario grievances, for follow-ups and retweets. */
  private readonly recent: Tweet[] = []
  private timer: NodeJS.Timeout | undefined
  private ratePerMinute = 0
  generated = 0

  constructor(
    private readonly store: SimStore,
    options: ScenarioOptions = {},
  ) {
    this.random = createRandom(options.seed ?? 20240601)
    this.handles = options.handles && options.handles.length > 0 ? options.handles : DEFAULT_HANDLES
  }

  get tweetsPerMinute(): number {
    return this.ratePerMinute
  }

  /** Starts (or re-times) posting; 0 stops. */
  setRate(tweetsPerMinute: number): void {
    if (!Number.isFinite(tweetsPerMinute) || tweetsPerMinute < 0)
      throw new Error('tweetsPerMinute must be a number >= 0')
    this.ratePerMinute = tweetsPerMinute
    this.stop(false)
    if (tweetsPerMinute > 0) this.schedule()
  }

  stop(resetRate = true): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
    if (resetRate) this.ratePerMinute = 0
  }

  /** Forgets remembered conversations (after the store is reset). */
  forget(): void {
    this.recent.length = 0
    this.citizens.length = 0
  }

  private schedule(): void {
    const mean = 60_000 / this.ratePerMinute
    // Jitter keeps the traffic from looking like a metronome; Math.random keeps the
    // timing free while the content stays seeded.
    const delay = Math.max(1, mean * (0.5 + Math.random()))
    this.timer = setTimeout(() => {
      this.step()
      if (this.ratePerMinute > 0) this.schedule()
    }, delay)
    this.timer.unref()
  }

  /** Posts one scenario tweet now. */
  step(): Tweet {
    const draft = this.draft()
    const tweet = this.store.addTweet(draft.input)
    this.generated++
    if (draft.kind !== 'retweet' && GRIEVANCE_KINDS.includes(draft.kind as GrievanceKind)) {
      this.recent.push(tweet)
      if (this.recent.length > MAX_REMEMBERED) this.recent.shift()
    }
    return tweet
  }

  /** Decides the next tweet without posting it. */
  draft(): ScenarioDraft {
    const r = this.random
    const roll = r.next()
    const live = this.recent.filter((t) => !t.deleted)
    if (roll < 0.1 && live.length > 0) return this.followUp(r.pick(live))
    if (roll < 0.16 && live.length > 0) {
      const original = r.pick(live)
      return {
        kind: 'retweet',
        input: { author: this.citizen(), text: '', retweetOf: original.id, source: 'scenario' },
      }
    }
    if (roll < 0.4) {
      const kind = r.pick(NOISE_KINDS)
      return {
        kind,
        input: {
          author: this.citizen(),
          text: this.fill(r.pick(NOISE[kind]), this.pickHandle([])),
          source: 'scenario',
        },
      }
    }
    const kind = r.pick(GRIEVANCE_KINDS)
    const templates = GRIEVANCES[kind]
    const language = this.language()
    const text = this.fill(r.pick(templates[language]), this.pickHandle(templates.handles))
    return { kind, input: { author: this.citizen(), text, source: 'scenario' } }
  }

  private followUp(parent: Tweet): ScenarioDraft {
    const r = this.random
    // Answer the org's latest reply in the thread when there is one, else the citizen's own tweet.
    const orgReply = this.latestOrgReply(parent)
    const target = orgReply ?? parent
    const language: Language = parent.lang === 'hi' ? (/[\u0900-\u097F]/u.test(parent.text) ? 'hi' : 'hinglish') : 'en'
    // Citizens keep tagging the handle they first wrote to.
    const tagged = parent.entities.mentions
      .map((m) => m.username)
      .find((u) => this.handles.some((h) => h.toLowerCase() === u.toLowerCase()))
    const text = this.fill(r.pick(FOLLOW_UPS[language]), tagged ?? this.pickHandle([]))
    return {
      kind: 'follow-up',
      input: { author: parent.author, text, inReplyToTweetId: target.id, source: 'scenario' },
    }
  }

  private latestOrgReply(parent: Tweet): Tweet | undefined {
    const handles = new Set(this.handles.map((h) => h.toLowerCase()))
    const timeline = this.store.timeline
    // Replies come after their parent; look at a bounded tail only.
    for (let i = timeline.length - 1, seen = 0; i >= 0 && seen < 2000; i--, seen++) {
      const t = timeline[i]!
      if (t.id === parent.id) break
      if (!t.deleted && t.conversationId === parent.conversationId && handles.has(t.author.toLowerCase())) return t
    }
    return undefined
  }

  private language(): Language {
    const roll = this.random.next()
    return roll < 0.45 ? 'en' : roll < 0.75 ? 'hi' : 'hinglish'
  }

  private citizen(): string {
    const r = this.random
    // Some citizens write again; most are new faces.
    if (this.citizens.length > 0 && r.chance(0.2)) return r.pick(this.citizens)
    let name = citizenUsername(r)
    for (let i = 0; i < 3 && this.handles.some((h) => h.toLowerCase() === name.toLowerCase()); i++)
      name = citizenUsername(r)
    this.citizens.push(name)
    if (this.citizens.length > MAX_REMEMBERED) this.citizens.shift()
    return name
  }

  private pickHandle(preferred: readonly string[]): string {
    const r = this.random
    const available = preferred.filter((h) => this.handles.includes(h))
    if (available.length > 0 && r.chance(0.8)) return available[0]!
    return r.pick(this.handles)
  }

  /** Fills {slots}; a slot repeated in one template gets the same value. */
  private fill(template: string, handle: string): string {
    const r = this.random
    const values = new Map<string, string>()
    const valueOf = (slot: string): string => {
      const known = values.get(slot)
      if (known !== undefined) return known
      let value: string
      if (slot === 'h') value = `@${handle}`
      else if (slot === 'h2') value = `@${r.pick(this.handles.filter((h) => h !== handle).concat(handle))}`
      else if (slot === 'cityhi') value = CITIES_HI[valueOf('city')] ?? valueOf('city')
      else {
        const filler = SLOT_FILLERS[slot]
        if (!filler) throw new Error(`template slot {${slot}} has no filler`)
        value = filler(r)
      }
      values.set(slot, value)
      return value
    }
    let text = template.replace(/\{([a-z0-9]+)\}/g, (_m, slot: string) => valueOf(slot))
    // Templates are written to fit, but keep X's limit whatever the slots produced.
    while (weightedLength(text) > MAX_WEIGHTED_LENGTH) text = text.slice(0, text.lastIndexOf(' '))
    return text
  }
}
