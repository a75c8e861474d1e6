// `seva model publish`: a model file `seva model train` wrote becomes a version in the
// server's model registry (source 'trained'), and with --deploy the version triage uses —
// on every running instance of a PostgreSQL deployment at once (NOTIFY), as an admin's
// upload and deploy on the screen would:
//   seva model publish --org FILE --file MODEL (--database-url URL | --data-dir DIR)
//                      [--deploy] [--by NAME] [--note TEXT]
// The model is checked against the organisation as the database has it (the org file
// only seeds an empty one). Audited as model.upload / model.deploy by --by (default
// "cli:<login>"). A PGlite data directory is opened by one process at a time: stop the
// server first.
import { readFileSync } from 'node:fs'
import { userInfo } from 'node:os'
import { loadOrg } from '../server/index'
import { latestConfig, snapshotOf } from '../server/config'
import { openDatabase } from '../server/db/database'
import { migrate } from '../server/db/migrations'
import { HttpError } from '../server/http/errors'
import { deployModel, publishModel } from '../server/models/registry'
import { MODEL_LIMITS } from '../shared/models'
import { parseModel, type TriageModel } from '../shared/triage-model'

export interface ModelPublishArgs {
  org?: string
  file?: string
  databaseUrl?: string
  dataDir?: string
  deploy?: boolean
  by?: string
  note?: string
}

/** The command itself; returns the exit code. */
export async function modelPublishCommand(
  args: ModelPublishArgs,
  io: { out: (line: string) => void; err: (line: string) => void },
): Promise<number> {
  if (!args.org || !args.file || (!args.databaseUrl && !args.dataDir)) {
    io.err('seva: model publish needs --org FILE, --file MODEL and --database-url URL or --data-dir DIR')
    return 2
  }
  const text = readFileSync(args.file, 'utf8')
  const bytes = Buffer.byteLength(text)
  if (bytes > MODEL_LIMITS.fileBytes) {
    io.err(`seva: ${args.file} is ${bytes} bytes; a model file may be at most ${MODEL_LIMITS.fileBytes}`)
    return 1
  }
  let model: TriageModel
  try {
    model = parseModel(JSON.parse(text))
  } catch (error) {
    io.err(`seva: ${args.file} is not a triage model file: ${(error as Error).message}`)
    return 1
  }
  const seed = await loadOrg(args.org)
  const actor = { username: args.by ?? `cli:${userInfo().username}` }
  const db = await openDatabase(args.databaseUrl ? { databaseUrl: args.databaseUrl } : { dataDir: args.dataDir! })
  try {
    await migrate(db)
    const org = (await latestConfig(db))?.config ?? seed
    if (org.id !== seed.id) {
      io.err(`seva: the database serves "${org.id}", not "${seed.id}" (${args.org})`)
      return 1
    }
    const snapshot = snapshotOf(org, 0)
    const version = await publishModel(
      db,
      snapshot,
      model,
      { source: 'trained', note: args.note ?? null, bytes },
      actor,
    )
    io.out(`seva: ${args.file} is model version ${version} of ${org.id}`)
    if (args.deploy) {
      const { previous } = await deployModel(db, snapshot, version, actor)
      io.out(
        `seva: model version ${version} deployed${previous ? ` (was ${previous.version})` : ''}; running servers apply it within seconds`,
      )
    }
    return 0
  } catch (error) {
    if (error instanceof HttpError) {
      io.err(`seva: ${error.message}`)
      return 1
    }
    throw error
  } finally {
    await db.close()
  }
}
