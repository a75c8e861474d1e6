// The registry list's 30-day figures, kept between reads. Measuring one version triages
// every decided tweet of the window again (close to a second each, for up to
// MODEL_LIMITS.versionsListed versions), yet the answer only changes when the decisions in
// the window change, the org configuration changes (the triage depends on it), or a
// version is added. So the figures are kept under a watermark of the window — its newest
// and oldest decision ids and its count, one indexed query — and the configuration in use:
// a new officer decision raises the newest id, a decision ageing out of the window lowers
// the count, and either starts the figures afresh. Per server instance; the watermark is
// read from the database, so every instance sees another's new decisions at once.
import { LIMITS } from '../../shared/limits'
import { MODEL_LIMITS, type ModelQuality } from '../../shared/models'
import type { OrgSnapshot } from '../config/live-org'
import type { Queryable } from '../db/database'
import { latestLabels, QUALITY_WINDOW_DAYS, type StoredLabel } from '../review'

/** Where the decisions of the window stand: equal watermarks, equal labels. */
async function watermarkOf(db: Queryable, since: Date): Promise<string> {
  const [row] = await db.query<{ newest: string | number | null; oldest: string | number | null; n: string | number }>(
    `SELECT max(id) AS newest, min(id) AS oldest, count(*) AS n FROM triage_labels WHERE at >= $1::timestamptz`,
    [since],
  )
  return `${row?.newest ?? '-'}:${row?.oldest ?? '-'}:${row?.n ?? 0}`
}

export interface QualityWindow {
  since: Date
  /** Decided tweets in the window (the latest decision of each). */
  decisions: number
  /** The version's figures: kept ones, or measured now on the window's labels. */
  figures(version: number, measure: (labels: readonly StoredLabel[]) => ModelQuality): Promise<ModelQuality>
}

interface Kept {
  snapshot: OrgSnapshot
  watermark: string
  decisions: number
  figures: Map<number, ModelQuality>
}

export class QualityCache {
  private kept: Kept | null = null

  /** The window ending `now` for the configuration `snapshot`; labels are read only if a version needs measuring. */
  async window(db: Queryable, snapshot: OrgSnapshot, now: Date): Promise<QualityWindow> {
    const since = new Date(now.getTime() - QUALITY_WINDOW_DAYS * 86_400_000)
    // The watermark before the labels: a decision landing in between is then in the labels
    // and not in the watermark, so the next read measures again (never the stale way round).
    const watermark = await watermarkOf(db, since)
    let labels: StoredLabel[] | null = null
    const load = async (): Promise<StoredLabel[]> => (labels ??= await latestLabels(db, since, LIMITS.qualityLabels))
    let kept = this.kept
    if (!kept || kept.snapshot !== snapshot || kept.watermark !== watermark) {
      kept = { snapshot, watermark, decisions: (await load()).length, figures: new Map() }
      this.kept = kept
    }
    const entry = kept
    return {
      since,
      decisions: entry.decisions,
      figures: async (version, measure) => {
        let figures = entry.figures.get(version)
        if (!figures) {
          figures = measure(await load())
          entry.figures.set(version, figures)
          // Versions no longer listed (many uploaded since) are not kept for ever.
          for (const old of entry.figures.keys())
            if (entry.figures.size > MODEL_LIMITS.versionsListed + 1) entry.figures.delete(old)
        }
        return figures
      },
    }
  }
}
