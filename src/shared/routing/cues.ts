// Triage cue words in English, romanised Hindi and Devanagari Hindi, and the commonest
// ones (I/my, please, help, complaint, problem, not, urgent, flood, fire) in the other
// Indian scripts citizens write in. They are compiled into the same automaton as the
// keyword rules, so finding them costs nothing extra. Kept generic on purpose: they
// describe how people complain, thank, abuse or report news — not any one ministry's
// services. Words in the other scripts are matched whole, so the common inflected form
// is listed beside the base word where it differs ("വരവില്ല" is one word).

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
  'thanksFor',
  'ongoing',
  'weakRequest',
  'venting',
  'officialReply',
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
    humara, humari, humare, hame, hamein, humein, apna, apni, hu, hoon, hun,
    मेरा, मेरी, मेरे, मैं, मैंने, मुझे, मुझको, हम, हमने, हमारा, हमारी, हमारे, हमें, अपना, अपनी, हूं, हूँ,
    என், எனது, என்னுடைய, எனக்கு, நான், எங்கள், నా, నేను, నాకు, మా, మేము, ನನ್ನ, ನಾನು, ನನಗೆ, ನಮ್ಮ,
    എന്റെ, ഞാൻ, എനിക്ക്, ഞങ്ങളുടെ, আমার, আমি, আমাকে, আমাদের, મારા, મારો, મારી, મને, હું, અમારા,
    ਮੇਰਾ, ਮੇਰੀ, ਮੇਰੇ, ਮੈਂ, ਮੈਨੂੰ, ਸਾਡੇ, ମୋର, ମୁଁ, ମୋତେ, ଆମର, میرا, میری, میرے, مجھے, ہمارا, ہمیں`),
  // What is wrong, in the words people use. Most past and present forms fold to one key
  // ("delayed"/"delay"); outcome verbs keep their -ed ("resolved" is not "resolve").
  problem: lines(`
    not received, not yet received, haven't received, have not received, didn't receive, did not receive, not getting,
    not working, not issued, not delivered, not credited, not refunded, not done, not updated, not responding,
    not got, haven't got, have not got, didn't get, did not get, not get, not given, not allowed, not clean, not cleaned,
    no response, no reply, no update, no action, no one is, nobody is, nobody answers, nobody listens, no one listens,
    nobody came, no one came, nobody cares, nobody helped, no refund, no water, no food, no help, no information,
    no announcement, no staff, no doctor, no light, no electricity, no power, no network, no proper,
    pending, still pending, delay, delayed, stuck, waiting, still waiting, yet to, late, running late, hours late,
    stalked, stalking, harassing, demanded, demanding, asking for money, demanding money, asked for money, asking for bribe,
    asked for bribe, extra fee, extra fees, extra charges, extra charge, charging extra, charged extra, more than mrp,
    above mrp, disappeared, vanished, ran away, absconding, absconded, undelivered, no receipt, without receipt,
    without a receipt, stole, stole my, snatched, robbed, pickpocketed, rok diya, rok di, roka gaya, रोक दिया, रोक दी, thag liya, thage, ठग, ठगा, ठग लिए, closed without, without resolution,
    without any action, without any reply, without reason, without any reason, bina solve, bina wajah, बिना कारण,
    close kar di, band kar di, बंद कर दी, बिना समाधान, high fever, bukhar, बुखार, fed up, frustrated, disappointed,
    anyone listening, nobody is helping, refused to, occupied, pain, fever, despite, even though, even after,
    encroached, encroachment, land grab, not registering, not registered, not lodged, not filed, not taken,
    taking money, took money, doing nothing, did nothing, kuch nahi kar, illegal, illegally, openly, not taking action,
    no action taken, from my account, money gone, selling drugs, har baar, every time, keeps sending, pillar to post, counter to counter, chakkar, chakkar laga, चक्कर,
    rejected, refused, denied, cancelled, canceled, failed, lost, stolen, missing, cheated, fraud, scam, duped, fake,
    morphed, debited, hacked, hack, hack ho gaya, हैक, फ्रॉड, misused, misusing, impersonating, blackmailing,
    beat me, beats me, beating me, beat us, beat my, maar rahe, maarte, marta hai, peet rahe, marpeet, मार रहे, मारते,
    मारता, पीट रहे, पीटा, मारपीट, harass, harassed, harassment, chhedta, chhedte, chhedti, chhed raha, chhed rahe, छेड़ता, छेड़ते, threat, threatened, threatening, blackmail, abused, beaten, attacked, molested,
    dirty, filthy, stinking, smell, smelly, broken, leaking, overcharged, overcharging, extra money, bribe, rude, misbehaved,
    misbehaving, misbehaviour, misbehavior, complained, trouble, suffering, struggling, cockroach, cockroaches, rats,
    insect, insects, stale, spoiled, overflowing, choked, cold food, undercooked, uncooked, bed bugs,
    unable, can't, cannot, could not, couldn't, wrong, error, mistake, deducted, charged, blocked, unsafe,
    stranded, trapped, flooded, sick, injured, bleeding, unconscious, emergency, ignored, collapsed, died, dead, death,
    not resolved, unresolved, worst, pathetic, horrible, terrible, disgusting, useless, negligence, apathy,
    nahi, nahin, nhi, nai, nahi mila, nahi aaya, nahi hua, nahi mili, abhi tak, ab tak, pending hai, atka, atki, ruka, ruki,
    pareshan, pareshani, dikkat, takleef, ghus gaye, ghuse, kabza, maang rahe, maange, mang rahe, dard, late hai, galat,
    dhokha, thagi, loot, chori, gayab, band, toot gaya, toot gayi, gir gaya, kharab, baasi, keeda, keede, zyada paise,
    jyada paise, extra paise, bekar, ganda, gandagi, badtameezi, badtamizi, rishwat, paisa kaat, paise kaat, wapas nahi,
    नहीं, नही, अभी तक, अब तक, लंबित, रुका, रुकी, अटका, अटकी, परेशान, परेशानी, दिक्कत, तकलीफ, मांगी, मांगे, मांग रहे, दर्द,
    लेट, कब्जा, गलत, धोखा, ठगी, लूट, चोरी, गायब, खराब, गंदा, गंदगी, बदतमीजी, रिश्वत, देरी, विलंब, फंसे, फंसा, फंसी, बासी,
    कीड़ा, कीड़े, ज़्यादा पैसे, टूट गया, गिर गया, मर गया, मौत,
    இல்லை, வரவில்லை, கிடைக்கவில்லை, நிலுவையில், లేదు, రాలేదు, ఇంకా రాలేదు, ಇಲ್ಲ, ಬಂದಿಲ್ಲ, ഇല്ല, ലഭിച്ചില്ല,
    കിട്ടിയില്ല, নেই, আসেনি, পাইনি, আটকে, નથી, બાકી, ਨਹੀਂ, ନାହିଁ, نہیں`),
  // An explicit ask: politeness markers and imperatives. Bare "help" and "need" are in
  // weakRequest: they also turn up in thanks ("thank you for the quick help").
  request: lines(`
    please help, pls help, plz help, please, pls, plz, kindly, request, requesting, requested,
    look into, take action, do something, need help, need your help, sos, intervene, intervention,
    urgent help, expedite, escalate, do the needful, action lijiye, action kijiye, action lo, action le, send help, send someone, take strict action, help needed,
    madad karo, madad kare, madad karein, madad kijiye, madad ki jaye, madad ki jaaye, मदद की जाए, help karo, help kijiye, kripya, krpya, kripa, sahayata karein,
    nivedan, anurodh, bachao, bachaiye, dhyan de, dhyan dijiye, karwai karo, karwai kijiye, jaldi karo,
    मदद करें, मदद करो, मदद कीजिए, कृपया, कृपा, निवेदन, अनुरोध, बचाओ, बचाइए, ध्यान दें, कार्रवाई करें,
    தயவு செய்து, தயவுசெய்து, உதவுங்கள், దయచేసి, సహాయం చేయండి, ದಯವಿಟ್ಟು, ಸಹಾಯ ಮಾಡಿ, ದಯವಿಟ್ಟು ಸಹಾಯ ಮಾಡಿ,
    ദയവായി, സഹായിക്കൂ, സഹായിക്കണം, দয়া করে, অনুগ্রহ করে, সাহায্য করুন, કૃપા કરીને, મદદ કરો,
    ਕਿਰਪਾ ਕਰਕੇ, ਮਦਦ ਕਰੋ, ଦୟାକରି, ଦୟା କରି, براہ کرم, برائے مہربانی, مدد کریں`),
  weakRequest: lines(`
    help, help me, help us, need, needed, chahiye, चाहिए, assist, assistance, resolve, sort out, save, rescue,
    madad, sahayata, karwai, karyavahi, मदद, सहायता, कार्रवाई, कार्यवाही,
    உதவி, సహాయం, ಸಹಾಯ, സഹായം, সাহায্য, મદદ, ਮਦਦ, ସାହାଯ୍ୟ, مدد`),
  identifierWord: lines(`
    application number, application no, application id, file number, file no, arn, pnr, ref no, reference number,
    reference no, complaint number, complaint no, complaint id, fir, fir no, acknowledgement number, ack no,
    request id, ticket number, booking id, transaction id, utr, case number, case no, tracking number, order id,
    आवेदन संख्या, फाइल नंबर, शिकायत संख्या, पीएनआर`),
  // Any thanks or praise, including the polite "thanks" that closes a complaint. On its
  // own it only marks a tweet as praise when nothing in it complains or asks.
  praise: lines(`
    thank, thanks, thank you, thanku, thnx, thx, grateful, gratitude, kudos, great job, great work, good job,
    good work, well done, great service, nice work, appreciate, appreciated, appreciation, salute, proud, bravo,
    excellent, amazing, awesome, wonderful, fantastic, superb, hats off, impressed, congratulations, congrats,
    best wishes, happy, prompt action, quick action, quick response, prompt response,
    நன்றி, આભાર, ধন্যবাদ, ధన్యవాదాలు, ಧನ್ಯವಾದ, നന്ദി, ਧੰਨਵਾਦ, ଧନ୍ୟବାଦ, شکریہ,
    dhanyavad, dhanyawad, dhanyavaad, shukriya, abhar, aabhar, badhai, shabash, jai hind, bahut accha, bahut badhiya,
    accha kaam, badhiya kaam,
    धन्यवाद, शुक्रिया, आभार, बधाई, शाबाश, जय हिंद, बहुत अच्छा, बहुत बढ़िया, सराहनीय, अच्छा काम`),
  // Gratitude for something done: "thank you for …", "grateful", "kudos", "hats off".
  // A tweet built on these is thanks unless it also says something is still wrong.
  thanksFor: lines(`
    thank you for, thanks for, thanku for, thank u for, thanks to, thank you to, thanks a lot to, many thanks,
    thank you so much, thanks so much, grateful, gratitude, kudos, hats off, salute, bravo, well done, appreciate,
    appreciated, appreciation, commendable, for the quick, for quick, for the prompt, for prompt, for your help,
    for the help, for your support, for the support, for your quick, great work, excellent service, great service,
    excellent work, prompt action, quick action, quick response, prompt response, timely help, timely action,
    ke liye dhanyavad, ke liye dhanyawad, ke liye shukriya, ke liye aabhar, ka dhanyavad, ka shukriya,
    bahut accha kaam, accha kaam kiya, badhiya kaam, shukriya, के लिए धन्यवाद, के लिए आभार, का धन्यवाद, का आभार,
    सराहनीय, अच्छा काम, शाबाश`),
  abuse: lines(`
    idiot, idiots, stupid, moron, morons, fool, fools, bastard, bastards, shameless, shame on you, chor, chors, chamcha,
    gadha, gadhe, kutta, kutte, kamine, kamina, harami, haramkhor, saale, saala, nalayak, nikamme, nikamma,
    fuck, fucking, f***, wtf, bc, mc, bsdk, chutiya, chutiye, madarchod, behenchod, bhosdike, randi, resign, clowns,
    चोर, चमचा, गधा, गधे, कुत्ता, कुत्ते, कमीने, कमीना, हरामी, हरामखोर, साले, साला, नालायक, निकम्मे, निकम्मा, इस्तीफा,
    sharam karo, sharm karo, sharam nahi aati, sharm nahi aati, besharam, beshram, doob maro, dub maro, kamchor,
    jahil, shameless people, शर्म करो, शर्म नहीं आती, बेशर्म, डूब मरो, कामचोर, जाहिल`),
  spam: lines(`
    follow back, follow for follow, f4f, dm for, dm me for, earn money, earn daily, earn rs, work from home, crypto,
    bitcoin, giveaway, click here, click the link, link in bio, promo code, discount code, cashback offer, loan approved,
    instant loan, betting, casino, lottery, jackpot, whatsapp me, telegram channel, subscribe, onlyfans, sugar daddy,
    free recharge, win iphone, paise kamao, ghar baithe, ghar baithe kamaye, लाखों कमाएं, घर बैठे, followers cheap,
    buy followers, 100 confirm, confirm ticket guaranteed, per week from home, per day from home, earn per,
    limited offer, offer valid, use code, sign up now, join now, dm now, inbox me`),
  news: lines(`
    breaking, breaking news, report, reports, reported, reportedly, according to, sources say, sources said,
    announced, announces, launches, launched, inaugurated, inaugurates, statement, press release, press conference,
    read more, watch, live updates, exclusive, headline, headlines, editorial, op ed, minister said, government said,
    govt said, officials said, data shows, survey, newsletter, webinar, register now, apply now, last date, notification,
    recruitment, vacancy, vacancies, admit card, result declared, advisory, guidelines, new rules, new rule,
    says spokesperson, spokesperson said, to visit, will visit, arrested, busts, busted, deployed, set up in,
    magnitude, casualties, death toll, to run, will run, special trains, blocks, crackdown, urged to, citizens urged,
    clarifies, signs, meets, reviews, to get new,
    शुरू, उद्घाटन, घोषणा, खबर, समाचार, रिपोर्ट, ब्रेकिंग, तैनात, प्रभावित इलाकों, एडवाइजरी`),
  // "fire" and "firing" share a key that "FIR" does not; "fired" (sacked) stays apart.
  critical: lines(`
    help me please, save me, save us, in danger, danger, life threatening, threat to life, kill, killed, killing,
    murder, kidnap, kidnapped, kidnapping, abducted, rape, raped, molest, molested, molesting, sexual assault,
    acid attack, domestic violence, being followed, following me, followed me, stalking me, stalker, touched me,
    misbehaving with me, misbehaving with my, misbehaving with women, misbehaving with girls, eve teasing, unsafe,
    alone, scared, suicide, heart attack, chest pain, being harassed, harassing women, harassing girls,
    unconscious, not breathing, bleeding, heavy bleeding, pregnant, labour pain, labor pain, delivery pain, seizure,
    medical emergency, ambulance, सीने में दर्द, seene mein dard, doctor needed, need doctor, need a doctor,
    send a doctor, send doctor, collapsed, fainted, high fever, snake bite, burning, smoke coming, smoke in, fire,
    fired at, fired upon, shots fired, flood, flooded, drowning, earthquake, landslide, cyclone, building collapse, trapped, stranded,
    stampede, bomb, blast, terror, terrorist, gun, gunshot, gunshots, shooting, goli chali, गोली, knife, riot, riots, mob, missing child, child missing,
    lost child, died, dead body, death, water rising, dragged, being dragged, forced into,
    bachao, bachaiye, jaan ka khatra, khatra, maar dalenge, maar denge, marne, aatmahatya, khoon, behosh,
    chhed, chhedchhad, chhedkhani, ched chad, peecha, peecha kar raha, akeli, aag, aag lagi, baadh, bhukamp, dooba, doob,
    बचाओ, बचाइए, खतरा, जान का खतरा, मार डालेंगे, हत्या, अपहरण, बलात्कार, छेड़छाड़, छेड़खानी, पीछा, अकेली, डर,
    आत्महत्या, खून, बेहोश, दिल का दौरा, एम्बुलेंस, आग, बाढ़, भूकंप, भूस्खलन, डूब, फंसे, फंसी, धमाका, मौत,
    வெள்ளம், தீ விபத்து, நிலநடுக்கம், காப்பாற்றுங்கள், వరద, వరదలు, అగ్ని ప్రమాదం, భూకంపం, ಪ್ರವಾಹ, ಬೆಂಕಿ, ಭೂಕಂಪ,
    വെള്ളപ്പൊക്കം, പ്രളയം, തീപിടിത്തം, ഉരുൾപൊട്ടൽ, ഭൂകമ്പം, বন্যা, আগুন, ভূমিকম্প, বাঁচাও, પૂર, આગ, ભૂકંપ, બચાવો,
    ਹੜ੍ਹ, ਅੱਗ, ਭੂਚਾਲ, ਬਚਾਓ, ବନ୍ୟା, ବାତ୍ୟା, ଭୂମିକମ୍ପ, سیلاب, آگ, زلزلہ, بچاؤ`),
  urgent: lines(`
    urgent, urgently, asap, immediately, immediate, at the earliest, emergency, tatkal, jaldi, turant, fauran,
    flight tomorrow, flight today, travel tomorrow, travelling tomorrow, traveling tomorrow, exam tomorrow,
    visa appointment tomorrow, deadline, right now, तुरंत, जल्दी, अत्यावश्यक, आपातकाल, फौरन,
    அவசரம், அவசரமாக, అత్యవసరం, ತುರ್ತು, জরুরি, জরুরী, તાત્કાલિક, ਤੁਰੰਤ, ਜ਼ਰੂਰੀ, ଜରୁରୀ, فوری`),
  neutralProblem: lines(`
    complaint, complain, issue, issues, problem, problems, grievance, query, samasya, shikayat, समस्या, शिकायत,
    புகார், பிரச்சனை, பிரச்சினை, ఫిర్యాదు, సమస్య, ದೂರು, ಸಮಸ್ಯೆ, പരാതി, പരാതിക്ക്, പ്രശ്നം, অভিযোগ, সমস্যা,
    ફરિયાદ, સમસ્યા, ਸ਼ਿਕਾਇਤ, ਸਮੱਸਿਆ, ଅଭିଯୋଗ, ସମସ୍ୟା, شکایت, مسئلہ`),
  duration: lines(`
    since, hours, days, weeks, months, years, ghante, din, hafte, mahine, saal, घंटे, दिन, हफ्ते, महीने, साल`),
  // Something was sorted out. Outcome verbs keep their -ed ("resolved my issue" is not
  // "resolve my issue", "helped me" is not "help me"); "get it resolved" still asks, so the
  // past forms count with what they were done to or a word that says it is over.
  resolved: lines(`
    been resolved, got resolved, is resolved, was resolved, resolved my, resolved our, resolved the, resolved it,
    resolved now, issue resolved, complaint resolved, problem resolved, for resolving, been sorted, got sorted,
    got it sorted, is sorted, was sorted, sorted my, sorted it, sorted out my, for sorting, been solved, got solved,
    was solved, solved my, problem solved, issue solved, for solving, been fixed, got fixed, was fixed, is fixed,
    fixed now, helped me, helped us, helped my, rescued us, rescued me, rescued my, saved my, saved us, got my, received my,
    finally received, finally got, issue closed, refunded, was refunded, got refund, got the refund,
    refund received, received the refund, credited now, recovered, for recovering, madad ki, help kiya, help ki, मदद की, prompt response, quick response,
    prompt action, quick action, timely action, timely help, quick help, fast response, found my, for finding,
    for helping, for rescuing, for saving, for evacuating, came on time, on time, in time, samay par,
    समय पर,
    hal ho gaya, ho gaya solve, samadhan ho gaya, mil gaya, mil gayi, bacha liya, bach gaya, bach gaye,
    समाधान हो गया, हल हो गया, मिल गया, मिल गई`),
  politeThanks: lines(`
    thanks in advance, thank you in advance, advance thanks, in advance, thanks and regards, regards,
    thanks for any help, dhanyavad sahit, अग्रिम धन्यवाद`),
  sarcasm: lines(`
    thanks for nothing, thank you for nothing, great going, slow clap, what a joke, well done indeed,
    bahut badhiya seva, thanks a lot for nothing`),
  // Something is still wrong now, whatever was said before it ("thanks, but …").
  ongoing: lines(`
    still, again, yet to, not yet, even now, even after, but, however, though, abhi bhi, ab bhi, phir se, fir se,
    dobara, lekin, magar, अभी भी, अब भी, फिर से, दोबारा, लेकिन, मगर, is pending, are pending, still pending,
    pending since, pending for, not resolved, not been resolved, unresolved, no response, no reply, not working,
    not received, third time, as usual, once again, every time, never, har baar, हर बार, hasn't been, haven't been,
    hasnt been, havent been, not been, not sorted, not fixed, not solved`),
  // Evaluation with no concrete problem: "bakwas system", "koi kaam nahi karta", "worst
  // ministry". Read together with a rule match or a named problem, never on its own.
  venting: lines(`
    useless, worst, pathetic, horrible, terrible, disgusting, hopeless, shameful, third class, bakwas, bakvas, bekar,
    bekaar, ghatiya, faltu, nikamma, nikamme, koi kaam nahi, kuch kaam nahi, koi kaam nahi karta, kuch nahi karte,
    kuch nahi karti, kuch nahi karta, sab so rahe, so rahe ho, soye hue, no one works, nobody works, doing nothing,
    good for nothing, zero accountability, बकवास, बेकार, घटिया, फालतू, निकम्मा, निकम्मे, कोई काम नहीं, कुछ नहीं करते`),
  suggestion: lines(`
    suggest, suggestion, suggestions, should introduce, should start, should add, would be nice, would be great,
    please consider, it would help, feature request, idea, sujhav, सुझाव`),
  // How official accounts answer (a zonal railway, a police station, another ministry):
  // read by the triage model, never by the rules' verdict. A citizen quoting such a reply
  // back ("every time: inconvenience is regretted") still complains: it only keeps a
  // tweet from being acknowledged without a person looking.
  officialReply: lines(`
    inconvenience is regretted, inconvenience caused is regretted, regret the inconvenience, we regret,
    sorry for the inconvenience, kindly dm, please dm, pls dm, dm your, dm us, dm the details, share your contact,
    share your mobile number, share your pnr, share the pnr, share your contact number, share details via dm,
    please share your, please share the details, kindly provide, please provide your, provide your contact,
    matter has been, has been informed, have been informed, informed to the concerned, concerned official,
    concerned officials, concerned authority, concerned department, concerned staff, concerned team,
    has been forwarded, been forwarded, forwarded to, has been escalated, been escalated, escalated to,
    has been taken up, taken up with, is being looked into, being looked into, necessary action,
    appropriate action, needful action, action is being taken, for necessary action, for needful,
    dear passenger, dear citizen, dear user, dear customer, we are looking into,
    we have noted, noted for, your concern, your complaint has been, complaint has been registered, registered your complaint,
    complaint has been registered with, kindly contact, please contact, please call, please dial, kindly call,
    contact nearest police station, approach the nearest, visit the nearest, with your details, for assistance,
    for further assistance, we apologise, we apologize, हमें खेद है, असुविधा के लिए खेद है,
    खेद है, असुविधा के लिए, संबंधित अधिकारी, संबंधित अधिकारियों, सूचित कर दिया गया, अवगत करा दिया गया, अवगत कराया गया,
    कृपया अपना, डीएम करें, संपर्क नंबर साझा करें, पीएनआर साझा करें, आवश्यक कार्रवाई, उचित कार्रवाई, कार्यवाही हेतु,
    sambandhit adhikari, suchit kar diya, awgat kara diya, khed hai`),
}
