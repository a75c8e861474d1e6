// Routing and triage quality beyond the corpora: the word keys keep distinct English
// words apart while spelling variants still fold, grievances in the other Indian scripts
// reach the right division, run-together hashtags match, shaming with no complaint is not
// work, and common words do not pull tweets into the wrong queue. Tweets written by hand
// for these cases (not taken from either corpus).
import { describe, expect, it } from 'vitest'
import { analyseTweet, compileOrg, keysOf, tokenKey } from '../../src/shared/routing'
import type { IncomingTweet } from '../../src/shared/analysis'
import { loadOrg } from './corpus-metrics'

const orgs = {
  mha: compileOrg(loadOrg('mha')),
  mea: compileOrg(loadOrg('mea')),
  railways: compileOrg(loadOrg('railways')),
}
type Org = keyof typeof orgs
const analyse = (org: Org, text: string, extra: Partial<IncomingTweet> = {}) =>
  analyseTweet(orgs[org], { id: '1', text, authorId: 'u1', authorUsername: 'citizen_7', ...extra })

describe('word keys', () => {
  it.each([
    ['paasport', 'passport'],
    ['pasport', 'passport'],
    ['shikayath', 'shikayat'],
    ['delayed', 'delay'],
    ['refunds', 'refund'],
    ['cancelled', 'canceled'],
    ['fires', 'fire'],
    ['firing', 'fire'],
    ['issued', 'issue'],
    ['issues', 'issue'],
    ['closed', 'close'],
    ['charged', 'charge'],
    ['coaches', 'coach'],
    ['passes', 'pass'],
    ['taking', 'take'],
    ['noted', 'note'],
    ['hacked', 'hack'],
    ['stopped', 'stop'],
    ['FIRs', 'FIR'],
  ])('folds %s and %s to one key', (a, b) => {
    expect(tokenKey(a.toLowerCase())).toBe(tokenKey(b.toLowerCase()))
  })

  it.each([
    ['helped', 'help'],
    ['resolved', 'resolve'],
    ['refunded', 'refund'],
    ['rescued', 'rescue'],
    ['fired', 'fire'],
    ['fire', 'fir'],
    ['firing', 'fir'],
    ['note', 'not'],
    ['rate', 'rat'],
    ['rates', 'rats'],
    ['care', 'car'],
    ['here', 'her'],
    ['site', 'sit'],
    ['cute', 'cut'],
    ['hope', 'hop'],
    ['tt', 't'],
  ])('keeps %s and %s apart', (a, b) => {
    expect(tokenKey(a)).not.toBe(tokenKey(b))
  })

  it('splits contractions into words that match no two-letter term', () => {
    expect(keysOf("can't")).toEqual(['can', 't'])
    expect(keysOf('TT')).toEqual(['tt'])
  })
})

describe('tense and look-alike words in triage', () => {
  it('reads "helped me" as thanks and "help me" as a request', () => {
    const thanks = analyse('mha', '@HMOIndia Thank you, the local police helped me get my stolen bike back')
    expect(thanks.actionable, thanks.reasons.join('; ')).toBe(false)
    expect(thanks.reasons[0]).toMatch(/praise/)
    const ask = analyse(
      'mha',
      '@HMOIndia please help me, someone stole my bike and the thana refuses to write the complaint',
    )
    expect(ask).toMatchObject({ actionable: true, division: 'police' })
    expect(analyse('mha', '@HMOIndia you helped me a lot last year with my OCI, thanks').actionable).toBe(false)
    expect(analyse('mha', '@HMOIndia NDRF rescued us yesterday, thank you so much').actionable).toBe(false)
    expect(analyse('mha', '@HMOIndia thank you for helping my family during the floods').actionable).toBe(false)
  })

  it('treats a fire as an emergency and an FIR as a police matter', () => {
    const fire = analyse('mha', '@NDMA_India there is a fire in our building, people are trapped on the fourth floor')
    expect(fire).toMatchObject({ actionable: true, division: 'disaster', priority: 'critical' })
    const train = analyse('railways', '@RailwaySeva fire in coach S7 of 12802 near Itarsi')
    expect(train).toMatchObject({ actionable: true, division: 'security', priority: 'critical' })
    const fir = analyse('mha', '@HMOIndia please register my FIR, my phone was stolen 2 weeks ago')
    expect(fir).toMatchObject({ actionable: true, division: 'police', priority: 'normal' })
    expect(fir.matchedRules).toContain('police-fir')
  })

  it('does not read romanised "fir se" (again) as an FIR', () => {
    const again = analyse('mha', '@HMOIndia fir se wahi problem, koi sunta hi nahi')
    expect(again.matchedRules).not.toContain('police-fir')
    expect(again.division).toBe('general')
  })

  it('does not take "see" for a sub-inspector or the "t" of "can\'t" for a ticket examiner', () => {
    expect(analyse('mha', '@HMOIndia I see no update on my OCI card for 3 months').division).toBe('foreigners')
    const cant = analyse('railways', "@IRCTC_Ltd I can't login and my tatkal booking failed, money deducted")
    expect(cant.division).toBe('tickets')
    expect(cant.matchedRules).not.toContain('staff')
  })

  it('keeps "please note" and "fare rates" out of the problem and rat cues', () => {
    expect(analyse('railways', '@RailwaySeva please note the toilet in coach B2 is dirty').division).toBe('cleanliness')
    const fare = analyse('railways', '@RailwaySeva ticket fare rates are not updated on the app and I was charged more')
    expect(fare.division).toBe('tickets')
    expect(fare.matchedRules).not.toContain('cleanliness')
  })
})

describe('other Indian scripts', () => {
  const cases: [Org, string, string][] = [
    ['mea', '@passportsevamea என் பாஸ்போர்ட் இன்னும் வரவில்லை, தயவு செய்து உதவுங்கள்', 'passport'],
    ['mea', '@MEAIndia আমার পাসপোর্ট এখনও আসেনি, দয়া করে সাহায্য করুন', 'passport'],
    ['mea', '@MEAIndia میری بیوی کا ویزا مسترد ہو گیا، براہ کرم مدد کریں', 'visa'],
    ['mea', '@MEAIndia എന്റെ ഭർത്താവ് ദുബായിൽ കുടുങ്ങി, എംബസി പ്രതികരിക്കുന്നില്ല, ദയവായി സഹായിക്കൂ', 'consular'],
    ['mea', '@MEAIndia ਏਜੰਟ ਨੇ ਮੇਰੇ ਪੁੱਤਰ ਤੋਂ 15 ਲੱਖ ਲਏ ਅਤੇ ਗਾਇਬ ਹੋ ਗਿਆ, ਕਿਰਪਾ ਕਰਕੇ ਮਦਦ ਕਰੋ', 'emigration'],
    ['mha', '@HMOIndia ఐదు వారాలుగా నా పాస్‌పోర్ట్ వెరిఫికేషన్ పెండింగ్‌లో ఉంది, దయచేసి సహాయం చేయండి', 'police'],
    ['mha', '@HMOIndia আমার স্ত্রীর ভিসা এক্সটেনশন দুই মাস ধরে আটকে আছে, দয়া করে সাহায্য করুন', 'foreigners'],
    ['mha', '@CyberDost என் வங்கி கணக்கில் இருந்து ஆன்லைன் மோசடி மூலம் 50000 ரூபாய் எடுக்கப்பட்டது', 'cyber'],
    ['mha', '@NDMA_India ನಮ್ಮ ಊರಿನಲ್ಲಿ ಪ್ರವಾಹ, ಮನೆಗಳು ಮುಳುಗಿವೆ, ದಯವಿಟ್ಟು ಸಹಾಯ ಮಾಡಿ', 'disaster'],
    ['mha', '@HMOIndia ਮੇਰੀ ਭੈਣ ਨਾਲ ਰੋਜ਼ ਛੇੜਛਾੜ ਹੁੰਦੀ ਹੈ, ਪੁਲਿਸ ਕੁਝ ਨਹੀਂ ਕਰਦੀ', 'women-safety'],
    ['mha', '@HMOIndia മൂന്ന് മാസമായി എന്റെ ശമ്പളം കിട്ടിയില്ല, ദയവായി സഹായിക്കൂ', 'capf'],
    ['railways', '@RailwaySeva ৫ দিন হয়ে গেল, টিকিটের রিফান্ড এখনও পাইনি', 'tickets'],
    ['railways', '@RailwaySeva ரயில் 12634 கழிப்பறை மிகவும் அழுக்கு, தண்ணீர் இல்லை', 'cleanliness'],
    ['railways', '@RailwaySeva రైలు 12728 మూడు గంటలు ఆలస్యంగా నడుస్తోంది, ఎలాంటి సమాచారం లేదు', 'punctuality'],
    ['railways', '@RailwaySeva ട്രെയിനിൽ ഭക്ഷണം വളരെ മോശമാണ്, ദയവായി നടപടി എടുക്കുക', 'catering'],
    ['railways', '@RailwaySeva ટ્રેનમાં અમારી બેગ ચોરાઈ ગઈ છે, કૃપા કરીને મદદ કરો', 'security'],
    ['railways', '@RailwaySeva ਟ੍ਰੇਨ 12497 ਵਿੱਚ ਮੇਰੇ ਪਿਤਾ ਜੀ ਦੀ ਤਬੀਅਤ ਖਰਾਬ ਹੈ, ਡਾਕਟਰ ਦੀ ਲੋੜ ਹੈ', 'medical'],
  ]
  it.each(cases)('%s: %s', (org, text, division) => {
    const a = analyse(org, text)
    expect(a.actionable, a.reasons.join('; ')).toBe(true)
    expect(a.division, a.reasons.join('; ')).toBe(division)
    expect(a.otherScript).toBe(true)
  })

  it('reads the script cues: first person, problem and request make a grievance even off our handles', () => {
    const a = analyse('mea', 'என் பாஸ்போர்ட் இன்னும் வரவில்லை, தயவு செய்து உதவுங்கள்')
    expect(a).toMatchObject({ actionable: true, division: 'passport' })
    expect(a.reasons).toContain('first person + problem')
    expect(a.reasons).toContain('asks for help')
  })

  it('raises a flood reported in Odia or Bengali to critical and leaves thanks alone', () => {
    expect(analyse('mha', '@NDMA_India আমাদের গ্রামে বন্যা, খাবার নেই, দয়া করে সাহায্য করুন').priority).toBe('critical')
    expect(analyse('mha', '@HMOIndia ଆମ ଗାଁରେ ବନ୍ୟା, ଦୟାକରି ସାହାଯ୍ୟ କରନ୍ତୁ').division).toBe('disaster')
    expect(analyse('mha', '@HMOIndia மிக்க நன்றி, விரைவான நடவடிக்கை 🙏').actionable).toBe(false)
  })
})

describe('run-together hashtags', () => {
  it.each([
    ['mea', '@MEAIndia #passportdelay my file is pending for 2 months', 'passport'],
    ['mha', '@HMOIndia lost 30000 yesterday, #cyberfraud #upifraud please help', 'cyber'],
    ['mha', '@HMOIndia my wife is waiting 3 months #visaextension #frro', 'foreigners'],
    ['railways', '@IRCTC_Ltd #refundnotreceived PNR 4512367890 cancelled 20 days ago', 'tickets'],
  ] as [Org, string, string][])('%s: %s', (org, text, division) => {
    expect(analyse(org, text)).toMatchObject({ actionable: true, division })
  })
})

describe('shaming with no complaint', () => {
  it('is abuse, not work; a complaint that also shames is still work', () => {
    const vent = analyse('mha', '@BOI_MHA bakwas system hai, koi kaam nahi karta. Sharam karo', {
      viaHandle: 'BOI_MHA',
    })
    expect(vent.actionable).toBe(false)
    expect(vent.reasons[0]).toMatch(/abuse/)
    const real = analyse('mha', '@BOI_MHA meri wife ka visa extension 3 mahine se pending hai. Sharam karo')
    expect(real).toMatchObject({ actionable: true, division: 'foreigners' })
    expect(real.reasons).toContain('abusive language (flagged)')
  })
})

describe('common words do not pull tweets into the wrong queue', () => {
  it.each([
    ['mha', "@HMOIndia my daughter's passport police verification is pending for 45 days", 'police'],
    ['mha', "@HMOIndia my daughter's visa extension has been pending at FRRO for 2 months, please help", 'foreigners'],
    ['mha', '@HMOIndia posting this again: my OCI card is pending for 5 months', 'foreigners'],
    ['mha', '@HMOIndia I transferred 20000 after a fake call and the money is gone', 'cyber'],
    ['mha', '@HMOIndia my passport verification link is not working and the thana says apply again', 'police'],
    ['mea', '@MEAIndia my OCI is stuck in processing for 3 months', 'visa'],
    ['mea', '@MEAIndia मेरा पुलिस सत्यापन हो गया पर पासपोर्ट अभी तक नहीं आया', 'passport'],
    ['railways', '@RailwaySeva travelling with my baby, coach S4 has no water', 'cleanliness'],
    ['railways', '@RailwaySeva no sugar in the tea and the pantry charged 20 rupees', 'catering'],
    ['railways', '@RailwaySeva I booked under emergency quota but the ticket is still not confirmed', 'tickets'],
    ['railways', '@RailwaySeva 12302 has been standing at Kanpur for 2 hours with no information', 'punctuality'],
  ] as [Org, string, string][])('%s: %s', (org, text, division) => {
    const a = analyse(org, text)
    expect(a.actionable, a.reasons.join('; ')).toBe(true)
    expect(a.division, a.reasons.join('; ')).toBe(division)
  })
})
