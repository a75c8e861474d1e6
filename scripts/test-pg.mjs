// The PostgreSQL suite: the server's integration tests again, on a real PostgreSQL
// (DATABASE_URL, default: this machine's server at 127.0.0.1:5432, database `test`), then
// the end-to-end specs that need it: the admin walkthrough runs two server instances on one
// database (tests/e2e/admin-walkthrough.spec.ts; it makes and drops a database of its own).
// Arguments go to vitest (e.g. `-t name` to narrow it); with any, the end-to-end part is left out.
import { spawnSync } from 'node:child_process'

const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const env = { ...process.env, DATABASE_URL: databaseUrl }
const extraArgs = process.argv.slice(2)
const run = (args, more = {}) =>
  spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...env, ...more } }).status ?? 1

console.log(`[test:pg] server suites against ${databaseUrl.replace(/:[^:@/]*@/, ':***@')}`)
const vitest = run([
  'node_modules/vitest/vitest.mjs',
  'run',
  'tests/server',
  'tests/soak',
  '--outputFile.json=test-results/vitest-pg.json',
  ...extraArgs,
])

const PG_SPECS = ['tests/e2e/admin-walkthrough.spec.ts']
let e2e = 0
if (extraArgs.length > 0) {
  console.log('[test:pg] vitest arguments given: the end-to-end specs on PostgreSQL are left out')
} else {
  console.log(`[test:pg] end-to-end on PostgreSQL: ${PG_SPECS.join(', ')}`)
  // The browser desk serves the built renderer.
  e2e = run(['node_modules/electron-vite/bin/electron-vite.js', 'build'])
  if (e2e === 0)
    e2e = run(
      ['node_modules/@playwright/test/cli.js', 'test', ...PG_SPECS, '--workers=1', '--reporter=list,json'],
      // Its own report (scripts/ci-summary.mjs adds it up): `npm test`'s e2e.json stays as that run left it.
      { PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-results/e2e-pg.json', SEVA_PG_E2E: '1' },
    )
}
process.exit(vitest !== 0 ? vitest : e2e)
