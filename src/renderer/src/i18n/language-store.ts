// Which language the interface is in, and whose choice that is. The signed-in officer's
// choice is kept by the desk (settings.get / settings.set, per user); before anyone signs
// in the interface follows the workstation's language, and a choice made on the sign-in
// screen becomes the officer's own when they sign in without one saved.
import { create } from 'zustand'
import { invokeDesk } from '../lib/bridge'
import { problemFromError, type Problem } from './problem'
import { currentLanguage, i18n } from './instance'
import { workstationLanguage, type Language } from './languages'

interface LanguageState {
  language: Language
  /** Picked on the sign-in screen, to be saved for whoever signs in next. */
  chosenSignedOut: boolean
  /** Set when the desk could not save the officer's choice. */
  saveError: Problem | null
}

export const useLanguageStore = create<LanguageState>(() => ({
  language: currentLanguage(),
  chosenSignedOut: false,
  saveError: null,
}))

/** Shows the interface in `language`, saving nothing. */
export function applyLanguage(language: Language): void {
  if (i18n.language !== language) void i18n.changeLanguage(language)
  useLanguageStore.setState({ language })
}

// Counts the officer's picks, so a saved language arriving late never undoes a newer pick.
let picks = 0

/** The officer picked a language: show it at once, and keep it for them if signed in. */
export async function chooseLanguage(language: Language, signedIn: boolean): Promise<void> {
  picks++
  applyLanguage(language)
  if (!signedIn) {
    useLanguageStore.setState({ chosenSignedOut: true })
    return
  }
  await saveLanguage(language)
}

/** After sign-in: the officer's saved language, else the sign-in screen's choice, else the workstation's. */
export async function adoptSignedInLanguage(): Promise<void> {
  const picksBefore = picks
  const { language: saved } = await invokeDesk('settings.get', {})
  if (picks !== picksBefore) return // picked (and saved) while we asked
  const { chosenSignedOut, language } = useLanguageStore.getState()
  useLanguageStore.setState({ chosenSignedOut: false })
  if (saved) applyLanguage(saved)
  else if (chosenSignedOut) await saveLanguage(language)
  else applyLanguage(workstationLanguage())
}

/** Signed out: the next officer starts from the workstation's language. */
export function resetToWorkstationLanguage(): void {
  useLanguageStore.setState({ chosenSignedOut: false, saveError: null })
  applyLanguage(workstationLanguage())
}

async function saveLanguage(language: Language): Promise<void> {
  try {
    await invokeDesk('settings.set', { language })
    useLanguageStore.setState({ saveError: null })
  } catch (error) {
    // The interface stays in the chosen language for this session either way.
    useLanguageStore.setState({ saveError: problemFromError(error) })
  }
}
