// `npm test`: the type-check, the lint and the renderer build side by side (none needs another,
// and each keeps one core busy), then vitest, then Playwright against that build. It stops
// after the first phase that fails, as the `&&` chain it replaced did, and ends with each
// step's wall time (also in test-results/test-phases.json, which scripts/ci-summary.mjs prints).
import { spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'

/** Phases run one after another; the steps of a phase run at once. */
const PHASES = [
  [
    { name: 'typecheck', command: [npm, 'run', '--silent', 'typecheck'] },
    { name: 'lint', command: [npm, 'run', '--silent', 'lint'] },
    { name: 'build', command: [npm, 'run', '--silent', 'build:renderer'] },
  ],
  [{ name: 'vitest', command: [npx, 'vitest', 'run'] }],
  [{ name: 'e2e', command: [npx, 'playwright', 'test'] }],
]

/** Runs a step; alone it streams its output, beside others it is held and printed in one piece. */
function run(step, alone) {
  const started = Date.now()
  return new Promise((resolve) => {
    const child = spawn(step.command[0], step.command.slice(1), { stdio: alone ? 'inherit' : 'pipe' })
    let output = ''
    child.stdout?.on('data', (chunk) => (output += chunk))
    child.stderr?.on('data', (chunk) => (output += chunk))
    const finish = (code) => {
      const seconds = Math.round((Date.now() - started) / 1000)
      if (!alone) process.stdout.write(`[test] ---- ${step.name} (${seconds} s)\n${output}`)
      resolve({ name: step.name, seconds, ok: code === 0 })
    }
    child.once('error', (error) => {
      output += `${error.message}\n`
      finish(1)
    })
    child.once('exit', (code) => finish(code))
  })
}

const results = []
let failed = false
const startedAll = Date.now()
for (const phase of PHASES) {
  console.log(`[test] ${phase.map((s) => s.name).join(' + ')}`)
  const outcomes = await Promise.all(phase.map((step) => run(step, phase.length === 1)))
  results.push(...outcomes)
  if (outcomes.some((o) => !o.ok)) {
    failed = true
    break
  }
}
const total = Math.round((Date.now() - startedAll) / 1000)
const line = results.map((r) => `${r.name} ${r.seconds} s${r.ok ? '' : ' FAILED'}`).join(', ')
console.log(`[test] ${line}; ${total} s in all`)
mkdirSync('test-results', { recursive: true })
writeFileSync('test-results/test-phases.json', JSON.stringify({ steps: results, totalSeconds: total }, null, 2))
process.exit(failed ? 1 : 0)
