// A screen in Hindi, checked the way a Hindi-speaking officer would judge it: the document
// is in Hindi, none of the desk's own English is left (english-left.ts), Hindi renders in
// the bundled Devanagari face and not as missing-glyph boxes (glyphs.ts), and a full-page
// screenshot is kept (its path in the test's annotations, for the closing note).
import { expect, type Page, type TestInfo } from '@playwright/test'
import { englishLeft } from './english-left'
import { glyphProblem, measureHindiGlyphs } from './glyphs'

export async function hindiScreen(page: Page, testInfo: TestInfo, screen: string): Promise<string> {
  await expect(page.locator('html')).toHaveAttribute('lang', 'hi')
  const path = testInfo.outputPath(`hindi-${screen}.png`)
  await page.screenshot({ path, fullPage: true })
  testInfo.annotations.push({ type: 'screenshot', description: path })
  expect(await englishLeft(page), `English left on the ${screen} screen`).toEqual([])
  const glyphs = await measureHindiGlyphs(page)
  expect(glyphProblem(glyphs), screen).toBeNull()
  expect(glyphs.devanagariElements, screen).toBeGreaterThan(5)
  return path
}
