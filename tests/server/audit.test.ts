// The audit log: sign-ins (both outcomes, with the client address) and supervisor/admin
// actions land in it; only admins read, search, export and verify it; the chain shows an
// edited entry; the table refuses UPDATE, DELETE and TRUNCATE.
import { describe, expect, it } from 'vitest'
import { audit, canonicalJson, verifyAuditChain } from '../../src/server/audit'
import type { AuditPage } from '../../src/shared/audit'
import { ApiClient, loggedIn, useServerWithAdmin } from './helpers'

const app = useServerWithAdmin()

const page = async (query = ''): Promise<AuditPage> => {
  const res = await app.admin.request('GET', `/api/v1/admin/audit${query}`)
  expect(res.status).toBe(200)
  return res.body as AuditPage
}

describe('what is recorded', () => {
  it('records a successful and a failed sign-in with the client address, newest first', async () => {
    await loggedIn(app.server, 'officer.cyber')
    const failed = await new ApiClient(app.server.url).request('POST', '/api/v1/auth/login', {
      username: 'officer.cyber',
      password: 'not-the-password',
    })
    expect(failed.status).toBe(401)
    const { entries } = await page('?limit=2')
    expect(entries.map((e) => [e.action, e.actor])).toEqual([
      ['auth.sign-in-failed', 'officer.cyber'],
      ['auth.sign-in', 'officer.cyber'],
    ])
    expect(entries[0]!.clientAddress).toMatch(/127\.0\.0\.1/)
    expect(JSON.stringify(entries)).not.toContain('not-the-password')
    expect(entries[0]!.seq).toBeGreaterThan(entries[1]!.seq)
  })

  it('records a sign-out and a read of the triage quality', async () => {
    const supervisor = await loggedIn(app.server, 'supervisor')
    expect((await supervisor.request('GET', '/api/v1/supervisor/triage/quality')).status).toBe(200)
    expect((await supervisor.request('POST', '/api/v1/auth/logout')).status).toBe(204)
    const actions = (await page('?actor=supervisor')).entries.map((e) => e.action)
    expect(actions.slice(0, 3)).toEqual(['auth.sign-out', 'triage.quality-read', 'auth.sign-in'])
  })
})

describe('who may read it', () => {
  it('answers 401 without a session and 403 to officers and supervisors on every audit route', async () => {
    const officer = await loggedIn(app.server, 'officer.cyber')
    const supervisor = await loggedIn(app.server, 'supervisor')
    for (const path of ['/api/v1/admin/audit', '/api/v1/admin/audit.csv', '/api/v1/admin/audit/verify']) {
      expect((await new ApiClient(app.server.url).request('GET', path)).status).toBe(401)
      expect((await officer.request('GET', path)).status).toBe(403)
      expect((await supervisor.request('GET', path)).status).toBe(403)
      expect((await app.admin.request('GET', path)).status).toBe(200)
    }
  })

  it('refuses a malformed query with 400', async () => {
    expect((await app.admin.request('GET', '/api/v1/admin/audit?limit=ten')).status).toBe(400)
    expect((await app.admin.request('GET', `/api/v1/admin/audit?q=${'x'.repeat(500)}`)).status).toBe(400)
  })
})

describe('search, paging, export', () => {
  it('pages with next/before without repeating or skipping an entry, and searches details', async () => {
    for (let i = 0; i < 5; i++)
      await audit(app.server.db, { actor: 'admin', action: 'config.changed', details: { note: `page-test-${i}` } })
    const first = await page('?limit=3&q=page-test')
    expect(first.entries).toHaveLength(3)
    expect(first.next).not.toBeNull()
    const second = await page(`?limit=3&q=page-test&before=${first.next}`)
    expect(second.entries).toHaveLength(2)
    expect(second.next).toBeNull()
    const notes = [...first.entries, ...second.entries].map((e) => e.details.note)
    expect(notes).toEqual(['page-test-4', 'page-test-3', 'page-test-2', 'page-test-1', 'page-test-0'])
  })

  it('exports CSV with a BOM, defuses formula cells, and records the export', async () => {
    await audit(app.server.db, { actor: 'admin', action: 'config.changed', target: '=HYPERLINK("x")' })
    const res = await fetch(`${app.server.url}/api/v1/admin/audit.csv?limit=5`, {
      headers: { authorization: `Bearer ${app.admin.token}` },
    })
    expect(res.headers.get('content-type')).toMatch(/text\/csv/)
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder().decode(bytes)
    expect(text).toContain(`"'=HYPERLINK(""x"")"`)
    expect((await page('?limit=1')).entries[0]!.action).toBe('audit.exported')
  })
})

describe('tamper evidence', () => {
  it('hashes canonically: key order does not change the hash input', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}',
    )
  })

  it('refuses UPDATE, DELETE and TRUNCATE on the table', async () => {
    await expect(app.server.db.query(`UPDATE audit_log SET actor = 'someone-else'`)).rejects.toThrow(/append-only/)
    await expect(app.server.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/)
    await expect(app.server.db.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/)
  })

  it('verifies an intact chain, and finds the entry edited behind the trigger', async () => {
    const intact = (await app.admin.request('GET', '/api/v1/admin/audit/verify')).body as {
      ok: boolean
      entries: number
    }
    expect(intact.ok).toBe(true)
    expect(intact.entries).toBeGreaterThan(5)
    const victim = (await page('?action=auth.sign-in&limit=1')).entries[0]!
    // Someone with the database's owner rights switches the trigger off and edits a row.
    await app.server.db.transaction(async (tx) => {
      await tx.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change')
      await tx.query(`UPDATE audit_log SET actor = 'nobody' WHERE seq = $1`, [victim.seq])
      await tx.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change')
    })
    expect(await verifyAuditChain(app.server.db, 3)).toEqual({
      ok: false,
      entries: expect.any(Number) as number,
      brokenAt: victim.seq,
    })
  })
})
