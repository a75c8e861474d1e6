// Finds text an officer would see that does not go through the i18n layer, in every
// source file of the renderer (src/renderer/src/**/*.ts and *.tsx, the catalogues aside):
// - in JSX: text with letters, and string literals given to visible props (aria-label,
//   title, placeholder, label, alt) or placed as JSX children;
// - anywhere else (string tables, store messages, helpers' return values): a literal
//   that reads as prose — two words or more — unless it is a developer's message
//   (new Error, console.*) or sits in a comparison or a t() call.
// A literal inside a call (t('…'), a helper's argument) or a comparison is not visible
// text and is not reported. There is no allow-list: every finding fails
// tests/renderer/i18n-catalogue.test.ts. Run `npx tsx tests/renderer/i18n-scan.ts` to list them.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const SCANNED_DIR = join(ROOT, 'src', 'renderer', 'src')
const CATALOGUES_DIR = join(SCANNED_DIR, 'i18n', 'catalogues')

/** Props whose value is read or heard by the officer. */
export const VISIBLE_PROPS = new Set(['aria-label', 'aria-description', 'title', 'placeholder', 'label', 'alt'])

/**
 * Files whose prose is not the desk's to translate, and why. Only the prose rule is
 * lifted; JSX text in them is still checked.
 */
export const PROSE_EXEMPT: Record<string, string> = {
  // Unicode's own names for the bidi controls, in a marker's tooltip for support: the
  // standard's names, the same in every interface language.
  'src/renderer/src/lib/bidi.ts': 'Unicode character names',
}

export interface Finding {
  /** Path from the repository root, with forward slashes. */
  file: string
  line: number
  /** The text, whitespace collapsed. */
  text: string
}

const HAS_LETTER = /\p{L}/u
/** Two words of letters: a sentence or a label, not an id, a key or a class name. */
const PROSE = /\p{L}{2,}[^\S\n]+[\p{L}(]/u
/** One capitalised word ("New", "Critical") as a table value in a feature: a label. */
const LABEL_WORD = /^\p{Lu}\p{Ll}+[.…]?$/u
const LABEL_TABLE_DIRS = /^src\/renderer\/src\/(features|components)\//

/** Is the literal a value in an object literal or an array (a string table)? */
function inTable(node: ts.Node): boolean {
  const parent = node.parent
  return (ts.isPropertyAssignment(parent) && parent.initializer === node) || ts.isArrayLiteralExpression(parent)
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return path === CATALOGUES_DIR ? [] : sourceFiles(path)
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : []
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

/** Calls whose string arguments are for developers or are catalogue keys, not officer text. */
function isQuietCall(node: ts.Node): boolean {
  if (ts.isNewExpression(node)) return /Error$/.test(node.expression.getText())
  if (!ts.isCallExpression(node)) return false
  const callee = node.expression.getText()
  return /^(t|i18n\.t|console\.\w+|.*\.getFixedT\(.*\))$/.test(callee)
}

/** A literal that is compared, used as a key or passed to a quiet call is not shown. */
function isShownProse(node: ts.Node): boolean {
  for (let at: ts.Node = node; at.parent; at = at.parent) {
    const parent = at.parent
    if (isQuietCall(parent)) return false
    if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent)) return false
    if (ts.isBinaryExpression(parent)) {
      const op = parent.operatorToken.kind
      if (op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsEqualsToken)
        return false
    }
    if (ts.isPropertyAssignment(parent) && parent.name === at) return false
    if (ts.isElementAccessExpression(parent) && parent.argumentExpression === at) return false
    if (ts.isJsxAttribute(parent)) return false // visible props are checked by the JSX rule
    if (ts.isLiteralTypeNode(parent)) return false
    // Statement level: nothing further up changes what this literal is.
    if (ts.isStatement(parent) || ts.isSourceFile(parent)) break
  }
  return true
}

export function scanSource(file: string, code: string): Finding[] {
  const source = ts.createSourceFile(
    file,
    code,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  )
  const proseChecked = !Object.hasOwn(PROSE_EXEMPT, file)
  const findings: Finding[] = []
  const reported = new Set<ts.Node>()
  const report = (node: ts.Node) => {
    if (reported.has(node)) return
    const text = literalText(node, source).replace(/\s+/g, ' ').trim()
    if (!HAS_LETTER.test(text)) return
    reported.add(node)
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
    } else if (
      proseChecked &&
      (ts.isStringLiteral(node) ||
        ts.isNoSubstitutionTemplateLiteral(node) ||
        ts.isTemplateHead(node) ||
        ts.isTemplateMiddle(node) ||
        ts.isTemplateTail(node)) &&
      (PROSE.test(literalText(node, source)) ||
        (LABEL_TABLE_DIRS.test(file) && inTable(node) && LABEL_WORD.test(literalText(node, source)))) &&
      isShownProse(node)
    ) {
      report(node)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return findings.sort((a, b) => a.line - b.line)
}

/** Every untranslated visible string in the renderer, in file then line order. */
export function scanRenderer(): Finding[] {
  return sourceFiles(SCANNED_DIR)
    .sort()
    .flatMap((path) => scanSource(relative(ROOT, path).split('\\').join('/'), readFileSync(path, 'utf-8')))
}

/** The catalogue keys the renderer names as literals: t('a.b'), i18nKey="a.b", and `labelKey`/`whatKey`/… tables. */
export function keysUsed(): { file: string; key: string }[] {
  const used: { file: string; key: string }[] = []
  for (const path of sourceFiles(SCANNED_DIR)) {
    const file = relative(ROOT, path).split('\\').join('/')
    const code = readFileSync(path, 'utf-8')
    const source = ts.createSourceFile(
      file,
      code,
      ts.ScriptTarget.Latest,
      true,
      file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
    )
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && /^(t|i18n\.t)$/.test(node.expression.getText(source))) {
        const first = node.arguments[0]
        if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)))
          used.push({ file, key: first.text })
      }
      if (
        ts.isJsxAttribute(node) &&
        node.name.getText(source) === 'i18nKey' &&
        node.initializer &&
        ts.isStringLiteral(node.initializer)
      )
        used.push({ file, key: node.initializer.text })
      if (
        ts.isPropertyAssignment(node) &&
        /Key$/.test(node.name.getText(source)) &&
        ts.isStringLiteral(node.initializer)
      )
        used.push({ file, key: node.initializer.text })
      if (
        ts.isStringLiteral(node) &&
        ts.isPropertyAssignment(node.parent) &&
        node.parent.initializer === node &&
        /_KEYS$/.test(
          ts.isVariableDeclaration(node.parent.parent.parent) ? node.parent.parent.parent.name.getText(source) : '',
        )
      )
        used.push({ file, key: node.text })
      ts.forEachChild(node, visit)
    }
    visit(source)
  }
  return used
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const f of scanRenderer()) console.log(`${f.file}:${f.line}\t${f.text}`)
}
