// Finds text an officer would see that does not go through the i18n layer: JSX text
// with letters, and string literals given to visible props (aria-label, title,
// placeholder, label, alt) or placed as JSX children, in src/renderer/src/**/*.tsx.
// A literal inside a call (t('…'), a helper's argument) or a comparison is not visible
// text and is not reported. Run with `npx tsx tests/renderer/i18n-scan.ts --write` to
// rewrite the allow-list after converting components (phase 2 empties it).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const SCANNED_DIR = join(ROOT, 'src', 'renderer', 'src')
export const ALLOW_LIST = join(ROOT, 'tests', 'renderer', 'i18n-untranslated.txt')

/** Props whose value is read or heard by the officer. */
export const VISIBLE_PROPS = new Set(['aria-label', 'aria-description', 'title', 'placeholder', 'label', 'alt'])

export interface Finding {
  /** Path from the repository root, with forward slashes. */
  file: string
  line: number
  /** The text, whitespace collapsed. */
  text: string
}

const HAS_LETTER = /\p{L}/u

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return tsxFiles(path)
    return entry.name.endsWith('.tsx') ? [path] : []
  })
}

/** String pieces of an expression that end up on screen as they are. */
function visibleLiterals(node: ts.Expression): ts.Node[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node]
  if (ts.isTemplateExpression(node)) return [node.head, ...node.templateSpans.map((s) => s.literal)]
  if (ts.isParenthesizedExpression(node)) return visibleLiterals(node.expression)
  if (ts.isConditionalExpression(node)) return [...visibleLiterals(node.whenTrue), ...visibleLiterals(node.whenFalse)]
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return visibleLiterals(node.right)
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken)
      return [...visibleLiterals(node.left), ...visibleLiterals(node.right)]
    if (op === ts.SyntaxKind.PlusToken) return [...visibleLiterals(node.left), ...visibleLiterals(node.right)]
  }
  return []
}

function literalText(node: ts.Node, source: ts.SourceFile): string {
  if (ts.isJsxText(node)) return node.text
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text
  if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) return node.text
  return node.getText(source)
}

export function scanSource(file: string, code: string): Finding[] {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX)
  const findings: Finding[] = []
  const report = (node: ts.Node) => {
    const text = literalText(node, source).replace(/\s+/g, ' ').trim()
    if (!HAS_LETTER.test(text)) return
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1
    findings.push({ file, line, text })
  }
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node)
    else if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) {
      visibleLiterals(node.expression).forEach(report)
    } else if (ts.isJsxAttribute(node) && VISIBLE_PROPS.has(node.name.getText(source)) && node.initializer) {
      const init = node.initializer
      if (ts.isStringLiteral(init)) report(init)
      else if (ts.isJsxExpression(init) && init.expression) visibleLiterals(init.expression).forEach(report)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return findings
}

/** Every untranslated visible string in the renderer, in file then line order. */
export function scanRenderer(): Finding[] {
  return tsxFiles(SCANNED_DIR)
    .sort()
    .flatMap((path) => scanSource(relative(ROOT, path).split('\\').join('/'), readFileSync(path, 'utf-8')))
}

/** One allow-list line per finding: "file<TAB>text" (no line numbers: edits nearby must not churn it). */
export const allowListLine = (f: Finding): string => `${f.file}\t${f.text}`

export function readAllowList(path = ALLOW_LIST): string[] {
  return readFileSync(path, 'utf-8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
}

const HEADER = `# Visible strings in src/renderer/src/**/*.tsx not yet going through the i18n layer.
# Phase 1 of issue 9 built the layer; phase 2 converts the components to t() and
# EMPTIES THIS LIST (then deletes it). A string not listed here fails
# tests/renderer/i18n-catalogue.test.ts, and so does a listed one that is gone.
# One line per occurrence: file<TAB>text. Regenerate: npx tsx tests/renderer/i18n-scan.ts --write
`

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const lines = scanRenderer().map(allowListLine)
  if (process.argv.includes('--write')) {
    writeFileSync(ALLOW_LIST, HEADER + lines.join('\n') + (lines.length ? '\n' : ''))
    console.log(`wrote ${lines.length} entries to ${relative(ROOT, ALLOW_LIST)}`)
  } else {
    for (const f of scanRenderer()) console.log(`${f.file}:${f.line}\t${f.text}`)
  }
}
