// Electron main: one desk window over the desk core. Everything that matters lives in
// ./desk (plain Node, tested without Electron); this file wires it to the app's life.
import { join } from 'node:path'
import { app, BrowserWindow } from 'electron'
import { createAssignmentNotifier } from './assignment-notifier'
import { createDeskCore, type DeskCore } from './desk/index'
import { registerDeskIpc } from './ipc'
import { registerPrintToPdf } from './print-pdf'
import { preseededServerUrl } from './server-address'
import { SafeStorageTokenStore } from './token-store-safe'
import { createDeskWindow, installContentSecurityPolicy, isAppUrl, lockDownNavigation } from './window'

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
  // A separate profile (tests, a second desk on one machine) without touching the default one.
  if (process.env.SEVA_USER_DATA) app.setPath('userData', process.env.SEVA_USER_DATA)
  app.on('web-contents-created', (_event, contents) => lockDownNavigation(contents))
  app.on('second-instance', showWindow)

  void app.whenReady().then(() => {
    const dataDir = join(app.getPath('userData'), 'desk')
    const core = createDeskCore({
      dataDir,
      serverUrl: preseededServerUrl(process.resourcesPath),
      tokenStore: new SafeStorageTokenStore(join(dataDir, 'session-token.enc')),
    })
    const notifier = createAssignmentNotifier(core, showWindow)
    // The renderer's view of the core: the notifier hears of the officer's own claims.
    const rendererCore: DeskCore = {
      handle: (method, input) => {
        if (method === 'actions.submit') notifier.noteOwnAction(input)
        return core.handle(method, input)
      },
      onEvent: (listener) => core.onEvent(listener),
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
