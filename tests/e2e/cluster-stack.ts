// A deployment of two server instances on one PostgreSQL database, as the real processes:
// the simulator, instance B (started first, so it wins the background lease and is the one
// that ingests from X), instance A (serves desks only), and browser desk hosts on either.
// The database is the spec's own (created here, dropped on close), so parallel engineers
// and CI jobs on one PostgreSQL never see each other's data.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { freePort, startDeskHost, startPart, waitUntil, type DeskHost, type Part } from './stack'

export type { DeskHost } from './stack'

/** The PostgreSQL the cluster specs use: DATABASE_URL, else this machine's (as `npm run test:pg` does). */
export const CLUSTER_PG_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

const hidePassword = (url: string): string => url.replace(/:[^:@/]*@/, ':***@')

/** Null when PostgreSQL answers; else why not, in a form fit for a skip message. */
export async function postgresUnavailable(url = CLUSTER_PG_URL): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 })
  try {
    await client.connect()
    await client.query('SELECT 1')
    return null
  } catch (error) {
    return `PostgreSQL is not reachable at ${hidePassword(url)} (${error instanceof Error ? error.message : String(error)}); set DATABASE_URL or run \`npm run test:pg\` where it is`
  } finally {
    await client.end().catch(() => undefined)
  }
}

async function onAdminDatabase<T>(baseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: baseUrl })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

export interface ServerInstance {
  name: string
  url: string
  part: Part
}

export interface ClusterStack {
  simUrl: string
  /** The spec's own database (password hidden in logs). */
  databaseUrl: string
  /** Serves desks; started second, so not the lease holder. */
  a: ServerInstance
  /** Started first: holds the lease, ingests and posts. */
  b: ServerInstance
  startDesk(on: ServerInstance): Promise<DeskHost>
  logs(): string
  close(): Promise<void>
}

/** `database`: the name of the database to create (dropped first if a crashed run left it, and on close). */
export async function startClusterStack(options: { database: string; baseUrl?: string }): Promise<ClusterStack> {
  const baseUrl = options.baseUrl ?? CLUSTER_PG_URL
  if (!/^[a-z_][a-z0-9_]*$/.test(options.database)) throw new Error(`not a plain database name: ${options.database}`)
  const database = options.database
  await onAdminDatabase(baseUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)
    await c.query(`CREATE DATABASE ${database}`)
  })
  const dbUrl = new URL(baseUrl)
  dbUrl.pathname = `/${database}`
  const databaseUrl = dbUrl.toString()

  const dataDir = mkdtempSync(join(tmpdir(), 'seva-cluster-e2e-'))
  const parts: Part[] = []
  // Both instances seal handle tokens with one key, as a real cluster must.
  const secretKey = randomBytes(32).toString('base64')
  let desks = 0

  const close = async (): Promise<void> => {
    await Promise.all(parts.map((p) => p.stop()))
    rmSync(dataDir, { recursive: true, force: true })
    await onAdminDatabase(baseUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)).catch(
      (error: unknown) => console.log(`[cluster-stack] could not drop ${database}: ${String(error)}`),
    )
  }

  try {
    const simPort = await freePort()
    const simUrl = `http://127.0.0.1:${simPort}`
    const sim = startPart('sim', 'src/twitter-sim/cli.ts', { SEVA_SIM_PORT: String(simPort), SEVA_SIM_RATE: '0' })
    parts.push(sim)
    await waitUntil('the simulator', async () => (await fetch(`${simUrl}/_sim/stats`)).ok, 30_000, sim.output)

    const startInstance = async (name: string): Promise<ServerInstance> => {
      const port = await freePort()
      const url = `http://127.0.0.1:${port}`
      const part = startPart(`server ${name}`, 'src/server/cli.ts', {
        SEVA_SERVER_PORT: String(port),
        DATABASE_URL: databaseUrl,
        SEVA_INSTANCE_ID: `walkthrough-${name}`,
        SEVA_SECRET_KEY: secretKey,
        SEVA_X_API_BASE: simUrl,
        SEVA_DEMO: '1',
        SEVA_ACK: '0',
        // As stack.ts: 1 s polls stay inside the simulator's read limits however slow the run.
        SEVA_POLL_MS: '1000',
        // A long lease: on a loaded machine a late renewal must not hand ingestion to A mid-spec.
        SEVA_LEASE_MS: '60000',
      })
      parts.push(part)
      await waitUntil(`server ${name}`, async () => (await fetch(`${url}/healthz`)).ok, 90_000, part.output)
      return { name, url, part }
    }
    // One after the other: B migrates, seeds and takes the lease before A exists.
    const b = await startInstance('b')
    const a = await startInstance('a')

    const startDesk = async (on: ServerInstance): Promise<DeskHost> => {
      const name = `desk-${++desks} (on ${on.name})`
      return startDeskHost(parts, name, {
        port: await freePort(),
        serverUrl: on.url,
        dataDir: join(dataDir, `desk-${desks}`),
      })
    }

    return {
      simUrl,
      databaseUrl: hidePassword(databaseUrl),
      a,
      b,
      startDesk,
      logs: () => parts.map((p) => `--- ${p.name}\n${p.output()}`).join('\n'),
      close,
    }
  } catch (error) {
    console.log(parts.map((p) => `--- ${p.name}\n${p.output()}`).join('\n'))
    await close()
    throw error
  }
}
