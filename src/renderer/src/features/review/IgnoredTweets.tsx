// Ignored tweets, searchable, so nothing triage set aside is lost: any officer can find
// one by its words or author and make it a ticket (the server acknowledges it on X and
// keeps the decision as a label for the triage model).
import { useCallback, useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { IgnoredTweet } from '../../../../shared/protocol'
import { TriageReasons } from '../grievance/TriageReasons'
import { UntrustedText } from '../../components/UntrustedText'
import { useFormat } from '../../i18n'
import { describeError, invokeDesk } from '../../lib/bridge'

export function IgnoredTweets({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const format = useFormat()
  const [query, setQuery] = useState('')
  const [tweets, setTweets] = useState<IgnoredTweet[]>([])
  const [next, setNext] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [made, setMade] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState<string | null>(null)

  const load = useCallback(async (q: string, before?: string) => {
    try {
      const page = await invokeDesk('review.ignored', { ...(q ? { q } : {}), ...(before ? { before } : {}) })
      setTweets((current) => (before ? [...current, ...page.tweets] : page.tweets))
      setNext(page.next)
      setError(null)
    } catch (e) {
      setError(describeError(e))
    }
  }, [])

  useEffect(() => {
    void load('')
  }, [load])

  function search(event: FormEvent) {
    event.preventDefault()
    void load(query.trim())
  }

  async function makeTicket(tweetId: string) {
    setBusy(tweetId)
    try {
      const { ticket } = await invokeDesk('review.ticket', { tweetId })
      setMade((current) => ({ ...current, [tweetId]: ticket }))
      setError(null)
    } catch (e) {
      setError(describeError(e))
    } finally {
      setBusy(null)
    }
  }

  return (
    <section className="ignored-panel" data-testid="ignored-tweets" aria-labelledby="ignored-title">
      <header>
        <h2 id="ignored-title">{t('review.ignored.title')}</h2>
        <span className="spacer" />
        <button className="link" onClick={onClose}>
          {t('review.ignored.close')}
        </button>
      </header>
      <form role="search" aria-label={t('review.ignored.search')} onSubmit={search}>
        <label>
          {t('review.ignored.search')}{' '}
          <input
            type="search"
            data-testid="ignored-search"
            value={query}
            maxLength={200}
            placeholder={t('review.ignored.searchPlaceholder')}
            onChange={(e) => setQuery(e.target.value)}
          />
        </label>{' '}
        <button type="submit">{t('review.ignored.refresh')}</button>
      </form>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {tweets.length === 0 ? (
        <p className="muted">{t('review.ignored.empty')}</p>
      ) : (
        <table aria-label={t('review.ignored.region')}>
          <thead>
            <tr>
              <th scope="col">{t('review.ignored.author')}</th>
              <th scope="col">{t('review.ignored.text')}</th>
              <th scope="col">{t('review.ignored.why')}</th>
              <th scope="col">{t('review.ignored.when')}</th>
              <th scope="col">{t('review.ignored.action')}</th>
            </tr>
          </thead>
          <tbody>
            {tweets.map((tweet) => {
              const ticket = made[tweet.tweetId]
              return (
                <tr key={tweet.tweetId} data-testid="ignored-row" data-tweet-id={tweet.tweetId}>
                  <td>
                    @<UntrustedText text={tweet.authorUsername} />
                  </td>
                  <td>
                    <UntrustedText text={tweet.text} />
                  </td>
                  <td>
                    <TriageReasons reasons={tweet.reasons} />
                    {tweet.confidence !== null && (
                      <div className="muted">
                        {t('review.ignored.confidence', {
                          value: tweet.confidence,
                          formatParams: { value: { maximumFractionDigits: 2 } },
                        })}
                      </div>
                    )}
                  </td>
                  <td>{format.dateTime(tweet.at)}</td>
                  <td>
                    {ticket ? (
                      <span role="status">{t('review.ignored.madeTicket', { ticket })}</span>
                    ) : tweet.grievanceId ? (
                      <span className="muted">{t('review.ignored.already')}</span>
                    ) : (
                      <button
                        data-testid="ignored-make-ticket"
                        disabled={busy !== null}
                        onClick={() => void makeTicket(tweet.tweetId)}
                      >
                        {t('review.ignored.makeTicket')}
                      </button>
                    )}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
      {next && <button onClick={() => void load(query.trim(), next)}>{t('review.ignored.more')}</button>}
    </section>
  )
}
