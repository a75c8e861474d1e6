// The organisation's configuration as the admin screens see it: the current version from
// the server, and saving one section as a new version on it. A save made on an older
// version than the server's is refused (409): the screen shows the problem and reloads,
// so the admin reapplies the change on what is current instead of overwriting it.
import { useCallback, useEffect, useState } from 'react'
import { CONFIG_PATHS, ConfigCurrent, ConfigSaved, configSectionPath } from '../../../../../shared/config'
import type { OrgConfig } from '../../../../../shared/org'
import { problemFromError, type Problem } from '../../../i18n'
import { staffGet, staffSend } from '../../../lib/staff-api'

export interface OrgConfigState {
  current: ConfigCurrent | null
  problem: Problem | null
  saving: boolean
  reload: () => Promise<void>
  /** Saves one section as a new version; the version saved, or null (the problem is shown). */
  saveSection: <K extends keyof OrgConfig>(section: K, value: OrgConfig[K], comment: string) => Promise<number | null>
  /** After a save, import or rollback made elsewhere on this screen. */
  adopt: (saved: ConfigSaved) => void
}

export function useOrgConfig(): OrgConfigState {
  const [current, setCurrent] = useState<ConfigCurrent | null>(null)
  const [problem, setProblem] = useState<Problem | null>(null)
  const [saving, setSaving] = useState(false)

  const reload = useCallback(async () => {
    try {
      setCurrent(await staffGet(ConfigCurrent, CONFIG_PATHS.config))
    } catch (error) {
      setProblem(problemFromError(error))
    }
  }, [])

  useEffect(() => {
    void reload()
  }, [reload])

  const saveSection = useCallback(
    async <K extends keyof OrgConfig>(section: K, value: OrgConfig[K], comment: string): Promise<number | null> => {
      if (!current) return null
      setSaving(true)
      try {
        const saved = await staffSend(ConfigSaved, 'PUT', configSectionPath(section), {
          baseVersion: current.version,
          value,
          comment,
        })
        setCurrent(saved.current)
        setProblem(null)
        return saved.current.version
      } catch (error) {
        setProblem(problemFromError(error))
        // Stale: show what is current now.
        if ((error as { status?: number }).status === 409) await reload()
        return null
      } finally {
        setSaving(false)
      }
    },
    [current, reload],
  )

  const adopt = useCallback((saved: ConfigSaved) => {
    setCurrent(saved.current)
    setProblem(null)
  }, [])

  return { current, problem, saving, reload, saveSection, adopt }
}
