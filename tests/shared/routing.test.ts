import { describe, expect, it } from 'vitest'
import {
  analyseTweet,
  compileOrg,
  detectLanguage,
  normalise,
  PhraseAutomaton,
  keysOf,
  OrgConfigError,
} from '../../src/shared/routing'
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
    expect(
      analyseTweet(c, tweet('@CyberDost I lost money in a fraud, please help', { viaHandle: 'CyberDost' }))
        .matchedRules,
    ).toEqual(['cyber-only'])
    expect(analyseTweet(c, tweet('@HMOIndia my pension is not credited, please help')).matchedRules).toEqual([])
  })
  it('scores a rule by its distinct phrases: repeating one word adds no evidence', () => {
    const org = OrgConfig.parse({
      ...loadOrg('mha'),
      rules: [
        { id: 'visa', division: 'foreigners', terms: ['visa'] },
        { id: 'fraud', division: 'cyber', terms: ['fraud', 'otp'] },
      ],
    })
    const c = compileOrg(org)
    const a = analyseTweet(c, tweet('@HMOIndia visa visa visa agent took my money, fraud, shared otp, please help'))
    expect(a.matchedRules).toEqual(['fraud', 'visa'])
    expect(a.division).toBe('cyber')
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
    expect(verdict('Your complaint is registered as MHA-26-000001', { authorUsername: 'HMOIndia' }).reasons[0]).toMatch(
      /our own tweet/,
    )
    expect(verdict('@HMOIndia my passport is stuck', { authorUsername: 'citizen' }).actionable).toBe(true)
    expect(
      analyseTweet(mha, tweet('my passport is stuck, please help', { authorUsername: 'DeskBot' }), {
        ownHandles: ['DeskBot'],
      }).actionable,
    ).toBe(false)
    expect(verdict('RT @someone: my passport is stuck please help').reasons).toEqual(['retweet'])
    expect(verdict('', { referencedTweets: [{ type: 'quoted', id: '9' }] }).reasons).toEqual([
      'quote with no comment of its own',
    ])
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
    expect(
      verdict('Wow great job @HMOIndia 👏 my OCI card is pending for 90 days. Thanks for nothing.').actionable,
    ).toBe(true)
    const withId = verdict('@HMOIndia status of application no DL1067123456789 please')
    expect(withId.actionable).toBe(true)
    expect(withId.reasons).toContain('quotes an application/file/PNR or similar number')
  })
  it('sets priority: critical for safety, boosted by rules, normal otherwise', () => {
    expect(verdict('@HMOIndia a man is following me from the metro, I am alone and scared, please help').priority).toBe(
      'critical',
    )
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

// Realistic tweets written by hand for the triage and routing categories (not taken from
// either corpus): politeness vs gratitude, sarcasm, news, promotions, abuse, third-party
// reports, other Indian scripts, and each division's everyday vocabulary in English,
// Devanagari and romanised Hindi.
type Case = {
  org: 'mha' | 'mea' | 'railways'
  text: string
  actionable: boolean
  division?: string
  priority?: string
  otherScript?: boolean
  author?: string
}
const c = (
  org: Case['org'],
  text: string,
  actionable: boolean,
  division?: string,
  priority?: string,
  extra: Partial<Case> = {},
): Case => ({ org, text, actionable, division, priority, ...extra })
const CASES: Case[] = [
  // Politeness is not praise
  c('mha', '@HMOIndia I lost Rs 20000 in a UPI fraud yesterday, please help me get it back', true, 'cyber', 'high'),
  c('mha', '@HMOIndia I lost Rs 20000 in a UPI fraud yesterday, please help me file it', true, 'cyber'),
  c(
    'mha',
    '@HMOIndia my OCI card is pending for 4 months at FRRO Bengaluru. Kindly help. Thanks in advance',
    true,
    'foreigners',
  ),
  c(
    'mha',
    '@CyberDost someone made a fake Instagram profile with my photos and is messaging my friends, kindly help. Thank you',
    true,
    'cyber',
  ),
  c(
    'mha',
    '@HMOIndia plz help sir my brother is missing since 3 days and the police station is not registering FIR',
    true,
    'police',
  ),
  c('mha', '@HMOIndia Sir please resolve my police verification, it is pending for 2 months. Thanks', true, 'police'),
  c(
    'mha',
    '@HMOIndia kindly look into my tenant verification request, no response from the thana for weeks. Regards',
    true,
    'police',
  ),
  c('mea', '@passportsevamea please help me, my passport is on hold for 3 weeks, thank you', true, 'passport'),
  // Genuine praise and thanks
  c('mha', '@HMOIndia Thank you for quick help with my OCI card', false),
  c('mha', 'Grateful to @CyberDost team for recovering my money within a week 🙏', false),
  c('mha', '@HMOIndia Kudos to Delhi Police for the quick action on my complaint', false),
  c('mha', '@HMOIndia Salute to the NDRF jawans for rescuing people in the Assam floods 🇮🇳', false),
  c('mha', '@HMOIndia धन्यवाद, मेरा पुलिस वेरिफिकेशन समय पर हो गया 🙏', false),
  c('mha', '@HMOIndia shukriya sir, aapki wajah se mera visa extension ho gaya', false),
  c('mha', '@NDMA_India bahut accha kaam kiya rescue team ne, sabko bacha liya', false),
  c('mha', '@CyberDost Thank you, my money was refunded after I reported on 1930 🙏', false),
  c('mea', '@MEAIndia Thank you for evacuating us from Sudan, forever grateful to the embassy team', false),
  c('mea', '@passportsevamea Got my passport in 5 days after the appointment. Excellent service, thank you!', false),
  c(
    'railways',
    '@RailMinIndia Thank you @RailwaySeva for the quick help, the doctor came at Jhansi and my father is fine now',
    false,
  ),
  c('railways', '@RailwaySeva Thanks for resolving my complaint about the dirty toilet so fast 👍', false),
  c('railways', '@RailwaySeva RPF found my lost bag within an hour. Hats off to the team!', false),
  // Sarcasm carrying a complaint
  c('railways', '@RailwaySeva Great job, 6 hours late again and no water in the coach', true),
  c(
    'mha',
    '@HMOIndia Great job, FRRO has kept my visa file pending for 6 months and nobody answers the phone',
    true,
    'foreigners',
  ),
  c(
    'mea',
    '@passportsevamea Wonderful service! Third time my appointment got cancelled. Thanks a lot 👏',
    true,
    'passport',
  ),
  // News and media
  c('mha', 'Delhi Police busts cyber fraud gang, 12 arrested, reports ANI https://t.co/abc123', false),
  c('mha', 'According to officials, relief camps have been set up in 5 districts after floods in Assam', false),
  c('mha', 'BREAKING: Earthquake of magnitude 5.1 hits Uttarakhand, no casualties reported', false),
  c(
    'railways',
    'Indian Railways to run 200 festival special trains this Diwali https://t.co/zz9 #IndianRailways #Diwali',
    false,
  ),
  c('mea', 'EAM Jaishankar to visit Moscow next week, says MEA spokesperson https://t.co/x1y2', false),
  // Promotions and spam
  c('mha', '@HMOIndia Earn 50000 per week from home, click the link in bio', false),
  c('mha', '@HMOIndia Get 10k followers cheap, DM for price #growth #followers', false),
  c('railways', '@IRCTC_Ltd Book cheap tatkal tickets instantly with our app, 100% confirm, whatsapp me 98xxxx', false),
  // Abuse and trolling
  c('mha', '@HMOIndia you are the most useless minister ever, resign', false),
  c('mha', '@HMOIndia Shame on you, all politicians are the same #Resign', false),
  c('railways', '@RailMinIndia nikamme log, sirf photo khinchwate ho', false),
  // Bare mentions, RTs, our own tweets
  c('mha', '@HMOIndia @CyberDost 🙏🙏', false),
  c('mha', 'RT @someone: my passport verification is stuck please help', false),
  c('mha', 'Report cyber fraud at 1930 or cybercrime.gov.in. Stay alert! #CyberDost', false, undefined, undefined, {
    author: 'CyberDost',
  }),
  // Someone else's problem, third-party incidents
  c(
    'mha',
    '@HMOIndia a woman is being harassed at Rajiv Chowk metro station right now, please send help',
    true,
    'women-safety',
    'critical',
  ),
  c(
    'mha',
    '@HMOIndia my sister is getting threatening calls from her ex and the police is not taking action',
    true,
    'women-safety',
  ),
  c(
    'mha',
    '@NDMA_India 40 families stranded on rooftops in Darbhanga, water rising, no rescue boats yet',
    true,
    'disaster',
    'critical',
  ),
  c(
    'railways',
    '@RailwaySeva Fire in coach S7 of 12802, passengers panicking near Itarsi',
    true,
    undefined,
    'critical',
  ),
  c(
    'railways',
    '@RailwaySeva Passengers stranded at Mughalsarai for 5 hours, train not moving, no announcement',
    true,
    'punctuality',
  ),
  c(
    'railways',
    '@RailwaySeva A man collapsed on platform 3 at Kanpur Central, nobody is helping, send a doctor',
    true,
    'medical',
    'critical',
  ),
  c(
    'mea',
    '@MEAIndia Indian students in a Bishkek hostel are stranded without food amid riots',
    true,
    'consular',
    'critical',
  ),
  // Other Indian scripts
  c('mha', '@HMOIndia என் மகளை ஒருவன் தினமும் பின்தொடர்கிறான், காவல்துறை நடவடிக்கை எடுக்கவில்லை', true, undefined, undefined, {
    otherScript: true,
  }),
  c('mha', '@HMOIndia আমার ভিসার আবেদন তিন মাস ধরে আটকে আছে, দয়া করে সাহায্য করুন', true, undefined, undefined, {
    otherScript: true,
  }),
  c('railways', '@RailwaySeva ટ્રેનમાં અમારી બેગ ચોરાઈ ગઈ છે, કૃપા કરીને મદદ કરો', true, undefined, undefined, {
    otherScript: true,
  }),
  c('railways', '@RailwaySeva రైలు 12728 మూడు గంటలు ఆలస్యంగా నడుస్తోంది, ఎలాంటి సమాచారం లేదు', true, undefined, undefined, {
    otherScript: true,
  }),
  c('railways', '@RailwaySeva ട്രെയിനിൽ ഭക്ഷണം വളരെ മോശമാണ്, ദയവായി നടപടി എടുക്കുക', true, undefined, undefined, {
    otherScript: true,
  }),
  c('mha', '@HMOIndia மிக்க நன்றி 🙏', false),
  // MHA division vocabulary
  c('mha', '@HMOIndia मेरे बेटे के साथ ऑनलाइन गेम में 15000 रुपये का फ्रॉड हो गया, कृपया मदद करें', true, 'cyber'),
  c(
    'mha',
    '@HMOIndia sir mera police verification 2 mahine se pending hai, thane wale paise maang rahe',
    true,
    'police',
  ),
  c('mha', '@HMOIndia mere bhai ki CRPF ki salary 3 mahine se nahi aayi', true, 'capf'),
  c(
    'mha',
    '@HMOIndia My husband is a BSF jawan posted in Rajouri, his leave has been rejected though his mother is critical',
    true,
    'capf',
  ),
  c('mha', '@HMOIndia As an ITBP constable my leave application is pending for 3 weeks', true, 'capf'),
  c(
    'mha',
    '@HMOIndia Pakistani Hindu migrant here, my LTV renewal is pending for 1 year at FRRO Jodhpur',
    true,
    'foreigners',
  ),
  c('mha', '@HMOIndia mere gaon mein baarish se ghar gir gaya, abhi tak koi muavza nahi mila', true, 'disaster'),
  c(
    'mha',
    '@HMOIndia I got a call from a fake CBI officer who kept me on video call for 6 hours and took 2 lakh',
    true,
    'cyber',
  ),
  c('mha', '@HMOIndia my bank account was debited after I clicked a link in an SMS, 45000 gone', true, 'cyber'),
  c('mha', '@HMOIndia किसी ने मेरा इंस्टाग्राम अकाउंट हैक कर लिया है', true, 'cyber'),
  c('mha', '@HMOIndia my RTI application to the ministry has had no reply for 3 months', true, 'general'),
  c(
    'mha',
    '@HMOIndia mohalle ke ladke roz meri beti ko college jaate waqt chhedte hain, police kuch nahi karti',
    true,
    'women-safety',
  ),
  c('mha', '@HMOIndia my neighbour has encroached on my land and the SHO is not registering my FIR', true, 'police'),
  c('mha', '@HMOIndia my wife is a US citizen, her e-visa was rejected twice with no reason', true, 'foreigners'),
  // MEA division vocabulary
  c('mea', '@MEAIndia my passport renewal application is on hold for 2 months at RPO Bareilly', true, 'passport'),
  c(
    'mea',
    '@passportsevamea police verification was cleared 3 weeks ago but my passport is still not dispatched',
    true,
    'passport',
  ),
  c(
    'mea',
    '@MEAIndia My brother is stuck in Kuwait, his employer has taken his passport and is not paying salary for 5 months',
    true,
    'consular',
  ),
  c(
    'mea',
    "@MEAIndia my son's degree certificate apostille is pending for 3 weeks at the branch secretariat",
    true,
    'attestation',
  ),
  c(
    'mea',
    '@MEAIndia a recruitment agent in Kochi took 1.5 lakh from my cousin for a job in Qatar and disappeared',
    true,
    'emigration',
  ),
  c('mea', '@MEAIndia my OCI card reissue is pending with VFS for 4 months', true, 'visa'),
  c(
    'mea',
    '@MEAIndia Sir my father died in Riyadh, please help us bring his body back to Kerala',
    true,
    'consular',
    'critical',
  ),
  c(
    'mea',
    '@MEAIndia mera passport abhi tak nahi aaya, police verification ek mahine pehle ho gaya tha',
    true,
    'passport',
  ),
  c('mea', '@MEAIndia मेरे बेटे की डिग्री का एपोस्टिल अभी तक नहीं हुआ, 20 दिन हो गए', true, 'attestation'),
  c(
    'mea',
    '@MEAIndia my eMigrate registration shows an error and I cannot get emigration clearance for Saudi',
    true,
    'emigration',
  ),
  c('mea', '@MEAIndia my Indian visa application for my German husband was rejected without any reason', true, 'visa'),
  c(
    'mea',
    '@MEAIndia my husband has been in jail in Dubai for 2 months and the consulate is not telling us anything',
    true,
    'consular',
  ),
  c(
    'mea',
    '@MEAIndia I need my marriage certificate attested for Canada, the MEA counter refused it twice',
    true,
    'attestation',
  ),
  // Railways division vocabulary
  c('railways', '@RailwaySeva AC not cooling in B3 of 12952, very hot, please help', true, 'cleanliness'),
  c(
    'railways',
    '@RailwaySeva PNR 4512367890 coach S5 toilets are overflowing and there is no water since Kota',
    true,
    'cleanliness',
  ),
  c(
    'railways',
    '@IRCTC_Ltd my ticket was cancelled but the refund has not been received even after 10 days',
    true,
    'tickets',
  ),
  c('railways', '@RailwaySeva TTE asked 500 rupees to give a berth even though I have a RAC ticket', true, 'staff'),
  c(
    'railways',
    '@RailwaySeva my mother has high fever in coach B2 of 12301, need a doctor at the next station',
    true,
    'medical',
    'critical',
  ),
  c(
    'railways',
    '@RailwaySeva the pantry is charging 20 rupees extra for Rail Neer and the food was stale',
    true,
    'catering',
  ),
  c(
    'railways',
    '@RailwaySeva kuch log ladies coach mein ghus gaye hain aur ladkiyon ko pareshan kar rahe hain',
    true,
    'security',
  ),
  c('railways', '@RailwaySeva my bag was stolen from coach S3 while I was sleeping', true, 'security'),
  c(
    'railways',
    '@RailwaySeva train 12004 is running 4 hours late and there is still no update on NTES',
    true,
    'punctuality',
  ),
  c('railways', '@RailMinIndia ट्रेन 12560 में खाना बहुत खराब है, दाल में पानी ही पानी', true, 'catering'),
  c('railways', '@RailwaySeva toilet mein pani nahi hai coach B4 train 12381', true, 'cleanliness'),
  c('railways', '@RailwaySeva coach B1 ka AC 3 ghante se band hai', true, 'cleanliness'),
  c('railways', '@IRCTC_Ltd tatkal booking failed but money was deducted from my account twice', true, 'tickets'),
  c(
    'railways',
    '@RailwaySeva My train 12417 was cancelled without any SMS, I missed my interview',
    true,
    'punctuality',
  ),
  c('railways', '@RailwaySeva the coach attendant was rude and refused to give us blankets', true, 'staff'),
  c('railways', '@RailwaySeva drunk men in coach S4 are misbehaving with women passengers', true, 'security'),
]

const compiledOrgs = { mha, mea: compileOrg(loadOrg('mea')), railways: compileOrg(loadOrg('railways')) }

describe('realistic tweets', () => {
  it.each(CASES)('$org: $text', (k) => {
    const a = analyseTweet(compiledOrgs[k.org], tweet(k.text, { authorUsername: k.author ?? 'citizen_9' }))
    expect(a.actionable, a.reasons.join('; ')).toBe(k.actionable)
    if (k.actionable && k.division !== undefined) expect(a.division, a.reasons.join('; ')).toBe(k.division)
    if (k.priority !== undefined) expect(a.priority).toBe(k.priority)
    if (k.otherScript !== undefined) expect(a.otherScript).toBe(k.otherScript)
  })
  it('says why: politeness is not praise, thanks for help is', () => {
    const fraud = analyseTweet(
      mha,
      tweet('@HMOIndia I lost Rs 20000 in a UPI fraud yesterday, please help me get it back'),
    )
    expect(fraud.reasons).not.toContain('praise or thanks, no grievance')
    expect(fraud.reasons).toContain('first person + problem')
    const thanks = analyseTweet(mha, tweet('@HMOIndia Thank you for quick help with my OCI card'))
    expect(thanks.reasons[0]).toMatch(/praise/)
  })
  it('does not read "FIR" as a fire, nor a request to resolve as a resolution', () => {
    const fir = analyseTweet(mha, tweet('@HMOIndia the SHO is refusing to register my FIR for a week'))
    expect(fir).toMatchObject({ actionable: true, division: 'police', priority: 'normal' })
    const resolve = analyseTweet(mha, tweet('@HMOIndia please resolve my OCI issue, pending 3 months. Thanks'))
    expect(resolve).toMatchObject({ actionable: true, division: 'foreigners' })
  })
  it('breaks a tie between divisions towards the division of the handle written to', () => {
    // One cyber term (whatsapp) and one women-safety term (harassment): a tie on evidence.
    const text = 'harassment on whatsapp for a week, please help'
    expect(analyseTweet(mha, tweet(`@HMOIndia ${text}`, { viaHandle: 'HMOIndia' })).division).toBe('women-safety')
    expect(analyseTweet(mha, tweet(`@CyberDost ${text}`, { viaHandle: 'CyberDost' })).division).toBe('cyber')
  })
})
