// `seva` command line: try an organisation's keyword rules and triage on a file of
// tweets before they go live. Output is JSON lines so it pipes into jq or a sheet.
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { OrgConfig } from '../shared/org'
import { compileOrg, type CompiledOrg } from '../shared/routing'
import { prepareTriage, toIncoming, triageTweet, type TriageModel } from '../shared/triage-model'
import { parseTweets, type ParsedInput } from './input'
import { defaultModelPath, formatReport, loadDefaultModel, parseLabelled, readModel, trainAndWrite } from './model'
import { rulesReport, formatRulesReport } from './rules-report'

const HELP = `seva — Seva Desk grievance intelligence from the command line

Usage:
  seva triage --org FILE --in FILE [--model FILE | --no-model]
      Triage and route every tweet; prints one JSON line per tweet:
      {"id","actionable","division","priority","language","reasons",
       "confidence","band","ranking"}
      actionable/division/reasons are the rules' verdict; band (ticket, review,
      ignore) and confidence (0-1) come from the rules and the org's triage model
      (its "triage.model", else ../models/<org id>.model.json beside the org file).
  seva model train --org FILE --in FILE [--in FILE …] [--out FILE] [--folds K]
      Train the org's triage model from labelled JSON lines
      {"id","text","author","viaHandle"?,"inReplyToUserId"?,"label":{"actionable","division"}}
      and write the model file (default: where seva triage looks for it).
  seva model publish --org FILE --file MODEL (--database-url URL | --data-dir DIR) [--deploy] [--by NAME] [--note TEXT]
      Register a trained model file as a new version in the server's model registry,
      and with --deploy make it the one triage uses on every running server (audited;
      rolling back is the admin screen's Models section). A PGlite data directory: stop the server first.
  seva labels export (--database-url URL | --data-dir DIR) [--since ISO] [--out FILE]
      Officers' decisions on the desk (make a ticket, dismiss, not a grievance,
      forward) from the server's database, latest per tweet, as the JSON lines
      model train --in reads. A PGlite data directory: stop the server first.
  seva users add --username U --role ROLE --password-stdin
      (--database-url URL | --data-dir DIR) [--display-name NAME]
      [--divisions a,b] [--languages en,hi] [--capacity N]
      Create a user (the first administrator of a fresh install) in the server's
      database, migrating an empty one first. The password is read from standard
      input and must pass the password policy; an existing username is refused.
      A PGlite data directory: stop the server first.
  seva rules test --org FILE --in FILE [--flood PERCENT] [--examples N]
      For each keyword rule: how many tweets it would pull in, with examples.
      Rules matching more than PERCENT % of the tweets (default 20) are flagged.
  seva --help

Input (--in): CSV with a "text" column (optional "id", "author", "viaHandle"), or
JSON lines {"id"?, "text", "author"?, "viaHandle"?}. Bad records are reported on
stderr with their line number and skipped; the exit code is 1 if there were any.
Organisation (--org): a JSON file like resources/orgs/mha.json.
`

class UsageError extends Error {}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name)
  if (i < 0) return undefined
  const value = args[i + 1]
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} needs a value`)
  return value
}

/** Every value of a repeatable option ("--in a --in b"). */
function options(args: string[], name: string): string[] {
  const values: string[] = []
  for (let i = args.indexOf(name); i >= 0; i = args.indexOf(name, i + 1)) {
    const value = args[i + 1]
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} needs a value`)
    values.push(value)
  }
  return values
}

function readFile(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (err) {
    throw new UsageError(
      `cannot read ${what} ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    )
  }
}

export function loadOrg(path: string): CompiledOrg {
  let json: unknown
  try {
    json = JSON.parse(readFile(path, 'organisation file'))
  } catch (err) {
    if (err instanceof UsageError) throw err
    throw new UsageError(`${path} is not valid JSON: ${(err as Error).message}`)
  }
  const parsed = OrgConfig.safeParse(json)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n')
    throw new UsageError(`${path} is not a valid organisation config:\n${issues}`)
  }
  try {
    return compileOrg(parsed.data)
  } catch (err) {
    throw new UsageError((err as Error).message)
  }
}

export { toIncoming }

function modelFor(args: string[], orgPath: string, compiled: CompiledOrg): TriageModel | null {
  if (args.includes('--no-model')) return null
  const path = option(args, '--model')
  try {
    return path ? readModel(path) : loadDefaultModel(orgPath, compiled)
  } catch (err) {
    throw new UsageError(`cannot load the triage model: ${(err as Error).message}`)
  }
}

function trainCommand(args: string[], io: Io): number {
  const orgPath = option(args, '--org')
  const inPaths = options(args, '--in')
  if (!orgPath || inPaths.length === 0) throw new UsageError('model train needs --org FILE and at least one --in FILE')
  const orgText = readFile(orgPath, 'organisation file')
  const compiled = loadOrg(orgPath)
  let problems = 0
  const inputs = inPaths.map((path) => {
    const text = readFile(path, 'training file')
    const parsed = parseLabelled(text)
    for (const p of parsed.problems) io.err(`${path}:${p.line}: ${p.message}`)
    problems += parsed.problems.length
    return { text, tweets: parsed.tweets }
  })
  const out = option(args, '--out') ?? defaultModelPath(orgPath, compiled)
  const folds = option(args, '--folds')
  let result: ReturnType<typeof trainAndWrite>
  try {
    result = trainAndWrite(compiled, orgText, inputs, out, folds === undefined ? undefined : Number(folds))
  } catch (err) {
    throw new UsageError((err as Error).message)
  }
  const model = readModel(out)
  for (const line of formatReport(compiled.org.id, result.report, model.thresholds)) io.out(line)
  io.out(`${compiled.org.id}: wrote ${out} (${(result.bytes / 1024).toFixed(0)} KiB)`)
  return problems > 0 ? 1 : 0
}

function readInput(args: string[]): { compiled: CompiledOrg; input: ParsedInput } {
  const orgPath = option(args, '--org')
  const inPath = option(args, '--in')
  if (!orgPath || !inPath) throw new UsageError('both --org FILE and --in FILE are required')
  const compiled = loadOrg(orgPath)
  const input = parseTweets(basename(inPath), readFile(inPath, 'input file'))
  return { compiled, input }
}

function reportProblems(inPath: string, input: ParsedInput, err: (s: string) => void): void {
  for (const p of input.problems) err(`${inPath}:${p.line}: ${p.message}`)
}

export interface Io {
  out: (line: string) => void
  err: (line: string) => void
}

/** Runs the CLI; returns the exit code (so tests can call it without spawning). */
export function run(argv: string[], io: Io): number {
  try {
    if (argv.length === 0 || argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') {
      io.out(HELP)
      return argv.length === 0 ? 1 : 0
    }
    const [command, sub] = argv
    if (command === 'triage') {
      const { compiled, input } = readInput(argv.slice(1))
      const triage = prepareTriage(compiled, modelFor(argv, option(argv, '--org') ?? '', compiled))
      reportProblems(option(argv, '--in') ?? '', input, io.err)
      for (const t of input.tweets) {
        const verdict = triageTweet(triage, toIncoming(t))
        const a = verdict.analysis
        io.out(
          JSON.stringify({
            id: t.id,
            actionable: a.actionable,
            division: a.division,
            priority: a.priority,
            language: a.language,
            reasons: a.reasons,
            confidence: Math.round(verdict.confidence * 1000) / 1000,
            band: verdict.band,
            triageDivision: verdict.division,
            ranking: verdict.ranking.map((r) => ({ division: r.division, p: Math.round(r.p * 1000) / 1000 })),
            bandReasons: verdict.reasons,
          }),
        )
      }
      return input.problems.length > 0 ? 1 : 0
    }
    if (command === 'model' && sub === 'train') return trainCommand(argv.slice(2), io)
    if (command === 'rules' && sub === 'test') {
      const { compiled, input } = readInput(argv.slice(2))
      reportProblems(option(argv, '--in') ?? '', input, io.err)
      const flood = Number(option(argv, '--flood') ?? '20')
      const examples = Number(option(argv, '--examples') ?? '3')
      if (!(flood > 0 && flood <= 100)) throw new UsageError('--flood must be a percentage between 0 and 100')
      if (!(Number.isInteger(examples) && examples >= 0)) throw new UsageError('--examples must be a whole number')
      const report = rulesReport(compiled, input.tweets.map(toIncoming), { floodPercent: flood, examples })
      for (const line of formatRulesReport(report)) io.out(line)
      return input.problems.length > 0 ? 1 : 0
    }
    throw new UsageError(`unknown command "${argv.join(' ')}"`)
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`seva: ${err.message}`)
      io.err('Run "seva --help" for usage.')
      return 2
    }
    throw err
  }
}

/** Entry point for bin/seva.js (and `tsx src/cli/index.ts`). */
export function main(argv: string[] = process.argv.slice(2)): void {
  const io: Io = {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  }
  // The one command that reads a database (asynchronous): the server's officers' decisions.
  if (argv[0] === 'labels' && argv[1] === 'export') {
    const rest = argv.slice(2)
    const value = (name: string): string | undefined => {
      const i = rest.indexOf(name)
      return i >= 0 ? rest[i + 1] : undefined
    }
    const args = {
      ...(value('--database-url') ? { databaseUrl: value('--database-url') } : {}),
      ...(value('--data-dir') ? { dataDir: value('--data-dir') } : {}),
      ...(value('--since') ? { since: value('--since') } : {}),
      ...(value('--out') ? { out: value('--out') } : {}),
    }
    void import('./labels')
      .then(({ labelsExportCommand }) => labelsExportCommand(args, io))
      .then((code) => {
        process.exitCode = code
      })
    return
  }
  if (argv[0] === 'model' && argv[1] === 'publish') {
    const rest = argv.slice(2)
    const value = (name: string): string | undefined => {
      const i = rest.indexOf(name)
      return i >= 0 ? rest[i + 1] : undefined
    }
    const args = {
      org: value('--org'),
      file: value('--file'),
      databaseUrl: value('--database-url'),
      dataDir: value('--data-dir'),
      deploy: rest.includes('--deploy'),
      by: value('--by'),
      note: value('--note'),
    }
    void import('./model-publish')
      .then(({ modelPublishCommand }) => modelPublishCommand(args, io))
      .then((code) => {
        process.exitCode = code
      })
    return
  }
  if (argv[0] === 'users' && argv[1] === 'add') {
    const rest = argv.slice(2)
    const value = (name: string): string | undefined => {
      const i = rest.indexOf(name)
      return i >= 0 ? rest[i + 1] : undefined
    }
    const readStdin = async (): Promise<string> => {
      const chunks: Buffer[] = []
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
      return Buffer.concat(chunks).toString('utf8')
    }
    const args = {
      username: value('--username'),
      role: value('--role'),
      displayName: value('--display-name'),
      divisions: value('--divisions'),
      languages: value('--languages'),
      capacity: value('--capacity'),
      passwordStdin: rest.includes('--password-stdin'),
      databaseUrl: value('--database-url') ?? process.env.DATABASE_URL,
      dataDir: value('--data-dir'),
    }
    void import('./users')
      .then(({ usersAddCommand }) => usersAddCommand(args, readStdin, io))
      .then(
        (code) => {
          process.exitCode = code
        },
        (error: unknown) => {
          io.err(`seva: ${error instanceof Error ? error.message : String(error)}`)
          process.exitCode = 1
        },
      )
    return
  }
  process.exitCode = run(argv, io)
}

if (process.argv[1] !== undefined && /[\\/]cli[\\/]index\.ts$/.test(process.argv[1])) main()
