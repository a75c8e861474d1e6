// The hand-written development set (tests/fixtures/dev-real, issue 10): tweets written as
// citizens and accounts write on X by someone who never read the training templates, scored
// by `scripts/division-dev.ts --real`. This keeps the files well-formed: every line parses
// with the trainer's own reader, ids are unique across the three orgs, every labelled
// division exists in the org file, the viaHandle is one the org watches, and each org has
// enough tweets of both kinds (and a grievance in every division) to give figures.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseLabelled } from '../../src/cli/model'
import { OrgConfig } from '../../src/shared/org'

const ROOT = join(import.meta.dirname, '..', '..')
const ORGS = ['mha', 'mea', 'railways']
const MIN_PER_ORG = 350
const seen = new Set<string>()

describe.each(ORGS)('dev-real %s', (org) => {
  const config = OrgConfig.parse(JSON.parse(readFileSync(join(ROOT, 'resources', 'orgs', `${org}.json`), 'utf8')))
  const content = readFileSync(join(ROOT, 'tests', 'fixtures', 'dev-real', `${org}.jsonl`), 'utf8')
  const { tweets, problems } = parseLabelled(content)
  const lines = content.split('\n').filter((l) => l.trim())

  it('parses every line with the trainer’s reader', () => {
    expect(problems).toEqual([])
    expect(tweets).toHaveLength(lines.length)
    expect(tweets.length).toBeGreaterThanOrEqual(MIN_PER_ORG)
  })

  it('has ids unique across all three orgs, as digit strings', () => {
    for (const t of tweets) {
      expect(t.id).toMatch(/^\d+$/)
      expect(seen.has(t.id), `duplicate id ${t.id}`).toBe(false)
      seen.add(t.id)
    }
  })

  it('labels only divisions of the org, and only grievances with a division', () => {
    const divisions = new Set(config.divisions.map((d) => d.id))
    for (const t of tweets) {
      if (t.label.actionable) expect(divisions.has(t.label.division ?? ''), `${t.id}: ${t.label.division}`).toBe(true)
      else expect(t.label.division).toBeNull()
    }
  })

  it('comes in through a handle the org watches', () => {
    const handles = new Set(config.handles.map((h) => h.username))
    for (const t of tweets) expect(handles.has(t.viaHandle ?? ''), `${t.id}: ${t.viaHandle}`).toBe(true)
  })

  it('has grievances in every division and non-grievances alongside', () => {
    const covered = new Set(tweets.filter((t) => t.label.actionable).map((t) => t.label.division))
    expect([...covered].sort()).toEqual(config.divisions.map((d) => d.id).sort())
    const actionable = tweets.filter((t) => t.label.actionable).length
    expect(actionable / tweets.length).toBeGreaterThan(0.45)
    expect(actionable / tweets.length).toBeLessThan(0.65)
  })
})
