// An audit action code (`auth.sign-in`) as its catalogue key: i18next reads dots as nesting,
// so the code's dot becomes an underscore (`admin.audit.actions.auth_sign-in`).
export function auditActionKey(action: string): string {
  return `admin.audit.actions.${action.replace(/\./g, '_')}`
}
