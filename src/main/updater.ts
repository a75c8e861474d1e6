// Electron glue for signed desk updates: electron-updater against the generic feed the
// admin pre-seeded (./desk/deployment.ts), with every decision taken by the pure policy
// (./desk/update-policy.ts). electron-updater itself checks the downloaded installer's
// SHA-512 against latest.yml and, on Windows, its Authenticode signature against
// `publisherName` from the build's app-update.yml.
import { hostname } from 'node:os'
import electronUpdater, { type UpdateInfo } from 'electron-updater'
import type { UpdateNotice } from '../shared/updates'
import type { DeskDeployment } from './desk/deployment'
import { decideUpdate, isInRollout, noticeFor, type OfferedBuild } from './desk/update-policy'

const { autoUpdater } = electronUpdater

/** How often a running desk asks the feed again (desks stay open all shift). */
const CHECK_EVERY_MS = 4 * 60 * 60_000
/** The first check waits for sign-in and the first sync to settle. */
const FIRST_CHECK_MS = 60_000

export interface DeskUpdater {
  /** What the top bar should show now. */
  state(): UpdateNotice | null
  onNotice(listener: (notice: UpdateNotice | null) => void): () => void
  /** The officer changed (sign-in, sign-out) or changed their deferral: decide again. */
  reconsider(): void
  dispose(): void
}

export interface DeskUpdaterOptions {
  deployment: DeskDeployment
  currentVersion: string
  /** The signed-in officer's deferral (null when nobody is signed in or nothing is deferred). */
  deferUntil: () => Promise<string | null | undefined>
  log: (message: string) => void
}

/** Null when this desk takes no updates (no feed pre-seeded). */
export function startDeskUpdater(opts: DeskUpdaterOptions): DeskUpdater | null {
  const url = opts.deployment.updateUrl
  if (!url) return null
  const channel = opts.deployment.updateChannel
  // Stable per workstation whoever signs in, and needs no file of its own.
  const machineId = hostname().toLowerCase()
  const listeners = new Set<(notice: UpdateNotice | null) => void>()
  let offered: OfferedBuild | null = null
  let downloaded: string | null = null
  let downloading = false
  let notice: UpdateNotice | null = null

  autoUpdater.setFeedURL({ provider: 'generic', url, channel })
  autoUpdater.channel = channel
  autoUpdater.allowPrerelease = channel !== 'latest'
  autoUpdater.allowDowngrade = false
  autoUpdater.autoDownload = false
  autoUpdater.autoInstallOnAppQuit = false
  autoUpdater.logger = { info: () => undefined, warn: opts.log, error: opts.log, debug: () => undefined }
  // Our rollout bucket, not electron-updater's per-profile random id: per machine.
  autoUpdater.isUserWithinRollout = (info: UpdateInfo) =>
    isInRollout(machineId, { version: info.version, stagingPercentage: info.stagingPercentage })

  const publish = (next: UpdateNotice | null) => {
    if (JSON.stringify(next) === JSON.stringify(notice)) return
    notice = next
    for (const listener of listeners) listener(next)
  }

  let deciding = Promise.resolve()
  const decide = () => {
    deciding = deciding.then(async () => {
      if (!offered) return publish(null)
      const decision = decideUpdate(offered, {
        currentVersion: opts.currentVersion,
        channel,
        machineId,
        deferUntil: await opts.deferUntil().catch(() => null),
        now: new Date(),
      })
      // Installs on quit only when decided so; a deferral takes back a downloaded build too.
      autoUpdater.autoInstallOnAppQuit = decision.kind === 'install'
      if (decision.kind === 'install' && downloaded !== decision.version && !downloading) {
        downloading = true
        autoUpdater.downloadUpdate().catch((error: unknown) => {
          downloading = false
          opts.log(`[updates] download failed: ${error instanceof Error ? error.message : String(error)}`)
        })
      }
      publish(noticeFor(decision, downloaded === offered.version))
    })
  }

  autoUpdater.on('update-available', (info) => {
    offered = { version: info.version, stagingPercentage: info.stagingPercentage }
    decide()
  })
  autoUpdater.on('update-not-available', () => {
    offered = null
    decide()
  })
  autoUpdater.on('update-downloaded', (info) => {
    downloading = false
    downloaded = info.version
    decide()
  })
  autoUpdater.on('error', (error) => {
    downloading = false
    opts.log(`[updates] ${error.message}`)
  })

  const check = () => {
    autoUpdater.checkForUpdates().catch((error: unknown) => {
      opts.log(`[updates] check failed: ${error instanceof Error ? error.message : String(error)}`)
    })
  }
  const first = setTimeout(check, FIRST_CHECK_MS)
  const every = setInterval(check, CHECK_EVERY_MS)

  return {
    state: () => notice,
    onNotice(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    reconsider: decide,
    dispose() {
      clearTimeout(first)
      clearInterval(every)
      listeners.clear()
      autoUpdater.removeAllListeners()
    },
  }
}
