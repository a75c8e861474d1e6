// Runs the browser desk host: `tsx src/main/desk/browser-host-cli.ts`.
// Env: SEVA_DESK_PORT (4030), SEVA_SERVER_URL (http://127.0.0.1:4020),
// SEVA_DESK_DATA_DIR (.data/desk), SEVA_RENDERER_DIR (out/renderer), SEVA_DESK_SECRET
// (the per-run secret; random when unset — `npm start` sets it so it can print the URL),
// SEVA_WORKING_SET_DAYS (30: days finished grievances stay cached; 0 keeps everything).
import { resolve } from 'node:path'
import { startBrowserDesk } from './browser-host'
import { readDeployment } from './deployment'
import { moderateHeapGrowth } from './heap-growth'

async function main(): Promise<void> {
  // Before the desk allocates anything: the heap stays near its live size (heap-growth.ts).
  moderateHeapGrowth()
  const port = Number(process.env.SEVA_DESK_PORT ?? 4030)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`SEVA_DESK_PORT must be a port number, got ${process.env.SEVA_DESK_PORT}`)
  }
  // The same reading of SEVA_WORKING_SET_DAYS as the Electron desk's (a bad value: a warning, the default).
  const { workingSetDays } = readDeployment({ env: process.env, files: [] })
  const desk = await startBrowserDesk({
    port,
    serverUrl: process.env.SEVA_SERVER_URL ?? 'http://127.0.0.1:4020',
    dataDir: resolve(process.env.SEVA_DESK_DATA_DIR ?? '.data/desk'),
    rendererDir: resolve(process.env.SEVA_RENDERER_DIR ?? 'out/renderer'),
    ...(process.env.SEVA_DESK_SECRET ? { secret: process.env.SEVA_DESK_SECRET } : {}),
    ...(workingSetDays !== undefined ? { core: { finishedDays: workingSetDays } } : {}),
  })
  console.log(`Seva desk (browser): open ${desk.url}`)

  let closing = false
  const shutdown = (signal: string) => {
    if (closing) return
    closing = true
    console.log(`\n${signal}: closing the desk (the outbox is on disk)…`)
    desk.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', () => shutdown('SIGINT'))
  process.on('SIGTERM', () => shutdown('SIGTERM'))
}

main().catch((error: unknown) => {
  console.error(`Cannot start the browser desk: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
