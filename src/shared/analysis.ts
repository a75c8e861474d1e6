// Types of the grievance intelligence (routing + triage). The functions live in
// src/shared/routing (analyseTweet, compileOrg) and src/shared/text (weighted length,
// PII guard); these types are the contract the server, desk and CLI code against.
import type { Priority } from './grievance'

/** A tweet as the intelligence sees it, whatever source it came from. */
export interface IncomingTweet {
  id: string
  text: string
  authorId: string
  authorUsername: string
  /** X's own language guess, when it gave one. */
  lang?: string
  conversationId?: string
  inReplyToUserId?: string
  referencedTweets?: { type: 'retweeted' | 'quoted' | 'replied_to'; id: string }[]
  /** The handle whose mentions brought it in (username, no @), if any. */
  viaHandle?: string
  createdAt?: string
}

/** `hi-Latn` is romanised Hindi; other Indian scripts get their ISO code (ta, gu, bn, …). */
export type DetectedLanguage =
  'en' | 'hi' | 'hi-Latn' | 'ta' | 'te' | 'kn' | 'ml' | 'gu' | 'pa' | 'bn' | 'or' | 'ur' | 'mr' | 'und'

export interface TweetAnalysis {
  actionable: boolean
  /** Readable reasons, e.g. "retweet", "first person + problem", "matched rule passport-delay". */
  reasons: string[]
  /** Null when not actionable; the org's default division when actionable but unmatched. */
  division: string | null
  matchedRules: string[]
  priority: Priority
  language: DetectedLanguage
  /** True for scripts we route but nobody on the desk may read (flag, never drop). */
  otherScript: boolean
}

export type PiiKind = 'aadhaar' | 'pan' | 'passport' | 'phone' | 'pnr' | 'email'

export interface PiiFinding {
  kind: PiiKind
  /** The matched text, as it stands in the input. */
  match: string
  index: number
}
