// A refused code as the sentence for it: a wrong code is the user's to retype, a lost
// challenge sends them back to the password, anything else is the desk's usual problem.
import { deskErrorCode, problemFromError, type Problem } from '../../i18n/problem'
import { describeError } from '../../lib/bridge'

export function codeProblem(error: unknown, wrongKey: string): Problem {
  const detail = describeError(error)
  switch (deskErrorCode(error)) {
    case 'invalid-input':
      return detail ? { key: wrongKey, detail } : { key: wrongKey }
    case 'unauthorised':
      return detail ? { key: 'twoFactor.code.expired', detail } : { key: 'twoFactor.code.expired' }
    default:
      return problemFromError(error)
  }
}
