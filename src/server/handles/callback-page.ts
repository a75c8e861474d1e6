// The page the system browser shows after X sends it back: connected, or why not. In
// Hindi when the browser prefers it, else English; no script, nothing from X echoed unescaped.
import type { CallbackOutcome } from './connect'

const TEXT = {
  en: {
    okTitle: 'Handle connected',
    ok: (u: string) => `@${u} is connected to Seva Desk. You can close this window.`,
    failTitle: 'Handle not connected',
    fail: (u: string | null) => (u ? `@${u} was not connected.` : 'No handle was connected.'),
    again: 'Close this window and press Connect again in Seva Desk.',
  },
  hi: {
    okTitle: 'हैंडल जुड़ गया',
    ok: (u: string) => `@${u} सेवा डेस्क से जुड़ गया है। अब आप यह विंडो बंद कर सकते हैं।`,
    failTitle: 'हैंडल नहीं जुड़ा',
    fail: (u: string | null) => (u ? `@${u} नहीं जुड़ सका।` : 'कोई हैंडल नहीं जुड़ा।'),
    again: 'यह विंडो बंद करें और सेवा डेस्क में फिर से "X से जोड़ें" दबाएँ।',
  },
} as const

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** Hindi first in Accept-Language (hi, hi-IN) → Hindi; anything else → English. */
export function pageLanguage(acceptLanguage: string | undefined): 'en' | 'hi' {
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? ''
  return first.startsWith('hi') ? 'hi' : 'en'
}

export function callbackPage(outcome: CallbackOutcome, lang: 'en' | 'hi'): string {
  const t = TEXT[lang]
  const title = outcome.ok ? t.okTitle : t.failTitle
  const body = outcome.ok
    ? `<p data-testid="handle-oauth-result" data-outcome="connected">${escapeHtml(t.ok(outcome.username))}</p>`
    : `<p data-testid="handle-oauth-result" data-outcome="failed">${escapeHtml(t.fail(outcome.username))}</p>
<p lang="en">${escapeHtml(outcome.reason)}</p><p>${escapeHtml(t.again)}</p>`
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(title)} — Seva Desk</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:"Noto Sans","Noto Sans Devanagari",system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem}</style>
</head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`
}
