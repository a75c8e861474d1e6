// The password policy, one pure function for the server (which enforces it) and the
// screens (which show its reasons live as the user types): long enough, not built on
// the username, not mostly a repeat or a sequence, and not a known breached or common
// password. The breached list and the guess estimate are zxcvbn-ts with its common
// dictionaries (bundled, so it works offline on the desk and the server alike).
import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core'
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common'
import { LIMITS } from './limits'

export const PASSWORD_PROBLEMS = [
  'too-short',
  'too-long',
  'contains-username',
  'repeated',
  'sequence',
  'common',
  'guessable',
] as const
export type PasswordProblemCode = (typeof PASSWORD_PROBLEMS)[number]

export interface PasswordProblem {
  code: PasswordProblemCode
  /** English, for API answers and logs; the screens translate by code. */
  message: string
}

export interface PasswordVerdict {
  ok: boolean
  problems: PasswordProblem[]
}

/** zxcvbn's score (0–4) below which a password is refused: 3 is "safely unguessable" online and offline-slow-hash. */
const MIN_SCORE = 3
/** A repeat, sequence or common password that makes up this share of the password is what the password is. */
const DOMINANT_SHARE = 0.5

const MESSAGES: Record<PasswordProblemCode, string> = {
  'too-short': `must be at least ${LIMITS.passwordMinChars} characters long`,
  'too-long': `must be at most ${LIMITS.passwordChars} characters long`,
  'contains-username': 'must not contain the username',
  repeated: 'must not be mostly repeated characters or a repeated word',
  sequence: 'must not be mostly a sequence (abcd, 1234, qwerty)',
  common: 'is a commonly used or breached password',
  guessable: 'is too easy to guess: add words or characters that do not belong together',
}

let factory: ZxcvbnFactory | null = null

/** Built on first use: the dictionaries take a moment to rank, and most callers never need them. */
function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({ dictionary: { ...dictionary }, graphs: adjacencyGraphs })
  return factory
}

type Match = ZxcvbnResult['sequence'][number]

/** How much of the password these matches make up, all together (`each`: the largest one alone). */
function share(result: ZxcvbnResult, length: number, matches: (m: Match) => boolean, each = false): number {
  const sizes = result.sequence.filter(matches).map((m) => [...m.token].length)
  const covered = each ? Math.max(0, ...sizes) : sizes.reduce((sum, n) => sum + n, 0)
  return length === 0 ? 0 : covered / length
}

/** A breached password with a little added (password1234, P@ssw0rd2024!); a phrase of common words is not one. */
const isCommonPassword = (m: Match): boolean => m.pattern === 'dictionary' && m.dictionaryName === 'passwords-common'

export function checkPassword(password: string, context: { username?: string } = {}): PasswordVerdict {
  const codes: PasswordProblemCode[] = []
  const length = [...password].length
  if (length < LIMITS.passwordMinChars) codes.push('too-short')
  if (password.length > LIMITS.passwordChars) codes.push('too-long')
  const username = context.username?.trim().toLowerCase() ?? ''
  if (username.length >= 3 && password.toLowerCase().includes(username)) codes.push('contains-username')
  // Past the length cap the estimate is not worth its work: the password is refused anyway.
  if (password.length > 0 && password.length <= LIMITS.passwordChars) {
    const result = estimator().check(password, username ? [username] : [])
    if (share(result, length, (m) => m.pattern === 'repeat') >= DOMINANT_SHARE) codes.push('repeated')
    if (share(result, length, (m) => m.pattern === 'sequence' || m.pattern === 'spatial') >= DOMINANT_SHARE)
      codes.push('sequence')
    if (share(result, length, isCommonPassword, true) >= DOMINANT_SHARE) codes.push('common')
    if (result.score < MIN_SCORE && codes.length === 0) codes.push('guessable')
  }
  return { ok: codes.length === 0, problems: codes.map((code) => ({ code, message: MESSAGES[code] })) }
}
