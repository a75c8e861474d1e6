// The leader's SLA pass on 5,000 open grievances of which 10 have a moment due, on PGlite.
// Baseline in the same run: what a pass without the next_sla_check_at index would do —
// read every open grievance and evaluate its record. The pass should cost a small fraction.
import { startServer } from '../src/server/index'
import { writeTransaction } from '../src/server/db/database'
import { checkSla, slaPolicyOf } from '../src/server/sla'
import { evaluateSla } from '../src/shared/sla'
import type { Grievance } from '../src/shared/grievance'
import { ORG, seedGrievance, TWEETS } from '../tests/server/seed'
import { LiveOrg } from '../src/server/config/live-org'

const GRIEVANCES = 5_000
const DUE = 10
const ROUNDS = 5

async function timed(fn: () => Promise<unknown>): Promise<number> {
  let best = Infinity
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now()
    await fn()
    best = Math.min(best, performance.now() - start)
  }
  return best
}

export default async function slaPassBench(): Promise<void> {
  const server = await startServer({ port: 0, pollIntervalMs: 0, acknowledge: false, log: () => undefined })
  try {
    const g = await seedGrievance(server, TWEETS.visa)
    // Copies of one real grievance, each its own id and ticket; nothing due for a year…
    await server.db.query(
      `INSERT INTO grievances (id, ticket, source_tweet_id, conversation_id, author_id, division, assignee, status,
         priority, language, sla_due_at, version, doc, created_at, updated_at, sla_state, next_sla_check_at)
       SELECT g.id || '-' || n, g.ticket || '-' || n, g.source_tweet_id || n, g.conversation_id || n, g.author_id,
         g.division, g.assignee, g.status, g.priority, g.language, g.sla_due_at, g.version,
         jsonb_set(jsonb_set(g.doc, '{id}', to_jsonb(g.id || '-' || n)), '{ticket}', to_jsonb(g.ticket || '-' || n)),
         g.created_at, g.updated_at, g.sla_state, now() + interval '365 days'
       FROM grievances g, generate_series(1, $1) n WHERE g.id = $2`,
      [GRIEVANCES - 1, g.id],
    )
    // …except a few whose moment has come (the pass finds them, evaluates, and re-schedules).
    const due = () =>
      server.db.query(
        `UPDATE grievances SET next_sla_check_at = now() - interval '1 minute'
         WHERE id IN (SELECT id FROM grievances ORDER BY id LIMIT $1)`,
        [DUE],
      )
    const ctx = { config: new LiveOrg(ORG) }
    const pass = await timed(async () => {
      await due()
      await writeTransaction(server.db, (tx) => checkSla(ctx, tx))
    })
    const policy = slaPolicyOf(ORG)
    const scan = await timed(async () => {
      await due()
      const rows = await server.db.query<{ doc: Grievance }>(
        `SELECT doc FROM grievances WHERE status NOT IN ('resolved', 'closed', 'rejected')`,
      )
      for (const { doc } of rows) if (doc.sla) evaluateSla(policy, doc.sla, Date.now(), { timeDriven: true })
    })
    console.log(`${GRIEVANCES.toLocaleString('en')} open grievances, ${DUE} with an SLA moment due (best of ${ROUNDS})`)
    console.log(`  indexed pass       ${pass.toFixed(1)} ms`)
    console.log(`  full scan baseline ${scan.toFixed(1)} ms`)
    console.log(`  pass / scan = ${(pass / scan).toFixed(3)}`)
  } finally {
    await server.close()
  }
}
