// The admin's model file is checked on the desk as the server checks it: size first (not
// even read past the limit), then JSON, then the model file schema; a good file becomes the
// upload body with its note.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkModelFile } from '../../src/renderer/src/features/admin/models/model-file'
import { MODEL_LIMITS } from '../../src/shared/models'

const SHIPPED = readFileSync(join(import.meta.dirname, '..', '..', 'resources', 'models', 'mha.model.json'), 'utf8')

describe('checkModelFile', () => {
  it('accepts a model file as the training wrote it, with a trimmed note', () => {
    const checked = checkModelFile(SHIPPED, Buffer.byteLength(SHIPPED), '  retrained  ')
    expect(checked.ok).toBe(true)
    if (checked.ok) {
      expect(checked.body.model.org).toBe('mha')
      expect(checked.body.note).toBe('retrained')
    }
    const noNote = checkModelFile(SHIPPED, Buffer.byteLength(SHIPPED), '   ')
    expect(noNote.ok && noNote.body.note).toBe(undefined)
  })

  it('refuses a file over the limit by its size alone', () => {
    expect(checkModelFile('', MODEL_LIMITS.fileBytes + 1, '')).toEqual({
      ok: false,
      problem: 'fileTooLarge',
      bytes: MODEL_LIMITS.fileBytes + 1,
    })
  })

  it('tells a file that is not JSON from JSON that is not a model, naming the field', () => {
    expect(checkModelFile('{"format":', 10, '')).toEqual({ ok: false, problem: 'fileNotJson' })
    const wrong = JSON.stringify({ ...(JSON.parse(SHIPPED) as object), format: 'other' })
    const checked = checkModelFile(wrong, wrong.length, '')
    expect(checked).toMatchObject({ ok: false, problem: 'fileNotModel' })
    expect(!checked.ok && checked.problem === 'fileNotModel' && checked.detail).toMatch(/^format: /)
  })
})
