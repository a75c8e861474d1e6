// Where is Electron's binary? Requiring the `electron` package would try to download it
// when it is missing (and this machine cannot reach the download host), so look for it
// without triggering that.
import { existsSync, readFileSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const electronDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', 'electron')

/** @returns {{ path: string | null, reason: string }} */
export function findElectronBinary() {
  const pathFile = join(electronDir, 'path.txt')
  if (!existsSync(join(electronDir, 'package.json'))) {
    return { path: null, reason: 'the electron package is not installed' }
  }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null
  if (override) {
    const candidate = join(override, relative ?? 'electron')
    return existsSync(candidate)
      ? { path: candidate, reason: 'ELECTRON_OVERRIDE_DIST_PATH' }
      : { path: null, reason: `ELECTRON_OVERRIDE_DIST_PATH has no binary at ${candidate}` }
  }
  if (!relative) {
    return {
      path: null,
      reason:
        "Electron's binary has not been downloaded (node_modules/electron/path.txt is missing; " +
        'run `npx install-electron` on a machine that can reach the download host)',
    }
  }
  const candidate = join(electronDir, 'dist', relative)
  return existsSync(candidate)
    ? { path: candidate, reason: 'installed' }
    : { path: null, reason: `Electron's binary is missing at ${candidate}` }
}
