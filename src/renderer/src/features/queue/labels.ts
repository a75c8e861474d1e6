// Display labels for the domain enums; the values themselves stay in data attributes.
import type { GrievanceStatus, Priority } from '../../../../shared/grievance'

export const STATUS_LABELS: Record<GrievanceStatus, string> = {
  new: 'New',
  assigned: 'Assigned',
  in_progress: 'In progress',
  forwarded: 'Forwarded',
  resolved: 'Resolved',
  closed: 'Closed',
  rejected: 'Rejected',
  reopened: 'Reopened',
}

export const PRIORITY_LABELS: Record<Priority, string> = {
  critical: 'Critical',
  high: 'High',
  normal: 'Normal',
  low: 'Low',
}
