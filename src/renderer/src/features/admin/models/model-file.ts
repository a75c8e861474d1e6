// A model file the admin picked, checked here as the server will check it (size, JSON, the
// model file schema), so a wrong file is explained before it is sent.
import { MODEL_LIMITS, ModelUpload } from '../../../../../shared/models'

export type ModelFileCheck =
  | { ok: true; body: ModelUpload }
  | { ok: false; problem: 'fileTooLarge'; bytes: number }
  | { ok: false; problem: 'fileNotJson' }
  | { ok: false; problem: 'fileNotModel'; detail: string }

export function checkModelFile(text: string, bytes: number, note: string): ModelFileCheck {
  if (bytes > MODEL_LIMITS.fileBytes) return { ok: false, problem: 'fileTooLarge', bytes }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { ok: false, problem: 'fileNotJson' }
  }
  const parsed = ModelUpload.safeParse({ model: json, ...(note.trim() ? { note: note.trim() } : {}) })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const path = issue?.path.slice(1).join('.') || '(root)'
    return { ok: false, problem: 'fileNotModel', detail: `${path}: ${issue?.message ?? 'invalid'}` }
  }
  return { ok: true, body: parsed.data }
}
