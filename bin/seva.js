#!/usr/bin/env node
// Launcher for the `seva` command: registers tsx so the TypeScript CLI in
// src/cli/index.ts runs as is (tsx is a devDependency of this repo).
import { register } from 'tsx/esm/api'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { dirname, join } from 'node:path'

register()
const entry = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'cli', 'index.ts')
const cli = await import(pathToFileURL(entry).href)
cli.main(process.argv.slice(2))
