// The Hindi catalogue: the same keys as en.ts (the Catalogue type makes a missing or
// extra key a compile error). Hindi plural categories are the same two as English
// (Intl.PluralRules('hi'): 0 and 1 are "one"), so _one / _other cover them.
import type { Catalogue } from './en'

export const hi: Catalogue = {
  common: {
    appName: 'सेवा डेस्क',
    notConnected: 'सेवा डेस्क किसी डेस्क से जुड़ा नहीं है। इसे <code>npm start</code> से चालू करें और जो पता दिखे उसे खोलें।',
    never: 'कभी नहीं',
    justNow: 'अभी-अभी',
    dash: '—',
  },
  time: {
    slaLeft: '{{span}} शेष',
    slaOverdue: '{{span}} की देरी',
  },
  settings: {
    language: {
      label: 'भाषा',
      saveFailed: 'आपकी भाषा का चुनाव इस डेस्क पर सहेजा नहीं जा सका: {{reason}}',
      name: { en: 'English', hi: 'हिन्दी' },
    },
  },
  queue: {
    count_one: '{{count, number}} शिकायत',
    count_other: '{{count, number}} शिकायतें',
  },
}
