// `npm run sim`: the simulator for the demo, with the citizen scenario running.
//   SEVA_SIM_PORT  port to listen on (default 4010)
//   SEVA_SIM_RATE  scenario tweets per minute (default 6; 0 = quiet)
//   SEVA_SIM_SEED  scenario seed (optional)
//   SEVA_SIM_HOST  interface (default 127.0.0.1)
//   SEVA_SIM_TOKEN_TTL_S  lifetime of OAuth access tokens in seconds (default 7200, as X)

import { startSimulator } from './index'

function numberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value < 0) {
    console.error(`[twitter-sim] ${name}=${raw} is not a non-negative number`)
    process.exit(2)
  }
  return value
}

const port = numberFromEnv('SEVA_SIM_PORT', 4010)
const rate = numberFromEnv('SEVA_SIM_RATE', 6)
const seedRaw = process.env.SEVA_SIM_SEED
const tokenTtlS = numberFromEnv('SEVA_SIM_TOKEN_TTL_S', 7200)
const sim = await startSimulator({
  port,
  host: process.env.SEVA_SIM_HOST ?? '127.0.0.1',
  scenario: { tweetsPerMinute: rate, ...(seedRaw ? { seed: numberFromEnv('SEVA_SIM_SEED', 0) } : {}) },
  oauth: { accessTokenTtlMs: Math.max(1, tokenTtlS) * 1000 },
})
console.log(`X API simulator listening on ${sim.url} (scenario: ${rate} tweets/min)`)
console.log(`  user token: Bearer sim-user-<username>   app token: any other Bearer`)
console.log(`  OAuth 2.0:  ${sim.url}/i/oauth2/authorize  /2/oauth2/token  /2/oauth2/revoke (client seva-desk-sim)`)
console.log(`  controls:   ${sim.url}/_sim/stats  /_sim/tweets  /_sim/faults  /_sim/scenario  /_sim/reset`)

let stopping = false
const stop = (signal: string): void => {
  if (stopping) return
  stopping = true
  console.log(`[twitter-sim] ${signal}: stopping`)
  void sim.close().then(() => process.exit(0))
}
process.on('SIGINT', () => stop('SIGINT'))
process.on('SIGTERM', () => stop('SIGTERM'))
