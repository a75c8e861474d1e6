import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  businessClock,
  Holiday,
  legacySlaPolicy,
  resolveSlaPolicy,
  ROUND_THE_CLOCK,
  SlaPolicy,
  targetFor,
  type WorkingCalendar,
} from '../../src/shared/sla'
import { OrgConfig } from '../../src/shared/org'

const HOUR = 3_600_000
/** An IST wall-clock time as a UTC instant (IST = UTC+05:30, no daylight saving). */
const ist = (local: string): number => Date.parse(`${local}:00+05:30`)
const istText = (at: number): string => new Date(at + 330 * 60_000).toISOString().slice(0, 16).replace('T', ' ')

const holidays = z
  .object({ holidays: z.array(Holiday) })
  .parse(
    JSON.parse(readFileSync(new URL('../../resources/holidays/india-central.json', import.meta.url), 'utf8')),
  ).holidays

const calendar: WorkingCalendar = {
  utcOffsetMinutes: 330,
  workingDays: [1, 2, 3, 4, 5],
  dayStartMinute: 9 * 60,
  dayEndMinute: 17 * 60 + 30,
  holidays: new Set(holidays.map((h) => h.date)),
}
const clock = businessClock(calendar)

describe('business time on the IST working calendar', () => {
  it('adds hours within one working day', () => {
    expect(istText(clock.add(ist('2026-12-07T10:00'), 2 * HOUR))).toBe('2026-12-07 12:00')
  })
  it('carries over a weekend', () => {
    // Friday 12:00 + 8½ h: 5½ h on Friday, 3 h on Monday.
    expect(istText(clock.add(ist('2026-12-04T12:00'), 8.5 * HOUR))).toBe('2026-12-07 12:00')
  })
  it('starts the clock at the next opening for an arrival after hours, before hours or on a weekend', () => {
    expect(istText(clock.add(ist('2026-12-08T20:00'), HOUR))).toBe('2026-12-09 10:00')
    expect(istText(clock.add(ist('2026-12-08T07:00'), HOUR))).toBe('2026-12-08 10:00')
    expect(istText(clock.add(ist('2026-12-05T11:00'), HOUR))).toBe('2026-12-07 10:00')
    expect(istText(clock.add(ist('2026-12-05T11:00'), 0))).toBe('2026-12-07 09:00')
  })
  it('skips gazetted holidays', () => {
    // Friday 23 Jan 17:00: ½ h left that day; Monday 26 Jan is Republic Day.
    expect(istText(clock.add(ist('2026-01-23T17:00'), HOUR))).toBe('2026-01-27 09:30')
    // Diwali 2026 is a Sunday; Guru Nanak's Birthday (Tuesday 24 Nov) is not worked.
    expect(istText(clock.add(ist('2026-11-23T17:00'), HOUR))).toBe('2026-11-25 09:30')
    expect(clock.isWorking(ist('2026-10-02T11:00'))).toBe(false)
  })
  it('ends a target that uses up the day at closing time', () => {
    expect(istText(clock.add(ist('2026-12-07T09:00'), 8.5 * HOUR))).toBe('2026-12-07 17:30')
  })
  it('counts business time between two instants', () => {
    expect(clock.between(ist('2026-12-04T16:00'), ist('2026-12-07T10:00'))).toBe(2.5 * HOUR)
    expect(clock.between(ist('2026-12-05T10:00'), ist('2026-12-06T18:00'))).toBe(0)
    expect(clock.between(ist('2026-01-23T09:00'), ist('2026-01-27T09:00'))).toBe(8.5 * HOUR)
    expect(clock.between(ist('2026-12-07T12:00'), ist('2026-12-07T11:00'))).toBe(0)
  })
  it('is the inverse of adding, from any start, for any duration', () => {
    const starts = ['2026-12-04T16:45', '2026-12-05T03:00', '2026-01-25T23:59', '2026-12-31T17:29', '2026-03-03T09:00']
    for (const start of starts) {
      for (const hours of [0.25, 1, 7.9, 8.5, 20, 100]) {
        const from = ist(start)
        expect(clock.between(from, clock.add(from, hours * HOUR))).toBe(hours * HOUR)
      }
    }
  })
  it('knows working time and the next working minute', () => {
    expect(clock.isWorking(ist('2026-12-07T09:00'))).toBe(true)
    expect(clock.isWorking(ist('2026-12-07T17:30'))).toBe(false)
    expect(istText(clock.nextWorkingStart(ist('2026-12-04T18:00')))).toBe('2026-12-07 09:00')
    expect(istText(clock.nextWorkingStart(ist('2026-12-07T11:11')))).toBe('2026-12-07 11:11')
  })
  it('does not depend on the host time zone or anyone\u2019s daylight saving', () => {
    const saved = process.env.TZ
    try {
      // 8 March 2026: the United States moves its clocks; IST does not.
      process.env.TZ = 'America/New_York'
      const due = clock.add(ist('2026-03-06T17:00'), 2 * HOUR)
      expect(new Date(due).toISOString()).toBe('2026-03-09T05:00:00.000Z')
      process.env.TZ = 'Europe/London'
      expect(clock.between(ist('2026-03-27T17:00'), ist('2026-03-30T10:00'))).toBe(1.5 * HOUR)
    } finally {
      if (saved === undefined) delete process.env.TZ
      else process.env.TZ = saved
    }
  })
  it('refuses a calendar with no working day or an empty working day', () => {
    expect(() => businessClock({ ...calendar, workingDays: [] })).toThrow('at least one working day')
    expect(() => businessClock({ ...calendar, dayEndMinute: 9 * 60 })).toThrow('must end after it starts')
  })
})

describe('the round-the-clock clock (critical work)', () => {
  it('counts nights, weekends and holidays', () => {
    expect(istText(ROUND_THE_CLOCK.add(ist('2026-12-05T22:00'), 24 * HOUR))).toBe('2026-12-06 22:00')
    expect(ROUND_THE_CLOCK.between(ist('2026-01-25T20:00'), ist('2026-01-26T20:00'))).toBe(24 * HOUR)
    expect(ROUND_THE_CLOCK.isWorking(ist('2026-01-26T03:00'))).toBe(true)
  })
})

describe('the holidays resource', () => {
  it('lists the 2026 and 2027 closed holidays, 2027 lunar dates marked provisional', () => {
    const y2026 = holidays.filter((h) => h.date.startsWith('2026'))
    const y2027 = holidays.filter((h) => h.date.startsWith('2027'))
    expect(y2026).toHaveLength(17)
    expect(y2027).toHaveLength(17)
    expect(y2026.every((h) => !h.provisional)).toBe(true)
    expect(y2027.find((h) => h.name === 'Diwali (Deepavali)')?.provisional).toBe(true)
    expect(y2027.find((h) => h.name === 'Republic Day')?.provisional).toBeUndefined()
  })
})

describe('SLA policy', () => {
  it('fills CPGRAMS defaults: IST, Monday to Friday, 21 days at most, critical round the clock', () => {
    const policy = SlaPolicy.parse({})
    expect(policy.calendar).toMatchObject({ timeZone: 'Asia/Kolkata', workingDays: [1, 2, 3, 4, 5] })
    expect(policy.maxResolutionDays).toBe(21)
    expect(targetFor(policy, 'critical', null).clock).toBe('24x7')
    expect(targetFor(policy, 'normal', null).clock).toBe('business')
  })
  it('takes a division’s own targets over the organisation’s, field by field', () => {
    const policy = SlaPolicy.parse({
      targets: { high: { resolutionHours: 30 } },
      divisions: { passport: { high: { firstResponseHours: 2 } } },
    })
    expect(targetFor(policy, 'high', 'passport')).toEqual({
      firstResponseHours: 2,
      resolutionHours: 30,
      clock: 'business',
    })
    expect(targetFor(policy, 'high', 'visa')).toEqual({ firstResponseHours: 4, resolutionHours: 30, clock: 'business' })
  })
  it('refuses a zone with daylight saving unless its offset is given, and a day that ends before it starts', () => {
    expect(SlaPolicy.safeParse({ calendar: { timeZone: 'Europe/London' } }).success).toBe(false)
    expect(SlaPolicy.safeParse({ calendar: { timeZone: 'Europe/London', utcOffsetMinutes: 0 } }).success).toBe(true)
    expect(SlaPolicy.safeParse({ calendar: { dayStart: '18:00', dayEnd: '09:00' } }).success).toBe(false)
    expect(SlaPolicy.safeParse({ escalation: { supervisorAfterHours: 5, divisionHeadAfterHours: 2 } }).success).toBe(
      false,
    )
  })
  it('keeps an old org file’s hours as wall-clock resolution targets', () => {
    const legacy = legacySlaPolicy({ critical: 2, high: 24, normal: 72, low: 168 })
    expect(targetFor(legacy, 'normal', 'any')).toEqual({ firstResponseHours: 8.5, resolutionHours: 72, clock: '24x7' })
    expect(targetFor(legacy, 'critical', null)).toEqual({ firstResponseHours: 0.5, resolutionHours: 2, clock: '24x7' })
  })
  it('is optional in an org file and validated when present', () => {
    const org = JSON.parse(readFileSync(new URL('../../resources/orgs/mha.json', import.meta.url), 'utf8'))
    expect(OrgConfig.parse(org).slaPolicy).toBeUndefined()
    expect(OrgConfig.parse({ ...org, slaPolicy: {} }).slaPolicy?.id).toBe('cpgrams')
    expect(OrgConfig.safeParse({ ...org, slaPolicy: { atRiskFraction: 2 } }).success).toBe(false)
  })
  it('uses its own holiday list when it gives one, the default list otherwise, plus extra closures', () => {
    const own = resolveSlaPolicy(SlaPolicy.parse({ calendar: { holidays: [] } }), holidays).clocks.business
    expect(own.isWorking(ist('2026-01-26T11:00'))).toBe(true)
    const byDefault = resolveSlaPolicy(SlaPolicy.parse({}), holidays).clocks.business
    expect(byDefault.isWorking(ist('2026-01-26T11:00'))).toBe(false)
    const extra = resolveSlaPolicy(
      SlaPolicy.parse({ calendar: { extraHolidays: [{ date: '2026-12-07', name: 'Local closure' }] } }),
      holidays,
    ).clocks.business
    expect(extra.isWorking(ist('2026-12-07T11:00'))).toBe(false)
  })
})
