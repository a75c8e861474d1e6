// The English catalogue. Keys are grouped by feature (common., session., queue., …);
// plural forms end in _one / _other (i18next's names for Intl.PluralRules categories).
// Placeholders are {{name}}; every key here must be in hi.ts with the same placeholders
// (tests/renderer/i18n-catalogue.test.ts checks it, and the Catalogue type below too).
export const en = {
  common: {
    appName: 'Seva Desk',
    notConnected:
      'Seva Desk is not connected to a desk. Start it with <code>npm start</code> and open the address it prints.',
    never: 'never',
    justNow: 'just now',
    dash: '—',
  },
  time: {
    /** {{span}} is formatted by formatSpan: "3h 20m". */
    slaLeft: '{{span}} left',
    slaOverdue: 'overdue {{span}}',
  },
  settings: {
    language: {
      label: 'Language',
      saveFailed: 'Your language choice could not be saved on this desk: {{reason}}',
      // Each language's name in itself, so an officer finds their own in either interface.
      name: { en: 'English', hi: 'हिन्दी' },
    },
  },
  queue: {
    count_one: '{{count, number}} grievance',
    count_other: '{{count, number}} grievances',
  },
}

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }
/** What every catalogue must hold: the same keys as English, each a string. */
export type Catalogue = Shape<typeof en>
