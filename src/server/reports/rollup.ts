// Roll-ups of grievance_facts (migration 19), so a report over a year adds up a few
// thousand narrow rows instead of sorting a million facts. Three kinds of table:
//  - report_rollup…: counts, exact (opened, rejected, reopened, still open, SLA met /
//    missed as far as the record decides it, tweets straight / via review, resolved);
//  - report_rollup_times…: histograms of first-response and resolution seconds;
//  - report_rollup_rules…: how many grievances each keyword rule matched.
// Each kind twice: keyed by every dimension a report filters on (division, handle,
// language, priority, officer), and by division, handle and officer only (`_officer`),
// which is all an unfiltered or division/handle/officer-filtered report needs and holds
// far fewer rows ('' stands for "none": a primary key cannot hold NULL). Every row has a
// grain: 'd' per IST day, 'w' per block of seven days within a month (days 1–7, 8–14,
// 15–21, 22–28, and 29 to the month's end; day = its first), 'm' per month, 'q' per
// quarter and 'y' per calendar year (day = the first; 'q' and 'y' since migration 20), so
// a range is read as a few coarse blocks added and a few small ones taken away
// (range-plan.ts). A histogram merges (and subtracts) across blocks and keys; a percentile
// does not, hence histograms rather than stored medians.
// They are kept in step with the facts in the same statement that writes them (facts.ts):
// the old facts rows count −1, the new ones +1, so a forward, reopen or priority change
// moves a grievance from one key to another and nothing is counted twice. Migration 19
// fills them with the same SQL from the facts already stored.
//
// Percentiles from the histograms: bucket 0 holds values below 1 s (read as 0 s); bucket
// b ≥ 1 holds [1.02^(b−1), 1.02^b) seconds and is read as its geometric middle 1.02^(b−½).
// So every value read back is within 2.5 % of the true one (or 1 s below 1 s), and a
// median or p90 interpolated as percentile_cont does is within 2.5 % (+1 s) of the exact
// figure. 5 % buckets cover a second to a year in ~360 buckets; a month of one officer's
// work fills a few dozen, which is what keeps a year's histograms small.

/** Relative width of a histogram bucket. */
export const BUCKET_RATIO = 1.05
/** The documented tolerance of a percentile read from the histograms: relative, and absolute seconds. */
export const PERCENTILE_TOLERANCE = { relative: 0.025, seconds: 1 } as const

/** Histogram metrics (report_rollup_times.metric). */
export const METRIC = { firstResponse: 1, resolution: 2 } as const

/** Bucket of a number of seconds (SQL over an expression). */
export function bucketSql(seconds: string): string {
  return `CASE WHEN ${seconds} < 1 THEN 0 ELSE 1 + floor(ln(${seconds}) / ln(${BUCKET_RATIO}))::int END`
}

/** A set of dimensions the roll-ups are kept for, as columns and as expressions over a facts row `d`. */
export interface RollupVariant {
  suffix: string
  key: readonly (readonly [string, string])[]
}
const DIMENSION: Record<string, readonly [string, string]> = {
  division: ['division', `COALESCE(d.division, '')`],
  handle: ['handle', `COALESCE(lower(d.handle), '')`],
  language: ['language', `d.language`],
  priority: ['priority', `d.priority`],
  assignee: ['assignee', `COALESCE(d.assignee, '')`],
}
export const FULL: RollupVariant = {
  suffix: '',
  key: [DIMENSION.division!, DIMENSION.handle!, DIMENSION.language!, DIMENSION.priority!, DIMENSION.assignee!],
}
export const BY_OFFICER: RollupVariant = {
  suffix: '_officer',
  key: [DIMENSION.division!, DIMENSION.handle!, DIMENSION.assignee!],
}
export const VARIANTS: readonly RollupVariant[] = [FULL, BY_OFFICER]
export const rollupTables = (v: RollupVariant) => ({
  counts: `report_rollup${v.suffix}`,
  times: `report_rollup_times${v.suffix}`,
  rules: `report_rollup_rules${v.suffix}`,
})
export const ALL_ROLLUP_TABLES = VARIANTS.flatMap((v) => Object.values(rollupTables(v)))

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

export const COUNT_COLUMNS = [
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

function variantDdl(v: RollupVariant): string[] {
  const t = rollupTables(v)
  const cols = v.key.map(([c]) => `${c} TEXT NOT NULL`).join(', ')
  const pk = ['grain', 'day', ...v.key.map(([c]) => c)].join(', ')
  return [
    `CREATE TABLE ${t.counts} (
      grain CHAR(1) NOT NULL, day DATE NOT NULL, ${cols},
      ${COUNT_COLUMNS.map((c) => `${c} INTEGER NOT NULL DEFAULT 0`).join(', ')},
      PRIMARY KEY (${pk}))`,
    `CREATE TABLE ${t.times} (
      grain CHAR(1) NOT NULL, day DATE NOT NULL, ${cols}, metric SMALLINT NOT NULL, bucket SMALLINT NOT NULL,
      n INTEGER NOT NULL, PRIMARY KEY (${pk}, metric, bucket))`,
    // A division's or an officer's report reads only their rows (the key leads with the day).
    `CREATE INDEX ${t.counts}_division ON ${t.counts} (division, grain, day)`,
    `CREATE INDEX ${t.counts}_assignee ON ${t.counts} (assignee, grain, day)`,
    `CREATE INDEX ${t.times}_division ON ${t.times} (division, grain, day)`,
    `CREATE INDEX ${t.times}_assignee ON ${t.times} (assignee, grain, day)`,
    ...(v.key.some(([c]) => c === 'language')
      ? [
          `CREATE INDEX ${t.counts}_language ON ${t.counts} (language, priority, grain, day)`,
          `CREATE INDEX ${t.times}_language ON ${t.times} (language, priority, grain, day)`,
        ]
      : []),
    `CREATE TABLE ${t.rules} (
      grain CHAR(1) NOT NULL, day DATE NOT NULL, ${cols}, rule TEXT NOT NULL, n INTEGER NOT NULL,
      PRIMARY KEY (${pk}, rule))`,
  ]
}

/** DDL of migration 19. */
export const ROLLUP_DDL: readonly string[] = [
  ...VARIANTS.flatMap(variantDdl),
  // The SLA figures' pending part: the few open, undecided grievances of a range.
  `CREATE INDEX grievance_facts_sla_pending ON grievance_facts (opened_day)
     WHERE band <> 'review' AND status <> 'rejected' AND breached_at IS NULL
       AND resolved_at IS NULL AND sla_state IS DISTINCT FROM 'met'`,
]

/**
 * Grains of the roll-ups, finest first: an IST day, a seven-day block of a month, a
 * month, a quarter (migration 20) and a calendar year (migration 20). The saves keep
 * every one; a range is read as a few blocks added and taken away (range-plan.ts).
 */
export const GRAINS = ['d', 'w', 'm', 'q', 'y'] as const
export type Grain = (typeof GRAINS)[number]
/** The grains migration 19 created (and backfills); migration 20 adds the rest from its months. */
const MIGRATION_19_GRAINS: readonly Grain[] = ['d', 'w', 'm']

/** The day of a row of grain g.grain for an instant's IST day. */
const grainDay = (day: string) => `CASE g.grain WHEN 'd' THEN ${day}
    WHEN 'w' THEN ${day} - ((EXTRACT(DAY FROM ${day})::int - 1) % 7)
    WHEN 'm' THEN date_trunc('month', ${day})::date
    WHEN 'q' THEN date_trunc('quarter', ${day})::date
    ELSE date_trunc('year', ${day})::date END`
const grainsSql = (grains: readonly Grain[]) =>
  `CROSS JOIN (VALUES ${grains.map((g) => `('${g}')`).join(', ')}) AS g(grain)`

/**
 * Data-modifying CTEs that add the contributions of the relation `delta` (facts rows with
 * a `sign` column: +1 to add, −1 to take away) to the roll-ups of one variant. Groups
 * whose contributions cancel out (a save that changed nothing a report counts) write
 * nothing. Rows are written in key order so concurrent saves lock them in the same order.
 */
function variantDeltaCtes(delta: string, v: RollupVariant, grains: readonly Grain[]): string {
  const GRAINS = grainsSql(grains)
  const t = rollupTables(v)
  const keyCols = v.key.map(([c]) => c)
  const keyList = ['grain', 'day', ...keyCols].join(', ')
  const keyed = v.key.map(([c, e]) => `${e} AS ${c}`).join(', ')
  const groupAll = (extra: number) =>
    Array.from({ length: 2 + keyCols.length + extra }, (_, i) => String(i + 1)).join(', ')
  const upsert = (table: string, pk: string, cols: readonly string[]) =>
    `ON CONFLICT (${pk}) DO UPDATE SET ${cols.map((c) => `${c} = ${table}.${c} + EXCLUDED.${c}`).join(', ')}`
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
  const times = (metric: number, column: string) =>
    `SELECT g.grain, ${grainDay('d.opened_day')} AS day, ${keyed}, ${metric}::smallint AS metric,
       (${bucketSql(`d.${column}`)})::smallint AS bucket, d.sign
     FROM ${delta} d ${GRAINS} WHERE ${ticket} AND d.${column} IS NOT NULL`
  const name = (kind: string) => `rollup_${kind}${v.suffix}`
  return `
  ${name('counts')} AS (
    INSERT INTO ${t.counts} (${keyList}, ${COUNT_COLUMNS.join(', ')})
    SELECT ${keyList}, ${COUNT_COLUMNS.map((c) => `sum(${c})::int`).join(', ')}
    FROM (
      SELECT g.grain, ${grainDay('d.opened_day')} AS day, ${keyed}, ${opened}, 0 AS resolved
      FROM ${delta} d ${GRAINS} GROUP BY ${groupAll(0)}
      UNION ALL
      SELECT g.grain, ${grainDay('d.resolved_day')}, ${keyed}, ${zeros}, sum(d.sign)::int
      FROM ${delta} d ${GRAINS} WHERE d.resolved_day IS NOT NULL GROUP BY ${groupAll(0)}
    ) c
    GROUP BY ${keyList}
    HAVING ${COUNT_COLUMNS.map((c) => `sum(${c}) <> 0`).join(' OR ')}
    ORDER BY ${keyList}
    ${upsert(t.counts, keyList, COUNT_COLUMNS)}
    RETURNING 1),
  ${name('times')} AS (
    INSERT INTO ${t.times} (${keyList}, metric, bucket, n)
    SELECT ${keyList}, metric, bucket, sum(sign)::int
    FROM (${times(METRIC.firstResponse, 'first_response_seconds')}
          UNION ALL ${times(METRIC.resolution, 'resolution_seconds')}) t
    GROUP BY ${keyList}, metric, bucket HAVING sum(sign) <> 0
    ORDER BY ${keyList}, metric, bucket
    ${upsert(t.times, `${keyList}, metric, bucket`, ['n'])}
    RETURNING 1),
  ${name('rules')} AS (
    INSERT INTO ${t.rules} (${keyList}, rule, n)
    SELECT g.grain, ${grainDay('d.opened_day')}, ${keyed}, r.rule, sum(d.sign)::int
    FROM ${delta} d ${GRAINS} CROSS JOIN LATERAL unnest(d.matched_rules) AS r(rule)
    WHERE ${ticket}
    GROUP BY ${groupAll(1)} HAVING sum(d.sign) <> 0
    ORDER BY ${groupAll(1)}
    ${upsert(t.rules, `${keyList}, rule`, ['n'])}
    RETURNING 1)`
}

/** The data-modifying CTEs of every variant (see variantDeltaCtes). */
export function applyDeltaCtes(delta: string, grains: readonly Grain[] = GRAINS): string {
  return VARIANTS.map((v) => variantDeltaCtes(delta, v, grains)).join(',')
}

/** The rows of the grains `coarser` of a roll-up table added up from its rows of grain `from`. */
function coarserFrom(
  table: string,
  key: readonly string[],
  sums: readonly string[],
  from: Grain,
  coarser: readonly Grain[],
): string {
  const cols = key.join(', ')
  return `INSERT INTO ${table} (grain, day, ${cols}, ${sums.join(', ')})
    SELECT g.grain, ${grainDay('t.day')}, ${key.map((c) => `t.${c}`).join(', ')}, ${sums.map((c) => `sum(t.${c})::int`).join(', ')}
    FROM ${table} t ${grainsSql(coarser)} WHERE t.grain = '${from}'
    GROUP BY 1, 2, ${key.map((_, i) => String(i + 3)).join(', ')}`
}

/** Every roll-up table of every variant, each with its key and summed columns. */
const tablesWithSums = (v: RollupVariant) => {
  const t = rollupTables(v)
  const key = v.key.map(([c]) => c)
  return [
    { table: t.counts, key, sums: COUNT_COLUMNS },
    { table: t.times, key: [...key, 'metric', 'bucket'], sums: ['n'] },
    { table: t.rules, key: [...key, 'rule'], sums: ['n'] },
  ]
}

/**
 * Migration 19's backfill: every stored facts row added once, per day; then the seven-day
 * blocks and months added up from the days (far cheaper than from the facts again).
 */
export const ROLLUP_BACKFILL: readonly string[] = [
  `WITH delta AS (SELECT 1 AS sign, f.* FROM grievance_facts f), ${applyDeltaCtes('delta', ['d'])}
  SELECT (SELECT count(*) FROM rollup_counts) AS counts`,
  ...VARIANTS.flatMap((v) =>
    tablesWithSums(v).map(({ table, key, sums }) => coarserFrom(table, key, sums, 'd', MIGRATION_19_GRAINS.slice(1))),
  ),
]

/**
 * Migration 20's backfill: quarters and years added up from the months migration 19 (or
 * the saves since) wrote, so a year is read as one row per key instead of twelve.
 */
export const COARSE_GRAIN_BACKFILL: readonly string[] = VARIANTS.flatMap((v) =>
  tablesWithSums(v).map(({ table, key, sums }) =>
    coarserFrom(
      table,
      key,
      sums,
      'm',
      GRAINS.filter((g) => !MIGRATION_19_GRAINS.includes(g)),
    ),
  ),
)
