// Adds up the JSON reports of vitest (both suites) and Playwright into one closing line.
import { existsSync, readFileSync } from 'node:fs'

let passed = 0
let failed = 0
let skipped = 0
for (const file of ['test-results/vitest.json', 'test-results/vitest-pg.json']) {
  if (!existsSync(file)) continue
  const report = JSON.parse(readFileSync(file, 'utf8'))
  passed += report.numPassedTests
  failed += report.numFailedTests
  skipped += report.numPendingTests + (report.numTodoTests ?? 0)
}
// npm test's end-to-end run, and the PostgreSQL suite's (scripts/test-pg.mjs).
for (const file of ['test-results/e2e.json', 'test-results/e2e-pg.json']) {
  if (!existsSync(file)) continue
  const { stats } = JSON.parse(readFileSync(file, 'utf8'))
  passed += stats.expected + (stats.flaky ?? 0)
  failed += stats.unexpected
  skipped += stats.skipped
}
// Where npm test's time went (scripts/test-all.mjs).
if (existsSync('test-results/test-phases.json')) {
  const { steps, totalSeconds } = JSON.parse(readFileSync('test-results/test-phases.json', 'utf8'))
  console.log(`npm test: ${steps.map((s) => `${s.name} ${s.seconds} s`).join(', ')}; ${totalSeconds} s in all`)
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed > 0 ? 1 : 0)
