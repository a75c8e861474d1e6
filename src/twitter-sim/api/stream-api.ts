// GET /2/tweets/search/stream, GET/POST /2/tweets/search/stream/rules (app-only, like X)

import type { ApiHandler } from '../context'
import { isNumericId } from '../ids'
import { invalidRequest, streamTooManyConnections, unsupportedAuthentication } from '../problems'
import { parseFieldSelection } from '../render'
import type { Tweet } from '../store'
import { MAX_RULE_LENGTH, type StreamRule } from '../stream-rules'
import { intParam, isError } from './params'

const PROBLEMS = 'https://api.x.com/2/problems'

export const openStream: ApiHandler = (r) => {
  if (r.auth.kind !== 'app') return unsupportedAuthentication('app')
  const sel = parseFieldSelection(r.url.searchParams)
  if (isError(sel)) return sel
  const backfillMinutes = intParam(r.url.searchParams, 'backfill_minutes', 0, 5, 0)
  if (isError(backfillMinutes)) return backfillMinutes
  if (r.ctx.stream.connected) return streamTooManyConnections()
  let backfill: Tweet[] = []
  if (backfillMinutes > 0) {
    const since = r.ctx.now() - backfillMinutes * 60_000
    const timeline = r.ctx.store.timeline
    let i = timeline.length
    while (i > 0 && timeline[i - 1]!.createdAt >= since) i--
    backfill = timeline.slice(i)
  }
  r.ctx.stats.streamConnections++
  r.ctx.stream.open(r.res, sel, r.headers, backfill)
  return 'handled'
}

function renderRule(rule: StreamRule): Record<string, string> {
  return rule.tag === undefined ? { id: rule.id, value: rule.value } : { id: rule.id, value: rule.value, tag: rule.tag }
}

export const getRules: ApiHandler = (r) => {
  if (r.auth.kind !== 'app') return unsupportedAuthentication('app')
  const idsRaw = r.url.searchParams.get('ids')
  let rules = r.ctx.rules.list()
  if (idsRaw !== null) {
    const ids = new Set(idsRaw.split(','))
    rules = rules.filter((rule) => ids.has(rule.id))
  }
  const meta = { sent: new Date(r.ctx.now()).toISOString(), result_count: rules.length }
  return { status: 200, body: rules.length > 0 ? { data: rules.map(renderRule), meta } : { meta } }
}

interface AddSpec {
  value: string
  tag?: string
}

export const updateRules: ApiHandler = (r) => {
  if (r.auth.kind !== 'app') return unsupportedAuthentication('app')
  const params = r.url.searchParams
  const dryRun = params.get('dry_run') === 'true'
  const deleteAll = params.get('delete_all') === 'true'
  const sent = new Date(r.ctx.now()).toISOString()
  const body = r.body as Record<string, unknown> | undefined
  if (deleteAll) {
    const count = r.ctx.rules.size
    if (!dryRun) r.ctx.rules.clear()
    return { status: 200, body: { meta: { sent, summary: { deleted: count, not_deleted: 0 } } } }
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return invalidRequest('The request body must be a JSON object with `add` or `delete`')
  const keys = Object.keys(body)
  if (keys.length !== 1 || (keys[0] !== 'add' && keys[0] !== 'delete')) {
    return invalidRequest('The request body must contain exactly one of `add` or `delete`')
  }
  if (keys[0] === 'add') return addRules(r, body.add, dryRun, sent)
  return deleteRules(r, body.delete, dryRun, sent)
}

function addRules(r: Parameters<ApiHandler>[0], add: unknown, dryRun: boolean, sent: string): ReturnType<ApiHandler> {
  if (!Array.isArray(add) || add.length === 0) return invalidRequest('`add` must be a non-empty array of {value, tag}')
  const specs: AddSpec[] = []
  for (const item of add) {
    const rec = item as Record<string, unknown> | null
    if (
      typeof rec !== 'object' ||
      rec === null ||
      typeof rec.value !== 'string' ||
      (rec.tag !== undefined && typeof rec.tag !== 'string')
    ) {
      return invalidRequest('Each rule to add must be an object {value: string, tag?: string}')
    }
    specs.push(rec.tag === undefined ? { value: rec.value } : { value: rec.value, tag: rec.tag as string })
  }
  const rules = r.ctx.rules
  const errors: Array<Record<string, unknown>> = []
  const valid: Array<{ spec: AddSpec; node: Exclude<ReturnType<typeof rules.validate>, string> }> = []
  for (const spec of specs) {
    const node = rules.validate(spec.value)
    if (typeof node === 'string') {
      errors.push({
        value: spec.value,
        details: [node],
        title: 'UnprocessableEntity',
        type: `${PROBLEMS}/invalid-rules`,
      })
    } else if (spec.value.length > MAX_RULE_LENGTH) {
      errors.push({
        value: spec.value,
        details: ['Rule is too long'],
        title: 'UnprocessableEntity',
        type: `${PROBLEMS}/invalid-rules`,
      })
    } else {
      valid.push({ spec, node })
    }
  }
  const invalid = errors.length
  // X creates nothing when any rule in the request is invalid.
  if (invalid > 0) {
    return {
      status: 400,
      body: {
        errors,
        meta: { sent, summary: { created: 0, not_created: specs.length, valid: valid.length, invalid } },
      },
    }
  }
  const created: StreamRule[] = []
  let notCreated = 0
  for (const { spec, node } of valid) {
    const existing = rules.byValue(spec.value)
    if (existing) {
      notCreated++
      errors.push({ value: spec.value, id: existing.id, title: 'DuplicateRule', type: `${PROBLEMS}/duplicate-rules` })
      continue
    }
    if (rules.size + created.length >= rules.maxRules) {
      notCreated++
      errors.push({
        value: spec.value,
        title: 'RulesCapExceeded',
        type: `${PROBLEMS}/rule-cap`,
        detail: `Rule limit ${rules.maxRules} reached`,
      })
      continue
    }
    created.push(
      dryRun
        ? { id: '0', value: spec.value, node, ...(spec.tag !== undefined ? { tag: spec.tag } : {}) }
        : rules.add(spec.value, node, spec.tag),
    )
  }
  const out: Record<string, unknown> = {}
  if (created.length > 0) out.data = created.map(renderRule)
  out.meta = { sent, summary: { created: created.length, not_created: notCreated, valid: valid.length, invalid: 0 } }
  if (errors.length > 0) out.errors = errors
  return { status: created.length > 0 && !dryRun ? 201 : 200, body: out }
}

function deleteRules(
  r: Parameters<ApiHandler>[0],
  del: unknown,
  dryRun: boolean,
  sent: string,
): ReturnType<ApiHandler> {
  const rec = del as Record<string, unknown> | null
  const ids = typeof rec === 'object' && rec !== null ? rec.ids : undefined
  const values = typeof rec === 'object' && rec !== null ? rec.values : undefined
  const targets: string[] = []
  if (Array.isArray(ids) && ids.every((id) => typeof id === 'string' && isNumericId(id)))
    targets.push(...(ids as string[]))
  else if (Array.isArray(values) && values.every((v) => typeof v === 'string')) {
    for (const value of values as string[]) targets.push(r.ctx.rules.byValue(value)?.id ?? value)
  } else return invalidRequest('`delete` must be {ids: string[]} or {values: string[]}')
  const errors: Array<Record<string, unknown>> = []
  let deleted = 0
  for (const id of targets) {
    const exists = r.ctx.rules.list().some((rule) => rule.id === id)
    if (!exists) {
      errors.push({
        value: id,
        details: ['Rule does not exist'],
        title: 'Invalid Request',
        type: `${PROBLEMS}/invalid-request`,
      })
      continue
    }
    if (!dryRun) r.ctx.rules.delete(id)
    deleted++
  }
  const body: Record<string, unknown> = { meta: { sent, summary: { deleted, not_deleted: targets.length - deleted } } }
  if (errors.length > 0) body.errors = errors
  return { status: 200, body }
}
