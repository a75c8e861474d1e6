// `seva labels export`: officers' decisions from the server's database as the JSON lines
// `seva model train --in` reads, so a model is retrained on what the desk decided:
//   seva labels export (--database-url URL | --data-dir DIR) [--since ISO] [--out FILE]
// A PGlite data directory is opened by one process at a time: stop the server first (or
// export from PostgreSQL, which is fine while serving).
import { writeFileSync } from 'node:fs'
import type { Queryable } from '../server/db/database'
import { openDatabase } from '../server/db/database'
import { latestLabels, trainingLine } from '../server/review/labels'

const ALL_LABELS = 10_000_000

/** The latest label of each tweet (decided since `since`), one JSON line each. */
export async function exportLabels(db: Queryable, since: Date | null = null): Promise<string[]> {
  const labels = await latestLabels(db, since, ALL_LABELS)
  return labels.reverse().map(trainingLine)
}

export interface LabelsExportArgs {
  databaseUrl?: string
  dataDir?: string
  since?: string
  out?: string
}

/** The command itself; returns the exit code. */
export async function labelsExportCommand(
  args: LabelsExportArgs,
  io: { out: (line: string) => void; err: (line: string) => void },
): Promise<number> {
  if (!args.databaseUrl && !args.dataDir) {
    io.err('seva: labels export needs --database-url URL or --data-dir DIR')
    return 2
  }
  const since = args.since ? new Date(args.since) : null
  if (since && Number.isNaN(since.getTime())) {
    io.err(`seva: --since must be an ISO time, not "${args.since}"`)
    return 2
  }
  const db = await openDatabase(args.databaseUrl ? { databaseUrl: args.databaseUrl } : { dataDir: args.dataDir! })
  try {
    const lines = await exportLabels(db, since)
    if (args.out) {
      writeFileSync(args.out, lines.length > 0 ? `${lines.join('\n')}\n` : '')
      io.err(`seva: wrote ${lines.length} labels to ${args.out}`)
    } else for (const line of lines) io.out(line)
    return 0
  } finally {
    await db.close()
  }
}
