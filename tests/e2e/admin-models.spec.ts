// An admin manages the triage model from the screen: the org's model file is version 1 and
// deployed; a file that is not a model is explained before it is sent; a trained model file
// uploads as version 2 (not deployed); deploying it asks first, then the list shows it
// deployed; rolling back to version 1 asks again and puts 1 back. The section passes axe,
// in English and in Hindi (where none of the desk's English is left).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { test, expect } from '@playwright/test'
import { seriousA11yViolations } from './a11y'
import { DEMO_PASSWORD, signInAt } from './desk-page'
import { hindiScreen } from './hindi-screen'
import { startStack, type Stack } from './stack'

const SHIPPED = join(import.meta.dirname, '..', '..', 'resources', 'models', 'mha.model.json')

/** Another model for the same org: the shipped one, less sure of everything. */
function otherModelFile(): Buffer {
  const file = JSON.parse(readFileSync(SHIPPED, 'utf8')) as {
    createdFrom: string
    calibration: { a: number; b: number }
  }
  file.createdFrom = `${file.createdFrom}+e2e`
  file.calibration = { a: file.calibration.a, b: file.calibration.b - 1 }
  return Buffer.from(JSON.stringify(file))
}

let stack: Stack

test.beforeAll(async () => {
  stack = await startStack()
})
test.afterAll(async () => {
  await stack?.close()
})
// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture list from this pattern
test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) console.log(stack.logs())
})

test('an admin uploads a model, deploys it after confirming, and rolls back to version 1', async ({
  page,
}, testInfo) => {
  await signInAt(page, stack.deskUrl, 'admin')
  await page.getByTestId('screen-admin').click()
  await page.getByTestId('admin-section-models').click()
  const section = page.getByTestId('admin-models')
  await expect(page.getByTestId('model-row-1')).toBeVisible()
  await expect(page.getByTestId('model-deployed-1')).toBeVisible()
  await expect(page.getByTestId('models-window')).toBeVisible()
  expect(await seriousA11yViolations(page, { include: '[data-testid="admin-models"]' })).toEqual([])

  // Not JSON: refused here, nothing sent.
  await page.getByTestId('model-upload-file').setInputFiles({
    name: 'notes.model.json',
    mimeType: 'application/json',
    buffer: Buffer.from('this is not json'),
  })
  await page.getByTestId('model-upload').click()
  await expect(page.getByTestId('model-upload-problem')).toContainText('not JSON')
  await expect(page.getByTestId('model-row-2')).toHaveCount(0)

  await page.getByTestId('model-upload-file').setInputFiles({
    name: 'mha.model.json',
    mimeType: 'application/json',
    buffer: otherModelFile(),
  })
  await page.getByTestId('model-upload-note').fill('retrained with last month’s decisions')
  await page.getByTestId('model-upload').click()
  await expect(page.getByTestId('model-uploaded')).toContainText('version 2')
  const row2 = page.getByTestId('model-row-2')
  await expect(row2).toContainText('retrained with last month’s decisions')
  await expect(page.getByTestId('model-deployed-1')).toBeVisible()

  // Deploy asks first; cancel leaves version 1 deployed.
  await page.getByTestId('model-deploy-2').click()
  await expect(row2).toContainText('every server')
  await row2.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByTestId('model-deployed-1')).toBeVisible()
  await page.getByTestId('model-deploy-2').click()
  await page.getByTestId('model-confirm-2').click()
  await expect(page.getByTestId('model-deployed-2')).toBeVisible()
  await expect(page.getByTestId('models-deployed-now')).toContainText('Version 2')

  // Version 1 is now older than the deployed one: its button is a rollback.
  await expect(page.getByTestId('model-deploy-1')).toHaveText('Roll back')
  await page.getByTestId('model-deploy-1').click()
  await expect(page.getByTestId('model-confirm-1')).toHaveText('Yes, roll back to version 1')
  await page.getByTestId('model-confirm-1').click()
  await expect(page.getByTestId('model-deployed-1')).toBeVisible()
  await expect(page.getByTestId('model-deploy-2')).toHaveText('Deploy')
  expect(await seriousA11yViolations(page, { include: '[data-testid="admin-models"]' })).toEqual([])

  // On the server: version 1 deployed again, and both deployments on the record.
  const login = await fetch(`${stack.serverUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
  })
  const auth = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` }
  const models = (await (await fetch(`${stack.serverUrl}/api/v1/admin/models`, { headers: auth })).json()) as {
    deployedVersion: number
  }
  expect(models.deployedVersion).toBe(1)
  const actions = async (action: string) =>
    (
      (await (await fetch(`${stack.serverUrl}/api/v1/admin/audit?action=${action}`, { headers: auth })).json()) as {
        entries: { actor: string; target: string }[]
      }
    ).entries.map((e) => `${e.actor} ${e.target}`)
  expect(await actions('model.upload')).toEqual(['admin model 2'])
  expect(await actions('model.deploy')).toEqual(['admin model 2'])
  expect(await actions('model.rollback')).toEqual(['admin model 1'])

  await page.getByTestId('language-switch').selectOption('hi')
  await expect(section).toContainText('ट्राइएज मॉडल')
  await hindiScreen(page, testInfo, 'admin-models')
  expect(await seriousA11yViolations(page)).toEqual([])
  // The deployment's confirmation in Hindi too.
  await page.getByTestId('model-deploy-2').click()
  await expect(page.getByTestId('model-confirm-2')).toBeVisible()
  await hindiScreen(page, testInfo, 'admin-models-confirm')
  expect(await seriousA11yViolations(page, { include: '[data-testid="admin-models"]' })).toEqual([])
})
