// Which screens a role has. The server decides what each may do (every staff route checks
// the role); this only keeps from a person the tabs that would answer "forbidden".
import type { Role } from '../../../../shared/protocol'
import type { Screen } from '../../store/ui-store'

const SCREENS_BY_ROLE: Record<Role, readonly Screen[]> = {
  officer: ['desk'],
  supervisor: ['desk', 'monitor', 'reports'],
  admin: ['desk', 'monitor', 'reports', 'admin'],
}

export function screensFor(role: Role | undefined): readonly Screen[] {
  return role ? SCREENS_BY_ROLE[role] : ['desk']
}
