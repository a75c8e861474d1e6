// The desk bench's sync server in its own process (so that its CPU and memory are not the
// desk's): the tests' mock sync server holding N grievances of the bench corpus, pages of
// 500 as the desk asks. Prints `URL <url>`; stdin lines `down` / `up` cut and restore it
// (the desk sees network errors); it exits when stdin closes.
import { createInterface } from 'node:readline'
import { MockSyncServer } from '../../tests/desk/mock-sync-server'
import { makeGrievance } from './corpus'

const n = Number(process.argv[2])
const server = new MockSyncServer()
server.pageLimit = 500
// The bench corpus's officers work in every division; the mock's first user is the desk's.
for (let i = 0; i < n; i++) server.upsert(makeGrievance(i), { notify: false })
await server.start()
process.stdout.write(`URL ${server.url}\n`)
for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'down') server.setDown(true)
  else if (line === 'up') server.setDown(false)
  process.stdout.write(`ok ${line}\n`)
}
await server.close()
process.exit(0)
