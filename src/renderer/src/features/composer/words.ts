// The composer's warnings in the interface language. The rules (what is PII, when a
// reply cannot be posted) are the shared code's, which stays language-free; only the
// words are here.
import type { TFunction } from 'i18next'
import type { PiiFinding } from '../../../../shared/analysis'
import { XPrices, containsUrl, urlCostRatio } from '../../../../shared/budget'
import { LIMITS } from '../../../../shared/limits'
import { MAX_TWEET_WEIGHT, replyPostsProblem } from '../../../../shared/text/index'

/** Catalogue key per PII kind; tests/renderer checks every kind has text in each language. */
export const PII_KIND_KEYS: Record<PiiFinding['kind'], string> = {
  aadhaar: 'composer.pii.kind.aadhaar',
  pan: 'composer.pii.kind.pan',
  passport: 'composer.pii.kind.passport',
  phone: 'composer.pii.kind.phone',
  pnr: 'composer.pii.kind.pnr',
  email: 'composer.pii.kind.email',
}

/** One sentence: what was found (kinds, then the matches as typed) and what to do instead. */
export function piiWarning(
  findings: readonly PiiFinding[],
  t: TFunction,
  list: (items: readonly string[]) => string,
): string {
  if (findings.length === 0) return ''
  const kinds = [...new Set(findings.map((f) => t(PII_KIND_KEYS[f.kind])))]
  const found = findings.map((f) => `"${f.match}"`).join(', ')
  return t('composer.pii.message', { kinds: list(kinds), found })
}

/** Why the posts cannot go out as they are, or null (the same test the server applies). */
export function postsProblem(posts: readonly string[], t: TFunction, max = MAX_TWEET_WEIGHT): string | null {
  if (replyPostsProblem(posts, max) === null) return null
  if (posts.length === 0) return t('composer.problem.empty')
  if (posts.length > LIMITS.replyMaxPosts)
    return t('composer.problem.tooManyPosts', { count: posts.length, max: LIMITS.replyMaxPosts })
  return t('composer.problem.unsplittable', { max })
}

/** X's default prices: the desk does not know the org's own, and the ratio is what matters. */
const DEFAULT_PRICES = XPrices.parse({})

/**
 * The cost warning for posts that carry a link (each part of a thread is billed on its
 * own), or null when none does. A warning, not a block: sometimes the link is the answer.
 */
export function urlCostWarning(
  posts: readonly string[],
  t: TFunction,
  prices: XPrices = DEFAULT_PRICES,
): string | null {
  const linked = posts.filter(containsUrl).length
  if (linked === 0) return null
  const ratio = urlCostRatio(prices)
  return linked === 1 ? t('composer.urlCost', { ratio }) : t('composer.urlCostPosts', { posts: linked, ratio })
}
