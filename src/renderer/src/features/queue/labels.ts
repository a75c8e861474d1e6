// Catalogue keys for the domain enums' display labels; the values themselves stay in
// data attributes. tests/renderer/i18n-catalogue.test.ts checks each has text in every language.
import type { TFunction } from 'i18next'
import { GRIEVANCE_STATUSES, PRIORITIES, type GrievanceStatus, type Priority } from '../../../../shared/grievance'

export const STATUS_LABEL_KEYS = Object.fromEntries(GRIEVANCE_STATUSES.map((s) => [s, `common.status.${s}`])) as Record<
  GrievanceStatus,
  string
>

export const PRIORITY_LABEL_KEYS = Object.fromEntries(PRIORITIES.map((p) => [p, `common.priority.${p}`])) as Record<
  Priority,
  string
>

export const statusLabel = (t: TFunction, status: GrievanceStatus): string => t(STATUS_LABEL_KEYS[status])
export const priorityLabel = (t: TFunction, priority: Priority): string => t(PRIORITY_LABEL_KEYS[priority])
