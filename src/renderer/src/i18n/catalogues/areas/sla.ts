// SLA states, alerts and escalation as officers and supervisors see them (features/sla).
// English and Hindi side by side, so a key added to one is seen missing from the other
// (the Shape type makes it a compile error; tests/renderer/i18n-catalogue.test.ts checks both).
import type { Shape } from '../shape'

export const en = {
  title: 'SLA',
}

export const hi: Shape<typeof en> = {
  title: 'एसएलए',
}
