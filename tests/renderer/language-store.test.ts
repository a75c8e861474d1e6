// Whose language the interface shows: the officer's saved choice, else the one picked on
// the sign-in screen (then saved for them), else the workstation's; a failed save is said.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DeskMethod, SevaBridge, UserSettings } from '../../src/shared/desk-api'
import { i18n } from '../../src/renderer/src/i18n/instance'
import {
  adoptSignedInLanguage,
  chooseLanguage,
  resetToWorkstationLanguage,
  useLanguageStore,
} from '../../src/renderer/src/i18n/language-store'

interface FakeDesk {
  saved: UserSettings
  sets: Partial<UserSettings>[]
  failSet: boolean
  /** Resolves the pending settings.get, when held. */
  release: (() => void) | null
  hold: boolean
}

let desk: FakeDesk

beforeEach(() => {
  desk = { saved: { language: null }, sets: [], failSet: false, release: null, hold: false }
  const bridge: SevaBridge = {
    invoke: (async (method: DeskMethod, input: unknown) => {
      if (method === 'settings.get') {
        const answer = desk.saved // as read when asked, however late it arrives
        if (desk.hold) await new Promise<void>((resolve) => (desk.release = resolve))
        return answer
      }
      if (method === 'settings.set') {
        if (desk.failSet) throw new Error("Error invoking remote method 'seva:invoke': Error: disk full")
        desk.sets.push(input as Partial<UserSettings>)
        desk.saved = { ...desk.saved, ...(input as Partial<UserSettings>) }
        return desk.saved
      }
      throw new Error(`unexpected ${method}`)
    }) as SevaBridge['invoke'],
    onEvent: () => () => undefined,
  }
  ;(globalThis as { seva?: SevaBridge }).seva = bridge
  resetToWorkstationLanguage()
})

afterEach(() => {
  delete (globalThis as { seva?: SevaBridge }).seva
})

const shown = () => ({ store: useLanguageStore.getState().language, i18n: i18n.language })

describe('the interface language', () => {
  it('follows the officer’s saved choice on sign-in', async () => {
    desk.saved = { language: 'hi' }
    await adoptSignedInLanguage()
    expect(shown()).toEqual({ store: 'hi', i18n: 'hi' })
    expect(desk.sets).toEqual([])
  })

  it('saves the sign-in screen’s pick for an officer without one', async () => {
    await chooseLanguage('hi', false)
    expect(desk.sets).toEqual([])
    await adoptSignedInLanguage()
    expect(desk.sets).toEqual([{ language: 'hi' }])
    expect(shown()).toEqual({ store: 'hi', i18n: 'hi' })
  })

  it('starts from the workstation’s language when nothing was chosen, and saves nothing', async () => {
    i18n.changeLanguage('hi')
    useLanguageStore.setState({ language: 'hi' })
    await adoptSignedInLanguage()
    // Node has no navigator.languages: the workstation default is English.
    expect(shown()).toEqual({ store: 'en', i18n: 'en' })
    expect(desk.sets).toEqual([])
  })

  it('saves a signed-in pick, and says so when the desk cannot', async () => {
    await chooseLanguage('hi', true)
    expect(desk.sets).toEqual([{ language: 'hi' }])
    desk.failSet = true
    await chooseLanguage('en', true)
    expect(shown()).toEqual({ store: 'en', i18n: 'en' })
    expect(useLanguageStore.getState().saveError?.detail).toBe('disk full')
  })

  it('keeps a pick made while the saved language was still on its way', async () => {
    desk.saved = { language: 'en' }
    desk.hold = true
    const adopting = adoptSignedInLanguage()
    await chooseLanguage('hi', true)
    desk.release?.()
    await adopting
    expect(shown()).toEqual({ store: 'hi', i18n: 'hi' })
  })
})
