// `npm start`: the demo stack on loopback — the X API simulator feeding citizen tweets,
// the central server on PGlite with demo users and the MHA org, and the desk (Electron
// where its binary is installed, otherwise the browser desk). Ctrl-C stops all of it.
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, statSync, readdirSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { findElectronBinary } from './electron-binary.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const env = process.env
const simPort = env.SEVA_SIM_PORT ?? '4010'
const serverPort = env.SEVA_SERVER_PORT ?? '4020'
const deskPort = env.SEVA_DESK_PORT ?? '4030'
const simUrl = `http://127.0.0.1:${simPort}`
const serverUrl = `http://127.0.0.1:${serverPort}`
const demoPassword = env.SEVA_DEMO_PASSWORD ?? 'seva-demo'

/** Newest modification time below a folder (to know whether the renderer needs a build). */
function newest(path) {
  const info = statSync(path)
  if (!info.isDirectory()) return info.mtimeMs
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), info.mtimeMs)
}

function buildIfStale() {
  const built = join(root, 'out', 'renderer', 'index.html')
  const sources = ['src/renderer', 'src/shared', 'src/preload', 'src/main'].map((p) => join(root, p))
  if (existsSync(built) && newest(built) >= Math.max(...sources.map(newest))) return
  console.log('[start] building the desk (electron-vite build)…')
  const result = spawnSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: root,
    stdio: 'inherit',
  })
  if (result.status !== 0) {
    console.error('[start] the build failed; see above')
    process.exit(1)
  }
}

const children = []
let stopping = false

function run(name, script, extraEnv) {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: root,
    env: { ...env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const prefix = (chunk) =>
    chunk
      .toString()
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => `[${name}] ${line}`)
      .join('\n') + '\n'
  child.stdout.on('data', (c) => process.stdout.write(prefix(c)))
  child.stderr.on('data', (c) => process.stderr.write(prefix(c)))
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[start] ${name} exited (${signal ?? code}); stopping the demo`)
      stop(1)
    }
  })
  children.push(child)
  return child
}

async function waitFor(url, what, timeoutMs = 60_000) {
  const started = Date.now()
  for (;;) {
    try {
      const res = await fetch(url)
      if (res.ok) return
    } catch {
      // not up yet
    }
    if (Date.now() - started > timeoutMs) throw new Error(`${what} did not come up at ${url}`)
    await new Promise((r) => setTimeout(r, 300))
  }
}

function stop(code = 0) {
  if (stopping) return
  stopping = true
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM')
  const deadline = setTimeout(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL')
    process.exit(code)
  }, 5000)
  deadline.unref()
  Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.on('exit', r)) : null))).then(() =>
    process.exit(code),
  )
}
process.on('SIGINT', () => stop(0))
process.on('SIGTERM', () => stop(0))

buildIfStale()
run('sim', 'src/twitter-sim/cli.ts', { SEVA_SIM_PORT: simPort })
await waitFor(`${simUrl}/_sim/stats`, 'the X API simulator')
run('server', 'src/server/cli.ts', {
  SEVA_SERVER_PORT: serverPort,
  SEVA_X_API_BASE: env.SEVA_X_API_BASE ?? simUrl,
  SEVA_DEMO: '1',
  SEVA_DEMO_PASSWORD: demoPassword,
  SEVA_DATA_DIR: env.SEVA_DATA_DIR ?? join(root, '.data', 'server'),
})
await waitFor(`${serverUrl}/healthz`, 'the central server')

const electron = findElectronBinary()
let deskSecret = null
if (electron.path && !env.SEVA_BROWSER_DESK) {
  console.log(`[start] opening the Electron desk (${electron.path})`)
  const child = spawn(electron.path, [root], {
    cwd: root,
    env: { ...env, SEVA_SERVER_URL: serverUrl },
    stdio: 'inherit',
  })
  child.on('exit', () => stop(0))
  children.push(child)
} else {
  console.log(`[start] Electron is not available here (${electron.reason}); starting the browser desk`)
  deskSecret = randomBytes(32).toString('hex')
  run('desk', 'src/main/desk/browser-host-cli.ts', {
    SEVA_DESK_PORT: deskPort,
    SEVA_SERVER_URL: serverUrl,
    SEVA_DESK_DATA_DIR: env.SEVA_DESK_DATA_DIR ?? join(root, '.data', 'desk'),
    SEVA_RENDERER_DIR: join(root, 'out', 'renderer'),
    SEVA_DESK_SECRET: deskSecret,
  })
  await waitFor(`http://127.0.0.1:${deskPort}/?k=${deskSecret}`, 'the browser desk')
}
console.log(`
[start] Seva Desk demo is up:
  X API simulator  ${simUrl}   (citizen tweets arrive every few seconds)
  central server   ${serverUrl}
  desk             ${deskSecret ? `http://127.0.0.1:${deskPort}/?k=${deskSecret}   (open it in a browser)` : 'the Electron window'}
  logins (password "${demoPassword}"): officer.foreigners, officer.police, officer.capf, officer.cyber,
    officer.disaster, officer.women-safety, officer.general, supervisor, admin
  Ctrl-C stops everything.
`)
