// Who may see which grievance. An officer sees their divisions' grievances and whatever
// is assigned to them; so does a supervisor, unless their divisions say ORG_WIDE, an
// explicit grant an administrator makes. Admins see the whole organisation: they run
// its routing, handles and keyword rules and must be able to check where work lands.
import type { Grievance } from '../shared/grievance'
import type { User } from '../shared/protocol'

/** In a supervisor's divisions: every division of the organisation. */
export const ORG_WIDE = '*'

type Viewer = Pick<User, 'username' | 'role' | 'divisions'>
type Place = Pick<Grievance, 'division' | 'assignee'>

export function seesWholeOrg(user: Viewer): boolean {
  return user.role === 'admin' || (user.role === 'supervisor' && user.divisions.includes(ORG_WIDE))
}

export function canSee(user: Viewer, g: Place): boolean {
  if (seesWholeOrg(user)) return true
  return g.assignee === user.username || (g.division !== null && user.divisions.includes(g.division))
}

/** A row of `changes`: where a grievance is after the change and where it was before. */
export interface ChangePlace {
  division: string | null
  assignee: string | null
  prev_division: string | null
  prev_assignee: string | null
}

/** Whether the user may learn that this change happened: it touched their scope before or after. */
export function canSeeChange(user: Viewer, row: ChangePlace): boolean {
  return (
    canSee(user, { division: row.division, assignee: row.assignee }) ||
    canSee(user, { division: row.prev_division, assignee: row.prev_assignee })
  )
}
