// `seva model train`: fit an organisation's triage model from labelled tweets and write
// its model file; and finding the model an org uses by default.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { CompiledOrg } from '../shared/routing'
import {
  parseModel,
  serialiseModel,
  trainTriageModel,
  type LabelledTweet,
  type TrainReport,
  type TriageModel,
} from '../shared/triage-model'

export interface LabelledInput {
  tweets: LabelledTweet[]
  problems: { line: number; message: string }[]
}

/** JSON lines of labelled tweets: {id, text, author?, viaHandle?, inReplyToUserId?, referencedTweets?, label}. */
export function parseLabelled(content: string): LabelledInput {
  const tweets: LabelledTweet[] = []
  const problems: LabelledInput['problems'] = []
  content.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1
    if (raw.trim() === '') return
    let r: Record<string, unknown>
    try {
      r = JSON.parse(raw) as Record<string, unknown>
    } catch (err) {
      problems.push({ line, message: `not valid JSON (${(err as Error).message})` })
      return
    }
    const label = r?.label as { actionable?: unknown; division?: unknown } | undefined
    if (typeof r?.text !== 'string') return void problems.push({ line, message: 'missing "text" (a string)' })
    if (typeof label?.actionable !== 'boolean')
      return void problems.push({ line, message: 'missing "label": {"actionable": true|false, "division": …}' })
    if (label.actionable && typeof label.division !== 'string')
      return void problems.push({ line, message: 'an actionable label needs a "division"' })
    const refs = Array.isArray(r.referencedTweets)
      ? (r.referencedTweets as LabelledTweet['referencedTweets'])
      : undefined
    tweets.push({
      id: r.id === undefined ? `line-${line}` : String(r.id),
      text: r.text,
      author: typeof r.author === 'string' ? r.author : '',
      viaHandle: typeof r.viaHandle === 'string' ? r.viaHandle : undefined,
      inReplyToUserId: typeof r.inReplyToUserId === 'string' ? r.inReplyToUserId : undefined,
      referencedTweets: refs,
      label: { actionable: label.actionable, division: label.actionable ? (label.division as string) : null },
    })
  })
  return { tweets, problems }
}

/** What a model is made from: the org file, the training files, in order. */
export function createdFromHash(orgText: string, inputs: string[]): string {
  const h = createHash('sha256')
  h.update(orgText)
  for (const text of inputs) h.update('\u0000').update(text)
  return `sha256:${h.digest('hex')}`
}

/** Where an org's model lives: its `triage.model` (relative to the org file), else ../models/<id>.model.json. */
export function defaultModelPath(orgPath: string, compiled: CompiledOrg): string {
  const configured = compiled.org.triage?.model
  if (configured) return resolve(dirname(orgPath), configured)
  return resolve(dirname(orgPath), '..', 'models', `${compiled.org.id}.model.json`)
}

export function readModel(path: string): TriageModel {
  return parseModel(JSON.parse(readFileSync(path, 'utf8')))
}

/** The org's default model if its file exists (a missing file means rules only). */
export function loadDefaultModel(orgPath: string, compiled: CompiledOrg): TriageModel | null {
  const path = defaultModelPath(orgPath, compiled)
  if (!existsSync(path)) {
    if (compiled.org.triage?.model) throw new Error(`the org's triage model ${path} does not exist`)
    return null
  }
  return readModel(path)
}

export function trainAndWrite(
  compiled: CompiledOrg,
  orgText: string,
  inputs: { text: string; tweets: LabelledTweet[] }[],
  outPath: string,
  /** K ≥ 2: calibrate on K folds' out-of-fold scores (TrainOptions.folds). */
  folds?: number,
): { report: TrainReport; bytes: number } {
  const tweets = inputs.flatMap((i) => i.tweets)
  const { model, report } = trainTriageModel(compiled, tweets, {
    createdFrom: createdFromHash(
      orgText,
      inputs.map((i) => i.text),
    ),
    folds,
  })
  const text = serialiseModel(model)
  mkdirSync(dirname(outPath), { recursive: true })
  writeFileSync(outPath, text)
  return { report, bytes: Buffer.byteLength(text) }
}

export function formatReport(org: string, report: TrainReport, thresholds: TriageModel['thresholds']): string[] {
  const v = report.validationFigures
  const f = (n: number) => n.toFixed(3)
  return [
    `${org}: ${report.tweets} examples reach the model: ${report.train} to fit, ${report.calibration} to calibrate` +
      (report.folds > 1 ? ` (out of fold, ${report.folds} folds)` : '') +
      `, ${report.validation} to validate`,
    `${org}: thresholds ticket ≥ ${thresholds.ticket}, review ≥ ${thresholds.review}`,
    `${org}: validation: ticket precision ${f(v.ticketPrecision)}, ticket+review recall ${f(v.ticketOrReviewRecall)}, ` +
      `actionable P ${f(v.precision)} R ${f(v.recall)} F1 ${f(v.f1)}, division accuracy ${f(v.divisionAccuracy)}`,
    `${org}: validation bands: ${v.bands.ticket} ticket, ${v.bands.review} review, ${v.bands.ignore} ignore`,
  ]
}
