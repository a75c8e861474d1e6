// The SLA section's form: a policy to what the admin types and back to the same policy (the
// next version), per-field problems from the shared contract, holiday pastes, and the due-time
// preview computed with the shared engine.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  defaultPolicy,
  draftFromPolicy,
  draftToPolicy,
  previewDueTimes,
  problemAt,
  type SlaDraft,
} from '../../src/renderer/src/features/admin/sla/sla-form'
import { checkOrgConfig } from '../../src/shared/config'
import { OrgConfig } from '../../src/shared/org'
import { parseHolidayPaste, replaceHolidayYears, SlaPolicy, targetFor, type Holiday } from '../../src/shared/sla'

const ORG = OrgConfig.parse(JSON.parse(readFileSync(new URL('../../resources/orgs/mha.json', import.meta.url), 'utf8')))
const DIVISIONS = ['cyber', 'police', 'general']

const POLICY = SlaPolicy.parse({
  id: 'mha-sla',
  version: 3,
  calendar: {
    workingDays: [1, 2, 3, 4, 5, 6],
    dayStart: '09:30',
    dayEnd: '18:00',
    extraHolidays: [{ date: '2026-12-24', name: 'Local closure' }],
  },
  targets: { normal: { firstResponseHours: 6, resolutionHours: 51 } },
  divisions: { cyber: { normal: { clock: '24x7' }, high: { firstResponseHours: 1 } } },
  maxResolutionDays: 21,
  interimReplyHours: 4,
  atRiskFraction: 0.8,
  escalation: { supervisorAfterHours: 3, divisionHeadAfterHours: 12 },
})

const valid = (draft: SlaDraft) => {
  const result = draftToPolicy(draft, DIVISIONS)
  if (!result.policy) throw new Error(`unexpected problems ${JSON.stringify(result.problems)}`)
  return result.policy
}

describe('SLA form: policy ⇄ draft', () => {
  it('shows the effective targets, the share in per cent, and overrides only where a division has them', () => {
    const draft = draftFromPolicy(POLICY, DIVISIONS)
    expect(draft.targets.normal).toEqual({ firstResponseHours: '6', resolutionHours: '51', clock: 'business' })
    // Not given in the policy: the CPGRAMS default shows, so the admin sees what applies.
    expect(draft.targets.critical).toEqual({ firstResponseHours: '1', resolutionHours: '24', clock: '24x7' })
    expect(draft.atRiskPercent).toBe('80')
    expect(draft.divisions.cyber!.normal).toEqual({ firstResponseHours: '', resolutionHours: '', clock: '24x7' })
    expect(draft.divisions.cyber!.high.firstResponseHours).toBe('1')
    expect(draft.divisions.police!.normal).toEqual({ firstResponseHours: '', resolutionHours: '', clock: '' })
    expect(draft.ownHolidays).toBe(false)
  })

  it('an untouched draft saves the same policy as the next version (effective targets written out)', () => {
    const saved = valid(draftFromPolicy(POLICY, DIVISIONS))
    expect(saved.version).toBe(4)
    expect(saved.calendar).toEqual(POLICY.calendar)
    expect(saved.divisions).toEqual(POLICY.divisions)
    expect(saved.atRiskFraction).toBeCloseTo(0.8, 10)
    expect(saved.escalation).toEqual(POLICY.escalation)
    expect(saved.interimReplyHours).toBe(4)
    expect(saved.targets.normal).toEqual({ firstResponseHours: 6, resolutionHours: 51, clock: 'business' })
    expect(saved.targets.low).toEqual({ firstResponseHours: 17, resolutionHours: 127.5, clock: 'business' })
  })

  it('typed changes arrive as numbers: a decimal comma, a 24×7 priority, an own holiday list', () => {
    const draft = draftFromPolicy(POLICY, DIVISIONS)
    draft.targets.high = { firstResponseHours: '2,5', resolutionHours: '20', clock: '24x7' }
    draft.divisions.police!.low = { firstResponseHours: '', resolutionHours: '40', clock: '' }
    draft.ownHolidays = true
    draft.holidays = [{ date: '2026-01-26', name: 'Republic Day' }]
    const saved = valid(draft)
    expect(saved.targets.high).toEqual({ firstResponseHours: 2.5, resolutionHours: 20, clock: '24x7' })
    expect(saved.divisions.police).toEqual({ low: { resolutionHours: 40 } })
    expect(saved.calendar.holidays).toEqual([{ date: '2026-01-26', name: 'Republic Day' }])
  })

  it('clearing every override of a division removes it from the policy', () => {
    const draft = draftFromPolicy(POLICY, DIVISIONS)
    draft.divisions.cyber!.normal = { firstResponseHours: '', resolutionHours: '', clock: '' }
    draft.divisions.cyber!.high = { firstResponseHours: '', resolutionHours: '', clock: '' }
    expect(valid(draft).divisions).toEqual({})
  })
})

describe('SLA form: problems by field, from the shared contract', () => {
  const problemsOf = (change: (d: SlaDraft) => void) => {
    const draft = draftFromPolicy(POLICY, DIVISIONS)
    change(draft)
    const result = draftToPolicy(draft, DIVISIONS)
    expect(result.policy).toBeNull()
    return result.problems
  }

  it('an empty or wordy hours field is not a number (empty is not zero)', () => {
    const problems = problemsOf((d) => {
      d.targets.high.firstResponseHours = ''
      d.targets.low.resolutionHours = 'two days'
    })
    expect(problemAt(problems, 'targets.high.firstResponseHours')?.code).toBe('number')
    expect(problemAt(problems, 'targets.low.resolutionHours')?.code).toBe('number')
  })

  it('limits name their bound: hours above zero, at most 366 days, a whole number of days', () => {
    const problems = problemsOf((d) => {
      d.targets.normal.firstResponseHours = '0'
      d.maxResolutionDays = '400'
      d.interimReplyHours = '-1'
    })
    expect(problemAt(problems, 'targets.normal.firstResponseHours')).toEqual({
      path: 'targets.normal.firstResponseHours',
      code: 'above',
      limit: 0,
    })
    expect(problemAt(problems, 'maxResolutionDays')).toMatchObject({ code: 'atMost', limit: 366 })
    expect(problemAt(problems, 'interimReplyHours')?.code).toBe('above')
    expect(
      problemAt(
        problemsOf((d) => (d.maxResolutionDays = '21.5')),
        'maxResolutionDays',
      )?.code,
    ).toBe('whole')
  })

  it('the at-risk share must be strictly between 0 and 100 per cent', () => {
    expect(
      problemAt(
        problemsOf((d) => (d.atRiskPercent = '100')),
        'atRiskFraction',
      )?.code,
    ).toBe('percent')
    expect(
      problemAt(
        problemsOf((d) => (d.atRiskPercent = '0')),
        'atRiskFraction',
      )?.code,
    ).toBe('percent')
  })

  it('calendar problems land on their field: time format, day order, no working day, unknown zone', () => {
    expect(
      problemAt(
        problemsOf((d) => (d.dayStart = '9am')),
        'calendar.dayStart',
      )?.code,
    ).toBe('time')
    expect(
      problemAt(
        problemsOf((d) => (d.dayEnd = '08:00')),
        'calendar.dayEnd',
      )?.code,
    ).toBe('dayOrder')
    expect(
      problemAt(
        problemsOf((d) => (d.workingDays = [])),
        'calendar.workingDays',
      )?.code,
    ).toBe('workingDays')
    expect(
      problemAt(
        problemsOf((d) => (d.timeZone = 'Europe/Berlin')),
        'calendar.utcOffsetMinutes',
      )?.code,
    ).toBe('offsetRequired')
    // With the offset given, the zone is accepted.
    const draft = draftFromPolicy(POLICY, DIVISIONS)
    draft.timeZone = 'Asia/Dubai'
    draft.utcOffsetMinutes = '240'
    expect(valid(draft).calendar.utcOffsetMinutes).toBe(240)
  })

  it('escalation to the division head must come after the supervisor', () => {
    const problems = problemsOf((d) => (d.divisionHeadAfterHours = '2'))
    expect(problemAt(problems, 'escalation.divisionHeadAfterHours')?.code).toBe('escalationOrder')
  })

  it('a holiday must be a real date with a name, and not listed twice', () => {
    const bad = problemsOf((d) => {
      d.extraHolidays = [
        { date: '2026-02-30', name: 'No such day' },
        { date: '2026-03-02', name: ' ' },
      ]
    })
    expect(problemAt(bad, 'calendar.extraHolidays.0.date')?.code).toBe('date')
    expect(problemAt(bad, 'calendar.extraHolidays.1.name')?.code).toBe('name')
    const twice = problemsOf((d) => {
      d.extraHolidays = [
        { date: '2026-12-24', name: 'Local closure' },
        { date: '2026-12-24', name: 'local closure' },
      ]
    })
    expect(problemAt(twice, 'calendar.extraHolidays.1')?.code).toBe('duplicateHoliday')
  })

  it('cross-checks: a first response due after the resolution, an override for a division that is gone', () => {
    const order = problemsOf((d) => (d.targets.normal.firstResponseHours = '60'))
    expect(problemAt(order, 'targets.normal.firstResponseHours')?.code).toBe('firstAfterResolution')
    const gone = draftToPolicy(draftFromPolicy(POLICY, ['police', 'general']), ['police', 'general'])
    expect(gone.policy).toBeNull()
    expect(problemAt(gone.problems, 'divisions.cyber')?.code).toBe('unknownDivision')
  })

  it('the server runs the same cross-checks on save (checkOrgConfig)', () => {
    const policy = SlaPolicy.parse({ targets: { high: { firstResponseHours: 30, resolutionHours: 20 } } })
    const problems = checkOrgConfig(OrgConfig.parse({ ...ORG, slaPolicy: policy }))
    expect(problems.map((p) => p.path)).toContain('slaPolicy.targets.high.firstResponseHours')
    // A malformed time is a schema issue, not an exception.
    expect(SlaPolicy.safeParse({ calendar: { dayStart: '9am' } }).success).toBe(false)
  })
})

describe('policy contract', () => {
  it('an override of the hours alone keeps the clock it inherits (critical stays round the clock)', () => {
    const policy = SlaPolicy.parse({
      targets: { critical: { firstResponseHours: 0.5 } },
      divisions: { cyber: { critical: { resolutionHours: 12 } } },
    })
    expect(targetFor(policy, 'critical', null)).toEqual({ firstResponseHours: 0.5, resolutionHours: 24, clock: '24x7' })
    expect(targetFor(policy, 'critical', 'cyber')).toEqual({
      firstResponseHours: 0.5,
      resolutionHours: 12,
      clock: '24x7',
    })
    expect(policy.divisions.cyber!.critical).toEqual({ resolutionHours: 12 })
  })
})

describe('holiday paste', () => {
  it('reads CSV with a header, quotes, semicolons and a provisional flag; reports the lines it cannot read', () => {
    const paste = [
      'date,name,provisional',
      '2027-01-26,Republic Day',
      '2027-03-10;"Id-ul-Fitr, expected";provisional',
      '2027-05-17,Id-ul-Zuha,अनंतिम',
      '2027-02-30,Not a day',
      'next Friday,Nothing',
      '',
    ].join('\n')
    const { holidays, rejected } = parseHolidayPaste(paste)
    expect(holidays).toEqual([
      { date: '2027-01-26', name: 'Republic Day' },
      { date: '2027-03-10', name: 'Id-ul-Fitr, expected', provisional: true },
      { date: '2027-05-17', name: 'Id-ul-Zuha', provisional: true },
    ])
    expect(rejected.map((r) => r.line)).toEqual([5, 6])
  })

  it('reads the JSON of the central-government file and a bare array', () => {
    const file = { about: 'x', holidays: [{ date: '2027-12-25', name: 'Christmas Day' }, { date: 'soon' }] }
    expect(parseHolidayPaste(JSON.stringify(file))).toEqual({
      holidays: [{ date: '2027-12-25', name: 'Christmas Day' }],
      rejected: [{ line: 2, text: '{"date":"soon"}' }],
    })
    expect(parseHolidayPaste('[{"date":"2027-08-15","name":"Independence Day"}]').holidays).toHaveLength(1)
    expect(parseHolidayPaste('{not json').holidays).toEqual([])
  })

  it('an imported year replaces that year only, without doubles, in date order', () => {
    const list: Holiday[] = [
      { date: '2026-01-26', name: 'Republic Day' },
      { date: '2027-01-26', name: 'Republic Day (old)' },
    ]
    const imported: Holiday[] = [
      { date: '2027-08-15', name: 'Independence Day' },
      { date: '2027-01-26', name: 'Republic Day' },
      { date: '2027-01-26', name: 'Republic Day' },
    ]
    expect(replaceHolidayYears(list, imported)).toEqual([
      { date: '2026-01-26', name: 'Republic Day' },
      { date: '2027-01-26', name: 'Republic Day' },
      { date: '2027-08-15', name: 'Independence Day' },
    ])
  })
})

describe('due-time preview (shared engine)', () => {
  // Friday 2026-12-04 16:30 IST: one working hour left that day.
  const now = Date.parse('2026-12-04T16:30:00+05:30')

  it('counts working hours over the weekend and holidays, round the clock for critical', () => {
    const policy = SlaPolicy.parse({ targets: { normal: { firstResponseHours: 2, resolutionHours: 8.5 } } })
    const holidays: Holiday[] = [{ date: '2026-12-07', name: 'A Monday closure' }]
    const rows = previewDueTimes(policy, holidays, now, null)
    const normal = rows.find((r) => r.priority === 'normal')!
    // 1 h on Friday, Saturday and Sunday off, Monday a holiday: Tuesday 10:00 IST.
    expect(normal.firstResponseDueAt).toBe(new Date('2026-12-08T10:00:00+05:30').toISOString())
    expect(normal.resolutionDueAt).toBe(new Date('2026-12-08T16:30:00+05:30').toISOString())
    const critical = rows.find((r) => r.priority === 'critical')!
    expect(critical.clock).toBe('24x7')
    expect(critical.firstResponseDueAt).toBe(new Date(now + 3_600_000).toISOString())
  })

  it('a division override changes that division only, and an edited draft changes the preview', () => {
    const draft = draftFromPolicy(defaultPolicy(), DIVISIONS)
    draft.divisions.cyber!.normal.clock = '24x7'
    const policy = valid(draft)
    const cyber = previewDueTimes(policy, [], now, 'cyber').find((r) => r.priority === 'normal')!
    const police = previewDueTimes(policy, [], now, 'police').find((r) => r.priority === 'normal')!
    expect(cyber.firstResponseDueAt).toBe(new Date(now + 8.5 * 3_600_000).toISOString())
    expect(police.firstResponseDueAt).toBe(new Date('2026-12-07T16:30:00+05:30').toISOString())
  })
})
