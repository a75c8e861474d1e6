// Per-day roll-ups of grievance_facts (migration 19), so a report over a year adds up a
// few hundred thousand narrow rows instead of sorting a million facts. Three tables, all
// keyed by the IST day and every dimension a report filters on (division, handle,
// language, priority, officer; '' stands for "none", a primary key cannot hold NULL):
//  - report_rollup: counts, exact (opened, rejected, reopened, still open, SLA met /
//    missed as far as the record decides it, tweets straight / via review, resolved);
//  - report_rollup_times: histograms of first-response and resolution seconds;
//  - report_rollup_rules: how many grievances each keyword rule matched.
// They are kept in step with the facts in the same statement that writes them (facts.ts):
// the old facts rows count −1, the new ones +1, so a forward, reopen or priority change
// moves a grievance from one key to another and nothing is counted twice. Migration 19
// fills them with the same SQL from the facts already stored.
//
// Percentiles from the histograms: bucket 0 holds values below 1 s (read as 0 s); bucket
// b ≥ 1 holds [1.02^(b−1), 1.02^b) seconds and is read as its geometric middle 1.02^(b−½).
// So every value read back is within 1 % of the true one (or 1 s below 1 s), and a median
// or p90 interpolated as percentile_cont does is within 1 % (+1 s) of the exact figure.
// 2 % buckets cover a year's seconds in ~900 buckets; real data fills a few hundred.

/** Relative width of a histogram bucket. */
export const BUCKET_RATIO = 1.02
/** The documented tolerance of a percentile read from the histograms: relative, and absolute seconds. */
export const PERCENTILE_TOLERANCE = { relative: 0.01, seconds: 1 } as const

/** Histogram metrics (report_rollup_times.metric). */
export const METRIC = { firstResponse: 1, resolution: 2 } as const

/** Bucket of a number of seconds (SQL over an expression). */
export function bucketSql(seconds: string): string {
  return `CASE WHEN ${seconds} < 1 THEN 0 ELSE 1 + floor(ln(${seconds}) / ln(${BUCKET_RATIO}))::int END`
}

/** The value a bucket is read as (SQL over an expression). */
export function bucketValueSql(bucket: string): string {
  return `CASE WHEN ${bucket} = 0 THEN 0::double precision ELSE power(${BUCKET_RATIO}::double precision, ${bucket} - 0.5) END`
}

/** The dimensions, as columns of the roll-ups and as expressions over a facts row `d`. */
export const ROLLUP_KEY: readonly (readonly [string, string])[] = [
  ['division', `COALESCE(d.division, '')`],
  ['handle', `COALESCE(lower(d.handle), '')`],
  ['language', `d.language`],
  ['priority', `d.priority`],
  ['assignee', `COALESCE(d.assignee, '')`],
]
const KEY_COLUMNS = ROLLUP_KEY.map(([c]) => c)
const KEY_EXPRS = ROLLUP_KEY.map(([, e]) => e)

/**
 * Whether the SLA was met as far as the facts row alone decides it (query.ts slaMetSql
 * without its "due time passed while open" clause, which depends on when one asks):
 * TRUE, FALSE, or NULL for rejected and for still undecided ("pending", counted at read time).
 */
const RECORDED_SLA_MET = `CASE WHEN d.status = 'rejected' THEN NULL
    WHEN d.breached_at IS NOT NULL THEN FALSE
    WHEN d.sla_state = 'met' THEN TRUE
    WHEN d.resolved_at IS NOT NULL THEN d.resolved_at <= d.sla_due_at
    ELSE NULL END`

/** Facts rows whose SLA is undecided until its due time passes (read from the facts at query time). */
export const PENDING_SLA_WHERE = `f.band <> 'review' AND f.status <> 'rejected' AND f.breached_at IS NULL
  AND f.resolved_at IS NULL AND f.sla_state IS DISTINCT FROM 'met'`

const COUNT_COLUMNS = [
  'opened',
  'rejected',
  'reopened',
  'open_now',
  'sla_met',
  'sla_missed',
  'straight',
  'via_review',
  'resolved',
] as const

/** DDL of migration 19. */
export const ROLLUP_DDL: readonly string[] = [
  `CREATE TABLE report_rollup (
    day DATE NOT NULL,
    ${KEY_COLUMNS.map((c) => `${c} TEXT NOT NULL`).join(', ')},
    ${COUNT_COLUMNS.map((c) => `${c} INTEGER NOT NULL DEFAULT 0`).join(', ')},
    PRIMARY KEY (day, ${KEY_COLUMNS.join(', ')})
  )`,
  `CREATE TABLE report_rollup_times (
    day DATE NOT NULL,
    ${KEY_COLUMNS.map((c) => `${c} TEXT NOT NULL`).join(', ')},
    metric SMALLINT NOT NULL,
    bucket SMALLINT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (day, ${KEY_COLUMNS.join(', ')}, metric, bucket)
  )`,
  `CREATE TABLE report_rollup_rules (
    day DATE NOT NULL,
    ${KEY_COLUMNS.map((c) => `${c} TEXT NOT NULL`).join(', ')},
    rule TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (day, ${KEY_COLUMNS.join(', ')}, rule)
  )`,
  // The SLA figures' pending part: the few open, undecided grievances of a range.
  `CREATE INDEX grievance_facts_sla_pending ON grievance_facts (opened_day)
     WHERE band <> 'review' AND status <> 'rejected' AND breached_at IS NULL
       AND resolved_at IS NULL AND sla_state IS DISTINCT FROM 'met'`,
]

const keyList = KEY_COLUMNS.join(', ')
const upsertCounts = (table: string, cols: readonly string[]) =>
  `ON CONFLICT (day, ${keyList}${table === 'report_rollup' ? '' : table === 'report_rollup_times' ? ', metric, bucket' : ', rule'})
   DO UPDATE SET ${cols.map((c) => `${c} = ${table}.${c} + EXCLUDED.${c}`).join(', ')}`

/**
 * Data-modifying CTEs that add the contributions of the relation `delta` (facts rows with
 * a `sign` column: +1 to add, −1 to take away) to the three roll-ups. Groups whose
 * contributions cancel out (a save that changed nothing a report counts) write nothing.
 * Rows are written in key order so concurrent saves lock them in the same order.
 */
export function applyDeltaCtes(delta: string): string {
  const ticket = `d.band <> 'review'`
  const counts = [
    `sum(d.sign) FILTER (WHERE ${ticket})`,
    `sum(d.sign) FILTER (WHERE ${ticket} AND d.status = 'rejected')`,
    `sum(d.sign) FILTER (WHERE ${ticket} AND d.reopened_count > 0)`,
    `sum(d.sign) FILTER (WHERE ${ticket} AND d.closed_at IS NULL)`,
    `sum(d.sign) FILTER (WHERE ${ticket} AND (${RECORDED_SLA_MET}) IS TRUE)`,
    `sum(d.sign) FILTER (WHERE ${ticket} AND (${RECORDED_SLA_MET}) IS FALSE)`,
    `sum(d.sign) FILTER (WHERE NOT d.entered_review)`,
    `sum(d.sign) FILTER (WHERE d.entered_review)`,
  ]
  const opened = counts.map((c, i) => `COALESCE(${c}, 0)::int AS ${COUNT_COLUMNS[i]}`).join(', ')
  const zeros = COUNT_COLUMNS.slice(0, -1)
    .map((c) => `0 AS ${c}`)
    .join(', ')
  const keyed = KEY_EXPRS.map((e, i) => `${e} AS ${KEY_COLUMNS[i]}`).join(', ')
  const times = (metric: number, column: string) =>
    `SELECT d.opened_day AS day, ${keyed}, ${metric}::smallint AS metric, (${bucketSql(`d.${column}`)})::smallint AS bucket, d.sign
     FROM ${delta} d WHERE ${ticket} AND d.${column} IS NOT NULL`
  return `
  rollup_counts AS (
    INSERT INTO report_rollup (day, ${keyList}, ${COUNT_COLUMNS.join(', ')})
    SELECT day, ${keyList}, ${COUNT_COLUMNS.map((c) => `sum(${c})::int`).join(', ')}
    FROM (
      SELECT d.opened_day AS day, ${keyed}, ${opened}, 0 AS resolved
      FROM ${delta} d GROUP BY 1, 2, 3, 4, 5, 6
      UNION ALL
      SELECT d.resolved_day, ${keyed}, ${zeros}, sum(d.sign)::int
      FROM ${delta} d WHERE d.resolved_day IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6
    ) c
    GROUP BY day, ${keyList}
    HAVING ${COUNT_COLUMNS.map((c) => `sum(${c}) <> 0`).join(' OR ')}
    ORDER BY day, ${keyList}
    ${upsertCounts('report_rollup', COUNT_COLUMNS)}
    RETURNING 1),
  rollup_times AS (
    INSERT INTO report_rollup_times (day, ${keyList}, metric, bucket, n)
    SELECT day, ${keyList}, metric, bucket, sum(sign)::int
    FROM (${times(METRIC.firstResponse, 'first_response_seconds')}
          UNION ALL ${times(METRIC.resolution, 'resolution_seconds')}) t
    GROUP BY day, ${keyList}, metric, bucket HAVING sum(sign) <> 0
    ORDER BY day, ${keyList}, metric, bucket
    ${upsertCounts('report_rollup_times', ['n'])}
    RETURNING 1),
  rollup_rules AS (
    INSERT INTO report_rollup_rules (day, ${keyList}, rule, n)
    SELECT d.opened_day, ${keyed}, r.rule, sum(d.sign)::int
    FROM ${delta} d CROSS JOIN LATERAL unnest(d.matched_rules) AS r(rule)
    WHERE ${ticket}
    GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(d.sign) <> 0
    ORDER BY 1, 2, 3, 4, 5, 6, 7
    ${upsertCounts('report_rollup_rules', ['n'])}
    RETURNING 1)`
}

/** Migration 19's backfill: every stored facts row, added once. */
export const ROLLUP_BACKFILL = `WITH delta AS (SELECT 1 AS sign, f.* FROM grievance_facts f), ${applyDeltaCtes('delta')}
  SELECT (SELECT count(*) FROM rollup_counts) AS counts`
