// `seva users add`: the first administrator of an empty database, with the password on
// standard input and the password policy applied; an existing username is refused. Run as
// the real command (bin/seva.js), on a PGlite data directory, or PostgreSQL with DATABASE_URL.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/server/db/database'
import { freshDatabase, type TestDatabase } from '../server/helpers'

let db: TestDatabase
let dataDir: string

beforeAll(async () => {
  db = await freshDatabase()
  dataDir = mkdtempSync(join(tmpdir(), 'seva-users-cli-'))
})
afterAll(async () => {
  await db?.drop()
  rmSync(dataDir, { recursive: true, force: true })
})

const target = () => (db.databaseUrl ? ['--database-url', db.databaseUrl] : ['--data-dir', join(dataDir, 'server')])

function seva(args: string[], stdin: string) {
  const run = spawnSync(process.execPath, ['bin/seva.js', ...args], {
    input: stdin,
    encoding: 'utf8',
    timeout: 120_000,
  })
  return { code: run.status, out: run.stdout, err: run.stderr }
}

describe('seva users add', () => {
  it('creates the first admin on an empty database, who needs no password change; refuses the name again', async () => {
    const add = ['users', 'add', '--username', 'root.admin', '--role', 'admin', '--password-stdin', ...target()]
    const made = seva(add, 'Deodar-Harbour-Signal-61\n')
    expect(made.err).toBe('')
    expect(made).toMatchObject({ code: 0 })
    expect(made.out).toContain('created admin root.admin')

    const again = seva(add, 'Another-Strong-Phrase-72\n')
    expect(again.code).toBe(1)
    expect(again.err).toContain('already exists')

    const database = await openDatabase(
      db.databaseUrl ? { databaseUrl: db.databaseUrl } : { dataDir: join(dataDir, 'server') },
    )
    try {
      const rows = await database.query<{ role: string; must_change_password: boolean }>(
        `SELECT role, must_change_password FROM users WHERE username = 'root.admin'`,
      )
      expect(rows).toEqual([{ role: 'admin', must_change_password: false }])
      const audit = await database.query<{ action: string; target: string }>('SELECT action, target FROM audit_log')
      expect(audit).toEqual([{ action: 'user.created', target: 'root.admin' }])
    } finally {
      await database.close()
    }
  }, 240_000)

  it('refuses a weak password, a missing --password-stdin and a bad role', () => {
    const weak = seva(
      ['users', 'add', '--username', 'weak.admin', '--role', 'admin', '--password-stdin', ...target()],
      'password1234\n',
    )
    expect(weak.code).toBe(1)
    expect(weak.err).toContain('commonly used or breached')
    const noStdin = seva(['users', 'add', '--username', 'x.admin', '--role', 'admin', ...target()], '')
    expect(noStdin.code).toBe(2)
    expect(noStdin.err).toContain('--password-stdin')
    const badRole = seva(
      ['users', 'add', '--username', 'x.admin', '--role', 'root', '--password-stdin', ...target()],
      'Deodar-Harbour-Signal-61',
    )
    expect(badRole.code).toBe(2)
    expect(badRole.err).toContain('--role')
  }, 240_000)
})
