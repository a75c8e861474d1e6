// Spawned by legacy-import.test.ts and killed with SIGKILL mid-import: imports the old
// grievances.json into the store, printing `page <n>` once each page of it is durable.
import { importWholeFileCache, LogGrievanceStore } from '../../src/main/desk/grievance-store'

const [dir, legacy] = process.argv.slice(2) as [string, string]
const { store } = await LogGrievanceStore.open({ dir })
let pages = 0
const apply = store.applyChangesPage.bind(store)
store.applyChangesPage = async (...args) => {
  const ids = await apply(...args)
  process.stdout.write(`page ${++pages}\n`)
  return ids
}
process.stdout.write(`imported ${await importWholeFileCache(store, legacy)}\n`)
await store.close()
