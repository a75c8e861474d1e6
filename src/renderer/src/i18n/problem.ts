// What went wrong, kept as a catalogue key (plus the desk's technical message for
// support) rather than as a sentence: a stored problem then reads in whatever language
// the interface is in when it is shown, and the officer never reads
// "connect ECONNREFUSED 127.0.0.1:4020" as the explanation.
import type { TFunction } from 'i18next'
import type { DeskError } from '../../../shared/desk-api'
import { describeError } from '../lib/bridge'

export interface Problem {
  /** Catalogue key of the plain sentence. */
  key: string
  values?: Record<string, string | number>
  /** The technical message, for a tooltip (support asks for it); never the main text. */
  detail?: string
}

const DESK_CODES: readonly DeskError['code'][] = [
  'invalid-input',
  'unauthorised',
  'not-found',
  'server',
  'offline',
  'internal',
]

/** The desk error code an invoke failure carries (Electron preload and browser bridge alike). */
export function deskErrorCode(error: unknown): DeskError['code'] | null {
  const code = error && typeof error === 'object' ? (error as { code?: unknown }).code : undefined
  return typeof code === 'string' && (DESK_CODES as readonly string[]).includes(code)
    ? (code as DeskError['code'])
    : null
}

/**
 * A failed desk call as a plain sentence. On the sign-in screen "unauthorised" means a
 * wrong username or password and "offline" a wrong address or network, not an expired session.
 */
export function problemFromError(error: unknown, during: 'login' | 'work' = 'work'): Problem {
  const detail = describeError(error)
  const withDetail = (key: string): Problem => (detail ? { key, detail } : { key })
  // A staff-API refusal (lib/staff-api.ts): the server's words are the detail, the sentence ours.
  const status = error instanceof Error && error.name === 'StaffApiError' ? (error as { status?: number }).status : null
  if (status === 403) return withDetail('problem.forbidden')
  if (status === 409) return withDetail('problem.changedMeanwhile')
  if (status !== null && status !== undefined && status >= 400 && status < 500)
    return { key: 'problem.failed', values: { detail }, detail }
  switch (deskErrorCode(error)) {
    case 'offline':
      return withDetail(during === 'login' ? 'problem.loginOffline' : 'problem.offline')
    case 'unauthorised':
      return withDetail(during === 'login' ? 'problem.loginRefused' : 'problem.unauthorised')
    case 'server':
      return withDetail('problem.server')
    case 'not-found':
      return withDetail('problem.notFound')
    default:
      // Bad input or a fault in the desk: its own sentence is all there is to say.
      return detail ? { key: 'problem.failed', values: { detail }, detail } : { key: 'common.somethingWentWrong' }
  }
}

export function problemText(problem: Problem, t: TFunction): string {
  return t(problem.key, problem.values ?? {})
}

/** The tooltip that carries the technical detail, if any. */
export function problemTitle(problem: Problem, t: TFunction): string | undefined {
  return problem.detail ? t('problem.detail', { detail: problem.detail }) : undefined
}
