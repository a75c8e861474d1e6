// Where the central server is: SEVA_SERVER_URL, else `server.json` that admins place in
// the app's resources folder when they build or install the desk ({ "serverUrl": … }).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { normaliseServerUrl } from './desk/server-url'

export function preseededServerUrl(resourcesPath: string): string | undefined {
  const url = readPreseeded(resourcesPath)
  // Kept (the officer sees it at sign-in, where the desk refuses it with the reason), but
  // the admin who installed it hears of it first.
  if (url) {
    try {
      normaliseServerUrl(url)
    } catch (error) {
      console.error(`[desk] pre-seeded server address: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  return url
}

function readPreseeded(resourcesPath: string): string | undefined {
  const fromEnv = process.env.SEVA_SERVER_URL?.trim()
  if (fromEnv) return fromEnv
  const file = join(resourcesPath, 'server.json')
  let text: string
  try {
    text = readFileSync(file, 'utf-8')
  } catch {
    return undefined // Not pre-seeded: the officer types the address at sign-in.
  }
  try {
    const parsed = JSON.parse(text) as { serverUrl?: unknown }
    if (typeof parsed.serverUrl === 'string' && parsed.serverUrl.trim()) return parsed.serverUrl.trim()
  } catch {
    // Fall through to the warning.
  }
  console.error(`[desk] ${file} has no usable "serverUrl"; ignoring it`)
  return undefined
}
