// The `seva` command line, spawned for real through bin/seva.js on small fixture files
// for all three example organisations.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { run } from '../../src/cli/index'
import { parseCsv } from '../../src/cli/input'

const ROOT = join(import.meta.dirname, '..', '..')
const fixture = (name: string) => join(ROOT, 'tests', 'fixtures', 'cli', name)
const org = (name: string) => join(ROOT, 'resources', 'orgs', `${name}.json`)

function seva(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'seva.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

interface Line {
  id: string
  actionable: boolean
  division: string | null
  priority: string
  language: string
  reasons: string[]
  confidence: number
  band: 'ticket' | 'review' | 'ignore'
  triageDivision: string | null
  ranking: { division: string; p: number }[]
  bandReasons: string[]
}
const lines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Line)

describe('seva triage (spawned)', () => {
  it('triages a CSV with quoted commas and newlines for MHA', () => {
    const r = seva('triage', '--org', org('mha'), '--in', fixture('mha.csv'))
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const out = lines(r.stdout)
    expect(out.map((l) => l.id)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5'])
    expect(out.map((l) => l.actionable)).toEqual([true, false, false, true, false])
    expect(out[0]).toMatchObject({ division: 'police', priority: 'normal', language: 'en' })
    expect(out[3]).toMatchObject({ division: 'cyber', language: 'hi-Latn' })
    expect(out[4].reasons).toEqual(['retweet'])
  })
  it('triages JSONL for MEA', () => {
    const r = seva('triage', '--org', org('mea'), '--in', fixture('mea.jsonl'))
    expect(r.code).toBe(0)
    const out = lines(r.stdout)
    expect(out.map((l) => [l.id, l.actionable, l.division])).toEqual([
      ['e1', true, 'passport'],
      ['e2', true, 'consular'],
      ['e3', false, null],
    ])
  })
  it('reports bad lines with their number, keeps going, and exits non-zero', () => {
    const r = seva('triage', '--org', org('mha'), '--in', fixture('bad.jsonl'))
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/bad\.jsonl:2: not valid JSON/)
    expect(r.stderr).toMatch(/bad\.jsonl:3: missing "text"/)
    expect(lines(r.stdout).map((l) => l.id)).toEqual(['b1', 'b4'])
  })
})

describe('seva triage: bands from the rules and the model', () => {
  it("adds confidence and band to every line, keeping the rules' fields", () => {
    const r = seva('triage', '--org', org('mea'), '--in', fixture('mea.jsonl'))
    expect(r.code).toBe(0)
    const out = lines(r.stdout)
    for (const l of out) {
      expect(l.confidence).toBeGreaterThanOrEqual(0)
      expect(l.confidence).toBeLessThanOrEqual(1)
      expect(['ticket', 'review', 'ignore']).toContain(l.band)
    }
    expect(out.map((l) => l.band).slice(0, 2)).toEqual(['ticket', 'ticket'])
    // Thanks for a resolved issue is never acknowledged as a new ticket.
    expect(out[2].band).not.toBe('ticket')
    expect(out[0].triageDivision).toBe('passport')
    expect(out[0].ranking[0]).toMatchObject({ division: 'passport' })
  })
  it("keeps other official accounts' replies out of the ticket band, and catches a short report", () => {
    const r = seva('triage', '--org', org('railways'), '--in', fixture('railways-official.jsonl'))
    expect(r.code).toBe(0)
    const out = lines(r.stdout)
    expect(out.map((l) => l.band)).toEqual(['ignore', 'ticket', 'ignore'])
    expect(out[0].bandReasons.join(' ')).toMatch(/affiliated/)
    expect(out[1].triageDivision).toBe('punctuality')
  })
  it('--no-model leaves the rules alone to decide', () => {
    const r = seva('triage', '--org', org('mea'), '--in', fixture('mea.jsonl'), '--no-model')
    expect(r.code).toBe(0)
    const out = lines(r.stdout)
    expect(out.map((l) => l.band)).toEqual(out.map((l) => (l.actionable ? 'ticket' : 'ignore')))
    expect(out.every((l) => l.ranking.length === 0 && l.bandReasons[0] === 'no triage model: the rules decide')).toBe(
      true,
    )
  })
  it('says so when a model file is not a model', () => {
    const r = seva('triage', '--org', org('mea'), '--in', fixture('mea.jsonl'), '--model', fixture('mea.jsonl'))
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/cannot load the triage model/)
  })
})

describe('seva model train (spawned)', () => {
  it('trains a model file from labelled tweets, the same bytes every time', () => {
    const dir = mkdtempSync(join(tmpdir(), 'seva-model-'))
    try {
      const train = (out: string) =>
        seva(
          'model',
          'train',
          '--org',
          org('railways'),
          '--in',
          join(ROOT, 'tests', 'fixtures', 'training', 'railways.jsonl'),
          '--out',
          out,
        )
      const a = train(join(dir, 'a.json'))
      expect(a.stderr).toBe('')
      expect(a.code).toBe(0)
      expect(a.stdout).toMatch(/railways: validation: ticket precision \d\.\d{3}/)
      expect(a.stdout).toMatch(/thresholds ticket ≥ [\d.]+, review ≥ [\d.]+/)
      train(join(dir, 'b.json'))
      const bytes = readFileSync(join(dir, 'a.json'), 'utf8')
      expect(readFileSync(join(dir, 'b.json'), 'utf8')).toBe(bytes)
      expect(JSON.parse(bytes)).toMatchObject({ format: 'seva-triage-model', version: 1, org: 'railways' })
      // What the org uses by default is the committed model trained the same way.
      expect(bytes).toBe(readFileSync(join(ROOT, 'resources', 'models', 'railways.model.json'), 'utf8'))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
  it('reports bad training lines and refuses a corpus too small to learn from', () => {
    const dir = mkdtempSync(join(tmpdir(), 'seva-model-'))
    try {
      const r = seva(
        'model',
        'train',
        '--org',
        org('railways'),
        '--in',
        fixture('train-small.jsonl'),
        '--out',
        join(dir, 'm.json'),
      )
      expect(r.code).toBe(2)
      expect(r.stderr).toMatch(/train-small\.jsonl:2: not valid JSON/)
      expect(r.stderr).toMatch(/train-small\.jsonl:4: an actionable label needs a "division"/)
      expect(r.stderr).toMatch(/too few labelled tweets/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
  it('needs an org and at least one input', () => {
    const r = seva('model', 'train', '--org', org('railways'))
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/at least one --in FILE/)
  })
})

describe('seva rules test (spawned)', () => {
  it('shows per-rule counts and flags rules that would flood the queue', () => {
    const r = seva('rules', 'test', '--org', org('railways'), '--in', fixture('railways.csv'), '--flood', '30')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^3 tweets; rules matching more than 30% are flagged FLOOD/)
    expect(r.stdout).toMatch(/cleanliness → cleanliness: 1 tweets \(33\.3%\), 1 actionable {2}FLOOD/)
    expect(r.stdout).toMatch(/medical → medical: 1 tweets/)
    expect(r.stdout).toMatch(/e\.g\. @RailMinIndia coach B3/)
    expect(r.stdout).toMatch(/WARNING: \d+ rule\(s\) too broad/)
  })
  it('prints help', () => {
    const r = seva('--help')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/seva triage --org FILE --in FILE/)
    expect(r.stdout).toMatch(/seva rules test/)
  })
})

describe('seva in-process', () => {
  const capture = (argv: string[]) => {
    const out: string[] = []
    const err: string[] = []
    const code = run(argv, { out: (l) => out.push(l), err: (l) => err.push(l) })
    return { code, out, err }
  }
  it('triages railways CSV with a doubled quote inside a field', () => {
    const r = capture(['triage', '--org', org('railways'), '--in', fixture('railways.csv')])
    expect(r.code).toBe(0)
    const out = r.out.map((l) => JSON.parse(l) as Line)
    expect(out.map((l) => [l.id, l.division, l.priority])).toEqual([
      ['r1', 'cleanliness', 'normal'],
      ['r2', 'medical', 'critical'],
      ['r3', 'tickets', 'normal'],
    ])
  })
  it('explains usage errors and bad organisation files', () => {
    expect(capture(['triage', '--org', org('mha')]).err[0]).toMatch(/both --org FILE and --in FILE are required/)
    expect(capture(['triage', '--org', '/nonexistent.json', '--in', fixture('mea.jsonl')]).err[0]).toMatch(
      /cannot read organisation file/,
    )
    const badOrg = capture(['triage', '--org', fixture('mea.jsonl'), '--in', fixture('mea.jsonl')])
    expect(badOrg.code).toBe(2)
    expect(badOrg.err[0]).toMatch(/not valid JSON/)
    expect(capture(['frobnicate']).err[0]).toMatch(/unknown command/)
  })
  it('reports an unterminated CSV quote with its line', () => {
    const r = capture(['triage', '--org', org('mha'), '--in', fixture('bad.csv')])
    expect(r.code).toBe(1)
    expect(r.err[0]).toMatch(/bad\.csv:2: a quoted field is never closed/)
  })
  it('parses CSV edge cases: CRLF, BOM, quoted newlines, wrong field counts', () => {
    const p = parseCsv('\uFEFFid,text\r\n1,"a, ""b""\r\nc"\r\n2,x,extra\r\n3,plain\r\n')
    expect(p.tweets.map((t) => [t.id, t.text])).toEqual([
      ['1', 'a, "b"\r\nc'],
      ['3', 'plain'],
    ])
    expect(p.problems).toEqual([{ line: 4, message: 'expected 2 fields, found 3' }])
  })
})
