// Desk updates: available, deferred, installed (features/updates).
// English and Hindi side by side, so a key added to one is seen missing from the other
// (the Shape type makes it a compile error; tests/renderer/i18n-catalogue.test.ts checks both).
import type { Shape } from '../shape'

export const en = {
  title: 'Updates',
  downloading: 'Seva Desk {{version}} is downloading; it installs when you quit.',
  ready: 'Seva Desk {{version}} is ready and will install when you quit.',
  deferred: 'Seva Desk {{version}} is deferred until {{until}}.',
  defer: 'Defer for a week',
  deferTitle: 'Keep working on this version for seven more days; the update waits.',
  installOnQuit: 'Install when I quit',
}

export const hi: Shape<typeof en> = {
  title: 'अपडेट',
  downloading: 'सेवा डेस्क {{version}} डाउनलोड हो रहा है; डेस्क बंद करने पर यह इंस्टॉल होगा।',
  ready: 'सेवा डेस्क {{version}} तैयार है और डेस्क बंद करने पर इंस्टॉल होगा।',
  deferred: 'सेवा डेस्क {{version}} का अपडेट {{until}} तक स्थगित है।',
  defer: 'एक सप्ताह के लिए स्थगित करें',
  deferTitle: 'सात दिन और इसी संस्करण पर काम करें; अपडेट प्रतीक्षा करेगा।',
  installOnQuit: 'बंद करने पर इंस्टॉल करें',
}
