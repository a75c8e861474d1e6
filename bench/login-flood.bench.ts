// Sign-in under a password-guessing flood, as the audit ran it (≈15 s of wrong passwords
// for one account from one address), with the default lockout policy:
//  - attempts per second the server answered, how many were password checks (401) before
//    the first 429, and in total;
//  - a colleague's genuine sign-in (same address) during the flood against the same
//    sign-in on an idle server (the baseline, measured in this run), and their ratio.
import { Worker } from 'node:worker_threads'
import { startServer } from '../src/server/index'
import { freshDatabase } from '../tests/server/helpers'

const FLOOD_SECONDS = 15
const CONCURRENCY = 16
const PASSWORD = 'bench-pass-1'

// The attacker runs on its own thread (its own event loop), as it would on another machine.
const FLOOD = `
const { parentPort, workerData } = require('node:worker_threads')
const { url, seconds, concurrency } = workerData
const statuses = []
let guess = 0
const until = Date.now() + seconds * 1000
const one = async () => {
  while (Date.now() < until) {
    const res = await fetch(url + '/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'officer.cyber', password: 'guess-' + guess++ }),
    })
    await res.arrayBuffer()
    statuses.push(res.status)
  }
}
Promise.all(Array.from({ length: concurrency }, one)).then(() => parentPort.postMessage(statuses))
`

function flood(url: string): Promise<number[]> {
  const worker = new Worker(FLOOD, {
    eval: true,
    workerData: { url, seconds: FLOOD_SECONDS, concurrency: CONCURRENCY },
  })
  return new Promise((resolve, reject) => {
    worker.once('message', (statuses: number[]) => {
      resolve(statuses)
      void worker.terminate()
    })
    worker.once('error', reject)
  })
}

async function attempt(url: string, username: string, password: string): Promise<number> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  await res.arrayBuffer()
  return res.status
}

async function timedLogins(url: string, username: string, n: number): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < n; i++) {
    const start = performance.now()
    const status = await attempt(url, username, PASSWORD)
    if (status !== 200) throw new Error(`genuine sign-in of ${username} answered ${status}`)
    times.push(performance.now() - start)
    await new Promise((r) => setTimeout(r, 200))
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]!
}

export default async function loginFlood(): Promise<void> {
  // PGlite in memory, or a throw-away database on DATABASE_URL's server.
  const scratch = await freshDatabase()
  const server = await startServer({
    port: 0,
    demo: true,
    demoPassword: PASSWORD,
    pollIntervalMs: 0,
    log: () => undefined,
    ...(scratch.databaseUrl ? { databaseUrl: scratch.databaseUrl } : {}),
  })
  try {
    const idle = await timedLogins(server.url, 'officer.police', 5)
    const flooding = flood(server.url)
    await new Promise((r) => setTimeout(r, 2_000))
    const during = await timedLogins(server.url, 'officer.police', 5)
    const statuses = await flooding
    const firstRefusal = statuses.indexOf(429)
    const checks = statuses.filter((s) => s === 401).length
    console.log(`database: ${server.db.kind}`)
    console.log(
      `flood: ${statuses.length} attempts in ${FLOOD_SECONDS} s (${(statuses.length / FLOOD_SECONDS).toFixed(0)}/s); ` +
        `the first 429 was answer ${firstRefusal + 1} (parallel guesses: the allowed ones were still hashing); ` +
        `${checks} password checks (401) in all, the allowance then one per ended lockout; ` +
        `${statuses.filter((s) => s === 429).length} answered 429`,
    )
    console.log(
      `colleague's sign-in: idle ${idle.toFixed(1)} ms, during the flood ${during.toFixed(1)} ms (median of 5), ` +
        `ratio ${(during / idle).toFixed(2)}`,
    )
  } finally {
    await server.close()
    await scratch.drop()
  }
}
