// Officers' actions, each applied in its own transaction: duplicate (id seen before),
// rejected (unknown grievance, not permitted, invalid, illegal transition, too large, an id
// already taken), conflict (state-changing action based on a stale version) or applied
// (version + 1, change recorded). Each answer is the outcome, not the grievance: the desk
// pulls the grievance through the changes feed; only a conflict carries it.
import {
  IllegalTransitionError,
  assertTransition,
  inReview,
  isOpen,
  type Grievance,
  type ThreadEntry,
} from '../shared/grievance'
import { LIMITS } from '../shared/limits'
import { APPEND_ONLY_ACTIONS, type Action, type ActionResult } from '../shared/protocol'
import { findPii, replyAsPosted, replyPostsProblem, replyText, type ReplyValues } from '../shared/text'
import { writeTransaction, type Queryable } from './db/database'
import { loadGrievance, nextVersion, saveGrievance } from './grievances'
import { markedTakesLonger, withSla } from './sla/record'
import { allocateGrievance, allocateWaiting } from './allocation'
import { canSee } from './scope'
import { queueReplies, queueReply } from './replies/outbox'
import { replyPartId } from './entry-ids'
import type { StaffUser } from './auth'
import { acknowledges, type ServerContext } from './context'
import { acknowledgement } from './ingest/grievance-from-tweet'
import { labelOf, recordLabel } from './review/labels'
import { recordAudit } from './audit/log'

export const MAX_REPLY_WEIGHT = 280

/** A reason to refuse an action, shown to the officer. */
export class ActionRejected extends Error {}

// Scoping lives in scope.ts (supervisors see their divisions unless granted ORG_WIDE).
export { canSee } from './scope'

const PII_NAMES: Record<string, string> = {
  aadhaar: 'an Aadhaar number',
  pan: 'a PAN',
  passport: 'a passport number',
  phone: 'a phone number',
  pnr: 'a PNR number',
  email: 'an email address',
}

/** Placeholder values of a reply to this grievance (the composer uses the same ones). */
function replyValues(ctx: ServerContext, g: Grievance): ReplyValues {
  const division = ctx.config.current().org.divisions.find((d) => d.id === g.division)
  return { ticket: g.ticket, name: g.source.authorUsername, division: division?.name }
}

/** The reply text as it will be posted: placeholders filled and the ticket number present. */
export function prepareReplyText(ctx: ServerContext, g: Grievance, text: string): string {
  return replyText(text, replyValues(ctx, g))
}

function statusChange(g: Grievance, to: Grievance['status']): Grievance {
  assertTransition(g.status, to)
  return { ...g, status: to }
}

function noteEntry(id: string, text: string, by: string, at: string): ThreadEntry {
  return { id, kind: 'note', text, at, by }
}

interface Applied {
  grievance: Grievance
  /** Work to do after the grievance is saved (outbox rows, re-allocation). */
  after?: (tx: Queryable) => Promise<number[]>
}

async function applyBody(
  ctx: ServerContext,
  tx: Queryable,
  user: StaffUser,
  action: Action,
  before: Grievance,
): Promise<Applied> {
  const now = new Date()
  const at = now.toISOString()
  let g = nextVersion(before, now)
  const body = action.body
  // Load freed by this action lets waiting work in the queue move to an officer.
  const reallocate = async (t: Queryable): Promise<number[]> => allocateWaiting(t)
  switch (body.type) {
    case 'reply': {
      const text = prepareReplyText(ctx, before, body.text)
      const pii = findPii(text)
      if (pii.length > 0) {
        const kinds = [...new Set(pii.map((p) => PII_NAMES[p.kind] ?? p.kind))].join(', ')
        throw new ActionRejected(
          `The reply contains ${kinds}; personal details must not be posted publicly. Ask the citizen to send them by Direct Message instead.`,
        )
      }
      // The same posts the composer showed the officer (src/shared/text/reply.ts).
      const parts = replyAsPosted(body.text, replyValues(ctx, before), MAX_REPLY_WEIGHT)
      const problem = replyPostsProblem(parts, MAX_REPLY_WEIGHT)
      if (problem) throw new ActionRejected(problem)
      const entries: ThreadEntry[] = parts.map((part, i) => ({
        id: i === 0 ? action.id : replyPartId(action.id, i + 1),
        kind: 'reply',
        text: part,
        at,
        by: user.username,
        post: { state: 'pending', attempts: 0 },
      }))
      g.thread.push(...entries)
      return {
        grievance: g,
        after: async (t) => {
          for (const [i, entry] of entries.entries()) {
            await queueReply(t, {
              grievanceId: g.id,
              entryId: entry.id,
              text: entry.text,
              ...(i > 0 ? { afterEntryId: entries[i - 1]!.id } : {}),
            })
          }
          return []
        },
      }
    }
    case 'note':
      g.thread.push(noteEntry(action.id, body.text, user.username, at))
      return { grievance: g }
    case 'claim':
      g = { ...statusChange(g, 'assigned'), assignee: user.username }
      return { grievance: g }
    case 'start':
      g = { ...statusChange(g, 'in_progress'), assignee: g.assignee ?? user.username }
      return { grievance: g }
    case 'forward': {
      if (!ctx.config.current().org.divisions.some((d) => d.id === body.toDivision)) {
        throw new ActionRejected(`Unknown division "${body.toDivision}"`)
      }
      if (body.toDivision === before.division)
        throw new ActionRejected(`The grievance is already in ${body.toDivision}`)
      g = {
        ...statusChange(g, 'forwarded'),
        division: body.toDivision,
        assignee: null,
        statusReason: body.note ?? null,
      }
      if (body.note) g.thread.push(noteEntry(action.id, body.note, user.username, at))
      g = await allocateGrievance(tx, g)
      // A ticket forwarded is a division label; a review-band one is still undecided.
      const label = inReview(before)
        ? null
        : labelOf(before, { actionable: true, division: body.toDivision, source: 'forward', username: user.username })
      return {
        grievance: g,
        after: async (t) => {
          if (label) await recordLabel(t, label)
          return reallocate(t)
        },
      }
    }
    case 'accept': {
      if (!inReview(before))
        throw new ActionRejected(
          `Only a grievance in the review band can be made a ticket (this one is already a ticket)`,
        )
      if (before.status !== 'new')
        throw new ActionRejected(`A grievance that is ${before.status} cannot be made a ticket`)
      g = {
        ...g,
        triage: { ...g.triage, band: 'ticket', reasons: [...g.triage.reasons, `made a ticket by ${user.username}`] },
      }
      g = await allocateGrievance(tx, g)
      // The one public acknowledgement, now that a person says it is a grievance.
      const snapshot = ctx.config.current()
      const ack = acknowledges(ctx, snapshot) ? { ...acknowledgement(snapshot, g), at } : null
      if (ack) g.thread.push(ack)
      const label = labelOf(g, {
        actionable: true,
        division: g.division,
        source: 'review-accept',
        username: user.username,
      })
      return {
        grievance: g,
        after: async (t) => {
          await recordLabel(t, label)
          if (ack) await queueReplies(t, [{ grievanceId: g.id, entryId: ack.id, text: ack.text }], { automatic: true })
          return []
        },
      }
    }
    case 'resolve':
      g = { ...statusChange(g, 'resolved'), statusReason: body.note ?? null }
      if (body.note) g.thread.push(noteEntry(action.id, body.note, user.username, at))
      return { grievance: g, after: reallocate }
    case 'reject': {
      g = { ...statusChange(g, 'rejected'), statusReason: body.reason }
      // Dismissing from the review band always says "not a grievance"; a ticket says so when asked.
      const notGrievance = body.notGrievance === true || inReview(before)
      const label = notGrievance
        ? labelOf(before, {
            actionable: false,
            division: null,
            source: inReview(before) ? 'review-dismiss' : 'reject-not-grievance',
            username: user.username,
          })
        : null
      return {
        grievance: g,
        after: async (t) => {
          if (label) await recordLabel(t, label)
          return reallocate(t)
        },
      }
    }
    case 'close':
      g = statusChange(g, 'closed')
      return { grievance: g, after: reallocate }
    case 'take-longer': {
      if (!isOpen(before.status))
        throw new ActionRejected(`A grievance that is ${before.status} is not waiting for anyone`)
      g = markedTakesLonger(ctx.config.current().org, g, body.expectedBy, now)
      g.thread.push(
        noteEntry(action.id, `Will take longer (expected by ${body.expectedBy}): ${body.reason}`, user.username, at),
      )
      return { grievance: g }
    }
    case 'set-priority':
      // The SLA is re-targeted for the new priority in applyOne (withSla).
      g = { ...g, priority: body.priority }
      return { grievance: g }
    case 'assign':
      return assignToOfficer(tx, user, action.id, before, g, body.assignee, at)
    case 'retry-reply': {
      const index = g.thread.findIndex((e) => e.id === body.entryId)
      const entry = g.thread[index]
      if (!entry || entry.kind !== 'reply') throw new ActionRejected(`No reply ${body.entryId} in this grievance`)
      if (entry.post?.state !== 'failed')
        throw new ActionRejected(
          `Only a failed reply can be retried (this one is ${entry.post?.state ?? 'not posted'})`,
        )
      g.thread[index] = { ...entry, post: { state: 'pending', attempts: 0 } }
      return {
        grievance: g,
        after: async (t) => {
          await t.query(
            `UPDATE reply_outbox SET state = 'pending', attempts = 0, next_attempt_at = now(), last_error = NULL,
               claimed_by = NULL WHERE entry_id = $1`,
            [body.entryId],
          )
          return []
        },
      }
    }
  }
}

/** An officer the grievance may be given to: enabled, an officer, of its division. */
async function whyNotAssignable(tx: Queryable, assignee: string, division: string | null): Promise<string | null> {
  const [row] = await tx.query<{ role: string; disabled: boolean; in_division: boolean }>(
    `SELECT role, disabled, divisions @> $2::jsonb AS in_division FROM users WHERE username = $1`,
    [assignee, JSON.stringify([division ?? ''])],
  )
  if (!row) return `There is no user ${assignee}`
  if (row.role !== 'officer') return `${assignee} is not a desk officer`
  if (row.disabled) return `${assignee}'s account is disabled`
  if (!division) return 'The grievance is not routed to a division yet; forward it to one first'
  if (!row.in_division) return `${assignee} is not an officer of ${division}`
  return null
}

/**
 * A supervisor or admin gives the grievance to a named officer of its division. Officers
 * claim work for themselves instead: a named assignment is a supervisor's decision, on the
 * record (audit, a system line in the thread) and it frees the previous assignee's load.
 */
async function assignToOfficer(
  tx: Queryable,
  user: StaffUser,
  actionId: string,
  before: Grievance,
  g: Grievance,
  assignee: string,
  at: string,
): Promise<Applied> {
  if (user.role === 'officer')
    throw new ActionRejected('Only supervisors and admins may assign a grievance to a named officer; claim it instead')
  if (inReview(before))
    throw new ActionRejected('A grievance in the review band is nobody’s work until it is made a ticket')
  if (before.assignee === assignee) throw new ActionRejected(`The grievance is already assigned to ${assignee}`)
  const refused = await whyNotAssignable(tx, assignee, before.division)
  if (refused) throw new ActionRejected(refused)
  const text = before.assignee
    ? `Reassigned from ${before.assignee} to ${assignee} by ${user.username}`
    : `Assigned to ${assignee} by ${user.username}`
  g = { ...statusChange(g, 'assigned'), assignee, statusReason: text }
  g.thread.push({ id: `assign:${actionId}`, kind: 'system', text, at, by: user.username })
  return { grievance: g, after: (t) => allocateWaiting(t) }
}

/**
 * The audit entry of a supervisor's or admin's action, when it needs one: every named
 * assignment (`grievance.reassigned`) and every action of a bulk change
 * (`grievance.bulk-changed`, with the bulk's id and how many grievances it touched, so
 * the log shows one change of N, each grievance on the record). Officers' own work is
 * in the grievance's thread and history, not the audit log.
 */
function auditEntryOf(user: StaffUser, action: Action, before: Grievance, after: Grievance) {
  if (user.role === 'officer') return null
  const details = {
    type: action.body.type,
    grievanceId: before.id,
    ...(before.assignee !== after.assignee ? { from: before.assignee, to: after.assignee } : {}),
    ...(before.status !== after.status ? { fromStatus: before.status, toStatus: after.status } : {}),
  }
  if (action.bulk)
    return {
      action: 'grievance.bulk-changed',
      target: before.ticket,
      details: { ...details, bulkId: action.bulk.id, count: action.bulk.count },
    }
  if (action.body.type === 'assign') return { action: 'grievance.reassigned', target: before.ticket, details }
  return null
}

/**
 * Why the thread entries an action adds cannot be stored, or null. An entry id already in
 * the thread (or, for a reply, already in the reply outbox, which is keyed on it) would make
 * the new entry shadow the old one and its reply never be posted: refused, never dropped.
 * A grievance past its size limits cannot take more entries (state changes still apply).
 */
async function whyEntriesRefused(
  tx: Queryable,
  action: Action,
  before: Grievance,
  after: Grievance,
): Promise<string | null> {
  const added = after.thread.slice(before.thread.length)
  if (added.length === 0) return null
  const existing = new Set(before.thread.map((e) => e.id))
  const replyIds = added.filter((e) => e.kind === 'reply').map((e) => e.id)
  const queued =
    replyIds.length > 0
      ? await tx.query<{ entry_id: string }>(
          'SELECT entry_id FROM reply_outbox WHERE entry_id IN (SELECT jsonb_array_elements_text($1::jsonb))',
          [JSON.stringify(replyIds)],
        )
      : []
  if (added.some((e) => existing.has(e.id)) || queued.length > 0) {
    return `The action id ${action.id} is already the id of another entry; send the action again with a new id`
  }
  if (after.thread.length > LIMITS.threadEntries) {
    return `The grievance already has ${before.thread.length} thread entries, the most one may hold is ${LIMITS.threadEntries}`
  }
  const bytes = Buffer.byteLength(JSON.stringify(after))
  if (bytes > LIMITS.grievanceBytes) {
    return `The grievance would grow to ${Math.ceil(bytes / 1024)} KB, more than the ${LIMITS.grievanceBytes / 1024} KB one may hold; shorten the text`
  }
  return null
}

/** What the actions table keeps of a result: the outcome, never a grievance document. */
function storedResult(result: ActionResult): Record<string, unknown> {
  switch (result.status) {
    case 'applied':
    case 'duplicate':
      return { status: result.status, version: result.version }
    case 'conflict':
      return { status: result.status, reason: result.reason, version: result.grievance.version }
    case 'rejected':
      return { status: result.status, reason: result.reason }
  }
}

/** A reason as the contract carries it (the desk refuses a longer one, and the whole answer with it). */
function fitReason(result: ActionResult): ActionResult {
  if (result.status !== 'rejected' && result.status !== 'conflict') return result
  if (result.reason.length <= LIMITS.reasonChars) return result
  return { ...result, reason: `${result.reason.slice(0, LIMITS.reasonChars - 1)}…` }
}

async function applyOne(
  ctx: ServerContext,
  user: StaffUser,
  action: Action,
  clientAddress: string | null,
): Promise<{ result: ActionResult; seqs: number[] }> {
  return writeTransaction(ctx.db, async (tx) => {
    const [seen] = await tx.query<{ grievance_id: string }>('SELECT grievance_id FROM actions WHERE id = $1', [
      action.id,
    ])
    if (seen) {
      const current = await loadGrievance(tx, seen.grievance_id)
      const visible = current && canSee(user, current)
      return {
        result: {
          id: action.id,
          status: 'duplicate',
          ...(visible ? { grievanceId: current.id, version: current.version } : {}),
        },
        seqs: [],
      }
    }
    const finish = async (
      result: ActionResult,
      seqs: number[] = [],
    ): Promise<{ result: ActionResult; seqs: number[] }> => {
      result = fitReason(result)
      await tx.query(
        'INSERT INTO actions (id, grievance_id, username, type, result) VALUES ($1, $2, $3, $4, $5::jsonb)',
        [action.id, action.grievanceId, user.username, action.body.type, JSON.stringify(storedResult(result))],
      )
      return { result, seqs }
    }
    const before = await loadGrievance(tx, action.grievanceId, true)
    if (!before || !canSee(user, before)) {
      // Out of scope looks the same as unknown: officers learn nothing about other divisions.
      return finish({ id: action.id, status: 'rejected', reason: `Unknown grievance ${action.grievanceId}` })
    }
    if (!APPEND_ONLY_ACTIONS.includes(action.body.type) && action.baseVersion !== before.version) {
      return finish({
        id: action.id,
        status: 'conflict',
        grievance: before,
        reason: `The grievance changed (version ${before.version}, your action was based on ${action.baseVersion})`,
      })
    }
    let applied: Applied
    try {
      applied = await applyBody(ctx, tx, user, action, before)
    } catch (error) {
      if (error instanceof IllegalTransitionError || error instanceof ActionRejected) {
        return finish({ id: action.id, status: 'rejected', reason: error.message })
      }
      throw error
    }
    const refused = await whyEntriesRefused(tx, action, before, applied.grievance)
    if (refused) return finish({ id: action.id, status: 'rejected', reason: refused })
    // Forward, priority change, resolve/reject and reopen move the SLA; other actions only re-evaluate it.
    applied.grievance = withSla(
      ctx.config.current().org,
      before,
      applied.grievance,
      new Date(applied.grievance.updatedAt),
    )
    const seqs = [await saveGrievance(tx, before, applied.grievance)]
    if (applied.after) seqs.push(...(await applied.after(tx)))
    const g = applied.grievance
    // Last in the transaction: recordAudit holds the audit lock until commit.
    const entry = auditEntryOf(user, action, before, g)
    if (entry) await recordAudit(tx, { actor: user.username, clientAddress, ...entry })
    return finish({ id: action.id, status: 'applied', grievanceId: g.id, version: g.version }, seqs)
  })
}

/** Applies a batch in order; each action commits (or not) on its own. */
export async function applyActions(
  ctx: ServerContext,
  user: StaffUser,
  actions: readonly Action[],
  clientAddress: string | null = null,
): Promise<ActionResult[]> {
  const results: ActionResult[] = []
  /** The first conflict of the batch that carried each grievance (at its version). */
  const sentWith = new Map<string, string>()
  for (const action of actions) {
    const { result, seqs } = await applyOne(ctx, user, action, clientAddress)
    results.push(fitReason(onceInBatch(result, sentWith)))
    ctx.changes.notify(seqs)
  }
  return results
}

/**
 * A grievance goes with one conflict of a batch, not with every one: a desk never sends two
 * state changes of one grievance in a batch, so more are a client gone wrong, and 200 copies
 * of a large grievance would be the amplified answer all over again.
 */
function onceInBatch(result: ActionResult, sentWith: Map<string, string>): ActionResult {
  if (result.status !== 'conflict') return result
  const key = `${result.grievance.id}@${result.grievance.version}`
  const first = sentWith.get(key)
  if (first === undefined) {
    sentWith.set(key, result.id)
    return result
  }
  return {
    id: result.id,
    status: 'rejected',
    reason: `${result.reason}; the grievance as it is now came with action ${first} of this batch`,
  }
}
