// The bundled fonts (SIL Open Font License 1.1, texts in resources/fonts/): Noto Sans
// for Latin and Noto Sans Devanagari for Hindi, so Hindi shapes correctly on any
// workstation, with or without a Devanagari system font. Only the weights the styles use.
import '@fontsource/noto-sans/latin-400.css'
import '@fontsource/noto-sans/latin-600.css'
import '@fontsource/noto-sans/latin-700.css'
import '@fontsource/noto-sans-devanagari/devanagari-400.css'
import '@fontsource/noto-sans-devanagari/devanagari-600.css'
import '@fontsource/noto-sans-devanagari/devanagari-700.css'
