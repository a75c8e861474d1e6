import { describe, expect, it } from 'vitest'
import {
  assertTransition,
  canTransition,
  formatTicketNumber,
  IllegalTransitionError,
  isOpen,
  TICKET_PATTERN,
  GRIEVANCE_STATUSES,
} from '../../src/shared/grievance'
import { fillTemplate } from '../../src/shared/org'

describe('grievance status machine', () => {
  it('allows the happy path and reopening', () => {
    const path = ['new', 'assigned', 'in_progress', 'forwarded', 'resolved', 'closed', 'reopened', 'resolved'] as const
    for (let i = 1; i < path.length; i++) expect(canTransition(path[i - 1], path[i])).toBe(true)
    expect(canTransition('rejected', 'reopened')).toBe(true)
  })
  it('refuses illegal moves with an error, not a no-op', () => {
    expect(canTransition('closed', 'in_progress')).toBe(false)
    expect(canTransition('new', 'closed')).toBe(false)
    expect(() => assertTransition('closed', 'assigned')).toThrow(IllegalTransitionError)
    expect(() => assertTransition('closed', 'assigned')).toThrow('A grievance that is closed cannot become assigned')
    expect(() => assertTransition('new', 'assigned')).not.toThrow()
  })
  it('every status has at least one way out', () => {
    for (const s of GRIEVANCE_STATUSES) expect(GRIEVANCE_STATUSES.some((t) => canTransition(s, t))).toBe(true)
  })
  it('knows which statuses are open', () => {
    expect(isOpen('new')).toBe(true)
    expect(isOpen('reopened')).toBe(true)
    expect(isOpen('resolved')).toBe(false)
    expect(isOpen('rejected')).toBe(false)
  })
})

describe('ticket numbers and templates', () => {
  it('formats prefix, two-digit year and six-digit sequence', () => {
    expect(formatTicketNumber('MHA', 2026, 123)).toBe('MHA-26-000123')
    expect(formatTicketNumber('RLY', 2105, 1234567)).toBe('RLY-05-1234567')
    expect(TICKET_PATTERN.test(formatTicketNumber('MEA', 2026, 1))).toBe(true)
  })
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(
      fillTemplate('@{name} {ticket} → {division}', { name: 'ravi', ticket: 'MHA-26-000001', division: 'Cyber' }),
    ).toBe('@ravi MHA-26-000001 → Cyber')
    expect(fillTemplate('{ticket} {unknown}', { ticket: 'X' })).toBe('X {unknown}')
    expect(fillTemplate('{name}', {})).toBe('{name}')
  })
})
