// Vite's client types (import.meta.env, CSS imports). `window.seva` itself is declared
// in src/preload/index.d.ts, which tsconfig.web.json includes.
/// <reference types="vite/client" />
