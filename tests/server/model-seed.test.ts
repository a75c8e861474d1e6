// The model file at start, once the registry exists: a build that ships a retrained file
// gets it deployed (the server deployed the old file itself, nobody chose it), going back
// to the old file deploys that version again without a new one, and once an admin has
// deployed a version the file no longer changes what triage uses.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../src/server/index'
import { readModelFile } from '../../src/server/review'
import { type TriageModel } from '../../src/shared/triage-model'
import { freshDatabase, loggedIn, startTestServer, type TestDatabase } from './helpers'

const SHIPPED = readModelFile(join(import.meta.dirname, '..', '..', 'resources', 'models', 'mha.model.json'))
const RETRAINED: TriageModel = { ...SHIPPED, createdFrom: `${SHIPPED.createdFrom}+retrained` }

let db: TestDatabase
let dataDir: string | undefined

beforeAll(async () => {
  db = await freshDatabase()
  dataDir = db.databaseUrl ? undefined : mkdtempSync(join(tmpdir(), 'seva-model-seed-'))
})
afterAll(async () => {
  await db?.drop()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

async function startedWith(model: TriageModel, work: (s: RunningServer) => Promise<void> = async () => undefined) {
  const server = await startTestServer(db, { model, ...(dataDir ? { dataDir } : {}) })
  try {
    await work(server)
    return { version: server.models.current().version, createdFrom: server.models.model?.createdFrom }
  } finally {
    await server.close()
  }
}

describe('the model file at start', () => {
  // Five server starts on one data directory.
  it('follows the shipped file until an admin chooses a version', { timeout: 180_000 }, async () => {
    expect(await startedWith(SHIPPED)).toEqual({ version: 1, createdFrom: SHIPPED.createdFrom })
    expect(await startedWith(RETRAINED)).toEqual({ version: 2, createdFrom: RETRAINED.createdFrom })
    expect(await startedWith(SHIPPED)).toEqual({ version: 1, createdFrom: SHIPPED.createdFrom })
    // An admin deploys version 2; the old file at the next start changes nothing.
    await startedWith(SHIPPED, async (server) => {
      const admin = await loggedIn(server, 'admin')
      expect((await admin.request('POST', '/api/v1/admin/models/2/deploy')).status).toBe(200)
    })
    const last = await startedWith(SHIPPED, async (server) => {
      // No version was added for a file the registry had already.
      const [row] = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM triage_models')
      expect(Number(row!.n)).toBe(2)
    })
    expect(last).toEqual({ version: 2, createdFrom: RETRAINED.createdFrom })
  })
})
