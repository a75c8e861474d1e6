// Starts the demo stack's parts as the real processes (`npm run sim`, `npm run server`,
// the browser desk host) on free loopback ports, so the end-to-end tests drive exactly
// what a person runs — and can stop and restart the server mid-test.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { test } from '@playwright/test'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

export interface Part {
  name: string
  child: ChildProcess
  output: () => string
  stop(): Promise<void>
}

export function startPart(name: string, script: string, env: Record<string, string>): Part {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  child.stdout?.on('data', (c: Buffer) => (log += c.toString()))
  child.stderr?.on('data', (c: Buffer) => (log += c.toString()))
  return {
    name,
    child,
    output: () => log,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
        setTimeout(() => child.kill('SIGKILL'), 5000).unref()
      }),
  }
}

export async function waitUntil<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false>,
  timeoutMs = 30_000,
  log?: () => string,
): Promise<T> {
  const started = Date.now()
  let lastError: unknown
  for (;;) {
    try {
      const value = await probe()
      if (value) return value
    } catch (error) {
      lastError = error
    }
    if (Date.now() - started > timeoutMs) {
      throw new Error(
        `timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}${log ? `\n${log()}` : ''}`,
      )
    }
    await new Promise((r) => setTimeout(r, 200))
  }
}

/** A browser desk host started by a stack: the address to open (it carries the host's key), and how to stop it. */
export interface DeskHost {
  url: string
  stop(): Promise<void>
}

/**
 * Starts a browser desk host on `port` talking to `serverUrl` (the built renderer, `out/renderer`),
 * adds it to `parts` (so the stack's logs and close take it in) and waits for the address it prints.
 */
export async function startDeskHost(
  parts: Part[],
  name: string,
  options: { port: number; serverUrl: string; dataDir: string },
): Promise<DeskHost> {
  const desk = startPart(name, 'src/main/desk/browser-host-cli.ts', {
    SEVA_DESK_PORT: String(options.port),
    SEVA_SERVER_URL: options.serverUrl,
    SEVA_DESK_DATA_DIR: options.dataDir,
    SEVA_RENDERER_DIR: join(root, 'out', 'renderer'),
  })
  parts.push(desk)
  const url = await waitUntil(
    'the browser desk URL',
    async () => desk.output().match(/http:\/\/127\.0\.0\.1:\d+\/\S*k=[0-9a-f]+/)?.[0],
    30_000,
    desk.output,
  )
  return { url, stop: () => desk.stop() }
}

/**
 * How long a server start may take before the stack gives up: only a bound on a start that
 * would never end. 60 s was too tight when the machine is shared: in a run on a two-core
 * machine at load 20, ten specs failed on it while their servers were still starting.
 */
const SERVER_START_BOUND_MS = 180_000

/**
 * The hook or test that starts a stack gets the time the start may take on top of its own
 * (a spec's 120 s was meant for its steps, not for three processes starting on a busy machine).
 */
function allowForStart(): void {
  const info = test.info()
  info.setTimeout(info.timeout + SERVER_START_BOUND_MS)
}

export interface Stack {
  simUrl: string
  serverUrl: string
  deskUrl: string
  /** The server's PGlite directory (open it only while the server is stopped). */
  serverDataDir: string
  /** Another browser desk host on the same server: a second officer's workstation. */
  startDesk(): Promise<DeskHost>
  stopServer(): Promise<void>
  startServer(): Promise<void>
  close(): Promise<void>
  logs(): string
}

/**
 * `acknowledge`: the server posts acknowledgements of new tickets (off unless asked).
 * `serverEnv`: more settings for the server (an org file, a check interval).
 */
export async function startStack(
  options: { acknowledge?: boolean; serverEnv?: Record<string, string> } = {},
): Promise<Stack> {
  allowForStart()
  const dataDir = mkdtempSync(join(tmpdir(), 'seva-e2e-'))
  const [simPort, serverPort, deskPort] = [await freePort(), await freePort(), await freePort()]
  const simUrl = `http://127.0.0.1:${simPort}`
  const serverUrl = `http://127.0.0.1:${serverPort}`
  const parts: Part[] = []

  let server: Part | undefined
  const startServer = async () => {
    server = startPart('server', 'src/server/cli.ts', {
      SEVA_SERVER_PORT: String(serverPort),
      SEVA_X_API_BASE: simUrl,
      SEVA_DEMO: '1',
      SEVA_ACK: options.acknowledge ? '1' : '0',
      // 1 s, not faster: the simulator allows 450 mention reads per 15 min as X does, and a spec's
      // stack must not run out of them however long a loaded machine takes to run it.
      SEVA_POLL_MS: '1000',
      SEVA_DATA_DIR: join(dataDir, 'server'),
      ...options.serverEnv,
    })
    const current = server
    await waitUntil(
      'the server',
      async () => (await fetch(`${serverUrl}/healthz`)).ok,
      SERVER_START_BOUND_MS,
      current.output,
    )
  }
  const startDesk = (port: number, name: string) =>
    startDeskHost(parts, name, { port, serverUrl, dataDir: join(dataDir, name) })

  // The desk host needs only the server's address, so it starts while the simulator and then
  // the server (which reads X from the simulator from its first moment) come up; the stack is
  // returned once all three answer, as before.
  const [deskUrl] = await Promise.all([
    startDesk(deskPort, 'desk').then((desk) => desk.url),
    (async () => {
      const sim = startPart('sim', 'src/twitter-sim/cli.ts', { SEVA_SIM_PORT: String(simPort), SEVA_SIM_RATE: '0' })
      parts.push(sim)
      await waitUntil('the simulator', async () => (await fetch(`${simUrl}/_sim/stats`)).ok, 30_000, sim.output)
      await startServer()
    })(),
  ])
  let desks = 1

  return {
    simUrl,
    serverUrl,
    deskUrl,
    serverDataDir: join(dataDir, 'server'),
    startDesk: async () => startDesk(await freePort(), `desk-${++desks}`),
    stopServer: async () => {
      await server?.stop()
    },
    startServer,
    logs: () => [...parts, ...(server ? [server] : [])].map((p) => `--- ${p.name}\n${p.output()}`).join('\n'),
    close: async () => {
      await Promise.all([...parts, ...(server ? [server] : [])].map((p) => p.stop()))
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export interface SimTweet {
  id: string
  text: string
  in_reply_to_tweet_id?: string | null
}

/**
 * Posts a citizen tweet on the simulator. A spec that needs the tweet in an officer's own
 * queue must write an unmistakable grievance: the org's model decides the band, and the
 * random marker a spec adds is one more word to it, so a borderline text lands in the
 * review band (unassigned) now and then.
 */
export async function injectTweet(simUrl: string, author: string, text: string): Promise<string> {
  const res = await fetch(`${simUrl}/_sim/tweets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ author, text }),
  })
  if (!res.ok) throw new Error(`inject failed: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { id: string }).id
}

export async function tweetsBy(simUrl: string, author: string): Promise<SimTweet[]> {
  const res = await fetch(`${simUrl}/_sim/tweets?author=${encodeURIComponent(author)}`)
  if (!res.ok) throw new Error(`sim tweets failed: ${res.status}`)
  const body = (await res.json()) as SimTweet[] | { data: SimTweet[] }
  return Array.isArray(body) ? body : body.data
}
