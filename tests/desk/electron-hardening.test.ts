// What the packaged Electron desk is held to, checked without the Electron binary: the
// electron-builder configuration (fuses, signing, update feed, per-machine installer),
// the pre-seeded deployment file, the external-link allow-list and app:// confinement.
import { readFileSync } from 'node:fs'
import { join, resolve, sep } from 'node:path'
import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import { APP_INDEX_URL, mimeTypeFor, resolveAppPath } from '../../src/main/desk/app-protocol'
import { deploymentFiles, readDeployment } from '../../src/main/desk/deployment'
import { isExternalLinkAllowed } from '../../src/main/desk/external-links'

const pkg = JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf-8')) as {
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
  build: Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe('packaging configuration', () => {
  const build = pkg.build

  it('flips the Electron fuses that close the usual ways around the app', () => {
    expect(build.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    })
    // Integrity validation and asar-only loading mean nothing without an asar.
    expect(build.asar).not.toBe(false)
  })

  it("is a configuration electron-builder's own schema accepts (a misplaced key fails the build)", () => {
    const schemaFile = resolve(__dirname, '../../node_modules/app-builder-lib/scheme.json')
    const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(schemaFile, 'utf-8')))
    expect(validate(build), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true)
    // And the check has teeth: a misspelt fuse is refused.
    expect(validate({ ...build, electronFuses: { runAsNod: false } })).toBe(false)
  })

  it('signs Windows builds and verifies the publisher of every update', () => {
    // electron-builder writes this publisher into app-update.yml; electron-updater refuses
    // a downloaded installer whose Authenticode signature names anyone else.
    const publisher = build.win.signtoolOptions?.publisherName
    expect(typeof publisher === 'string' || Array.isArray(publisher)).toBe(true)
    expect(String(publisher).trim()).not.toBe('')
    expect(build.win.verifyUpdateCodeSignature).toBe(true)
    expect(build.win.signtoolOptions.signingHashAlgorithms).toEqual(['sha256'])
  })

  it('publishes to a generic https feed on the stable channel', () => {
    const publish = ([] as Record<string, string>[]).concat(build.publish)
    expect(publish).toHaveLength(1)
    expect(publish[0]).toMatchObject({ provider: 'generic', channel: 'latest' })
    expect(publish[0]!.url).toMatch(/^https:\/\//)
  })

  it('builds an assisted, per-machine NSIS installer (silent with /S)', () => {
    expect(build.nsis).toMatchObject({ oneClick: false, perMachine: true })
    expect(build.nsis.deleteAppDataOnUninstall).not.toBe(true)
  })

  it('pins an electron-updater that shares builder-util-runtime with electron-builder 26', () => {
    expect(pkg.dependencies['electron-updater']).toMatch(/^6\.\d+\.\d+$/)
    expect(pkg.devDependencies['electron-builder']).toMatch(/^\^?26\./)
  })
})

describe('pre-seeded deployment', () => {
  const files = { '/pd/Seva Desk/server.json': '', '/app/server.json': '', '/app/resources/server.json': '' }
  const reader = (contents: Partial<Record<keyof typeof files, string>>) => (file: string) => {
    const text = contents[file as keyof typeof files]
    if (text === undefined) throw new Error('ENOENT')
    return text
  }
  const order = deploymentFiles({ resourcesPath: '/app/resources', execPath: '/app/Seva Desk.exe', programData: '/pd' })

  it('looks in ProgramData first, then beside the executable, then in resources', () => {
    expect(order.map((f) => f.split(sep).join('/'))).toEqual(Object.keys(files))
  })

  it('takes each field from the most authoritative place that has it, the environment first', () => {
    const warnings: string[] = []
    const read = reader({
      '/pd/Seva Desk/server.json': JSON.stringify({ updateUrl: 'https://updates.mha.gov.in/desk' }),
      '/app/resources/server.json': JSON.stringify({
        serverUrl: 'https://seva.mha.gov.in',
        updateUrl: 'https://old.example/desk',
        updateChannel: 'beta',
      }),
    })
    const files = order.map((f) => f.split(sep).join('/'))
    expect(readDeployment({ env: {}, files, read, warn: (m) => warnings.push(m) })).toEqual({
      serverUrl: 'https://seva.mha.gov.in',
      updateUrl: 'https://updates.mha.gov.in/desk',
      updateChannel: 'beta',
    })
    expect(
      readDeployment({
        env: { SEVA_UPDATE_URL: 'https://env.example/desk', SEVA_UPDATE_CHANNEL: 'Latest' },
        files,
        read,
      }),
    ).toMatchObject({ updateUrl: 'https://env.example/desk', updateChannel: 'latest' })
    expect(warnings).toEqual([])
  })

  it('refuses a plain-http or credentialed update feed, and says so', () => {
    const warnings: string[] = []
    const read = reader({ '/app/server.json': JSON.stringify({ updateUrl: 'http://updates.example/desk' }) })
    const found = readDeployment({ env: {}, files: ['/app/server.json'], read, warn: (m) => warnings.push(m) })
    expect(found.updateUrl).toBeUndefined()
    expect(warnings[0]).toMatch(/https/)
    const creds = readDeployment({
      env: { SEVA_UPDATE_URL: 'https://a:b@updates.example/' },
      files: [],
      warn: () => {},
    })
    expect(creds.updateUrl).toBeUndefined()
    // Loopback is fine (a local feed for testing an installer).
    expect(readDeployment({ env: { SEVA_UPDATE_URL: 'http://127.0.0.1:8080/' }, files: [] }).updateUrl).toBe(
      'http://127.0.0.1:8080/',
    )
  })

  it('keeps going past a broken file, with a warning', () => {
    const warnings: string[] = []
    const read = reader({
      '/pd/Seva Desk/server.json': '{ not json',
      '/app/resources/server.json': JSON.stringify({ serverUrl: 'https://seva.mha.gov.in' }),
    })
    const found = readDeployment({ env: {}, files: Object.keys(files), read, warn: (m) => warnings.push(m) })
    expect(found).toEqual({ serverUrl: 'https://seva.mha.gov.in', updateChannel: 'latest' })
    expect(warnings).toHaveLength(1)
  })
})

describe('external links', () => {
  const server = 'https://seva.mha.gov.in/api'

  it('opens X and the configured server over https', () => {
    for (const url of [
      'https://x.com/citizen/status/123',
      'https://twitter.com/citizen',
      'https://mobile.twitter.com/i/web/status/1',
      'https://seva.mha.gov.in/help',
    ])
      expect(isExternalLinkAllowed(url, server), url).toBe(true)
  })

  it('refuses everything else', () => {
    for (const url of [
      'http://x.com/citizen',
      'https://x.com.evil.example/login',
      'https://evilx.com/',
      'https://x.com@evil.example/',
      'https://user:pw@x.com/',
      'file:///C:/Windows/System32/calc.exe',
      'ms-msdt:/id PCWDiagnostic',
      'javascript:alert(1)',
      'https://other.gov.in/',
      'http://seva.mha.gov.in/help',
      'not a url',
    ])
      expect(isExternalLinkAllowed(url, server), url).toBe(false)
    expect(isExternalLinkAllowed('https://seva.mha.gov.in/help', null)).toBe(false)
  })

  it('allows a loopback server over the scheme it is reached by', () => {
    expect(isExternalLinkAllowed('http://127.0.0.1:8787/', 'http://127.0.0.1:8787')).toBe(true)
    expect(isExternalLinkAllowed('http://localhost:8787/', 'http://127.0.0.1:8787')).toBe(false)
  })
})

describe('app:// confinement', () => {
  const root = resolve('/opt/seva/out/renderer')
  const inRoot = (...parts: string[]) => join(root, ...parts)

  it('maps app://desk/ paths onto the renderer folder', () => {
    expect(resolveAppPath(APP_INDEX_URL, root)).toBe(inRoot('index.html'))
    expect(resolveAppPath('app://desk/', root)).toBe(inRoot('index.html'))
    expect(resolveAppPath('app://desk/assets/index-Ab12.js?v=1#x', root)).toBe(inRoot('assets', 'index-Ab12.js'))
    expect(resolveAppPath('app://desk/assets/noto%20sans.woff2', root)).toBe(inRoot('assets', 'noto sans.woff2'))
  })

  it('keeps dot segments the URL parser resolves inside the folder', () => {
    expect(resolveAppPath('app://desk/../main/index.js', root)).toBe(inRoot('main', 'index.js'))
    expect(resolveAppPath('app://desk/assets/%2e%2e/%2e%2e/package.json', root)).toBe(inRoot('package.json'))
  })

  it('refuses anything that would leave it', () => {
    for (const url of [
      'app://desk/%2e%2e%2fmain%2findex.js',
      'app://desk/..%2f..%2fetc/passwd',
      'app://desk/assets%5c..%5c..%5cmain.js',
      'app://desk/index.html%00.png',
      'app://desk/%E0%A4%A',
      'app://other/index.html',
      'file:///opt/seva/out/renderer/index.html',
      'https://desk/index.html',
    ])
      expect(resolveAppPath(url, root), url).toBeNull()
  })

  it('sends each kind of file with its type, and unknown kinds as bytes', () => {
    expect(mimeTypeFor('index.html')).toBe('text/html; charset=utf-8')
    expect(mimeTypeFor('a/index-x.JS')).toBe('text/javascript; charset=utf-8')
    expect(mimeTypeFor('a/s.css')).toBe('text/css; charset=utf-8')
    expect(mimeTypeFor('f/noto.woff2')).toBe('font/woff2')
    expect(mimeTypeFor('x.exe')).toBe('application/octet-stream')
  })
})
