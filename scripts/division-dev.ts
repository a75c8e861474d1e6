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
//   … --seeds N                                    models trained now with training seeds 1…N: the mean,
//                                                  the lowest and the spread (highest − lowest) of each
//                                                  figure. One model's figures
//                                                  move by a few hundredths with the seed alone, as
//                                                  much as many corpus changes do: compare corpora
//                                                  by the mean over seeds, not by one model
//   … --folds K                                    (with --fresh or --seeds) train with K calibration folds
//                                                  (seva model train --folds K)
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
import { bandFigures, type BandFigures } from './band-figures'
import { buildOrgCorpus } from './make-training-corpus'
import { DIVISION_CORPORA, buildDivisionTweets } from './training-corpus/divisions'

const ROOT = join(import.meta.dirname, '..')
const ORGS = ['mha', 'mea', 'railways'] // the order of make-training-corpus.ts's SIZES
const DEV_SIZE = 800
const args = process.argv.slice(2)
const fresh = args.includes('--fresh')
const show = args.includes('--show')
const real = args.includes('--real')
const seeds = args.includes('--seeds') ? Number(args[args.indexOf('--seeds') + 1]) : 0
if (args.includes('--seeds') && !(Number.isInteger(seeds) && seeds >= 1))
  throw new Error('--seeds wants a whole number ≥ 1')
const folds = args.includes('--folds') ? Number(args[args.indexOf('--folds') + 1]) : undefined
const modelDir = args.includes('--models') ? args[args.indexOf('--models') + 1] : join(ROOT, 'resources', 'models')
const f3 = (n: number) => n.toFixed(3)

function readJsonl(path: string): LabelledTweet[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelledTweet)
}

/**
 * One model's figures, or with several (one per seed) the mean and, in brackets, the lowest
 * and the spread (highest − lowest): how much the seed alone moves the figure.
 */
function figuresLine(fs: BandFigures[]): string {
  const x = (k: Exclude<keyof BandFigures, 'tweets'>) => {
    const mean = f3(fs.reduce((n, f) => n + f[k], 0) / fs.length)
    const lowest = Math.min(...fs.map((f) => f[k]))
    const spread = Math.max(...fs.map((f) => f[k])) - lowest
    return fs.length === 1 ? mean : `${mean} (${f3(lowest)} ±${f3(spread)})`
  }
  return (
    `ticket P ${x('ticketP')} R ${x('ticketR')} F1 ${x('ticketF1')}, ` +
    `ticket+review R ${x('ticketOrReviewR')}, division ${x('division')}`
  )
}

function score(triages: Triage[], tweets: LabelledTweet[]) {
  const confusion = new Map<string, number>()
  const misrouted: string[] = []
  const fs = triages.map((triage, i) =>
    bandFigures(triage, tweets, (t, v) => {
      if (i > 0) return // confusions and misrouted tweets of the first model only
      const key = `${t.label.division} → ${v.division}`
      confusion.set(key, (confusion.get(key) ?? 0) + 1)
      misrouted.push(`${key}: ${t.text}`)
    }),
  )
  const worst = [...confusion].sort((a, b) => b[1] - a[1]).slice(0, 6)
  return {
    line: figuresLine(fs),
    confusions: worst.map(([k, n]) => `${k} ${n}`).join(', ') || 'none',
    misrouted,
  }
}

ORGS.forEach((org, i) => {
  const config = OrgConfig.parse(JSON.parse(readFileSync(join(ROOT, 'resources', 'orgs', `${org}.json`), 'utf8')))
  const train = (seed: number) =>
    trainTriageModel(compileOrg(config), buildOrgCorpus(i), { createdFrom: 'division-dev', seed, folds }).model
  const models = seeds
    ? Array.from({ length: seeds }, (_, s) => train(s + 1))
    : [fresh ? train(1) : parseModel(JSON.parse(readFileSync(join(modelDir, `${org}.model.json`), 'utf8')))]
  const triages = models.map((m) => prepareTriage(compileOrg(config), m))
  const split = buildDivisionTweets(DIVISION_CORPORA[org], DEV_SIZE, 9901 + i * 13, 'dev')
  const trainingTexts = new Set(buildOrgCorpus(i).map((t) => t.text))
  const shared = split.filter((t) => trainingTexts.has(t.text)).length
  const corpus = readJsonl(join(ROOT, 'tests', 'fixtures', 'corpus', `${org}.jsonl`))
  const a = score(triages, split)
  const b = score(triages, corpus)
  const how = folds ? `, ${folds} calibration folds` : ''
  const source = seeds ? `fresh${how}, seeds 1…${seeds}: mean (lowest ±spread)` : fresh ? `fresh${how}` : modelDir
  console.log(`${org} (${source} models)`)
  console.log(`  division dev split (${split.length}, ${shared} texts also in training): ${a.line}`)
  console.log(`    confusions: ${a.confusions}`)
  console.log(`  development corpus (${corpus.length}): ${b.line}`)
  console.log(`    confusions: ${b.confusions}`)
  if (show) for (const m of a.misrouted) console.log(`    ${m}`)
  if (real) {
    const handWritten = readJsonl(join(ROOT, 'tests', 'fixtures', 'dev-real', `${org}.jsonl`))
    const r = score(triages, handWritten)
    console.log(`  hand-written dev-real (${handWritten.length}): ${r.line}`)
    console.log(`    confusions: ${r.confusions}`)
    if (show) for (const m of r.misrouted) console.log(`    ${m}`)
  }
})
