// Triage cue words in English, romanised Hindi and Devanagari Hindi. They are
// compiled into the same automaton as the keyword rules, so finding them costs
// nothing extra. Kept generic on purpose: they describe how people complain, thank,
// abuse or report news — not any one ministry's services.

export const CUE_KINDS = [
  'firstPerson',
  'problem',
  'request',
  'identifierWord',
  'praise',
  'abuse',
  'spam',
  'news',
  'critical',
  'urgent',
  'suggestion',
  'neutralProblem',
  'duration',
  'resolved',
  'politeThanks',
  'sarcasm',
] as const
export type CueKind = (typeof CUE_KINDS)[number]

const lines = (s: string): string[] =>
  s
    .split(/[,\n]/)
    .map((t) => t.trim())
    .filter((t) => t.length > 0)

export const CUES: Record<CueKind, string[]> = {
  firstPerson: lines(`
    i, i'm, im, i've, ive, me, my, mine, myself, we, our, ours, us, we're, my family, my son, my daughter,
    my father, my mother, my wife, my husband, my brother, my sister,
    mera, meri, mere, mai, main hu, mein hu, maine, mujhe, mujhko, mujh, hum, humne, hamne, hamara, hamari, hamare,
    humara, humari, humare, hame, hamein, humein, apna, apni,
    मेरा, मेरी, मेरे, मैं, मैंने, मुझे, मुझको, हम, हमने, हमारा, हमारी, हमारे, हमें, अपना, अपनी`),
  problem: lines(`
    not received, not yet received, haven't received, have not received, didn't receive, did not receive, not getting,
    not working, not issued, not delivered, not credited, not refunded, not done, not updated, not responding,
    no response, no reply, no update, no action, no one, nobody, no refund, no water, no food, no help,
    pending, still pending, delay, delayed, stuck, waiting, still waiting, yet to, late, running late, hours late, no announcement,
    stalked, stalking, harassing, demanded, demanding, asking for money, demanding money, extra fee, extra fees,
    extra charges, disappeared, ran away, absconding, thag liya, thage, ठग, ठगा, ठग लिए, closed without, without resolution, without any action, without any reply, bina solve,
    close kar di, band kar di, बंद कर दी, बिना समाधान, high fever, bukhar, बुखार, fed up, frustrated, disappointed, anyone listening, nobody is helping, refused to, occupied, pain, fever,
    rejected, refused, denied, cancelled, canceled, failed, lost, stolen, missing, cheated, fraud, scam, duped,
    harass, harassed, harassment, threat, threatened, threatening, blackmail, abused, beaten, attacked, molested,
    dirty, filthy, stinking, smell, broken, leaking, overcharged, overcharging, extra money, bribe, rude, misbehaved,
    misbehaviour, misbehavior, complained, trouble, suffering, struggling,
    unable, can't, cannot, could not, couldn't, wrong, error, mistake, deducted, charged, blocked, hacked, unsafe,
    stranded, trapped, no electricity, no power, flooded, sick, injured, bleeding, unconscious, emergency, ignored,
    not resolved, unresolved, worst, pathetic, horrible, terrible, disgusting, useless, negligence, apathy,
    nahi, nahin, nhi, nai, nahi mila, nahi aaya, nahi hua, nahi mili, abhi tak, ab tak, pending hai, atka, atki, ruka, ruki,
    pareshan, pareshani, dikkat, takleef, ghus gaye, ghuse, kabza, maang rahe, maange, mang rahe, dard, late hai, galat, dhokha, thagi, loot, chori, gayab, band,
    bekar, ganda, gandagi, badtameezi, badtamizi, rishwat, paisa kaat, paise kaat, wapas nahi,
    नहीं, नही, अभी तक, अब तक, लंबित, रुका, रुकी, अटका, अटकी, परेशान, परेशानी, दिक्कत, तकलीफ, मांगी, मांगे, मांग रहे, दर्द, लेट, कब्जा,
    गलत, धोखा, ठगी, लूट, चोरी, गायब, खराब, गंदा, गंदगी, बदतमीजी, रिश्वत, देरी, विलंब, फंसे, फंसा, फंसी`),
  request: lines(`
    please help, pls help, plz help, please, pls, plz, kindly, request, requesting, requested, help, help me, help us,
    need, needed, chahiye, चाहिए, look into, take action, do something, need help, need your help, sos, assist, assistance, intervene, intervention,
    resolve, sort out, save, rescue, urgent help, expedite, escalate,
    madad, madad karo, madad kare, madad karein, help karo, kripya, krpya, kripa, sahayata, nivedan, anurodh,
    bachao, bachaiye, dhyan de, dhyan dijiye, karwai, karyavahi, jaldi karo,
    मदद, मदद करें, कृपया, कृपा, सहायता, निवेदन, अनुरोध, बचाओ, बचाइए, ध्यान दें, कार्रवाई, कार्यवाही`),
  identifierWord: lines(`
    application number, application no, application id, file number, file no, arn, pnr, ref no, reference number,
    reference no, complaint number, complaint no, complaint id, fir, fir no, acknowledgement number, ack no,
    request id, ticket number, booking id, transaction id, utr, case number, case no, tracking number, order id,
    आवेदन संख्या, फाइल नंबर, शिकायत संख्या, पीएनआर`),
  praise: lines(`
    thank, thanks, thank you, thanku, thnx, thx, grateful, gratitude, kudos, great job, great work, good job,
    good work, well done, helped me, helped us, madad ki, help kiya, मदद की, great service, nice work, appreciate, appreciated, appreciation, salute, proud, bravo, excellent, amazing, awesome,
    wonderful, fantastic, superb, hats off, impressed, congratulations, congrats, best wishes, happy, prompt action,
    quick action, quick response, prompt response,
    நன்றி, આભાર, ধন্যবাদ, ధన్యవాదాలు, ಧನ್ಯವಾದ, നന്ദി, ਧੰਨਵਾਦ, ଧନ୍ୟବାଦ, شکریہ,
    dhanyavad, dhanyawad, dhanyavaad, shukriya, abhar, aabhar, badhai, shabash, jai hind, bahut accha, bahut badhiya,
    धन्यवाद, शुक्रिया, आभार, बधाई, शाबाश, जय हिंद, बहुत अच्छा, बहुत बढ़िया, सराहनीय`),
  abuse: lines(`
    idiot, idiots, stupid, moron, morons, fool, fools, bastard, bastards, shameless, shame on you, chor, chors, chamcha,
    gadha, gadhe, kutta, kutte, kamine, kamina, harami, haramkhor, saale, saala, nalayak, nikamme, nikamma,
    fuck, fucking, f***, wtf, bc, mc, bsdk, chutiya, chutiye, madarchod, behenchod, bhosdike, randi,
    चोर, चमचा, गधा, गधे, कुत्ता, कुत्ते, कमीने, कमीना, हरामी, हरामखोर, साले, साला, नालायक, निकम्मे, निकम्मा`),
  spam: lines(`
    follow back, follow for follow, f4f, dm for, dm me for, earn money, earn daily, earn rs, work from home, crypto,
    bitcoin, giveaway, click here, click the link, link in bio, promo code, discount code, cashback offer, loan approved,
    instant loan, betting, casino, lottery, jackpot, whatsapp me, telegram channel, subscribe, onlyfans, sugar daddy,
    free recharge, win iphone, paise kamao, ghar baithe, ghar baithe kamaye, लाखों कमाएं, घर बैठे`),
  news: lines(`
    breaking, breaking news, report, reports, reported, reportedly, according to, sources say, sources said,
    announced, announces, launches, launched, inaugurated, inaugurates, statement, press release, press conference,
    read more, watch, live updates, exclusive, headline, headlines, editorial, op ed, minister said, government said,
    govt said, officials said, data shows, survey, newsletter, webinar, register now, apply now, last date, notification,
    recruitment, vacancy, vacancies, admit card, result declared, advisory, guidelines, new rules, new rule,
    शुरू, उद्घाटन, घोषणा, खबर, समाचार, रिपोर्ट, ब्रेकिंग`),
  critical: lines(`
    help me please, save me, save us, in danger, danger, life threatening, threat to life, kill, killed, killing,
    murder, kidnap, kidnapped, kidnapping, abducted, rape, raped, molest, molested, molesting, sexual assault,
    acid attack, domestic violence, being followed, following me, followed me, stalking me, stalker, touched me,
    misbehaving with me, misbehaving with my, eve teasing, unsafe, alone, scared, suicide, heart attack, chest pain,
    unconscious, not breathing, bleeding, heavy bleeding, pregnant, labour pain, labor pain, delivery pain, seizure,
    medical emergency, ambulance, chest pain, सीने में दर्द, seene mein dard, doctor needed, need doctor, need a doctor, snake bite, fire, burning, flood, flooded,
    drowning, earthquake, landslide, cyclone, building collapse, collapsed, trapped, stranded, stampede, bomb, blast,
    terror, terrorist, gun, knife, firing, riot, mob, missing child, child missing, lost child,
    bachao, bachaiye, jaan ka khatra, khatra, maar dalenge, maar denge, marne, aatmahatya, khoon, behosh,
    chhed, chhedchhad, chhedkhani, ched chad, peecha, peecha kar raha, akeli, aag, baadh, bhukamp, dooba, doob,
    बचाओ, बचाइए, खतरा, जान का खतरा, मार डालेंगे, हत्या, अपहरण, बलात्कार, छेड़छाड़, छेड़खानी, पीछा, अकेली, डर,
    आत्महत्या, खून, बेहोश, दिल का दौरा, एम्बुलेंस, आग, बाढ़, भूकंप, भूस्खलन, डूब, फंसे, फंसी, धमाका`),
  urgent: lines(`
    urgent, urgently, asap, immediately, immediate, at the earliest, emergency, tatkal, jaldi, turant, fauran,
    flight tomorrow, flight today, travel tomorrow, travelling tomorrow, traveling tomorrow, exam tomorrow,
    visa appointment tomorrow, deadline, तुरंत, जल्दी, अत्यावश्यक, आपातकाल, फौरन`),
  neutralProblem: lines(`
    complaint, complain, issue, issues, problem, problems, grievance, query, samasya, shikayat, समस्या, शिकायत`),
  duration: lines(`
    since, hours, days, weeks, months, years, ghante, din, hafte, mahine, saal, घंटे, दिन, हफ्ते, महीने, साल`),
  resolved: lines(`
    resolved, resolving, sorted, solved, fixed, helped me, helped us, madad ki, help kiya, मदद की,
    prompt response, quick response, quick action, prompt action, got my, received my, finally received, finally got, issue closed,
    hal ho gaya, ho gaya solve, samadhan ho gaya, mil gaya, mil gayi, समाधान हो गया, हल हो गया, मिल गया, मिल गई`),
  politeThanks: lines(`
    thanks in advance, thank you in advance, advance thanks, thanks and regards, regards, dhanyavad sahit`),
  sarcasm: lines(`
    thanks for nothing, thank you for nothing, great going, slow clap, what a joke, well done indeed, bahut badhiya seva`),
  suggestion: lines(`
    suggest, suggestion, suggestions, should introduce, should start, should add, would be nice, would be great,
    please consider, it would help, feature request, idea, sujhav, सुझाव`),
}
