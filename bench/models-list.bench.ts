// Model registry list benchmark (`npm run bench models-list`): GET /api/v1/admin/models
// over LIMITS.qualityLabels (20,000) officer decisions and three model versions, on
// PGlite (or PostgreSQL with DATABASE_URL). The baseline is the read right after a new
// decision (every version measured again, as every read was before the figures were
// kept); the target is a repeat read (figures kept: src/server/models/quality-cache.ts).
// Both in the same run, with the ratio.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LIMITS } from '../src/shared/limits'
import type { ModelList } from '../src/shared/models'
import { freshDatabase, loggedIn, startTestServer } from '../tests/server/helpers'

const ROUNDS = 5
const TEXTS = [
  '@HMOIndia my passport verification is pending for 3 months, please help',
  '@HMOIndia police did not file my FIR for a stolen phone, kindly help',
  '@HMOIndia thanks for the quick response',
  '@HMOIndia great speech by the minister today',
]

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

export default async function bench(): Promise<void> {
  const db = await freshDatabase()
  const dataDir = db.databaseUrl ? undefined : mkdtempSync(join(tmpdir(), 'seva-models-bench-'))
  const server = await startTestServer(db, { configCheckMs: 0, ...(dataDir ? { dataDir } : {}) })
  try {
    const admin = await loggedIn(server, 'admin')
    const shipped = JSON.parse(
      readFileSync(join(import.meta.dirname, '..', 'resources', 'models', 'mha.model.json'), 'utf8'),
    ) as { createdFrom: string; calibration: { a: number; b: number } }
    for (const shift of [1, 2]) {
      const model = { ...shipped, createdFrom: `${shipped.createdFrom}+bench${shift}` }
      model.calibration = { a: shipped.calibration.a, b: shipped.calibration.b - shift }
      const res = await admin.request('POST', '/api/v1/admin/models', { model })
      if (res.status !== 201) throw new Error(`upload: ${res.status} ${JSON.stringify(res.body)}`)
    }
    await server.db.query(
      `INSERT INTO triage_labels (tweet_id, text, author_username, actionable, division, source, username)
       SELECT 'bench-' || i, ($2::text[])[1 + i % 4] || ' #' || i, 'person_' || i, i % 4 < 2,
         CASE WHEN i % 4 < 2 THEN 'police' END, 'review-accept', 'officer.cyber'
       FROM generate_series(1, $1::int) i`,
      [LIMITS.qualityLabels, TEXTS],
    )
    const read = async (): Promise<{ ms: number; list: ModelList }> => {
      const t0 = performance.now()
      const res = await admin.request('GET', '/api/v1/admin/models')
      if (res.status !== 200) throw new Error(`list: ${res.status}`)
      return { ms: performance.now() - t0, list: res.body as ModelList }
    }
    let n = 0
    const afterDecision: number[] = []
    const repeat: number[] = []
    let versions = 0
    let decisions = 0
    for (let round = 0; round < ROUNDS; round++) {
      await server.db.query(
        `INSERT INTO triage_labels (tweet_id, text, author_username, actionable, source, username)
         VALUES ($1, $2, 'person_new', false, 'reject-not-grievance', 'officer.cyber')`,
        [`bench-new-${++n}`, TEXTS[2]],
      )
      const cold = await read()
      afterDecision.push(cold.ms)
      versions = cold.list.versions.length
      decisions = cold.list.decisions
      const warm = await read()
      repeat.push(warm.ms)
      if (JSON.stringify(warm.list.versions) !== JSON.stringify(cold.list.versions))
        throw new Error('a repeat read answered other figures')
    }
    const base = median(afterDecision)
    const kept = median(repeat)
    console.log(
      `${decisions} decisions in the window (at most LIMITS.qualityLabels), ${versions} versions, ${db.databaseUrl ? 'PostgreSQL' : 'PGlite'}, median of ${ROUNDS}`,
    )
    console.log(`  read after a new decision (measures every version): ${base.toFixed(0)} ms`)
    console.log(`  repeat read (figures kept):                         ${kept.toFixed(0)} ms`)
    console.log(`  ratio: ${(base / kept).toFixed(1)}× faster`)
  } finally {
    await server.close()
    await db.drop()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  }
}
