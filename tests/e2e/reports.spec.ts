// The reports screen end to end, as a supervisor: the figures match the API; XLSX and CSV
// exports (Playwright downloads, parsed with exceljs and by hand) hold exactly the
// grievances the server has; the print-ready page as a PDF (page.pdf in headless
// Chromium, text read back with pdf.js) carries the Hindi division names and the same
// numbers; axe finds nothing serious. And the RTI archive of one grievance: its JSON and
// its print page.
//
// Devanagari in a PDF: Chromium embeds the bundled Noto Sans Devanagari as shaped glyphs,
// and its ToUnicode map has no text for some of them — a reordered i-matra (ि) and some
// conjunct ligatures (क्ष, न्द्र) come back from pdf.js as NUL, and a half form may come
// with a space ("सत् यापन"). "साइबर अपराध" comes back whole. So each Hindi name is
// looked for as this same Chromium and pdf.js render and read it alone (its fingerprint),
// and the clean one is also checked letter for letter.
import { readFileSync } from 'node:fs'
import { test, expect, type Browser, type Page } from '@playwright/test'
import ExcelJS from 'exceljs'
import { GrievanceArchive } from '../../src/shared/archive'
import { EXPORT_COLUMNS, ReportSummary } from '../../src/shared/reports'
import { seriousA11yViolations } from './a11y'
import { signInAt } from './desk-page'
import { pdfText } from './pdf-text'
import { injectTweet, startStack, waitUntil, type Stack } from './stack'

const HANDLE = 'HMOIndia'
const TWEETS = [
  {
    author: 'ravi_kumar_87',
    division: 'cyber',
    text: `@${HANDLE} My UPI account was hacked and Rs 45,000 stolen through an OTP fraud call, 1930 complaint not registered. Please help`,
  },
  {
    author: 'meena_verma',
    division: 'cyber',
    text: `@${HANDLE} मेरे बैंक खाते से ऑनलाइन धोखाधड़ी में 45000 रुपये कट गए, साइबर अपराध की शिकायत दर्ज करें`,
  },
  { author: 'suresh_p', division: 'police', text: `@${HANDLE} मेरा पासपोर्ट पुलिस सत्यापन 2 महीने से लंबित है, कृपया मदद करें` },
]
const HINDI_NAMES = { cyber: 'साइबर अपराध', police: 'पुलिस सत्यापन' }

let stack: Stack
let token: string

async function api<T>(path: string): Promise<T> {
  const res = await fetch(stack.serverUrl + path, { headers: { authorization: `Bearer ${token}` } })
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`)
  return (await res.json()) as T
}

test.beforeAll(async () => {
  stack = await startStack()
  const login = await fetch(`${stack.serverUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'supervisor', password: 'seva-demo' }),
  })
  token = ((await login.json()) as { token: string }).token
  for (const tweet of TWEETS) await injectTweet(stack.simUrl, tweet.author, `${tweet.text} ${Date.now()}`)
  await waitUntil(
    'the three grievances',
    async () => {
      const { changes } = await api<{ changes: { kind: string }[] }>('/api/v1/changes?after=0&limit=500')
      return changes.filter((c) => c.kind === 'upsert').length >= TWEETS.length
    },
    60_000,
    () => stack.logs(),
  )
})
test.afterAll(async () => {
  await stack?.close()
})
// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture list from this pattern
test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) console.log(stack.logs())
})

/** Every grievance on the server, by ticket (the supervisor is org-wide). */
async function serverGrievances(): Promise<Map<string, { division: string | null; id: string }>> {
  const { changes } = await api<{
    changes: { kind: string; grievance?: { ticket: string; division: string | null; id: string } }[]
  }>('/api/v1/changes?after=0&limit=500')
  return new Map(changes.flatMap((c) => (c.grievance ? [[c.grievance.ticket, c.grievance] as const] : [])))
}

async function openReports(page: Page): Promise<ReportSummary> {
  await signInAt(page, stack.deskUrl, 'supervisor')
  await page.getByTestId('screen-reports').click()
  await expect(page.getByTestId('report-body')).toBeVisible()
  const from = await page.getByTestId('report-from').inputValue()
  const to = await page.getByTestId('report-to').inputValue()
  return ReportSummary.parse(await api(`/api/v1/reports/summary?from=${from}&to=${to}`))
}

// pdf.js gives NUL for a glyph the PDF maps to no text (see the top of this file).
// eslint-disable-next-line no-control-regex
const strip = (s: string) => s.replace(/[\s\u0000]/g, '')

/** How this Chromium and pdf.js render and read back `text` in the bundled face, alone on a page. */
async function fingerprint(browser: Browser, text: string): Promise<string> {
  const font = readFileSync(
    'node_modules/@fontsource/noto-sans-devanagari/files/noto-sans-devanagari-devanagari-400-normal.woff2',
  ).toString('base64')
  const page = await browser.newPage()
  await page.setContent(
    `<style>@font-face{font-family:D;src:url(data:font/woff2;base64,${font})}</style><p style="font-family:D">${text}</p>`,
  )
  await page.evaluate('document.fonts.ready.then(() => true)')
  const { text: pages } = await pdfText(new Uint8Array(await page.pdf({ format: 'A4' })))
  await page.close()
  return strip(pages.join(''))
}

/**
 * The numbers on the PDF line that holds `name` and figures: the table row (the chart's
 * axis label carries the same name, alone on its line).
 */
function rowNumbers(lines: string[], name: string): string[] | null {
  for (const line of lines.filter((l) => strip(l).includes(name))) {
    // eslint-disable-next-line no-control-regex
    const numbers = line.split(/[\s\u0000]+/).filter((token) => /^[\d,]+$/.test(token))
    if (numbers.length > 0) return numbers
  }
  return null
}

test('a supervisor’s report matches the API, and its XLSX and CSV hold the server’s grievances', async ({ page }) => {
  const summary = await openReports(page)
  const grievances = await serverGrievances()
  expect(summary.grievancesOpened).toBe(grievances.size)
  await expect(page.getByTestId('report-opened')).toHaveText(String(summary.grievancesOpened))
  await expect(page.getByTestId('report-opened')).toHaveAttribute('data-value', String(grievances.size))
  const cyberRow = page.locator('[data-testid="report-divisions"] tr[data-division="cyber"]')
  await expect(cyberRow.locator('[data-column="opened"]')).toHaveText(
    String([...grievances.values()].filter((g) => g.division === 'cyber').length),
  )
  await expect(page.getByTestId('report-chart-volume').locator('svg')).toBeVisible()
  await expect(page.getByTestId('report-chart-sla').locator('svg text').first()).toBeAttached()
  expect(await seriousA11yViolations(page, { include: '[data-testid="reports-view"]' })).toEqual([])

  // XLSX: one row per grievance under the header, the tickets the server has.
  const [xlsxDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('report-export-xlsx').click(),
  ])
  await expect(page.getByTestId('export-done')).toBeVisible()
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(readFileSync(await xlsxDownload.path()) as unknown as ArrayBuffer)
  const sheet = book.worksheets.find((s) => (s.getRow(1).getCell(1).value as string) === EXPORT_COLUMNS[0])
  expect(sheet, `a sheet starting with ${EXPORT_COLUMNS[0]}`).toBeTruthy()
  const header = (sheet!.getRow(1).values as unknown[]).slice(1)
  expect(header).toEqual([...EXPORT_COLUMNS])
  const xlsxTickets = new Set<string>()
  sheet!.eachRow((row, n) => {
    if (n > 1) xlsxTickets.add(String(row.getCell(1).value))
  })
  expect(xlsxTickets).toEqual(new Set(grievances.keys()))

  // CSV: UTF-8 with a BOM, the same header and tickets; the Hindi division names intact.
  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('report-export-csv').click(),
  ])
  await expect(page.getByTestId('export-done')).toContainText('.csv')
  const csv = readFileSync(await csvDownload.path(), 'utf8')
  expect(csv.charCodeAt(0)).toBe(0xfeff)
  const lines = csv.slice(1).trim().split(/\r\n/)
  expect(lines[0]!.split(',').map((c) => c.replace(/^"|"$/g, ''))).toEqual([...EXPORT_COLUMNS])
  const csvTickets = new Set(lines.slice(1).map((l) => /^"?([^",]+)"?/.exec(l)![1]!))
  expect(csvTickets).toEqual(new Set(grievances.keys()))
  expect(csv).toContain(HINDI_NAMES.cyber)
})

test('the report as a PDF in Hindi carries the Hindi division names and the same numbers', async ({
  page,
  browser,
}) => {
  const summary = await openReports(page)
  await page.getByTestId('language-switch').selectOption('hi')
  await expect(page.getByTestId('report-divisions')).toContainText(HINDI_NAMES.cyber)
  expect(await seriousA11yViolations(page, { include: '[data-testid="reports-view"]' })).toEqual([])
  await page.evaluate('document.fonts.ready.then(() => true)')
  const pdf = await pdfText(new Uint8Array(await page.pdf({ format: 'A4' })))
  const lines = pdf.text.flatMap((p) => p.split('\n'))
  const all = strip(pdf.text.join(''))

  // The clean name letter for letter; each name as Chromium's shaped text reads back.
  expect(all).toContain(strip(HINDI_NAMES.cyber))
  for (const [division, name] of Object.entries(HINDI_NAMES)) {
    const print = await fingerprint(browser, name)
    expect(print.length, `${name} reads back as something`).toBeGreaterThan(name.length / 2)
    const numbers = rowNumbers(lines, print)
    expect(numbers, `the ${division} row in the PDF:\n${lines.join('\n')}`).not.toBeNull()
    const row = summary.byDivision.find((d) => d.division === division)!
    // The row's first figure is "opened", as on screen.
    expect(numbers![0]).toBe(String(row.grievancesOpened))
  }
  // The report alone: nothing of the desk's top bar (the signed-in user) is printed.
  expect(all).not.toContain('(supervisor)')
  expect(pdf.pages).toBeGreaterThanOrEqual(1)
})

test('the RTI archive of a grievance downloads as JSON and opens as a print-ready page', async ({ page }) => {
  await signInAt(page, stack.deskUrl, 'supervisor')
  const grievances = await serverGrievances()
  const row = page.getByTestId('queue-item').filter({ hasText: 'पासपोर्ट पुलिस सत्यापन' })
  await page.getByTestId('view-all').click()
  await row.first().click()
  const ticket = (await page.getByTestId('grievance-ticket').textContent())!
  expect(grievances.has(ticket)).toBe(true)

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('grievance-archive-json').click(),
  ])
  expect(download.suggestedFilename()).toBe(`${ticket}-archive.json`)
  const archive = GrievanceArchive.parse(JSON.parse(readFileSync(await download.path(), 'utf8')))
  expect(archive.ticket).toBe(ticket)
  expect(archive.tweets[0]!.link).toBe(`https://x.com/i/status/${archive.grievance.source.tweetId}`)
  expect(archive.history[0]).toMatchObject({ kind: 'move', toDivision: 'police' })

  await page.getByTestId('grievance-archive-pdf').click()
  const sheet = page.getByTestId('archive-page')
  await expect(sheet).toBeVisible()
  await expect(sheet).toContainText(ticket)
  await expect(sheet.getByTestId('archive-tweets')).toContainText(archive.tweets[0]!.link)
  expect(await seriousA11yViolations(page, { include: '[data-testid="archive-page"]' })).toEqual([])
  const pdf = await pdfText(new Uint8Array(await page.pdf({ format: 'A4' })))
  const all = strip(pdf.text.join(''))
  expect(all).toContain(ticket)
  expect(all).toContain(strip(archive.tweets[0]!.link))
  // Only the archive: the queue behind it (the other citizens' tweets) is not printed.
  expect(all).not.toContain(strip('My UPI account was hacked'))
  await page.getByTestId('archive-close').click()
  await expect(sheet).toHaveCount(0)
})
