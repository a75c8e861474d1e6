// The PostgreSQL suite: the server's integration tests again, on a real PostgreSQL
// (DATABASE_URL, default: this machine's server at 127.0.0.1:5432, database `test`).
import { spawnSync } from 'node:child_process'

const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
console.log(`[test:pg] server suites against ${databaseUrl.replace(/:[^:@/]*@/, ':***@')}`)
const result = spawnSync(
  process.execPath,
  [
    'node_modules/vitest/vitest.mjs',
    'run',
    'tests/server',
    'tests/soak',
    '--outputFile.json=test-results/vitest-pg.json',
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit', env: { ...process.env, DATABASE_URL: databaseUrl } },
)
process.exit(result.status ?? 1)
