// What the admin pre-seeds on a workstation: the central server's address and where signed
// desk builds are published. Read from, in order (each field from the first that has it):
//   1. environment: SEVA_SERVER_URL, SEVA_UPDATE_URL, SEVA_UPDATE_CHANNEL, SEVA_WORKING_SET_DAYS
//   2. %ProgramData%\Seva Desk\server.json — machine-wide, dropped by Group Policy or the
//      deployment tool after a silent install, survives updates
//   3. server.json next to the desk's executable
//   4. server.json in the app's resources folder (baked into the installer at build time)
// Each file: { "serverUrl": "https://…", "updateUrl": "https://…", "updateChannel": "latest",
// "workingSetDays": 30 } (days finished grievances stay cached; 0 keeps everything).
// No Electron here: the glue passes the paths in, tests pass their own.
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { isLoopbackHost } from './server-url'
import { WORKING_SET, WorkingSetDays } from '../../shared/grievance-search'

export const DEPLOYMENT_FILE = 'server.json'
export const DEFAULT_UPDATE_CHANNEL = 'latest'

export interface DeskDeployment {
  serverUrl?: string
  /** Base URL of the generic update feed (latest.yml and the installers); absent = no updates. */
  updateUrl?: string
  updateChannel: string
  /** Days finished grievances stay in the desk's cache (absent: WORKING_SET.defaultDays; 0: all kept). */
  workingSetDays?: number
}

export interface DeploymentSources {
  env: Record<string, string | undefined>
  /** Candidate files, most authoritative first. */
  files: readonly string[]
  read?: (file: string) => string
  warn?: (message: string) => void
}

/** The files a desk on this machine reads, most authoritative first. */
export function deploymentFiles(opts: {
  resourcesPath: string
  execPath: string
  programData?: string | undefined
}): string[] {
  const files: string[] = []
  if (opts.programData) files.push(join(opts.programData, 'Seva Desk', DEPLOYMENT_FILE))
  files.push(join(dirname(opts.execPath), DEPLOYMENT_FILE), join(opts.resourcesPath, DEPLOYMENT_FILE))
  return files
}

/** An update feed must be https (plain http only to this computer): the feed names the installer to run. */
export function isAcceptableUpdateUrl(raw: string): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  if (url.username || url.password) return false
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname))
}

const CHANNEL = /^[a-z][a-z0-9-]{0,31}$/

/** A working-set length as an admin wrote it (a number, or digits in the environment); undefined when it is not one. */
export function parseWorkingSetDays(raw: unknown): number | undefined {
  const value = typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : raw
  const parsed = WorkingSetDays.safeParse(value)
  return parsed.success ? parsed.data : undefined
}

const WORKING_SET_ENV = 'SEVA_WORKING_SET_DAYS'

type Field = 'serverUrl' | 'updateUrl' | 'updateChannel'
const ENV: Record<Field, string> = {
  serverUrl: 'SEVA_SERVER_URL',
  updateUrl: 'SEVA_UPDATE_URL',
  updateChannel: 'SEVA_UPDATE_CHANNEL',
}

export function readDeployment(sources: DeploymentSources): DeskDeployment {
  const read = sources.read ?? ((file: string) => readFileSync(file, 'utf-8'))
  const warn = sources.warn ?? ((message: string) => console.error(`[desk] ${message}`))
  const fromFiles: Partial<Record<Field, string>>[] = []
  let fileDays: unknown
  for (const file of sources.files) {
    let text: string
    try {
      text = read(file)
    } catch {
      continue // Not there: the next place may have it.
    }
    try {
      const parsed = JSON.parse(text) as Record<string, unknown>
      const fields: Partial<Record<Field, string>> = {}
      if (fileDays === undefined && parsed.workingSetDays !== undefined) fileDays = parsed.workingSetDays
      for (const key of Object.keys(ENV) as Field[]) {
        const value = parsed[key]
        if (typeof value === 'string' && value.trim()) fields[key] = value.trim()
      }
      if (Object.keys(fields).length === 0 && parsed.workingSetDays === undefined)
        warn(`${file} has none of serverUrl, updateUrl, updateChannel; ignoring it`)
      fromFiles.push(fields)
    } catch {
      warn(`${file} is not JSON; ignoring it`)
    }
  }
  const pick = (field: Field): string | undefined =>
    sources.env[ENV[field]]?.trim() || fromFiles.find((f) => f[field])?.[field]

  const deployment: DeskDeployment = { updateChannel: DEFAULT_UPDATE_CHANNEL }
  const serverUrl = pick('serverUrl')
  if (serverUrl) deployment.serverUrl = serverUrl // Checked (and refused with a reason) at sign-in.
  const updateUrl = pick('updateUrl')
  if (updateUrl) {
    if (isAcceptableUpdateUrl(updateUrl)) deployment.updateUrl = updateUrl
    else
      warn(`update address ${updateUrl} refused: it must be https:// (http:// only to this computer); updates are off`)
  }
  const channel = pick('updateChannel')?.toLowerCase()
  if (channel) {
    if (CHANNEL.test(channel)) deployment.updateChannel = channel
    else warn(`update channel "${channel}" is not a channel name; using ${DEFAULT_UPDATE_CHANNEL}`)
  }
  const rawDays = sources.env[WORKING_SET_ENV]?.trim() || fileDays
  if (rawDays !== undefined) {
    const days = parseWorkingSetDays(rawDays)
    if (days !== undefined) deployment.workingSetDays = days
    else
      warn(
        `working set "${String(rawDays)}" is not a number of days from 0 to ${WORKING_SET.maxDays}; using ${WORKING_SET.defaultDays}`,
      )
  }
  return deployment
}
