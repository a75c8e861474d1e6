// The organisation's configuration as numbered versions in config_versions. A version is
// never changed: a save, an import and a rollback each add one, and the highest is the
// truth. The org file only seeds an empty table. Saves are serialised by an advisory lock
// and refused (409) when the admin edited an older version than the current one.
import { OrgConfig } from '../../shared/org'
import { LIMITS } from '../../shared/limits'
import type { ConfigCurrent, ConfigVersionInfo } from '../../shared/config'
import type { Database, Queryable } from '../db/database'
import { HttpError } from '../http/errors'

/** Serialises config saves across instances. */
export const CONFIG_LOCK_KEY = 7_305_011
/** NOTIFY channel announcing a new config version (payload: the version). */
export const CONFIG_CHANNEL = 'seva_config'

interface VersionRow {
  [key: string]: unknown
  version: number
  config?: unknown
  author: string
  at: Date | string
  comment: string
  rolled_back_from: number | null
}

function infoOf(row: VersionRow): ConfigVersionInfo {
  return {
    version: Number(row.version),
    author: row.author,
    at: new Date(row.at).toISOString(),
    comment: row.comment,
    rolledBackFrom: row.rolled_back_from === null ? null : Number(row.rolled_back_from),
  }
}

/** A stored version parsed by today's OrgConfig (defaults of fields added since are filled in). */
function currentOf(row: VersionRow): ConfigCurrent {
  const raw = typeof row.config === 'string' ? (JSON.parse(row.config) as unknown) : row.config
  const parsed = OrgConfig.safeParse(raw)
  if (!parsed.success)
    throw new Error(
      `config version ${row.version} in the database is not a valid organisation: ${parsed.error.message}`,
    )
  return { ...infoOf(row), config: parsed.data }
}

/** Seeds version 1 from the org file when the table is empty (two instances starting at once: one wins). */
export async function seedConfig(db: Queryable, org: OrgConfig, comment: string): Promise<void> {
  await db.query(
    `INSERT INTO config_versions (version, config, author, comment)
     SELECT 1, $1::jsonb, 'system', $2 WHERE NOT EXISTS (SELECT 1 FROM config_versions)
     ON CONFLICT (version) DO NOTHING`,
    [JSON.stringify(org), comment],
  )
}

export async function latestVersionNumber(db: Queryable): Promise<number> {
  const [row] = await db.query<{ version: number | null }>('SELECT max(version) AS version FROM config_versions')
  return row?.version === null || row?.version === undefined ? 0 : Number(row.version)
}

export async function configAt(db: Queryable, version: number): Promise<ConfigCurrent | null> {
  const [row] = await db.query<VersionRow>('SELECT * FROM config_versions WHERE version = $1', [version])
  return row ? currentOf(row) : null
}

export async function latestConfig(db: Queryable): Promise<ConfigCurrent | null> {
  const [row] = await db.query<VersionRow>('SELECT * FROM config_versions ORDER BY version DESC LIMIT 1')
  return row ? currentOf(row) : null
}

export async function listConfigVersions(db: Queryable): Promise<ConfigVersionInfo[]> {
  const rows = await db.query<VersionRow>(
    `SELECT version, author, at, comment, rolled_back_from FROM config_versions ORDER BY version DESC LIMIT $1`,
    [LIMITS.configVersionsPage],
  )
  return rows.map(infoOf)
}

export interface NewVersion {
  /** The version the change was made on; null = on top of whatever is current (import). */
  baseVersion: number | null
  config: OrgConfig
  author: string
  comment: string
  rolledBackFrom?: number
}

/**
 * Adds a version in one transaction with whatever else `also` writes (the audit entry), and
 * announces it to the other instances on commit. 409 when `baseVersion` is not the latest.
 */
export async function addConfigVersion(
  db: Database,
  change: NewVersion,
  also: (tx: Queryable, before: ConfigCurrent, version: number) => Promise<void>,
): Promise<ConfigCurrent> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [CONFIG_LOCK_KEY])
    const before = await latestConfig(tx)
    if (!before) throw new Error('config_versions is empty: the server seeds it at start')
    if (change.baseVersion !== null && change.baseVersion !== before.version)
      throw new HttpError(
        409,
        'stale_config',
        `The configuration changed since you opened it (you edited version ${change.baseVersion}, the current one is ${before.version}); reload and apply your change again`,
      )
    const version = before.version + 1
    const [row] = await tx.query<VersionRow>(
      `INSERT INTO config_versions (version, config, author, comment, rolled_back_from)
       VALUES ($1, $2::jsonb, $3, $4, $5) RETURNING *`,
      [version, JSON.stringify(change.config), change.author, change.comment, change.rolledBackFrom ?? null],
    )
    await also(tx, before, version)
    // Delivered at commit, never for a rolled-back save.
    if (db.kind === 'postgres') await tx.query('SELECT pg_notify($1, $2)', [CONFIG_CHANNEL, String(version)])
    return currentOf(row!)
  })
}
