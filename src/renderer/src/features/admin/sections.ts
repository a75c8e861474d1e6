// The administration screen's sections, in the order an admin sets up a deployment.
export const ADMIN_SECTIONS = ['users', 'rules', 'settings', 'sla', 'handles', 'models', 'budget', 'audit'] as const
export type AdminSection = (typeof ADMIN_SECTIONS)[number]
