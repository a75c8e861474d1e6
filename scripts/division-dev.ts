// Division figures on the development split of the division-focused corpus: tweets made
// from the templates training never gets (every fourth, training-corpus/divisions/frame.ts)
// with seeds of their own. What the division part of the corpus is tuned on — never the
// held-out sets. Prints per org the ticket band's precision, recall and F1, the recall of
// ticket + review, the division accuracy of what reaches a person, and the confusions.
//   npx tsx scripts/division-dev.ts           the committed models (resources/models)
//   npx tsx scripts/division-dev.ts --fresh   models trained now from the generator's corpus
//   … --show                                  also the misrouted development tweets
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { OrgConfig } from '../src/shared/org'
import { compileOrg } from '../src/shared/routing'
import { parseModel, prepareTriage, toIncoming, trainTriageModel, triageTweet } from '../src/shared/triage-model'
import { buildOrgCorpus } from './make-training-corpus'
import { DIVISION_CORPORA, buildDivisionTweets } from './training-corpus/divisions'

const ROOT = join(import.meta.dirname, '..')
const ORGS = ['mha', 'mea', 'railways'] // the order of make-training-corpus.ts's SIZES
const DEV_SIZE = 800
const fresh = process.argv.includes('--fresh')
const show = process.argv.includes('--show')
const f3 = (n: number) => n.toFixed(3)

ORGS.forEach((org, i) => {
  const config = OrgConfig.parse(JSON.parse(readFileSync(join(ROOT, 'resources', 'orgs', `${org}.json`), 'utf8')))
  const compiled = compileOrg(config)
  const model = fresh
    ? trainTriageModel(compiled, buildOrgCorpus(i), { createdFrom: 'division-dev' }).model
    : parseModel(JSON.parse(readFileSync(join(ROOT, 'resources', 'models', `${org}.model.json`), 'utf8')))
  const triage = prepareTriage(compileOrg(config), model)
  const dev = buildDivisionTweets(DIVISION_CORPORA[org], DEV_SIZE, 9901 + i * 13, 'dev')
  const trainingTexts = new Set(buildOrgCorpus(i).map((t) => t.text))
  const shared = dev.filter((t) => trainingTexts.has(t.text)).length

  let ticket = 0
  let ticketTrue = 0
  let positives = 0
  let caught = 0
  let right = 0
  const confusion = new Map<string, number>()
  for (const t of dev) {
    const v = triageTweet(triage, toIncoming(t))
    if (v.band === 'ticket') {
      ticket++
      if (t.label.actionable) ticketTrue++
    }
    if (!t.label.actionable) continue
    positives++
    if (v.band === 'ignore') continue
    caught++
    if (v.division === t.label.division) right++
    else {
      const key = `${t.label.division} → ${v.division}`
      confusion.set(key, (confusion.get(key) ?? 0) + 1)
      if (show) console.log(`  ${key}: ${t.text}`)
    }
  }
  const p = ticketTrue / Math.max(1, ticket)
  const r = ticketTrue / Math.max(1, positives)
  console.log(
    `${org} (${fresh ? 'fresh' : 'committed'} model, dev split ${dev.length}, ${shared} texts also in training): ` +
      `ticket P ${f3(p)} R ${f3(r)} F1 ${f3((2 * p * r) / Math.max(1e-9, p + r))}, ` +
      `ticket+review R ${f3(caught / Math.max(1, positives))}, division ${f3(right / Math.max(1, caught))}`,
  )
  const worst = [...confusion].sort((a, b) => b[1] - a[1]).slice(0, 8)
  console.log(`  confusions: ${worst.map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`)
})
