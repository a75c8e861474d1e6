// Wires desk events into the stores and loads what a signed-in officer needs.
import type { DeskEvent } from '../../../shared/desk-api'
import { onDeskEvent } from '../lib/bridge'
import { useGrievanceStore } from './grievance-store'
import { useOrgStore } from './org-store'
import { usePresenceStore } from './presence-store'
import { useSessionStore } from './session-store'
import { useSyncStore } from './sync-store'

export function handleDeskEvent(event: DeskEvent): void {
  switch (event.type) {
    case 'sync':
      useSyncStore.getState().setState(event.state)
      if (event.state.status === 'online' && useSessionStore.getState().session?.user)
        useOrgStore.getState().loadIfMissing()
      return
    case 'grievances-changed':
      useGrievanceStore.getState().refresh(event.ids)
      return
    case 'conflict':
      useSyncStore.getState().addConflict(event.conflict)
      return
    case 'session':
      useSessionStore.getState().setSession(event.session)
      if (!event.session.user) usePresenceStore.getState().clear()
      return
    case 'org':
      useOrgStore.setState({ org: event.org, error: null })
      return
    case 'presence':
      usePresenceStore.getState().heard(event.grievanceId, event.users)
      return
  }
}

/** Everything the queue, composer and status bar show, fetched after sign-in. */
export async function loadWorkspace(): Promise<void> {
  await Promise.all([
    useOrgStore.getState().load(),
    useGrievanceStore.getState().loadAll(),
    useSyncStore.getState().load(),
  ])
}

/** Subscribe first, then restore: an event arriving during the restore is not lost. */
export function connectDesk(): () => void {
  const unsubscribe = onDeskEvent(handleDeskEvent)
  void useSessionStore.getState().restore()
  void useSyncStore.getState().load()
  return unsubscribe
}
