// Aggregate triage figures of the committed models (resources/models) per org and per
// labelled set: precision, recall and F1 of band `ticket`, recall of ticket + review, and
// division accuracy of what reached a person. Prints numbers only, never a tweet: the
// held-out sets are read in aggregate (README, "Tests").
//   npx tsx scripts/triage-figures.ts [set …]   (default: heldout heldout-b)
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { OrgConfig } from '../src/shared/org'
import { compileOrg } from '../src/shared/routing'
import { parseModel, prepareTriage, type LabelledTweet } from '../src/shared/triage-model'
import { bandFigures } from './band-figures'

const ROOT = join(import.meta.dirname, '..')
const ORGS = ['mha', 'mea', 'railways']

const readJsonl = (path: string): LabelledTweet[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelledTweet)

function figures(org: string, set: string) {
  const config = OrgConfig.parse(JSON.parse(readFileSync(join(ROOT, 'resources', 'orgs', `${org}.json`), 'utf8')))
  const model = parseModel(JSON.parse(readFileSync(join(ROOT, 'resources', 'models', `${org}.model.json`), 'utf8')))
  const triage = prepareTriage(compileOrg(config), model)
  return bandFigures(triage, readJsonl(join(ROOT, 'tests', 'fixtures', set, `${org}.jsonl`)))
}

const sets = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['heldout', 'heldout-b']
const f3 = (n: number) => n.toFixed(3)
console.log('| set | org | tweets | ticket P | ticket R | ticket F1 | ticket+review R | division |')
console.log('|---|---|---|---|---|---|---|---|')
for (const set of sets)
  for (const org of ORGS) {
    const f = figures(org, set)
    console.log(
      `| ${set} | ${org} | ${f.tweets} | ${f3(f.ticketP)} | ${f3(f.ticketR)} | ${f3(f.ticketF1)} | ${f3(f.ticketOrReviewR)} | ${f3(f.division)} |`,
    )
  }
