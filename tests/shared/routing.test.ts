import { describe, expect, it } from 'vitest'
import { analyseTweet, compileOrg, detectLanguage, normalise, PhraseAutomaton, keysOf, OrgConfigError } from '../../src/shared/routing'
import type { IncomingTweet } from '../../src/shared/analysis'
import { OrgConfig } from '../../src/shared/org'
import { loadOrg } from './corpus-metrics'

const mha = compileOrg(loadOrg('mha'))
const tweet = (text: string, extra: Partial<IncomingTweet> = {}): IncomingTweet => ({
  id: '1',
  text,
  authorId: 'u1',
  authorUsername: 'citizen_1',
  ...extra,
})

describe('normalise', () => {
  it('folds case, Unicode forms, zero-width characters and nukta/chandrabindu variants', () => {
    expect(normalise('वीज़ा').tokens).toEqual(normalise('वीजा').tokens)
    expect(normalise('हिन्दी').tokens).toEqual(normalise('हिंदी').tokens)
    expect(normalise('पाँच').tokens).toEqual(normalise('पांच').tokens)
    expect(normalise('ज\u093Cरूरी').tokens).toEqual(normalise('\u095Bरूरी').tokens)
    expect(normalise('pass\u200Bport').tokens).toEqual(['pasport'])
    expect(normalise('PASSPORT').tokens).toEqual(normalise('passport').tokens)
    expect(normalise('A\u0301').text).toBe(normalise('\u00C1').text)
  })
  it('folds romanised Hindi spellings and English inflections to one key', () => {
    expect(normalise('paasport').tokens).toEqual(normalise('passport').tokens)
    expect(normalise('shikayath').tokens).toEqual(normalise('shikayat').tokens)
    expect(normalise('delayed').tokens).toEqual(normalise('delay').tokens)
    expect(normalise('refunds').tokens).toEqual(normalise('refund').tokens)
  })
  it('splits hashtags into words and sets URLs and mentions aside', () => {
    const n = normalise('@HMOIndia #PassportDelay see https://t.co/abc123 #OCI_card')
    expect(n.text).toBe('passport delay see oci card')
    expect(n.mentions).toEqual(['hmoindia'])
    expect(n.urls).toEqual(['https://t.co/abc123'])
    expect(n.hashtags).toEqual(['PassportDelay', 'OCI_card'])
  })
})

describe('phrase automaton', () => {
  it('finds every phrase in one pass, including overlapping and nested ones', () => {
    const a = new PhraseAutomaton()
    const phrases = ['police verification', 'verification', 'verification pending', 'passport police']
    phrases.forEach((p) => a.add(keysOf(p)))
    a.build()
    const hits = a.scan(normalise('my passport police verification pending').tokens, []).map((i) => phrases[i])
    expect(hits.sort()).toEqual(['passport police', 'police verification', 'verification', 'verification pending'])
  })
  it('matches whole words only', () => {
    const a = new PhraseAutomaton()
    a.add(keysOf('visa'))
    a.build()
    expect(a.scan(normalise('this is advisable').tokens, [])).toEqual([])
  })
})

describe('routing', () => {
  it('routes English, Devanagari and romanised Hindi to the same division', () => {
    for (const text of [
      '@HMOIndia my visa extension is pending for 40 days, please help',
      '@HMOIndia मेरा वीज़ा एक्सटेंशन 40 दिन से लंबित है, कृपया मदद करें',
      '@HMOIndia mera visa extension 40 din se pending hai, madad karo',
    ]) {
      const a = analyseTweet(mha, tweet(text))
      expect(a.actionable, text).toBe(true)
      expect(a.division, text).toBe('foreigners')
      expect(a.matchedRules).toContain('visa')
    }
  })
  it('honours exclusions, handle scope and disabled rules', () => {
    const org = OrgConfig.parse({
      ...loadOrg('mha'),
      rules: [
        { id: 'visa', division: 'foreigners', terms: ['visa'], exclude: ['visa card'] },
        { id: 'cyber-only', division: 'cyber', terms: ['fraud'], handles: ['CyberDost'] },
        { id: 'off', division: 'capf', terms: ['pension'], enabled: false },
      ],
    })
    const c = compileOrg(org)
    expect(analyseTweet(c, tweet('@HMOIndia my visa card was charged twice, please help')).matchedRules).toEqual([])
    expect(analyseTweet(c, tweet('@HMOIndia I lost money in a fraud, please help')).matchedRules).toEqual([])
    expect(analyseTweet(c, tweet('@CyberDost I lost money in a fraud, please help', { viaHandle: 'CyberDost' })).matchedRules).toEqual(['cyber-only'])
    expect(analyseTweet(c, tweet('@HMOIndia my pension is not credited, please help')).matchedRules).toEqual([])
  })
  it('sends actionable but unmatched tweets to the default division', () => {
    const a = analyseTweet(mha, tweet('@HMOIndia I wrote to you 30 days ago and nobody replied, please help'))
    expect(a.actionable).toBe(true)
    expect(a.division).toBe('general')
    expect(a.reasons).toContain('no rule matched: default division')
  })
  it('rejects configs that route to unknown divisions', () => {
    const bad = OrgConfig.parse({ ...loadOrg('mha'), rules: [{ id: 'x', division: 'nowhere', terms: ['x'] }] })
    expect(() => compileOrg(bad)).toThrow(OrgConfigError)
    expect(() => compileOrg(bad)).toThrow(/unknown division "nowhere"/)
  })
})

describe('triage', () => {
  const verdict = (text: string, extra: Partial<IncomingTweet> = {}) => analyseTweet(mha, tweet(text, extra))
  it('ignores our own tweets, retweets, empty quotes and bare mentions, saying why', () => {
    expect(verdict('Your complaint is registered as MHA-26-000001', { authorUsername: 'HMOIndia' }).reasons[0]).toMatch(/our own tweet/)
    expect(verdict('@HMOIndia my passport is stuck', { authorUsername: 'citizen' }).actionable).toBe(true)
    expect(analyseTweet(mha, tweet('my passport is stuck, please help', { authorUsername: 'DeskBot' }), { ownHandles: ['DeskBot'] }).actionable).toBe(false)
    expect(verdict('RT @someone: my passport is stuck please help').reasons).toEqual(['retweet'])
    expect(verdict('', { referencedTweets: [{ type: 'quoted', id: '9' }] }).reasons).toEqual(['quote with no comment of its own'])
    expect(verdict('@HMOIndia @CyberDost').reasons).toEqual(['bare mention with no text'])
  })
  it('does not turn news, praise, spam or abuse into work', () => {
    const news = verdict('Passport verification backlog cleared in Delhi, says police https://t.co/x1 #Passport')
    expect(news.actionable).toBe(false)
    expect(news.reasons[0]).toMatch(/news or promotion/)
    const praise = verdict('Thank you @HMOIndia for resolving my visa issue so quickly 🙏')
    expect(praise.actionable).toBe(false)
    expect(praise.reasons[0]).toMatch(/praise/)
    expect(verdict('@HMOIndia Earn ₹5000 daily from home, DM for details').reasons[0]).toMatch(/spam/)
    expect(verdict('@HMOIndia useless idiots, shame on you').reasons[0]).toMatch(/abuse/)
  })
  it('sees through sarcasm and keeps grievances that quote an identifier', () => {
    expect(verdict('Wow great job @HMOIndia 👏 my OCI card is pending for 90 days. Thanks for nothing.').actionable).toBe(true)
    const withId = verdict('@HMOIndia status of application no DL1067123456789 please')
    expect(withId.actionable).toBe(true)
    expect(withId.reasons).toContain('quotes an application/file/PNR or similar number')
  })
  it('sets priority: critical for safety, boosted by rules, normal otherwise', () => {
    expect(verdict('@HMOIndia a man is following me from the metro, I am alone and scared, please help').priority).toBe('critical')
    expect(verdict('@HMOIndia mere account se 20000 ka upi fraud ho gaya, madad karo').priority).toBe('high')
    expect(verdict('@HMOIndia my police verification has been pending for 60 days').priority).toBe('normal')
    expect(verdict('RT @x: flood').priority).toBe('low')
  })
  it('flags other Indian scripts and never drops them', () => {
    const ta = verdict('@HMOIndia ஐயா, என் பாஸ்போர்ட் இன்னும் வரவில்லை, தயவு செய்து உதவுங்கள்', { viaHandle: 'HMOIndia' })
    expect(ta).toMatchObject({ actionable: true, language: 'ta', otherScript: true, division: 'general' })
    expect(ta.reasons.some((r) => r.includes('Tamil'))).toBe(true)
  })
})

describe('language', () => {
  it('tells Hindi, English, romanised Hindi and other scripts apart', () => {
    expect(detectLanguage('मेरा पासपोर्ट अभी तक नहीं आया')).toBe('hi')
    expect(detectLanguage('My passport has not arrived yet')).toBe('en')
    expect(detectLanguage('mera passport abhi tak nahi aaya hai')).toBe('hi-Latn')
    expect(detectLanguage('என் பாஸ்போர்ட் இன்னும் வரவில்லை')).toBe('ta')
    expect(detectLanguage('મારો પાસપોર્ટ હજુ સુધી મળ્યો નથી')).toBe('gu')
    expect(detectLanguage('আমার পাসপোর্ট এখনও আসেনি')).toBe('bn')
    expect(detectLanguage('माझा पासपोर्ट अजून आला नाही')).toBe('mr')
    expect(detectLanguage('@HMOIndia 🙏')).toBe('und')
  })
})
