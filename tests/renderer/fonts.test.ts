// The bundled fonts keep their licence, and the styles use them before any system face.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..', '..')
const read = (path: string) => readFileSync(join(root, path), 'utf-8')

const BUNDLED = [
  { family: 'Noto Sans', pkg: '@fontsource/noto-sans', licence: 'resources/fonts/NotoSans-OFL.txt' },
  {
    family: 'Noto Sans Devanagari',
    pkg: '@fontsource/noto-sans-devanagari',
    licence: 'resources/fonts/NotoSansDevanagari-OFL.txt',
  },
]

describe('bundled fonts', () => {
  it('ship the font packages’ own OFL licence texts', () => {
    for (const font of BUNDLED) {
      const text = read(font.licence)
      expect(text).toBe(read(`node_modules/${font.pkg}/LICENSE`))
      expect(text).toContain('SIL Open Font License, Version 1.1')
      expect(JSON.parse(read(`node_modules/${font.pkg}/package.json`)).license).toBe('OFL-1.1')
    }
    const builder = JSON.parse(read('package.json')).build.extraResources as { from: string }[]
    expect(builder.map((r) => r.from)).toContain('resources/fonts')
  })

  it('are imported by the renderer and first in its font stack', () => {
    const imports = read('src/renderer/src/i18n/fonts.ts')
    for (const font of BUNDLED) expect(imports).toContain(`import '${font.pkg}/`)
    expect(read('src/renderer/src/main.tsx')).toContain("import './i18n/fonts'")
    const stack = read('src/renderer/src/styles.css').match(/--font:\s*([^;]+);/)?.[1] ?? ''
    const families = stack.split(',').map((f) => f.trim().replace(/^'|'$/g, ''))
    expect(families.slice(0, 2)).toEqual(BUNDLED.map((f) => f.family))
  })
})
