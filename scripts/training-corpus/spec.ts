// What each organisation's part of the training corpus is made of.
import type { Gen } from './common'

export interface DivisionContent {
  /** Complaints in English, usually first person with details. */
  en: string[]
  /** Short concrete reports: often no "I", no "please" ("12345 standing outside Itarsi for 2 hours"). */
  short: string[]
  /** Romanised Hindi. */
  hl: string[]
  /** Devanagari Hindi. */
  hi: string[]
}

export interface OrgContent {
  org: string
  /** Our handles; the first is the primary one. */
  ours: string[]
  slots: Record<string, (g: Gen) => string>
  divisions: Record<string, DivisionContent>
  /** Grievances in other Indian scripts, with their division. */
  otherScripts: [string, string][]
  grievanceTags: string[]
  newsTags: string[]
  /** Other official accounts listed in the org file by name. */
  officialListed: string[]
  /** Other official accounts the org file's patterns catch. */
  officialPatterned: string[]
  /** Official accounts nobody listed: recognised by their style only. */
  officialUnlisted: string[]
  officialReplies: string[]
  /** Opinion, politics and policy criticism that uses the service's words (and "please"). */
  opinions: string[]
  /** Vacancy, recruitment, new trains/posts: demands of policy, not grievances. */
  demands: string[]
  /** Headlines, PR, announcements, press notes. */
  news: string[]
  praise: string[]
  /** Questions asking for information, nothing wrong. */
  questions: string[]
  mediaHandles: string[]
  affiliated: { usernames: string[]; patterns: string[] }
}
