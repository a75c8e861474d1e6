// `seva model publish`: a trained model file becomes the next registry version (source
// 'trained'), deployed with --deploy and audited under --by; a restarted server triages with
// it, and does not put its own model file back over a version someone chose. A model for
// another organisation is refused and nothing is stored.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { modelPublishCommand } from '../../src/cli/model-publish'
import { DEFAULT_ORG_FILE } from '../../src/server/index'
import { readModelFile } from '../../src/server/review'
import { modelToFile } from '../../src/shared/triage-model'
import { freshDatabase, startTestServer, type TestDatabase } from './helpers'

const MODELS_DIR = join(import.meta.dirname, '..', '..', 'resources', 'models')

let db: TestDatabase
let dir: string
let where: { databaseUrl?: string; dataDir?: string }

beforeAll(async () => {
  db = await freshDatabase()
  dir = mkdtempSync(join(tmpdir(), 'seva-model-publish-'))
  where = db.databaseUrl ? { databaseUrl: db.databaseUrl } : { dataDir: join(dir, 'server') }
  // First start: the org's model file is version 1.
  const server = await startTestServer(db, where.dataDir ? { dataDir: where.dataDir } : {})
  expect(server.models.current().version).toBe(1)
  await server.close()
})
afterAll(async () => {
  await db?.drop()
  rmSync(dir, { recursive: true, force: true })
})

function run(args: Parameters<typeof modelPublishCommand>[0]) {
  const out: string[] = []
  const err: string[] = []
  return modelPublishCommand(args, { out: (l) => out.push(l), err: (l) => err.push(l) }).then((code) => ({
    code,
    out,
    err,
  }))
}

describe('seva model publish', () => {
  it('refuses a model of another organisation and stores nothing', async () => {
    const res = await run({ org: DEFAULT_ORG_FILE, file: join(MODELS_DIR, 'railways.model.json'), ...where })
    expect(res.code).toBe(1)
    expect(res.err.join('\n')).toMatch(/trained for "railways"/)
    // Nothing stored: the next test finds versions 1 and 2 only, 2 being its own file.
    const usage = await run({ org: DEFAULT_ORG_FILE, ...where })
    expect(usage.code).toBe(2)
  })

  it('publishes and deploys a trained file; a restarted server uses it and keeps it', async () => {
    const shipped = modelToFile(readModelFile(join(MODELS_DIR, 'mha.model.json')))
    const file = join(dir, 'retrained.model.json')
    writeFileSync(file, JSON.stringify({ ...shipped, createdFrom: `${shipped.createdFrom}+retrained` }))
    const res = await run({ org: DEFAULT_ORG_FILE, file, ...where, deploy: true, by: 'ops.team', note: 'nightly' })
    expect(res.err).toEqual([])
    expect(res.code).toBe(0)
    expect(res.out.join('\n')).toMatch(/model version 2 of mha/)
    expect(res.out.join('\n')).toMatch(/version 2 deployed \(was 1\)/)

    const server = await startTestServer(db, where.dataDir ? { dataDir: where.dataDir } : {})
    try {
      expect(server.models.current().version).toBe(2)
      expect(server.models.model?.createdFrom).toBe(`${shipped.createdFrom}+retrained`)
      const rows = await server.db.query<{ version: number; source: string; created_by: string }>(
        'SELECT version, source, created_by FROM triage_models ORDER BY version',
      )
      expect(rows.map((r) => [Number(r.version), r.source, r.created_by])).toEqual([
        [1, 'file', 'system'],
        [2, 'trained', 'ops.team'],
      ])
      const audit = await server.db.query<{ action: string; actor: string; target: string }>(
        `SELECT action, actor, target FROM audit_log WHERE action LIKE 'model.%' ORDER BY seq`,
      )
      expect(audit.map((a) => [a.action, a.actor, a.target])).toEqual([
        ['model.upload', 'ops.team', 'model 2'],
        ['model.deploy', 'ops.team', 'model 2'],
      ])
    } finally {
      await server.close()
    }
    // Publishing the same file again is refused (it is version 2 already).
    const again = await run({ org: DEFAULT_ORG_FILE, file, ...where })
    expect(again.code).toBe(1)
    expect(again.err.join('\n')).toMatch(/already version 2/)
  })
})
