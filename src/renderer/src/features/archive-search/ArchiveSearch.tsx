// "Search older grievances on the server" under the queue's search box: the desk keeps
// only its working set (open work and recently finished work), so an older grievance is
// found on the server and opened in the normal grievance view, cached from then on.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { asksTooLittle, GRIEVANCE_SEARCH_LIMITS, type GrievanceHit } from '../../../../shared/grievance-search'
import { ProblemText } from '../../components/ProblemText'
import { useFormat } from '../../i18n'
import { problemFromError, type Problem } from '../../i18n/problem'
import { invokeDesk } from '../../lib/bridge'
import { useGrievanceStore } from '../../store/grievance-store'
import { divisionName, useOrgStore } from '../../store/org-store'
import { statusLabel } from '../queue/labels'
import { useServerSearch } from './useServerSearch'

/** `query`: the queue's search text; `localMatches`: how many cached grievances it matched. */
export function ArchiveSearch({ query, localMatches }: { query: string; localMatches: number }) {
  const { t } = useTranslation()
  const { search, start, more, close } = useServerSearch(query)
  const [opening, setOpening] = useState<string | null>(null)
  const [openProblem, setOpenProblem] = useState<Problem | null>(null)
  if (query.trim() === '') return null

  const openHit = async (hit: GrievanceHit) => {
    setOpening(hit.id)
    setOpenProblem(null)
    try {
      const grievance = await invokeDesk('grievances.open', { id: hit.id })
      const store = useGrievanceStore.getState()
      store.upsert(grievance)
      store.open(grievance.id)
    } catch (error) {
      setOpenProblem(problemFromError(error))
    } finally {
      setOpening(null)
    }
  }

  if (search.state === 'idle') {
    // The server refuses a query of only very short words (they would match nearly everything).
    if (asksTooLittle(query))
      return (
        <div className="archive-search" data-testid="archive-search">
          <span className="archive-search-hint" data-testid="archive-search-too-short">
            {t('archiveSearch.tooShort', { min: GRIEVANCE_SEARCH_LIMITS.minPrefixChars })}
          </span>
        </div>
      )
    return (
      <div className="archive-search" data-testid="archive-search">
        {localMatches === 0 && <span className="archive-search-hint">{t('archiveSearch.hint')}</span>}
        <button
          type="button"
          className="link"
          data-testid="archive-search-start"
          title={t('archiveSearch.actionTitle')}
          onClick={start}
        >
          {t('archiveSearch.action')}
        </button>
      </div>
    )
  }

  const hits = search.state === 'found' || search.state === 'searching' ? search.hits : []
  return (
    <section className="archive-search" data-testid="archive-search" aria-label={t('archiveSearch.region')}>
      <div className="archive-search-head">
        <span aria-live="polite" data-testid="archive-search-status">
          {search.state === 'searching' && t('archiveSearch.searching')}
          {search.state === 'found' &&
            (hits.length === 0
              ? t('archiveSearch.none', { query: query.trim() })
              : t('archiveSearch.results', { count: hits.length }))}
          {search.state === 'offline' && t('archiveSearch.offline')}
          {search.state === 'failed' && <ProblemText problem={search.problem} />}
        </span>
        <button type="button" className="link" data-testid="archive-search-close" onClick={close}>
          {t('archiveSearch.close')}
        </button>
      </div>
      {hits.length > 0 && (
        <ul className="archive-search-hits" data-testid="archive-search-hits">
          {hits.map((hit) => (
            <li key={hit.id}>
              <ArchiveHitButton hit={hit} busy={opening === hit.id} onOpen={() => void openHit(hit)} />
            </li>
          ))}
        </ul>
      )}
      {openProblem && (
        <p className="error" role="alert">
          <ProblemText problem={openProblem} />
        </p>
      )}
      {search.state === 'found' && search.next && (
        <button type="button" className="link" data-testid="archive-search-more" onClick={more}>
          {t('archiveSearch.more')}
        </button>
      )}
    </section>
  )
}

function ArchiveHitButton({ hit, busy, onOpen }: { hit: GrievanceHit; busy: boolean; onOpen: () => void }) {
  const { t } = useTranslation()
  const format = useFormat()
  const org = useOrgStore((s) => s.org)
  const status = statusLabel(t, hit.status)
  const division = hit.division ? divisionName(org, hit.division, format.language) : t('archiveSearch.noDivision')
  const date = format.dateTime(hit.openedAt, 'date')
  return (
    <button
      type="button"
      className="archive-hit"
      data-testid="archive-hit"
      data-ticket={hit.ticket}
      disabled={busy}
      onClick={onOpen}
    >
      <span className="archive-hit-ticket">{hit.ticket}</span>
      <span className="archive-hit-meta">{t('archiveSearch.hitMeta', { status, division, date })}</span>
      <span className="archive-hit-excerpt">{busy ? t('archiveSearch.opening') : hit.excerpt}</span>
    </button>
  )
}
