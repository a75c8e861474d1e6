// Electron main: one desk window over the desk core. Everything that matters lives in
// ./desk (plain Node, tested without Electron); this file wires it to the app's life.
import { join } from 'node:path'
import { app, BrowserWindow } from 'electron'
import { createAssignmentNotifier } from './assignment-notifier'
import { createSlaNotifier } from './sla-notifier'
import { createDeskCore, type DeskCore } from './desk/index'
import { moderateHeapGrowth } from './desk/heap-growth'
import { registerDeskIpc } from './ipc'
import type { DeskEvent, DeskMethod } from '../shared/desk-api'
import { isExternalLinkAllowed } from './desk/external-links'
import { preseededDeployment } from './server-address'
import { registerPrintToPdf } from './print-pdf'
import { SafeStorageTokenStore } from './token-store-safe'
import { startDeskUpdater } from './updater'
import {
  createDeskWindow,
  installContentSecurityPolicy,
  isAppUrl,
  lockDownNavigation,
  registerAppScheme,
  serveAppScheme,
} from './window'

let mainWindow: BrowserWindow | null = null

function showWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) {
    mainWindow = createDeskWindow()
    return
  }
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.focus()
}

function start(): void {
  // The main process hosts the desk core and its cache: its heap stays near its live size
  // (heap-growth.ts; js-flags on the command line would not reach this process).
  moderateHeapGrowth()
  // A separate profile (tests, a second desk on one machine) without touching the default one.
  if (process.env.SEVA_USER_DATA) app.setPath('userData', process.env.SEVA_USER_DATA)
  const deployment = preseededDeployment(process.resourcesPath)
  // The server whose own pages links may open (the pre-seeded one until a sign-in says otherwise).
  let serverUrl: string | null = deployment.serverUrl ?? null
  app.on('web-contents-created', (_event, contents) =>
    lockDownNavigation(contents, (url) => isExternalLinkAllowed(url, serverUrl)),
  )
  app.on('second-instance', showWindow)
  registerAppScheme()

  void app.whenReady().then(() => {
    serveAppScheme()
    const dataDir = join(app.getPath('userData'), 'desk')
    const core = createDeskCore({
      dataDir,
      serverUrl: deployment.serverUrl,
      ...(deployment.workingSetDays !== undefined ? { finishedDays: deployment.workingSetDays } : {}),
      tokenStore: new SafeStorageTokenStore(join(dataDir, 'session-token.enc')),
    })
    const notifier = createAssignmentNotifier(core, showWindow)
    const stopSlaNotifier = createSlaNotifier(core, showWindow)
    const updater = startDeskUpdater({
      deployment,
      currentVersion: app.getVersion(),
      deferUntil: async () => (await core.handle('settings.get', {})).updateDeferUntil,
      log: (message) => console.error(`[desk] ${message}`),
    })
    const stopWatchingSession = core.onEvent((event) => {
      if (event.type !== 'session') return
      serverUrl = event.session.serverUrl ?? deployment.serverUrl ?? null
      updater?.reconsider() // Another officer, another deferral.
    })
    // What makes the updater decide again: a change of officer or of their settings.
    const RECONSIDER: readonly DeskMethod[] = [
      'settings.set',
      'session.login',
      'session.logout',
      // A sign-in finished by a two-factor code or a required enrolment: another officer too.
      'session.two-factor-code',
      'two-factor.confirm',
    ]
    // The renderer's view of the core: the notifiers hear of the officer's own claims and SLA alerts, the
    // updater answers for itself (the core has none), and its notices join the events.
    const rendererCore: DeskCore = {
      handle: async (method, input) => {
        if (method === 'updates.state') return (updater?.state() ?? null) as never
        if (method === 'actions.submit') notifier.noteOwnAction(input)
        const output = await core.handle(method, input)
        if (RECONSIDER.includes(method)) updater?.reconsider()
        return output
      },
      onEvent: (listener) => {
        const stopCore = core.onEvent(listener)
        const stopUpdater = updater?.onNotice((update) => listener({ type: 'update', update } satisfies DeskEvent))
        return () => {
          stopCore()
          stopUpdater?.()
        }
      },
      close: () => core.close(),
    }
    const unregister = registerDeskIpc(rendererCore, isAppUrl)
    const unregisterPrint = registerPrintToPdf(isAppUrl)
    installContentSecurityPolicy()
    showWindow()

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) showWindow()
    })

    // Flush the stores before quitting (the outbox is already durable; the cache may not be).
    let closed = false
    app.on('before-quit', (event) => {
      if (closed) return
      event.preventDefault()
      closed = true
      notifier.dispose()
      updater?.dispose()
      stopWatchingSession()
      stopSlaNotifier()
      unregister()
      unregisterPrint()
      void core.close().finally(() => app.quit())
    })
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}

// Two desks on one profile would fight over the outbox file: the second one hands over.
if (app.requestSingleInstanceLock()) start()
else app.quit()
