// The staff search of grievances, for what a desk no longer caches (issue 13, item 4):
//   GET /api/v1/grievances/search?q=&status=&division=&before=&limit=   any staff member,
//       within their scope (src/server/scope.ts), newest first, paged by `before`
//   GET /api/v1/grievances/:id   one grievance, whole, if the user may see it (403 otherwise)
// Reads, not changes: not audited (as the ignored-tweets search). Every filter is an indexed
// column of grievance_search (src/server/search/rows.ts), the words a GIN containment: a
// query word of GRIEVANCE_SEARCH_LIMITS.minPrefixChars or more is a word beginning (the rows
// hold those too), a shorter one a whole word; a ticket matches exactly or by its beginning.
import type { FastifyInstance } from 'fastify'
import {
  GRIEVANCE_SEARCH_PATHS,
  GrievanceParams,
  GrievanceSearchQuery,
  indexedPrefix,
  serverSearchTerms,
  type GrievanceHit,
  type GrievanceResponse,
  type GrievanceSearchResponse,
} from '../../shared/grievance-search'
import type { GrievanceStatus } from '../../shared/grievance'
import { requireRole } from '../auth/routes'
import type { ServerContext } from '../context'
import type { SqlParam } from '../db/database'
import { loadGrievance } from '../grievances'
import { HttpError } from '../http/errors'
import { parseInput } from '../http/routes'
import { canSee, seesWholeOrg } from '../scope'

const STAFF = ['officer', 'supervisor', 'admin'] as const

interface HitRow {
  [key: string]: unknown
  grievance_id: string
  ticket: string
  status: GrievanceStatus
  division: string | null
  assignee: string | null
  opened_at: Date | string
  excerpt: string
}

/** A WHERE clause built from the filters asked for, each with its own placeholder. */
class Conditions {
  readonly params: SqlParam[] = []
  private readonly parts: string[] = []

  /** `sql` with `?` where the value goes. */
  add(sql: string, ...values: SqlParam[]): void {
    let i = 0
    this.parts.push(sql.replace(/\?/g, () => `$${this.param(values[i++]!)}`))
  }

  param(value: SqlParam): number {
    this.params.push(value)
    return this.params.length
  }

  get where(): string {
    return this.parts.length === 0 ? '' : `WHERE ${this.parts.join(' AND ')}`
  }
}

function millisOf(at: Date | string): number {
  return (at instanceof Date ? at : new Date(at)).getTime()
}

export function registerGrievanceSearchRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get(GRIEVANCE_SEARCH_PATHS.search, async (request): Promise<GrievanceSearchResponse> => {
    const user = await requireRole(ctx, request, STAFF, 'search grievances')
    const query = parseInput(GrievanceSearchQuery, request.query)
    // Asking for a division outside one's scope is refused, not answered with an empty page.
    if (query.division && !seesWholeOrg(user) && !user.divisions.includes(query.division))
      throw new HttpError(403, 'forbidden', `Division ${query.division} is outside your divisions`)
    const terms = serverSearchTerms(query.q ?? '')
    const where = new Conditions()
    // A query of only punctuation asks for nothing in particular, not for everything.
    const asksNothing =
      (query.q ?? '').trim() !== '' &&
      terms.tickets.length === 0 &&
      terms.words.length === 0 &&
      terms.prefixes.length === 0
    if (asksNothing) return { grievances: [], hasMore: false, next: null }
    // Every ticket term must be this grievance's (as in the desk's search box): the very
    // ticket, or one that begins as typed (the pattern-ops index of migration 23).
    // (What was typed is letters, digits and hyphens: nothing LIKE would read as a wildcard.)
    for (const t of terms.tickets) where.add('(ticket = ? OR ticket LIKE ?)', t.exact, `${t.prefix}%`)
    // Whole short words and word beginnings alike are elements of `words`: one containment.
    const lookedUp = terms.prefixes.map(indexedPrefix)
    const contained = [...terms.words, ...lookedUp.map((p) => p.key)]
    if (contained.length > 0) where.add('words @> ?::text[]', contained)
    // Beginnings are indexed up to a length: a longer one was found by that much, and is checked whole here.
    for (const [i, p] of lookedUp.entries())
      if (p.cut) where.add('EXISTS (SELECT 1 FROM unnest(words) w WHERE starts_with(w, ?))', terms.prefixes[i]!)
    if (query.status) where.add('status = ?', query.status)
    if (query.division) where.add('division = ?', query.division)
    if (!seesWholeOrg(user)) where.add('(division = ANY(?::text[]) OR assignee = ?)', user.divisions, user.username)
    if (query.before) {
      const split = query.before.indexOf(':')
      const at = new Date(Number(query.before.slice(0, split)))
      if (Number.isNaN(at.getTime()))
        throw new HttpError(400, 'bad_request', "before: must be the 'next' of an earlier page")
      where.add('(opened_at, grievance_id) < (?::timestamptz, ?)', at.toISOString(), query.before.slice(split + 1))
    }
    const limit = where.param(query.limit + 1)
    const rows = await ctx.db.query<HitRow>(
      `SELECT grievance_id, ticket, status, division, assignee, opened_at, excerpt FROM grievance_search
       ${where.where} ORDER BY opened_at DESC, grievance_id DESC LIMIT $${limit}`,
      where.params,
    )
    const page = rows.slice(0, query.limit)
    const grievances: GrievanceHit[] = page.map((r) => ({
      id: r.grievance_id,
      ticket: r.ticket,
      status: r.status,
      division: r.division,
      assignee: r.assignee,
      openedAt: new Date(millisOf(r.opened_at)).toISOString(),
      excerpt: r.excerpt,
    }))
    const last = page[page.length - 1]
    const hasMore = rows.length > query.limit
    return { grievances, hasMore, next: hasMore && last ? `${millisOf(last.opened_at)}:${last.grievance_id}` : null }
  })

  app.get(GRIEVANCE_SEARCH_PATHS.grievance, async (request): Promise<GrievanceResponse> => {
    const user = await requireRole(ctx, request, STAFF, 'open a grievance')
    const { id } = parseInput(GrievanceParams, request.params)
    const g = await loadGrievance(ctx.db, id)
    if (!g) throw new HttpError(404, 'not_found', `No grievance ${id}`)
    if (!canSee(user, g)) throw new HttpError(403, 'forbidden', `Grievance ${g.ticket} is outside your divisions`)
    return g
  })
}
