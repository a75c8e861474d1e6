// `npm run soak`: the full soak, 20,000 citizen tweets with faults and restarts (the CI
// soak in `npm test` / `npm run test:pg` is smaller). On PostgreSQL when DATABASE_URL is
// set, on PGlite otherwise; SEVA_SOAK_TWEETS changes the size. Prints its figures.
import { spawnSync } from 'node:child_process'

const env = { ...process.env, SEVA_SOAK_TWEETS: process.env.SEVA_SOAK_TWEETS ?? '20000' }
console.log(
  `[soak] ${env.SEVA_SOAK_TWEETS} tweets on ${env.DATABASE_URL ? env.DATABASE_URL.replace(/:[^:@/]*@/, ':***@') : 'PGlite'}`,
)
const result = spawnSync(
  process.execPath,
  [
    'node_modules/vitest/vitest.mjs',
    'run',
    'tests/soak',
    '--reporter=verbose',
    '--outputFile.json=test-results/vitest-soak.json',
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit', env },
)
process.exit(result.status ?? 1)
