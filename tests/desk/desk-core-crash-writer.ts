// Spawned by desk-core-crash.test.ts and killed with SIGKILL mid-sync: a whole desk core
// (session restored from its data folder) syncing from the test's mock server. Prints
// `changed <n>` for each grievances-changed event, so the test can kill it between pages.
import { createDeskCore } from '../../src/main/desk/index'
import { FAST_TIMING } from './helpers'

const [dataDir, serverUrl] = process.argv.slice(2) as [string, string]
const core = createDeskCore({ dataDir, serverUrl, timing: FAST_TIMING, log: () => undefined })
core.onEvent((event) => {
  if (event.type === 'grievances-changed') process.stdout.write(`changed ${event.ids.length}\n`)
})
await core.handle('session.get', {})
process.stdout.write('started\n')
