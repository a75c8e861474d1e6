// Stopping the server on SIGTERM/SIGINT: a graceful close (lease released, streams ended,
// database closed), but never at the price of not stopping. If the close has not finished
// after a grace period (a database that does not answer, a connection that will not
// drain) the process exits anyway; a second signal exits at once.
export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000

export function stopOnSignals(
  close: () => Promise<void>,
  opts: { graceMs?: number; log?: (message: string) => void } = {},
): void {
  const graceMs = opts.graceMs ?? DEFAULT_SHUTDOWN_GRACE_MS
  const log = opts.log ?? ((message: string) => console.log(message))
  let stopping = false
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      log(`${signal} again: exiting now`)
      process.exit(1)
    }
    stopping = true
    log(`${signal}: stopping the server`)
    setTimeout(() => {
      log(`the server did not stop within ${graceMs} ms: exiting anyway`)
      process.exit(1)
    }, graceMs)
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        log(`stopping the server failed: ${error instanceof Error ? error.message : String(error)}`)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}
