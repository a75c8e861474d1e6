// Routing + triage throughput with 10,000 keyword rules, against a naive baseline
// (lower-case the tweet, then `includes` every term of every rule) on the same tweets.
// Run by `npm run bench` (bench/run.ts calls the default export) or directly with tsx.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'
import { OrgConfig, type KeywordRule } from '../src/shared/org'
import { analyseTweet, compileOrg } from '../src/shared/routing'
import type { IncomingTweet } from '../src/shared/analysis'

const RULES = 10_000
const here = dirname(fileURLToPath(import.meta.url))

/** Deterministic PRNG so every run measures the same work. */
function mulberry32(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SYLLABLES = ['ka', 'ra', 'mo', 'ti', 'su', 'pe', 'lan', 'dor', 'vi', 'sha', 'gro', 'nel', 'bu', 'tam', 'ze', 'kri', 'op', 'ul']

function syntheticRules(rand: () => number, divisions: string[]): KeywordRule[] {
  const word = () => Array.from({ length: 2 + Math.floor(rand() * 3) }, () => SYLLABLES[Math.floor(rand() * SYLLABLES.length)]).join('')
  const rules: KeywordRule[] = []
  for (let i = 0; i < RULES; i++) {
    const terms = Array.from({ length: 3 }, () => (rand() < 0.3 ? `${word()} ${word()}` : word()))
    rules.push({
      id: `r${i}`,
      division: divisions[i % divisions.length],
      terms,
      exclude: rand() < 0.1 ? [word()] : [],
      priorityBoost: 0,
      enabled: true,
    })
  }
  return rules
}

function loadTweets(rand: () => number, rules: KeywordRule[]): IncomingTweet[] {
  const texts: string[] = []
  for (const org of ['mha', 'mea', 'railways']) {
    try {
      const lines = readFileSync(join(here, '..', 'tests', 'fixtures', 'corpus', `${org}.jsonl`), 'utf8').split('\n')
      for (const l of lines) if (l.trim()) texts.push((JSON.parse(l) as { text: string }).text)
    } catch {
      // The corpus is optional for the bench; fall back to the samples below.
    }
  }
  if (texts.length === 0) {
    texts.push(
      '@HMOIndia my passport police verification pending since 3 months, please help',
      '@RailMinIndia coach B4 of 12951 is filthy, no water in toilets. PNR 4521789632',
      'मेरा वीज़ा आवेदन अभी तक लंबित है कृपया मदद करें @HMOIndia',
    )
  }
  // Sprinkle synthetic rule terms into a third of the tweets so rules really fire.
  return texts.map((text, i) => {
    let t = text
    if (rand() < 0.33) t += ` ${rules[Math.floor(rand() * rules.length)].terms[0]}`
    return { id: String(i), text: t, authorId: 'u', authorUsername: `citizen${i % 97}` }
  })
}

function naiveRoute(rules: { division: string; terms: string[]; exclude: string[] }[], text: string): string | null {
  const lower = text.toLowerCase()
  for (const rule of rules) {
    if (rule.terms.some((t) => lower.includes(t)) && !rule.exclude.some((t) => lower.includes(t))) return rule.division
  }
  return null
}

export default async function routingBench(): Promise<void> {
  const rand = mulberry32(42)
  const base = OrgConfig.parse(JSON.parse(readFileSync(join(here, '..', 'resources', 'orgs', 'mha.json'), 'utf8')))
  const divisions = base.divisions.map((d) => d.id)
  const rules = [...base.rules, ...syntheticRules(rand, divisions)]
  const org: OrgConfig = { ...base, rules }
  const t0 = performance.now()
  const compiled = compileOrg(org)
  const compileMs = performance.now() - t0
  const tweets = loadTweets(rand, rules)

  // Ours: full analyseTweet (normalise, language, one automaton pass, triage).
  let sink = 0
  for (const t of tweets) sink += analyseTweet(compiled, t).actionable ? 1 : 0 // warm-up
  let processed = 0
  const start = performance.now()
  while (performance.now() - start < 3000) {
    for (const t of tweets) sink += analyseTweet(compiled, t).matchedRules.length
    processed += tweets.length
  }
  const oursPerSec = processed / ((performance.now() - start) / 1000)

  // Baseline: includes() per term per rule, routing only (no triage) — still far slower.
  const naiveRules = rules.map((r) => ({
    division: r.division,
    terms: r.terms.map((t) => t.toLowerCase()),
    exclude: (r.exclude ?? []).map((t) => t.toLowerCase()),
  }))
  let naiveProcessed = 0
  const naiveStart = performance.now()
  while (performance.now() - naiveStart < 3000) {
    for (const t of tweets) {
      if (naiveRoute(naiveRules, t.text)) sink++
      naiveProcessed++
      if ((naiveProcessed & 63) === 0 && performance.now() - naiveStart >= 3000) break
    }
  }
  const naivePerSec = naiveProcessed / ((performance.now() - naiveStart) / 1000)

  const fmt = (n: number) => Math.round(n).toLocaleString('en-US')
  console.log(`routing: ${rules.length} keyword rules (${compiled.automaton.size} phrases incl. triage cues), ${tweets.length} distinct tweets, compiled in ${compileMs.toFixed(0)} ms`)
  console.log(`routing: automaton routing+triage  ${fmt(oursPerSec)} tweets/s`)
  console.log(`routing: naive includes() baseline ${fmt(naivePerSec)} tweets/s`)
  console.log(`routing: ratio ${(oursPerSec / naivePerSec).toFixed(1)}x (target ≥ 30x; ≥ 300,000 tweets/s) [checksum ${sink % 1000}]`)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await routingBench()
