// Who else is on each grievance, as the desk last heard it from the server (the answer to
// presence.set or a presence event on the stream). Replaced whole per grievance.
import { create } from 'zustand'
import type { PresenceUser } from '../../../shared/protocol'

interface PresenceStore {
  byGrievance: Record<string, PresenceUser[]>
  heard(grievanceId: string, users: PresenceUser[]): void
  clear(): void
}

export const usePresenceStore = create<PresenceStore>((set) => ({
  byGrievance: {},
  heard: (grievanceId, users) => set((s) => ({ byGrievance: { ...s.byGrievance, [grievanceId]: users } })),
  clear: () => set({ byGrievance: {} }),
}))
