// Older grievances on the server, beyond the desk's working set (features/archive-search).
// English and Hindi side by side, so a key added to one is seen missing from the other
// (the Shape type makes it a compile error; tests/renderer/i18n-catalogue.test.ts checks both).
import type { Shape } from '../shape'

export const en = {
  action: 'Search older grievances on the server',
  actionTitle: 'This desk keeps open work and recently finished work; older grievances are found on the server.',
  hint: 'Nothing on this desk matches. Older grievances may be on the server.',
  tooShort:
    'To search older grievances on the server, type a word of at least {{min, number}} letters or a ticket number.',
  region: 'Older grievances on the server',
  searching: 'Searching the server…',
  none: 'The server has no grievance you may see that matches “{{query}}”.',
  offline:
    'Searching older grievances on the server needs a connection. The grievances on this desk can still be searched.',
  results_one: '{{count, number}} grievance on the server',
  results_other: '{{count, number}} grievances on the server',
  more: 'More from the server',
  close: 'Close the server results',
  opening: 'Opening…',
  hitMeta: '{{status}} · {{division}} · opened {{date}}',
  noDivision: 'no division',
}

export const hi: Shape<typeof en> = {
  action: 'पुरानी शिकायतें सर्वर पर खोजें',
  actionTitle: 'यह डेस्क खुला काम और हाल में पूरा हुआ काम रखता है; पुरानी शिकायतें सर्वर पर मिलती हैं।',
  hint: 'इस डेस्क पर कुछ मेल नहीं खाता। पुरानी शिकायतें सर्वर पर हो सकती हैं।',
  tooShort: 'सर्वर पर पुरानी शिकायतें खोजने के लिए कम से कम {{min, number}} अक्षरों का शब्द या टिकट नंबर लिखें।',
  region: 'सर्वर पर पुरानी शिकायतें',
  searching: 'सर्वर पर खोज हो रही है…',
  none: 'सर्वर पर “{{query}}” से मेल खाती ऐसी कोई शिकायत नहीं है जिसे आप देख सकें।',
  offline: 'सर्वर पर पुरानी शिकायतें खोजने के लिए कनेक्शन चाहिए। इस डेस्क की शिकायतें अब भी खोजी जा सकती हैं।',
  results_one: 'सर्वर पर {{count, number}} शिकायत',
  results_other: 'सर्वर पर {{count, number}} शिकायतें',
  more: 'सर्वर से और',
  close: 'सर्वर के परिणाम बंद करें',
  opening: 'खुल रही है…',
  hitMeta: '{{status}} · {{division}} · {{date}} को दर्ज',
  noDivision: 'कोई प्रभाग नहीं',
}
