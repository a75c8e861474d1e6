// The division-focused part of each org's training corpus, by org id.
import type { DivisionCorpus } from './frame'
import { MEA_DIVISIONS } from './mea'
import { MHA_DIVISIONS } from './mha'
import { RAILWAYS_DIVISIONS } from './railways'

export { buildDivisionTweets, poolOf, type DivisionCorpus, type Pool } from './frame'

export const DIVISION_CORPORA: Record<string, DivisionCorpus> = {
  mea: MEA_DIVISIONS,
  mha: MHA_DIVISIONS,
  railways: RAILWAYS_DIVISIONS,
}
