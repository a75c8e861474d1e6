// Where the central server and the update feed are, as the admin pre-seeded them on this
// workstation (see ./desk/deployment.ts for the places and their order).
import { normaliseServerUrl } from './desk/server-url'
import { deploymentFiles, readDeployment, type DeskDeployment } from './desk/deployment'

export function preseededDeployment(resourcesPath: string): DeskDeployment {
  const deployment = readDeployment({
    env: process.env,
    files: deploymentFiles({ resourcesPath, execPath: process.execPath, programData: process.env.ProgramData }),
  })
  // Kept (the officer sees it at sign-in, where the desk refuses it with the reason), but
  // the admin who installed it hears of it first.
  if (deployment.serverUrl) {
    try {
      normaliseServerUrl(deployment.serverUrl)
    } catch (error) {
      console.error(`[desk] pre-seeded server address: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  return deployment
}
