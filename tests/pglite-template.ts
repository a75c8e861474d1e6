// One fresh, empty PGlite cluster per test run, kept as a tarball: every embedded database
// the suites create (test servers, the CLI's and the end-to-end stacks' server processes,
// which inherit the environment) starts as a copy of it instead of running PostgreSQL's
// initdb again — the bulk of a server's start-up. src/server/db/pglite-worker.ts reads
// SEVA_PGLITE_TEMPLATE; vitest's and Playwright's global setup call this.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'

export const PGLITE_TEMPLATE_ENV = 'SEVA_PGLITE_TEMPLATE'

/** Makes the template and points SEVA_PGLITE_TEMPLATE at it; the function returned removes it. */
export async function providePgliteTemplate(): Promise<() => void> {
  // Already made by whoever started this run: theirs to remove.
  if (process.env[PGLITE_TEMPLATE_ENV]) return () => undefined
  const dir = mkdtempSync(join(tmpdir(), 'seva-pglite-template-'))
  const file = join(dir, 'cluster.tar')
  const db = new PGlite()
  await db.waitReady
  const tarball = await db.dumpDataDir('none')
  await db.close()
  writeFileSync(file, new Uint8Array(await tarball.arrayBuffer()))
  process.env[PGLITE_TEMPLATE_ENV] = file
  return () => {
    delete process.env[PGLITE_TEMPLATE_ENV]
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The global setup of vitest and Playwright: both take the function returned as the teardown. */
export default providePgliteTemplate
