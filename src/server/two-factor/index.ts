// Optional TOTP two-factor sign-in (RFC 6238), which an admin can require for roles.
// The sign-in step that asks for the code is in auth/routes.ts (via challenges.ts).
export { registerTwoFactorRoutes, type TwoFactorDeps } from './routes'
export { codeAt, matchingStep, timeStepAt } from './totp'
