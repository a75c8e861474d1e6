// A database that stops answering (PGlite on a full tmpfs spun at 97% CPU inside a
// statement: /healthz timed out and SIGTERM was ignored) must not take the server with
// it: /healthz answers 503 within a couple of seconds, writes fail with a clear 503, and
// SIGTERM stops the process. The engine is made to spin by an endless statement in a
// child process that runs the server as the CLI does. Its statements time out after
// STATEMENT_TIMEOUT_MS instead of the default 15 s: the login below waits that long behind
// the spinning statement (and the engine burns a core meanwhile). Start-up statements take
// milliseconds, so 5 s leaves a wide margin on a loaded machine.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { PASSWORD } from './helpers'

const STATEMENT_TIMEOUT_MS = 5_000
let child: ChildProcess | undefined
const dataDir = mkdtempSync(join(tmpdir(), 'seva-spin-'))

afterAll(() => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  rmSync(dataDir, { recursive: true, force: true })
})

function startChild(): Promise<{ url: string; output: () => string; exited: Promise<number | null> }> {
  child = spawn(process.execPath, ['--import', 'tsx', 'tests/server/fixtures/spinning-db-server.ts'], {
    env: {
      ...process.env,
      SEVA_DATA_DIR: dataDir,
      SEVA_DEMO_PASSWORD: PASSWORD,
      SEVA_SHUTDOWN_GRACE_MS: '3000',
      SEVA_TEST_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)))
  const url = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      const match = /listening (http:\/\/\S+)[\s\S]*spinning/.exec(output)
      if (match) resolve(match[1]!)
    }
    child!.stdout!.on('data', onData)
    child!.stderr!.on('data', onData)
    void exited.then((code) => reject(new Error(`server exited with ${code}:\n${output}`)))
  })
  return url.then((u) => ({ url: u, output: () => output, exited }))
}

/** A request that gives up after timeoutMs (a frozen server never answers). */
async function request(url: string, init: RequestInit = {}, timeoutMs = 30_000): Promise<Response> {
  return fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) })
}

it('answers /healthz 503, refuses writes with a clear 503 and stops on SIGTERM while the database hangs', async () => {
  const { url, exited, output } = await startChild()
  const health = await request(`${url}/healthz`, {}, 15_000)
  expect(health.status).toBe(503)
  expect(await health.json()).toMatchObject({ ok: false, error: 'database_unavailable' })

  // A write (a login makes a session) fails with a clear error instead of waiting forever.
  const login = await request(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'supervisor', password: PASSWORD }),
  })
  expect(login.status).toBe(503)
  const body = (await login.json()) as { error: string; message: string }
  expect(body.error).toBe('database_unavailable')
  expect(body.message).toMatch(/did not answer|has not answered/)

  child!.kill('SIGTERM')
  const code = await Promise.race([
    exited,
    new Promise<'still running'>((r) => setTimeout(() => r('still running'), 30_000)),
  ])
  expect(code, output()).not.toBe('still running')
}, 120_000)
