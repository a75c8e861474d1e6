// Numbered schema migrations, applied in order and recorded in schema_migrations.
// Two servers starting at once serialise on an advisory lock (PostgreSQL); on PGlite
// there is a single connection anyway. Never edit a shipped migration: add a new one.
import { MIGRATIONS_LOCK_KEY, type Database } from './database'
import { COARSE_GRAIN_BACKFILL, ROLLUP_BACKFILL, ROLLUP_DDL } from '../reports/rollup'

interface Migration {
  version: number
  name: string
  sql: string[]
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'core',
    sql: [
      `CREATE TABLE users (
        username TEXT PRIMARY KEY,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('officer','supervisor','admin')),
        divisions JSONB NOT NULL DEFAULT '[]',
        languages JSONB NOT NULL DEFAULT '[]',
        capacity INTEGER NOT NULL DEFAULT 20,
        available BOOLEAN NOT NULL DEFAULT TRUE,
        password_hash TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now()
      )`,
      `CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        username TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,
        expires_at TIMESTAMPTZ NOT NULL,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now()
      )`,
      `CREATE TABLE ticket_sequences (
        org_id TEXT NOT NULL,
        year INTEGER NOT NULL,
        last INTEGER NOT NULL,
        PRIMARY KEY (org_id, year)
      )`,
      `CREATE TABLE grievances (
        id TEXT PRIMARY KEY,
        ticket TEXT NOT NULL UNIQUE,
        source_tweet_id TEXT NOT NULL UNIQUE,
        conversation_id TEXT NOT NULL,
        author_id TEXT NOT NULL,
        division TEXT,
        assignee TEXT,
        status TEXT NOT NULL,
        priority TEXT NOT NULL,
        language TEXT NOT NULL,
        sla_due_at TIMESTAMPTZ NOT NULL,
        version INTEGER NOT NULL,
        doc JSONB NOT NULL,
        created_at TIMESTAMPTZ NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL
      )`,
      `CREATE INDEX grievances_conversation ON grievances (conversation_id)`,
      `CREATE INDEX grievances_queue ON grievances (division, status, assignee)`,
      // Tweets of a thread other than the source (follow-ups), so a retried ingest is idempotent.
      `CREATE TABLE grievance_tweets (
        tweet_id TEXT PRIMARY KEY,
        grievance_id TEXT NOT NULL REFERENCES grievances(id)
      )`,
      `CREATE TABLE changes (
        seq BIGSERIAL PRIMARY KEY,
        grievance_id TEXT NOT NULL,
        division TEXT,
        assignee TEXT,
        prev_division TEXT,
        prev_assignee TEXT,
        at TIMESTAMPTZ NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX changes_grievance ON changes (grievance_id, seq)`,
      `CREATE TABLE ignored_tweets (
        tweet_id TEXT PRIMARY KEY,
        via_handle TEXT,
        author_username TEXT NOT NULL,
        text TEXT NOT NULL,
        reasons JSONB NOT NULL,
        at TIMESTAMPTZ NOT NULL DEFAULT now()
      )`,
      `CREATE TABLE ingest_cursors (
        handle TEXT PRIMARY KEY,
        user_id TEXT,
        since_id TEXT,
        updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
      )`,
      `CREATE TABLE actions (
        id TEXT PRIMARY KEY,
        grievance_id TEXT NOT NULL,
        username TEXT NOT NULL,
        type TEXT NOT NULL,
        result JSONB NOT NULL,
        at TIMESTAMPTZ NOT NULL DEFAULT now()
      )`,
      `CREATE TABLE reply_outbox (
        entry_id TEXT PRIMARY KEY,
        grievance_id TEXT NOT NULL REFERENCES grievances(id),
        text TEXT NOT NULL,
        after_entry_id TEXT,
        state TEXT NOT NULL CHECK (state IN ('pending','sending','posted','failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        claimed_by TEXT,
        claimed_at TIMESTAMPTZ,
        in_reply_to TEXT,
        posted_tweet_id TEXT,
        last_error TEXT,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX reply_outbox_due ON reply_outbox (state, next_attempt_at)`,
    ],
  },
  {
    version: 2,
    name: 'leases',
    sql: [
      // Leadership among server instances (src/server/cluster/lease.ts): token is the
      // fencing token, bumped on every change of holder.
      `CREATE TABLE leases (
        name TEXT PRIMARY KEY,
        holder TEXT NOT NULL,
        token BIGINT NOT NULL,
        expires_at TIMESTAMPTZ NOT NULL,
        acquired_at TIMESTAMPTZ NOT NULL DEFAULT now()
      )`,
    ],
  },
  {
    version: 3,
    name: 'ingestion-sources',
    sql: [
      // Every tweet any source has handled, claimed with ON CONFLICT DO NOTHING so two
      // sources seeing one tweet at once make one grievance (src/server/ingest).
      `CREATE TABLE seen_tweets (
        tweet_id TEXT PRIMARY KEY,
        first_source TEXT NOT NULL,
        times_seen INTEGER NOT NULL DEFAULT 1,
        deleted_at TIMESTAMPTZ,
        first_seen_at TIMESTAMPTZ NOT NULL DEFAULT now()
      )`,
      // Cursors of the search, stream and follow-up sources (mentions keep ingest_cursors).
      `CREATE TABLE ingest_source_cursors (
        source TEXT NOT NULL,
        key TEXT NOT NULL,
        cursor TEXT NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        PRIMARY KEY (source, key)
      )`,
      // Posts read per source and month: the budget governor's own count.
      `CREATE TABLE ingest_usage (
        period TEXT NOT NULL,
        source TEXT NOT NULL,
        posts BIGINT NOT NULL DEFAULT 0,
        PRIMARY KEY (period, source)
      )`,
    ],
  },
  {
    version: 4,
    name: 'officer-load-index',
    sql: [
      // Allocation counts each officer's open grievances once per ingest batch: an index
      // scan per officer instead of a scan of every grievance.
      `CREATE INDEX grievances_assignee_status ON grievances (assignee, status)`,
    ],
  },
  {
    version: 5,
    name: 'actions-by-grievance',
    sql: [
      // The idle-assignee pass asks for the assignee's last action on each assigned grievance.
      `CREATE INDEX actions_grievance ON actions (grievance_id, at)`,
    ],
  },
  {
    version: 6,
    name: 'session-hardening',
    sql: [
      // A disabled user can neither sign in nor use a session (src/server/auth).
      `ALTER TABLE users ADD COLUMN disabled BOOLEAN NOT NULL DEFAULT FALSE`,
      // Revoking a user's sessions, and pruning expired ones, without a scan.
      `CREATE INDEX sessions_username ON sessions (username)`,
      `CREATE INDEX sessions_expires ON sessions (expires_at)`,
      // Failed sign-ins per account ('account:<name>') and per client address
      // ('address:<ip>'), in the database so every instance sees the same lockout.
      `CREATE TABLE login_throttle (
        key TEXT PRIMARY KEY,
        failures INTEGER NOT NULL,
        locked_until TIMESTAMPTZ,
        last_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now()
      )`,
    ],
  },
  {
    version: 7,
    name: 'set-aside-tweets-and-reply-priority',
    sql: [
      // Tweets the database refused even after cleaning (src/server/ingest/set-aside.ts):
      // kept for supervisors to see, never silently counted as ignored.
      `CREATE TABLE set_aside_tweets (
        tweet_id TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        via_handle TEXT,
        author_username TEXT NOT NULL,
        text TEXT NOT NULL,
        error TEXT NOT NULL,
        at TIMESTAMPTZ NOT NULL DEFAULT now()
      )`,
      // Automatic acknowledgements go after people's replies and never take the whole
      // posting window (src/server/replies/worker.ts).
      `ALTER TABLE reply_outbox ADD COLUMN automatic BOOLEAN NOT NULL DEFAULT FALSE`,
      // Acknowledgements already queued: written by one of our handles, not by a user.
      `UPDATE reply_outbox o SET automatic = TRUE FROM grievances g
       WHERE g.id = o.grievance_id AND o.state <> 'posted' AND EXISTS (
         SELECT 1 FROM jsonb_array_elements(g.doc->'thread') e
         WHERE e->>'id' = o.entry_id AND NOT EXISTS (SELECT 1 FROM users u WHERE u.username = e->>'by'))`,
      `CREATE INDEX reply_outbox_queue ON reply_outbox (state, automatic, created_at)`,
    ],
  },
  {
    version: 8,
    name: 'triage-bands-and-labels',
    sql: [
      // Ignored tweets keep enough to become a grievance later (src/server/review), the
      // model's confidence, and the grievance an officer made of one.
      `ALTER TABLE ignored_tweets ADD COLUMN author_id TEXT`,
      `ALTER TABLE ignored_tweets ADD COLUMN conversation_id TEXT`,
      `ALTER TABLE ignored_tweets ADD COLUMN tweeted_at TEXT`,
      `ALTER TABLE ignored_tweets ADD COLUMN confidence REAL`,
      `ALTER TABLE ignored_tweets ADD COLUMN grievance_id TEXT`,
      `CREATE INDEX ignored_tweets_at ON ignored_tweets (at DESC, tweet_id)`,
      // Every officer decision about whether a tweet is a grievance (and whose it is): the
      // labels the triage model is retrained on and measured against.
      `CREATE TABLE triage_labels (
        id BIGSERIAL PRIMARY KEY,
        tweet_id TEXT NOT NULL,
        text TEXT NOT NULL,
        author_username TEXT NOT NULL,
        via_handle TEXT,
        actionable BOOLEAN NOT NULL,
        division TEXT,
        source TEXT NOT NULL,
        username TEXT NOT NULL,
        at TIMESTAMPTZ NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX triage_labels_at ON triage_labels (at)`,
      `CREATE INDEX triage_labels_tweet ON triage_labels (tweet_id, id)`,
    ],
  },
  {
    version: 9,
    name: 'audit-log',
    sql: [
      // src/server/audit: append-only, each entry chained to the one before by hash.
      `CREATE TABLE audit_log (
        seq BIGSERIAL PRIMARY KEY,
        at TIMESTAMPTZ NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT,
        client_address TEXT,
        details JSONB NOT NULL DEFAULT '{}'::jsonb,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      )`,
      `CREATE INDEX audit_log_action ON audit_log (action, seq DESC)`,
      `CREATE INDEX audit_log_actor ON audit_log (actor, seq DESC)`,
      `CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$`,
      `CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
       FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`,
      `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
       FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`,
    ],
  },
  {
    version: 10,
    name: 'user-accounts',
    sql: [
      // src/server/users: a password an admin chose must be replaced by the user's own
      // before the session is good for anything else; when it was last changed, and
      // when the user last signed in, for the admin's list.
      `ALTER TABLE users ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE`,
      `ALTER TABLE users ADD COLUMN password_changed_at TIMESTAMPTZ`,
      `ALTER TABLE users ADD COLUMN last_sign_in_at TIMESTAMPTZ`,
    ],
  },
  {
    version: 11,
    name: 'config-versions',
    sql: [
      // src/server/config: the organisation's configuration, one row per version, never
      // changed; the highest version is in force. rolled_back_from: the version restored.
      `CREATE TABLE config_versions (
        version INTEGER PRIMARY KEY,
        config JSONB NOT NULL,
        author TEXT NOT NULL,
        at TIMESTAMPTZ NOT NULL DEFAULT now(),
        comment TEXT NOT NULL DEFAULT '',
        rolled_back_from INTEGER REFERENCES config_versions (version)
      )`,
    ],
  },
  {
    version: 12,
    name: 'handle-credentials',
    sql: [
      // src/server/handles: the org's X handles (seeded once from the org file; until the
      // versioned org config owns them), their OAuth tokens sealed with AES-256-GCM, and
      // connects in progress (state hashed, PKCE verifier sealed; single use, short-lived).
      `CREATE TABLE x_handles (
        username TEXT PRIMARY KEY,
        username_key TEXT NOT NULL UNIQUE,
        is_primary BOOLEAN NOT NULL DEFAULT false,
        division TEXT,
        added_by TEXT NOT NULL,
        added_at TIMESTAMPTZ NOT NULL DEFAULT now()
      )`,
      `CREATE UNIQUE INDEX x_handles_one_primary ON x_handles (is_primary) WHERE is_primary`,
      `CREATE TABLE x_handles_seeded (id INTEGER PRIMARY KEY)`,
      `CREATE TABLE x_handle_credentials (
        username_key TEXT PRIMARY KEY REFERENCES x_handles (username_key) ON DELETE CASCADE,
        x_user_id TEXT NOT NULL,
        access_token_sealed TEXT NOT NULL,
        refresh_token_sealed TEXT,
        scopes TEXT NOT NULL,
        expires_at TIMESTAMPTZ NOT NULL,
        connected_by TEXT NOT NULL,
        connected_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        last_refresh_at TIMESTAMPTZ,
        refresh_failures INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TIMESTAMPTZ
      )`,
      // Errors live apart from the credentials: a failed connect has no tokens to sit beside.
      `CREATE TABLE x_handle_errors (
        username_key TEXT PRIMARY KEY REFERENCES x_handles (username_key) ON DELETE CASCADE,
        message TEXT NOT NULL,
        at TIMESTAMPTZ NOT NULL DEFAULT now()
      )`,
      `CREATE TABLE x_oauth_pending (
        state_hash TEXT PRIMARY KEY,
        username_key TEXT NOT NULL REFERENCES x_handles (username_key) ON DELETE CASCADE,
        verifier_sealed TEXT NOT NULL,
        redirect_uri TEXT NOT NULL,
        started_by TEXT NOT NULL,
        client_address TEXT,
        expires_at TIMESTAMPTZ NOT NULL
      )`,
    ],
  },
  {
    version: 13,
    name: 'x-usage-daily',
    sql: [
      // src/server/x/usage.ts: what X bills, per UTC day — Posts read ('read'), created
      // ('post') and created with a URL ('url-post') — for the spend and its projection.
      `CREATE TABLE x_usage_daily (
        day DATE NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('read', 'post', 'url-post')),
        count BIGINT NOT NULL DEFAULT 0,
        PRIMARY KEY (day, kind)
      )`,
    ],
  },
  {
    version: 14,
    name: 'sla-state-and-schedule',
    sql: [
      // Mirrors of g.sla (src/server/sla): the state for the monitor's counts, and when the
      // leader's SLA pass should next look at the grievance, so it reads only what is due.
      // Grievances written before this migration get them on their next change.
      `ALTER TABLE grievances ADD COLUMN sla_state TEXT`,
      `ALTER TABLE grievances ADD COLUMN next_sla_check_at TIMESTAMPTZ`,
      `CREATE INDEX grievances_next_sla_check ON grievances (next_sla_check_at) WHERE next_sla_check_at IS NOT NULL`,
      `CREATE INDEX grievances_sla_state ON grievances (sla_state, division) WHERE sla_state IN ('at_risk', 'breached')`,
    ],
  },
  {
    version: 15,
    name: 'actions-by-user',
    sql: [
      // The monitor asks for each officer's last action (src/server/monitor/snapshot.ts).
      `CREATE INDEX actions_username_at ON actions (username, at)`,
    ],
  },
  {
    version: 16,
    name: 'report-facts',
    sql: [
      // src/server/reports/facts.ts: one row per grievance, kept in step by every write;
      // filled here from the grievances already stored, by the same rules (first person's
      // posted reply, resolved at the last update of a resolved one, IST days).
      `CREATE TABLE grievance_facts (
        grievance_id TEXT PRIMARY KEY,
        ticket TEXT NOT NULL,
        tweet_id TEXT NOT NULL,
        author_username TEXT NOT NULL,
        opened_at TIMESTAMPTZ NOT NULL,
        opened_day DATE NOT NULL,
        division TEXT,
        handle TEXT,
        language TEXT NOT NULL,
        priority TEXT NOT NULL,
        assignee TEXT,
        status TEXT NOT NULL,
        band TEXT NOT NULL,
        entered_review BOOLEAN NOT NULL DEFAULT FALSE,
        sla_due_at TIMESTAMPTZ NOT NULL,
        first_response_at TIMESTAMPTZ,
        resolved_at TIMESTAMPTZ,
        resolved_day DATE,
        closed_at TIMESTAMPTZ,
        breached_at TIMESTAMPTZ,
        sla_state TEXT,
        reopened_count INTEGER NOT NULL DEFAULT 0,
        matched_rules TEXT[] NOT NULL DEFAULT '{}',
        first_response_seconds DOUBLE PRECISION
          GENERATED ALWAYS AS (EXTRACT(EPOCH FROM (first_response_at - opened_at))::double precision) STORED,
        resolution_seconds DOUBLE PRECISION
          GENERATED ALWAYS AS (EXTRACT(EPOCH FROM (resolved_at - opened_at))::double precision) STORED
      )`,
      `CREATE INDEX grievance_facts_opened ON grievance_facts (opened_day, division)`,
      `CREATE INDEX grievance_facts_resolved ON grievance_facts (resolved_day) WHERE resolved_day IS NOT NULL`,
      `CREATE INDEX grievance_facts_export ON grievance_facts (opened_at, grievance_id)`,
      // The backlog at the end of a range: the grievances whose open interval contains that
      // instant. Two B-tree ranges (opened before, closed after) would each match half the table.
      `CREATE INDEX grievance_facts_open_interval ON grievance_facts
         USING gist (tstzrange(opened_at, GREATEST(opened_at, COALESCE(closed_at, 'infinity'::timestamptz)), '[)'))`,
      // Tweets received in a range.
      `CREATE INDEX seen_tweets_first_seen ON seen_tweets (first_seen_at)`,
      `INSERT INTO grievance_facts (grievance_id, ticket, tweet_id, author_username, opened_at, opened_day, division,
         handle, language, priority, assignee, status, band, entered_review, sla_due_at, first_response_at,
         resolved_at, resolved_day, closed_at, breached_at, sla_state, reopened_count, matched_rules)
       SELECT f.id, f.ticket, f.source_tweet_id, f.doc->'source'->>'authorUsername', f.created_at,
         (f.created_at AT TIME ZONE 'UTC' + interval '330 minutes')::date,
         f.division, f.doc->'source'->'via'->>'handle', f.language, f.priority, f.assignee, f.status,
         COALESCE(f.doc->'triage'->>'band', 'ticket'), COALESCE(f.doc->'triage'->>'band', 'ticket') = 'review',
         COALESCE((f.doc->'sla'->>'resolutionDueAt')::timestamptz, f.sla_due_at),
         COALESCE((f.doc->'sla'->>'firstResponseAt')::timestamptz,
           (SELECT min((e->>'at')::timestamptz) FROM jsonb_array_elements(f.doc->'thread') e
            WHERE e->>'kind' = 'reply' AND e->'post'->>'state' = 'posted' AND e->>'id' NOT LIKE 'ack:%')),
         f.resolved_at, (f.resolved_at AT TIME ZONE 'UTC' + interval '330 minutes')::date,
         CASE WHEN f.status IN ('resolved', 'closed', 'rejected') THEN f.updated_at END,
         (f.doc->'sla'->>'breachedAt')::timestamptz, f.doc->'sla'->>'state',
         CASE WHEN f.status = 'reopened' THEN 1 ELSE 0 END,
         ARRAY(SELECT jsonb_array_elements_text(f.doc->'matchedRules'))
       FROM (SELECT g.*, CASE WHEN g.status IN ('resolved', 'closed')
                     THEN COALESCE((g.doc->'sla'->>'resolvedAt')::timestamptz, g.updated_at) END AS resolved_at
             FROM grievances g) f`,
    ],
  },
  {
    version: 17,
    name: 'triage-model-registry',
    sql: [
      // src/server/models: each organisation's triage models as numbered versions (the
      // file as it was uploaded, byte for byte) and an append-only history of deployments;
      // the newest deployment row of an org names the version its triage uses.
      `CREATE TABLE triage_models (
        org TEXT NOT NULL,
        version INTEGER NOT NULL,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        created_by TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('file', 'upload', 'trained')),
        sha256 TEXT NOT NULL,
        summary JSONB NOT NULL,
        model TEXT NOT NULL,
        PRIMARY KEY (org, version),
        UNIQUE (org, sha256)
      )`,
      `CREATE TABLE triage_model_deployments (
        id BIGSERIAL PRIMARY KEY,
        org TEXT NOT NULL,
        version INTEGER NOT NULL,
        at TIMESTAMPTZ NOT NULL DEFAULT now(),
        deployed_by TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('seed', 'deploy', 'rollback')),
        FOREIGN KEY (org, version) REFERENCES triage_models (org, version)
      )`,
      `CREATE INDEX triage_model_deployments_org ON triage_model_deployments (org, id)`,
    ],
  },
  {
    version: 18,
    name: 'two-factor',
    sql: [
      // src/server/two-factor: the TOTP secret sealed with the deployment's key (never in
      // clear), whether it is confirmed, and the last time step a code was accepted for
      // (a code is good once: replay of the same or an older step is refused).
      `ALTER TABLE users ADD COLUMN totp_secret_sealed TEXT`,
      `ALTER TABLE users ADD COLUMN totp_enabled BOOLEAN NOT NULL DEFAULT FALSE`,
      `ALTER TABLE users ADD COLUMN totp_enabled_at TIMESTAMPTZ`,
      `ALTER TABLE users ADD COLUMN totp_last_step BIGINT`,
      // One row: the roles that must use a second factor (the deployment's setting).
      `CREATE TABLE two_factor_policy (
        id BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (id),
        required_roles TEXT[] NOT NULL DEFAULT '{}',
        changed_by TEXT,
        changed_at TIMESTAMPTZ
      )`,
      `INSERT INTO two_factor_policy (id) VALUES (TRUE)`,
      // One-time recovery codes for a lost phone (only their SHA-256 kept; each used once).
      `CREATE TABLE two_factor_recovery_codes (
        username TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,
        code_hash TEXT NOT NULL,
        used_at TIMESTAMPTZ,
        PRIMARY KEY (username, code_hash)
      )`,
      // Between the password and the code: a short-lived challenge (only its SHA-256 kept).
      `CREATE TABLE two_factor_challenges (
        id_hash TEXT PRIMARY KEY,
        username TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,
        expires_at TIMESTAMPTZ NOT NULL
      )`,
    ],
  },
  {
    version: 19,
    name: 'report-rollups',
    // src/server/reports/rollup.ts: per-day roll-ups of grievance_facts, kept in step by the
    // same statement that writes the facts, filled here from the facts already stored. The
    // SQL lives beside the code that maintains the roll-ups so the two cannot disagree; a
    // change to what they hold needs a new migration that empties and refills them.
    sql: [...ROLLUP_DDL, ...ROLLUP_BACKFILL],
  },
  {
    version: 20,
    name: 'report-rollups-quarters-years',
    // Coarser roll-up grains, quarters and calendar years, in the same tables (the saves keep
    // them from now on), added up from the months already stored: a year of reports then
    // reads one row per key instead of twelve.
    sql: [...COARSE_GRAIN_BACKFILL],
  },
  {
    version: 21,
    name: 'sla-refreshes',
    // src/server/sla/refresh.ts: one row per SLA policy change, the recompute's cursor over
    // open grievances (locked by each batch, so a cluster recomputes once per version), and
    // an index that finds open work without reading the finished history.
    sql: [
      `CREATE TABLE sla_refreshes (
        config_version INTEGER PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('baseline', 'running', 'done', 'superseded')),
        after_id TEXT,
        examined INTEGER NOT NULL DEFAULT 0,
        moved INTEGER NOT NULL DEFAULT 0,
        started_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        finished_at TIMESTAMPTZ
      )`,
      `CREATE INDEX grievances_open_by_id ON grievances (id) WHERE status NOT IN ('resolved', 'closed', 'rejected')`,
    ],
  },
  {
    version: 22,
    name: 'grievance-search',
    // src/server/search/rows.ts: what the staff search of older grievances filters on and
    // shows, and each grievance's folded words under a GIN index (a lookup per word, never
    // a scan of documents). Written with every grievance; rows of grievances stored before
    // this are made at start-up by backfillSearchRows (the folding is TypeScript).
    sql: [
      `CREATE TABLE grievance_search (
        grievance_id TEXT PRIMARY KEY REFERENCES grievances(id) ON DELETE CASCADE,
        ticket TEXT NOT NULL,
        division TEXT,
        assignee TEXT,
        status TEXT NOT NULL,
        opened_at TIMESTAMPTZ NOT NULL,
        excerpt TEXT NOT NULL,
        words TEXT[] NOT NULL
      )`,
      `CREATE INDEX grievance_search_words ON grievance_search USING gin (words)`,
      `CREATE INDEX grievance_search_ticket ON grievance_search (ticket)`,
      // Newest first, whole organisation; and within a division (an officer's scope).
      `CREATE INDEX grievance_search_opened ON grievance_search (opened_at DESC, grievance_id DESC)`,
      `CREATE INDEX grievance_search_division ON grievance_search (division, opened_at DESC, grievance_id DESC)`,
      `CREATE INDEX grievance_search_assignee ON grievance_search (assignee, opened_at DESC, grievance_id DESC)`,
    ],
  },
  {
    version: 23,
    name: 'grievance-search-prefixes',
    // src/server/search/rows.ts: the words of a search row now carry their beginnings too
    // (a prefix query is then a GIN lookup like a whole word). Rows made before have
    // words_version 1 and are made again by the leader's backfill; a write makes the
    // current version. Tickets are matched by their beginning as well: a pattern-ops
    // B-tree answers both `=` and `LIKE 'MHA-26-12%'` whatever the database's collation.
    sql: [
      `ALTER TABLE grievance_search ADD COLUMN words_version SMALLINT NOT NULL DEFAULT 1`,
      `CREATE INDEX grievance_search_stale ON grievance_search (grievance_id) WHERE words_version < 2`,
      `DROP INDEX grievance_search_ticket`,
      `CREATE INDEX grievance_search_ticket ON grievance_search (ticket text_pattern_ops)`,
    ],
  },
]

export async function migrate(db: Database): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATIONS_LOCK_KEY])
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
    )`)
    const done = new Set(
      (await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version),
    )
    const applied: number[] = []
    for (const migration of [...MIGRATIONS].sort((a, b) => a.version - b.version)) {
      if (done.has(migration.version)) continue
      for (const statement of migration.sql) await tx.query(statement)
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ])
      applied.push(migration.version)
    }
    return applied
  })
}
