// `npm run sim` (src/twitter-sim/cli.ts): prints its URL, serves, stops cleanly on SIGTERM.

import { spawn } from 'node:child_process'
import { describe, expect, it } from 'vitest'

describe('simulator CLI', () => {
  it('starts on SEVA_SIM_PORT, runs the scenario at SEVA_SIM_RATE and exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/twitter-sim/cli.ts'], {
      env: { ...process.env, SEVA_SIM_PORT: '0', SEVA_SIM_RATE: '3000', SEVA_SIM_SEED: '9' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    try {
      let out = ''
      child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c))
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 30_000)
        child.stdout.on('data', () => {
          const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)
          if (m) {
            clearTimeout(timer)
            resolve(m[1]!)
          }
        })
      })
      await new Promise((r) => setTimeout(r, 300))
      const stats = (await (await fetch(`${url}/_sim/stats`)).json()) as {
        scenario: { tweetsPerMinute: number; generated: number }
      }
      expect(stats.scenario.tweetsPerMinute).toBe(3000)
      expect(stats.scenario.generated).toBeGreaterThan(0)
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
      child.kill('SIGTERM')
      expect(await exited).toBe(0)
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL')
    }
  })
})
