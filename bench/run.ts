// `npm run bench`: runs every bench/*.bench.ts (or those named on the command line).
// Each exports a default async function that measures its target and a baseline in the
// same run and prints both with their ratio.
import { readdirSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const wanted = process.argv.slice(2)
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort()

let failed = 0
for (const file of files) {
  console.log(`\n=== ${file} ===`)
  try {
    const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: () => Promise<void> }
    await mod.default()
  } catch (error) {
    failed++
    console.error(`${file} failed:`, error)
  }
}
process.exit(failed > 0 ? 1 : 0)
