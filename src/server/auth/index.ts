// Authentication and sessions: users, passwords, sign-in with lockout, session tokens
// and their revocation. The HTTP side is in routes.ts.
export * from './users'
export * from './passwords'
export * from './sessions'
export * from './accounts'
export * from './login'
export {
  DEFAULT_LOGIN_THROTTLE,
  pruneLoginThrottle,
  addressKey,
  accountKey,
  type LoginThrottlePolicy,
} from './login-throttle'
