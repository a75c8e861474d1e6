// The users capability: admins manage staff accounts (accounts.ts), everyone changes
// their own password; the HTTP side is routes.ts.
export { changeOwnPassword, createUser, enforcePasswordPolicy, listUsers, toAdminUser, updateUser } from './accounts'
export { registerUserRoutes } from './routes'
