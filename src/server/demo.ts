// Demo users: one officer per division (officer.<divisionId>), an org-wide supervisor
// and an admin. Idempotent: existing users are left as they are.
import type { OrgConfig } from '../shared/org'
import type { Database } from './db/database'
import { ensureUser } from './auth'
import { ORG_WIDE } from './scope'

export interface DemoLogin {
  username: string
  role: string
  divisions: string[]
}

export async function seedDemoUsers(db: Database, org: OrgConfig, password: string): Promise<DemoLogin[]> {
  const users = [
    ...org.divisions.map((d) => ({
      username: `officer.${d.id}`,
      displayName: `Officer, ${d.name}`,
      role: 'officer' as const,
      divisions: [d.id],
      languages: ['en', 'hi'],
    })),
    {
      username: 'supervisor',
      displayName: 'Supervisor',
      role: 'supervisor' as const,
      // Org-wide by explicit grant: a supervisor's divisions otherwise scope what they see.
      divisions: [ORG_WIDE],
      languages: ['en', 'hi'],
    },
    {
      username: 'admin',
      displayName: 'Administrator',
      role: 'admin' as const,
      divisions: [ORG_WIDE],
      languages: ['en', 'hi'],
    },
  ]
  for (const user of users) await ensureUser(db, { ...user, password })
  return users.map((u) => ({ username: u.username, role: u.role, divisions: u.divisions }))
}
