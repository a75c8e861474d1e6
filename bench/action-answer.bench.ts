// Answer size of POST /api/v1/actions: a batch of 20 notes of 4,000 characters (the most
// a note may hold) on one grievance, on PGlite. The baseline is the request itself: the
// answer should be a small fraction of it (an outcome per action, not the grievance).
import { randomUUID } from 'node:crypto'
import { startServer } from '../src/server/index'
import { seedGrievance, TWEETS } from '../tests/server/seed'

const NOTES = 20
const NOTE_CHARS = 4_000
const PASSWORD = 'bench-pass-1'

export default async function actionAnswerBench(): Promise<void> {
  const server = await startServer({
    port: 0,
    demo: true,
    demoPassword: PASSWORD,
    pollIntervalMs: 0,
    acknowledge: false,
    log: () => undefined,
  })
  try {
    const g = await seedGrievance(server, TWEETS.cyber)
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'officer.cyber', password: PASSWORD }),
    })
    const { token } = (await login.json()) as { token: string }
    const text = 'The citizen was called and the bank informed of the fraud. '.repeat(100).slice(0, NOTE_CHARS)
    const actions = Array.from({ length: NOTES }, () => ({
      id: randomUUID(),
      grievanceId: g.id,
      baseVersion: g.version,
      at: new Date().toISOString(),
      body: { type: 'note', text },
    }))
    const request = JSON.stringify({ actions })
    const res = await fetch(`${server.url}/api/v1/actions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: request,
    })
    const answer = await res.text()
    const statuses = ((JSON.parse(answer) as { results: { status: string }[] }).results ?? []).map((r) => r.status)
    const requestBytes = Buffer.byteLength(request)
    const answerBytes = Buffer.byteLength(answer)
    console.log(`batch of ${NOTES} notes of ${NOTE_CHARS} characters: HTTP ${res.status}, ${statuses.join(',')}`)
    console.log(`  request  ${requestBytes.toLocaleString('en')} bytes`)
    console.log(`  answer   ${answerBytes.toLocaleString('en')} bytes`)
    console.log(`  answer / request = ${(answerBytes / requestBytes).toFixed(3)}`)
  } finally {
    await server.close()
  }
}
