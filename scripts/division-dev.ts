// Division figures on development data only, never the held-out sets: the development
// split of the division-focused corpus (tweets made from the templates training never
// gets, every fourth one — training-corpus/divisions/frame.ts — with seeds of their own)
// and the development corpus (tests/fixtures/corpus, another generator). Prints per org
// the ticket band's precision, recall and F1, the recall of ticket + review, the division
// accuracy of what reaches a person, and the commonest confusions.
//   npx tsx scripts/division-dev.ts                the committed models (resources/models)
//   npx tsx scripts/division-dev.ts --models DIR   the model files in DIR (e.g. an older commit's)
//   npx tsx scripts/division-dev.ts --fresh        models trained now from the generator's corpus
//   … --show                                       also the misrouted development-split tweets
//   … --real                                       also tests/fixtures/dev-real/<org>.jsonl: tweets
//                                                  written by hand, by someone who never read the
//                                                  generator's templates, as citizens and accounts
//                                                  write on X (development figures, not held-out)
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { OrgConfig } from '../src/shared/org'
import { compileOrg } from '../src/shared/routing'
import {
  parseModel,
  prepareTriage,
  trainTriageModel,
  type LabelledTweet,
  type Triage,
} from '../src/shared/triage-model'
import { bandFigures } from './band-figures'
import { buildOrgCorpus } from './make-training-corpus'
import { DIVISION_CORPORA, buildDivisionTweets } from './training-corpus/divisions'

const ROOT = join(import.meta.dirname, '..')
const ORGS = ['mha', 'mea', 'railways'] // the order of make-training-corpus.ts's SIZES
const DEV_SIZE = 800
const args = process.argv.slice(2)
const fresh = args.includes('--fresh')
const show = args.includes('--show')
const real = args.includes('--real')
const modelDir = args.includes('--models') ? args[args.indexOf('--models') + 1] : join(ROOT, 'resources', 'models')
const f3 = (n: number) => n.toFixed(3)

function readJsonl(path: string): LabelledTweet[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelledTweet)
}

function score(triage: Triage, tweets: LabelledTweet[]) {
  const confusion = new Map<string, number>()
  const misrouted: string[] = []
  const f = bandFigures(triage, tweets, (t, v) => {
    const key = `${t.label.division} → ${v.division}`
    confusion.set(key, (confusion.get(key) ?? 0) + 1)
    misrouted.push(`${key}: ${t.text}`)
  })
  const worst = [...confusion].sort((a, b) => b[1] - a[1]).slice(0, 6)
  return {
    line:
      `ticket P ${f3(f.ticketP)} R ${f3(f.ticketR)} F1 ${f3(f.ticketF1)}, ` +
      `ticket+review R ${f3(f.ticketOrReviewR)}, division ${f3(f.division)}`,
    confusions: worst.map(([k, n]) => `${k} ${n}`).join(', ') || 'none',
    misrouted,
  }
}

ORGS.forEach((org, i) => {
  const config = OrgConfig.parse(JSON.parse(readFileSync(join(ROOT, 'resources', 'orgs', `${org}.json`), 'utf8')))
  const model = fresh
    ? trainTriageModel(compileOrg(config), buildOrgCorpus(i), { createdFrom: 'division-dev' }).model
    : parseModel(JSON.parse(readFileSync(join(modelDir, `${org}.model.json`), 'utf8')))
  const triage = prepareTriage(compileOrg(config), model)
  const split = buildDivisionTweets(DIVISION_CORPORA[org], DEV_SIZE, 9901 + i * 13, 'dev')
  const trainingTexts = new Set(buildOrgCorpus(i).map((t) => t.text))
  const shared = split.filter((t) => trainingTexts.has(t.text)).length
  const corpus = readJsonl(join(ROOT, 'tests', 'fixtures', 'corpus', `${org}.jsonl`))
  const a = score(triage, split)
  const b = score(triage, corpus)
  console.log(`${org} (${fresh ? 'fresh' : modelDir} models)`)
  console.log(`  division dev split (${split.length}, ${shared} texts also in training): ${a.line}`)
  console.log(`    confusions: ${a.confusions}`)
  console.log(`  development corpus (${corpus.length}): ${b.line}`)
  console.log(`    confusions: ${b.confusions}`)
  if (show) for (const m of a.misrouted) console.log(`    ${m}`)
  if (real) {
    const handWritten = readJsonl(join(ROOT, 'tests', 'fixtures', 'dev-real', `${org}.jsonl`))
    const r = score(triage, handWritten)
    console.log(`  hand-written dev-real (${handWritten.length}): ${r.line}`)
    console.log(`    confusions: ${r.confusions}`)
    if (show) for (const m of r.misrouted) console.log(`    ${m}`)
  }
})
