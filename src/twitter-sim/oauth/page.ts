// The simulator's "Authorize app" page: who is signing in to X and what the app may do.
// Plain HTML, no script (the page's CSP forbids it); the form posts back to the same path.

const SCOPE_TEXT: Record<string, string> = {
  'tweet.read': 'See posts, including those from protected accounts',
  'tweet.write': 'Post and repost for you',
  'users.read': 'See any account you can see',
  'offline.access': 'Stay connected until you revoke access',
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#0f1419}
fieldset{border:1px solid #cfd9de;border-radius:8px;margin:1rem 0}
button{font-size:1rem;padding:.5rem 1.25rem;border-radius:999px;border:1px solid #0f1419;margin-right:.5rem}
button[value=allow]{background:#0f1419;color:#fff}
.problem{color:#b00020}
</style></head><body><main>${body}</main></body></html>`
}

export function renderErrorPage(message: string): string {
  return layout(
    'Something went wrong',
    `<h1>Something went wrong</h1><p>You weren’t able to give access to the app: ${escapeHtml(message)}.</p>`,
  )
}

/** Parameters copied into the form so the POST carries the same request. */
const CARRIED = [
  'response_type',
  'client_id',
  'redirect_uri',
  'scope',
  'state',
  'code_challenge',
  'code_challenge_method',
]

export function renderConsentPage(input: {
  clientName: string
  scopes: string[]
  params: URLSearchParams
  accounts: string[]
  problem?: string
}): string {
  const hidden = CARRIED.filter((name) => input.params.has(name))
    .map((name) => `<input type="hidden" name="${name}" value="${escapeHtml(input.params.get(name) ?? '')}">`)
    .join('')
  const accounts = input.accounts
    .map(
      (a, i) =>
        `<div><input type="radio" id="account-${i}" name="account" value="${escapeHtml(a)}"${i === 0 ? ' checked' : ''}>` +
        `<label for="account-${i}">@${escapeHtml(a)}</label></div>`,
    )
    .join('')
  const scopes = input.scopes.map((s) => `<li>${escapeHtml(SCOPE_TEXT[s] ?? s)}</li>`).join('')
  const name = escapeHtml(input.clientName)
  return layout(
    `Authorize ${input.clientName}`,
    `<h1>${name} wants to access your X account</h1>
${input.problem ? `<p class="problem" role="alert">${escapeHtml(input.problem)}</p>` : ''}
<form method="post" action="/i/oauth2/authorize">${hidden}
<fieldset><legend>Sign in to X as</legend>${accounts}
<div><label for="other-account">Another account (username)</label>
<input id="other-account" name="other_account" autocomplete="username" pattern="@?[A-Za-z0-9_]{1,15}"></div></fieldset>
<p>Things this app will be able to do:</p><ul>${scopes}</ul>
<button type="submit" name="decision" value="allow">Authorize app</button>
<button type="submit" name="decision" value="deny">Cancel</button>
</form>`,
  )
}
