// External Affairs: passports, visas and OCI, Indians in distress abroad, emigration, attestation.
import { L } from './common'
import type { OrgContent } from './spec'

const RPO = L(`
Delhi
Mumbai
Lucknow
Bareilly
Ghaziabad
Chandigarh
Jalandhar
Amritsar
Kozhikode
Cochin
Trichy
Madurai
Hyderabad
Patna
Kolkata
Bhubaneswar
Bengaluru
Chennai
Ahmedabad
Pune
Jaipur
Bhopal
Ranchi
Guwahati
Thane
Malappuram
Visakhapatnam
Raipur`)
const GULF = [
  'Saudi Arabia',
  'Kuwait',
  'Qatar',
  'UAE',
  'Oman',
  'Bahrain',
  'Malaysia',
  'Iraq',
  'Libya',
  'Jordan',
  'Israel',
  'Russia',
  'Myanmar',
  'Cambodia',
  'Laos',
]
const WEST = [
  'USA',
  'UK',
  'Canada',
  'Germany',
  'Australia',
  'France',
  'Netherlands',
  'Ireland',
  'New Zealand',
  'Singapore',
  'Japan',
  'Italy',
]
const JOBS = [
  'driver',
  'housemaid',
  'nurse',
  'electrician',
  'welder',
  'security guard',
  'cook',
  'labourer',
  'plumber',
  'data entry operator',
]

export const MEA: OrgContent = {
  org: 'mea',
  ours: ['MEAIndia', 'passportsevamea', 'MEAcpv', 'OIA_MEA', 'IndianDiplomacy'],
  slots: {
    rpo: (g) => g.pick(RPO),
    gulf: (g) => g.pick(GULF),
    west: (g) => g.pick(WEST),
    job: (g) => g.pick(JOBS),
    file: (g) =>
      `${g.pick(['DL', 'MH', 'UP', 'KL', 'TN', 'WB', 'BR', 'PB', 'TS', 'KA'])}${g.int(1061000000000, 1079999999999)}`,
    arn: (g) => `${g.pick(['24', '25', '26'])}-${g.int(1000000, 9999999)}`,
    d: (g) => String(g.pick([5, 7, 10, 15, 20, 25, 30, 45, 60, 90])),
    months: (g) => String(g.int(2, 11)),
    amount: (g) => String(g.pick([50000, 80000, 1.2e5, 1.5e5, 2e5, 3.5e5, 500, 1500, 2000])),
    hours: (g) => String(g.int(2, 9)),
    n: (g) => String(g.int(100000, 999999)),
    ours_emb: (g) =>
      g.pick(['@IndEmbRiyadh', '@IndianEmbKwt', '@IndEmbDoha', '@IndembAbuDhabi', '@cgidubai', '@IndiaInMuscat', '']),
  },
  divisions: {
    passport: {
      en: L(`
        my passport file no {file} [is on hold|shows on hold|is stuck] for {d} days after police verification [cleared|was done]
        passport [not dispatched|not delivered|still printing] even after {d} days, file {file}, RPO {rpo}
        [my|our] [tatkal|normal] passport renewal [pending|not granted] for {d} days, [i have a flight|my visa appointment] [next week|on the 20th]
        [PSK|POPSK] {rpo} [cancelled|rescheduled] my appointment [twice|again] [without reason|at the last minute]
        [name|date of birth|address] [printed wrong|spelling mistake] in my new passport, [RPO|PSK] {rpo} [not correcting|asks me to apply again]
        [no|zero] passport appointment [slots|dates] [available|showing] at PSK {rpo} for [two months|weeks]
        [my|our] [lost|damaged] passport [reissue|application] [pending|not processed] for {months} months
        [speed post|India Post] [returned|lost] my passport [saying|marked] [address not found|door locked], file {file}
        [i|we] [visited|went to] RPO {rpo} [three times|again], [no one|officers] [answers|tell] why my file is [on hold|pending]
        [minor|my child's] passport [application|file] {file} stuck at [granting|police verification] for {d} days
        police verification [done|completed] {d} days ago but status still shows PV report awaited, file {file}
        [mPassport app|passport seva portal] [shows error|not working] and [payment|Rs {amount}] [deducted|debited] but appointment not booked
        [my|our] old passport [not returned|was not given back] after reissue at RPO {rpo}
        [address change|ECNR removal] in passport pending {months} months, RPO {rpo} not replying to my grievance
        [PCC|police clearance certificate] appointment not available at PSK {rpo}, [job abroad|visa] deadline next month
        verification constable [asking|demanding] Rs {amount} to send my passport [PV|police report]
      `),
      short: L(`
        passport on hold {d} days, file {file}
        no appointment slots at PSK {rpo}
        passport not dispatched, {d} days after PV
        wrong DOB printed in passport, RPO {rpo}
        PSK {rpo} cancelled appointment again
        renewal pending, flight next week. file {file}
        speed post returned my passport 😡
        PV done, still awaited, file {file}
        passport payment failed, Rs {amount} gone
        PCC slot not available at PSK {rpo}
        old passport not returned, RPO {rpo}
      `),
      hl: L(`
        mera passport {d} din se hold par hai, file {file}
        police verification clear hone ke baad bhi passport dispatch nahi hua
        PSK {rpo} me appointment hi nahi mil raha
        passport me naam galat chhap diya, RPO {rpo} sahi nahi kar raha
        PV ho gaya {d} din pehle par status abhi bhi awaited dikha raha, file {file}
        PSK {rpo} me PCC ka slot hi nahi mil raha
      `),
      hi: L(`
        मेरा पासपोर्ट {d} दिन से होल्ड पर है, फाइल {file}
        पुलिस सत्यापन के बाद भी पासपोर्ट डिस्पैच नहीं हुआ
        पासपोर्ट सेवा केंद्र {rpo} में अपॉइंटमेंट नहीं मिल रहा
      `),
    },
    visa: {
      en: L(`
        my [OCI|OCI card] [application|reissue] {arn} is pending for {months} months [at|with] [the consulate|VFS] in {west}
        [Indian e-visa|e-visa] for my [wife|husband|friend] from {west} [rejected|refused] [without reason|twice], [we are getting married|wedding next month]
        [VFS|BLS] in {west} [cancelled|is not giving] [my|our] visa appointment, [travel|flight] to India [on|next] [the 10th|week]
        [renunciation|surrender] certificate [pending|not issued] for {months} months, [cannot apply OCI|stuck]
        [my|our] [tourist|medical|business] visa for India [stuck|no update] for {d} days, [patient needs treatment|conference next week]
        OCI [status|website] shows [under process|no update] since {months} months, [consulate|nobody] not replying to emails
        my [parents|in-laws] from {west} applied for [e-visa|tourist visa] but it shows pending for {d} days
        OCI card [misprinted|has wrong name|has wrong photo], consulate in {west} [asks to reapply|not responding]
        OCI [update|re-issue] after new passport [pending|not done] for {months} months, cannot travel to India
        [e-visa|visa] fee charged twice but [no ETA|application not submitted], Rs {amount}
        [Indian visa|e-visa] portal [rejecting|not accepting] my [photo|passport scan], [tried many times|flight on Friday]
      `),
      short: L(`
        OCI pending {months} months, {west}
        e-visa rejected twice, no reason
        VFS {west} cancelled visa appointment
        surrender certificate stuck {months} months
        medical visa stuck {d} days, patient waiting
        OCI misprint, consulate not replying
        e-visa pending {d} days, parents from {west}
        visa fee charged twice, Rs {amount}
        e-visa site rejecting photo
      `),
      hl: L(`
        meri wife ka e-visa do baar reject ho gaya, koi reason nahi diya
        OCI card {months} mahine se pending hai, consulate jawab nahi deta
        OCI card me naam galat chhap gaya, consulate jawab nahi de raha
      `),
      hi: L(`
        मेरी पत्नी का ई-वीज़ा दो बार अस्वीकार कर दिया गया
        ओसीआई कार्ड {months} महीने से लंबित है
      `),
    },
    consular: {
      en: L(`
        my [brother|husband|son] is stranded in {gulf}, employer [took his passport|not paying salary for {months} months], please help {ours_emb}
        [my|our] [father|cousin] died in {gulf} {d} days ago, [mortal remains|body] still not sent back to India, {ours_emb}
        [my|our] [son|daughter] [is missing|not reachable] in {gulf} for {d} days, [the embassy|nobody] is not responding
        [indian|we indian] [workers|nurses] stuck in {gulf} [without food|in a camp], [company closed|no salary], please evacuate
        [my husband|my brother] [arrested|detained|in jail] in {gulf} [without reason|for {months} months], [no consular access|embassy not helping]
        [i|we] [lost|had] my passport [stolen|snatched] in {west}, [emergency certificate|new passport] [needed urgently|pending] at [the embassy|the consulate]
        [my|our] [son|relatives] [forced|tricked] into [the russian army|a war zone] in [Russia|Myanmar|Cambodia], please bring them back
        Indian [students|pilgrims|tourists] [stuck|stranded] in {gulf} [after the flights were cancelled|because of the curfew|after the fighting], please arrange evacuation
        my [uncle|brother] [is in ICU|is hospitalised] in {gulf}, [employer abandoned him|no money for treatment], embassy please help
        my [sister|daughter] works as a {job} in {gulf}, the employer [beats her|locked her in the house|does not let her call], please rescue her
        fishermen from our village [arrested|caught] by the [Sri Lankan|Pakistani] navy, [no news for {d} days|please get them released]
        embassy in {west} [not responding|no reply] to my emergency certificate request for {d} days, [my flight|visa] is expiring
        my [husband|son] [sentenced|facing trial] in {gulf}, [we need legal help|family cannot get a lawyer], please help
      `),
      short: L(`
        brother stranded in {gulf}, employer took passport
        body of my father still in {gulf} after {d} days
        son missing in {gulf}, embassy silent
        workers without food in {gulf}, evacuate please
        husband detained in {gulf}, no consular access
        students stuck in {gulf}, evacuation please
        brother in ICU in {gulf}, no money, please help
        fishermen arrested by navy, no news
        sister locked by employer in {gulf}
        emergency certificate pending at embassy {d} days
      `),
      hl: L(`
        mera bhai {gulf} me fansa hai, company passport nahi de rahi aur salary bhi nahi
        papa ki {gulf} me death ho gayi, shav abhi tak India nahi aaya
        hamare gaon ke ladke {gulf} me fanse hai, khana bhi nahi mil raha, wapas lao
        meri behen {gulf} me {job} hai, malik use maarta hai aur phone nahi karne deta, bachao
        hamare bacche {gulf} me fanse hai, flights band hai, nikalo
      `),
      hi: L(`
        मेरा भाई {gulf} में फंसा है, कंपनी ने पासपोर्ट रख लिया है
        पिताजी का {gulf} में निधन हो गया, शव अभी तक भारत नहीं आया
        हमारे गांव के लड़के {gulf} में फंसे हैं, कृपया वापस लाएं
        हमारे छात्र {gulf} में फंसे हैं, उड़ानें रद्द हो गई हैं, कृपया निकालें
      `),
    },
    emigration: {
      en: L(`
        [a recruiting agent|an agent] in {rpo} took Rs {amount} for a {job} job in {gulf} and [disappeared|gave a fake visa]
        [fake|fraud] [placement agency|manpower agency] [cheated|duped] [us|30 boys] with [fake job offers|fake visas] for {gulf}
        [my|our] emigrate [clearance|registration] [pending|rejected] [for|since] {d} days, [flight next week|job offer will lapse]
        [agent|the agency] [promised|said] {job} job in {gulf} but [they made him|he is made to] work [as a labourer|without pay]
        [PBBY|insurance] claim for my [husband|son] injured in {gulf} [pending|rejected] for {months} months
        eMigrate [registration|ECR clearance] [failing|shows error] for my {job} visa to {gulf}, [flight on Monday|job starts next week]
        registered recruiting agent charging Rs {amount} [service charge|for medical] above the limit for a {gulf} job, [no receipt|no bill]
        agent [keeping|holding] my original passport and [asking|demanding] Rs {amount} to return it, {rpo}
        [salary reduced|contract changed] after reaching {gulf}, the agent in {rpo} [not responding|says nothing can be done]
        [pre departure orientation|PDOT] certificate not updating on eMigrate, [flight tomorrow|clearance stuck]
        unregistered agent in {rpo} sending [girls|boys] to {gulf} on visit visa for jobs, [please stop him|we were cheated]
      `),
      short: L(`
        agent took Rs {amount}, fake visa for {gulf}
        fake manpower agency cheated 20 boys, {rpo}
        eMigrate clearance pending {d} days
        promised {job} job, working as labourer in {gulf}
        agent charging Rs {amount} above limit, no receipt
        agent holding my passport, asking Rs {amount}
        salary cut after landing in {gulf}, agent silent
        ECR clearance error on eMigrate
      `),
      hl: L(`
        agent ne {gulf} me naukri ke naam par {amount} rupaye le liye aur gayab ho gaya
        fake agency ne nakli visa de diya, hum thage gaye
        agent ne mera passport rakh liya hai, {amount} rupaye maang raha hai wapas dene ke
      `),
      hi: L(`
        एजेंट ने {gulf} में नौकरी के नाम पर {amount} रुपये ले लिए और गायब हो गया
        फर्जी एजेंसी ने नकली वीज़ा दे दिया
      `),
    },
    attestation: {
      en: L(`
        [my|our] [degree|marriage|birth] certificate attestation [pending|not done] at MEA [for|since] {d} days, [job joining|visa] [next week|deadline]
        apostille [application|documents] [sent|submitted] {d} days ago [but|and] [no status|not returned|tracking shows nothing]
        [MEA attestation|the attestation] [counter|outsourcing centre] in {rpo} [asking|charging] Rs {amount} extra
        [my|our] documents [lost|misplaced] by the attestation [agency|centre] {d} days after submission
        [apostille|attestation] [rejected|returned] [without reason|twice] for [my|the] [PCC|educational documents]
        [birth|marriage] certificate apostille [rejected|returned] saying [signature not verified|state attestation missing]
        state attestation done but MEA apostille stuck for {d} days, [job offer|university admission] in {west}
        no [apostille|attestation] slot on the portal for {d} days, [visa|joining] deadline coming
        [eSanad|e-sanad] payment failed, Rs {amount} deducted, [no apostille|status shows nothing]
        courier [lost|returned] my apostilled [documents|degree] sent from the MEA branch {rpo}
      `),
      short: L(`
        apostille pending {d} days, no status
        degree attestation stuck, joining next week
        attestation centre {rpo} charging extra
        documents lost by attestation agency
        eSanad payment failed, Rs {amount} deducted
        apostille rejected, signature not verified
        no apostille slot for {d} days
        apostilled degree lost by courier
      `),
      hl: L(`
        degree ka apostille {d} din se pending hai, naukri join karni hai
        attestation center wale extra paise maang rahe hai
        eSanad par payment kat gaya par apostille nahi hua
      `),
      hi: L(`
        डिग्री का एपोस्टिल {d} दिन से लंबित है
        सत्यापन केंद्र वाले अतिरिक्त पैसे मांग रहे हैं
      `),
    },
    general: {
      en: L(`
        [my|our] grievance on [CPGRAMS|the MEA portal] about [my case|the issue] was closed without any [reply|action]
        [i|we] [emailed|wrote to] [the ministry|MEA] {d} days ago, [no acknowledgement|no reply] till now
        MEA [helpline|call centre] [not answering|keeps disconnecting] for {d} days
        MEA [website|portal] [down|not loading] for {d} days, [cannot file|unable to track] my grievance
        [i|we] [wrote|sent] letters to MEA about [my case|the issue] {d} days ago, no reply, please look into it
        RTI reply from MEA [not received|incomplete] after {d} days
        [officer|staff] at the MEA [office|reception] [was rude|misbehaved] with my father when he went for enquiry
      `),
      short: L(`
        CPGRAMS closed without reply
        MEA helpline not answering for days
        no reply to my email {d} days
        MEA portal not loading {d} days
        RTI reply from MEA not received
        letters to MEA, no reply for {d} days
      `),
      hl: L(`
        MEA helpline koi phone nahi uthata {d} din se
        MEA ki website {d} din se nahi khul rahi, shikayat kaise karein
      `),
      hi: L(`
        मंत्रालय की हेल्पलाइन कोई फोन नहीं उठाता
        सीपीग्राम पर मेरी शिकायत बिना किसी कार्रवाई के बंद कर दी गई
        मंत्रालय को {d} दिन पहले [ईमेल|पत्र] भेजा था, अब तक कोई जवाब नहीं मिला
        विदेश मंत्रालय की वेबसाइट {d} दिन से नहीं खुल रही, शिकायत दर्ज नहीं हो पा रही
      `),
    },
  },
  otherScripts: [
    ['passport', 'என் பாஸ்போர்ட் {d} நாட்களாக நிலுவையில் உள்ளது, உதவுங்கள்'],
    ['consular', 'എന്റെ സഹോദരൻ {gulf} ൽ കുടുങ്ങിയിരിക്കുന്നു, സഹായിക്കണം'],
    ['passport', 'আমার পাসপোর্ট এখনও আসেনি, দয়া করে সাহায্য করুন'],
    ['consular', 'ਮੇਰਾ ਪੁੱਤਰ {gulf} ਵਿੱਚ ਫਸਿਆ ਹੈ, ਮਦਦ ਕਰੋ'],
    ['emigration', 'ఏజెంట్ డబ్బులు తీసుకుని మోసం చేశాడు, దయచేసి సహాయం చేయండి'],
    ['passport', 'મારો પાસપોર્ટ {d} દિવસથી બાકી છે'],
    ['consular', 'میرا بھائی {gulf} میں پھنسا ہوا ہے، مدد کریں'],
  ],
  grievanceTags: L(`
    Passport
    PassportSeva
    HelpNeeded
    Urgent
    SaveOurBoys
    OCI
    Stranded
    Justice
  `),
  newsTags: L(`
    MEA
    IndiaFirst
    Diplomacy
    G20
    VasudhaivaKutumbakam
    PassportSeva
    PBD2027
    IndiaAt80
    Breaking
  `),
  officialListed: L(`
    IndEmbRiyadh
    IndianEmbKwt
    IndEmbDoha
    IndembAbuDhabi
    cgidubai
    IndiaInMuscat
    HCI_London
    IndianEmbassyUS
    CGISFO
    RPO_Delhi
    rpomumbai
    PIB_India
  `),
  officialPatterned: L(`
    IndiaInGermany
    IndiainNepal
    India_in_Canada
    indiainUK
    CGI_Toronto
    cgi_jeddah
    IndianEmbassyBahrain
    EmbassyIndiaAM
    ConsulateIndiaNY
    rpo_lucknow
    RPO_Patna
    RPOKozhikode
  `),
  officialUnlisted: L(`
    DrSJaishankar
    MEAQuery
    VFSGlobal
    BLSIntl
    IndiaPostOffice
    Emigrate_MEA
    kerala_norka
    NorkaRoots
    MoCA_GoI
    airindia
    IndiGo6E
    MEAVideo
  `),
  officialReplies: L(`
    [Dear applicant|Dear Sir/Madam], please share your file number [and|&] contact details via DM [for checking the status|so that we can assist]
    [Please|Kindly] DM your file number. [The concerned RPO|RPO {rpo}] has been informed
    [We have noted your concern|Noted]. [The matter has been taken up|The Embassy is in touch] with [the employer|local authorities] [for necessary action|and will update you]
    [Dear|Respected] [applicant|citizen], your [application|file] is under process. You will be informed [once|after] [police verification is received|it is dispatched]
    [The Embassy|Consulate] [is in touch with|has contacted] the family. [Kindly|Please] share [passport copy|contact number] [via DM|on email]
    [Kindly|Please] contact the [Embassy helpline|24x7 helpline] at [+966|+965|+974] [number|] or write to cons.{rpo}@mea.gov.in
    [Sir|Madam], [the mortal remains|the body] [will be|are being] repatriated [after completing|once] local formalities. [Our condolences|Deepest condolences]
    [Please|Kindly] [visit|approach] the [nearest|concerned] Passport Seva Kendra with [original documents|your file number] [for assistance|]
    [Your concern|The issue] has been [forwarded|escalated] to [the RPO|the concerned section] for [necessary action|immediate action]
    [Appointments|Additional slots] are released [daily|every week] at 18:00 hrs. [Kindly|Please] keep checking the portal
    प्रिय आवेदक, कृपया अपनी फाइल संख्या डीएम करें, [संबंधित अधिकारी को अवगत करा दिया गया है|आवश्यक कार्रवाई की जाएगी]
    [दूतावास|मिशन] परिवार के संपर्क में है, [कृपया विवरण साझा करें|आवश्यक सहायता दी जा रही है]
    [Beware|Caution] of [fake|unregistered] recruiting agents. [Check|Verify] the agent on emigrate.gov.in [before paying|]
    [Dear|Respected] [citizen|applicant], [we regret the inconvenience|inconvenience caused is regretted]. [The matter is being looked into|Kindly DM details]
  `),
  opinions: L(`
    [passport|visa] [fees|charges] are too high [for students|for the poor], please [reduce|think] {ours_at}
    there should be a [policy|scheme] for [Indian workers|nurses] [in the gulf|abroad] [against|to stop] [exploitation|kafala], [please|kindly] [consider|act]
    [our|indian] foreign policy [is a failure|is weak] [on|with] [china|the neighbours|canada], [please|] [wake up|do something]
    [the|this] [minister|ministry] [only|just] [does|cares about] [photo ops|PR] abroad, [what about|not] [indians in distress|students]
    [dual citizenship|OCI voting rights] [should be|must be] [allowed|given] to [NRIs|the diaspora], [please|]
    [why|how come] [indian|our] passport [ranks so low|is so weak] [in the world|globally]? [please|pls] [work on it|fix this]
    [in my opinion|imo|honestly] [the|our] [embassies|missions] [are useless|do nothing] [for|to help] [workers|common people]
    [stop|please stop] [evacuating|bringing back] [people|them] [for free|with taxpayer money], [they|people] [chose|went] [to go|there]
    [the|this] [government|ministry] [should|must] [ban|blacklist] [agents|countries] that [exploit|cheat] [workers|indians]
  `),
  demands: L(`
    [please|kindly] [open|start] a [new|] Passport Seva Kendra in [our district|{rpo} rural|every tehsil]
    [please|kindly] [increase|add] [appointment slots|tatkal slots] [at|in] [all PSKs|PSK {rpo}] [please|]
    [please|kindly] [start|begin] [direct flights|e-visa] [for|to] [{west}|{gulf}] [citizens|] {ours_at}
    [we|students] [demand|want] [a scholarship|visa support] [for|to] [study in|go to] {west} [please|]
    [please|kindly] [recruit|release] [IFS|ASO] [posts|vacancies] [this year|soon]
  `),
  news: L(`
    [EAM|External Affairs Minister] [meets|holds talks with] [his|the] [{west}|{gulf}] counterpart [in New Delhi|on the sidelines of the summit] [today|]
    [India|MEA] [evacuates|brings back] [{hours}00|1,200] [Indian nationals|citizens] from [{gulf}|Sudan|Israel] [under Operation|via] [Kaveri|Ajay|special flights]
    [Passport Seva|MEA] [launches|rolls out] [e-passport|ePassport] [in|at] [{hours}|all] [PSKs|cities] [from today|this month]
    [Press release|Statement]: India [condemns|welcomes] the [attack|decision] [in|by] [{west}|{gulf}], [calls for|urges] restraint
    [Breaking|BREAKING]: [India|New Delhi] [expels|summons] [diplomat|envoy] of [{west}|{gulf}] over [remarks|incident]
    [Watch|Live]: [weekly media briefing|press conference] by the official spokesperson [at 4 pm|today]
    [Read|Report]: [Indian|record] [remittances|diaspora] [hit|reach] [record|$125 billion] [in 2025|this year], [World Bank|report] says
    [PBD|Pravasi Bharatiya Divas] [2027|convention] to be held in [Bhubaneswar|Indore], [registration open|register now]
    विदेश मंत्री ने [{west}|{gulf}] के विदेश मंत्री से [मुलाकात की|बातचीत की]
    [पासपोर्ट सेवा|विदेश मंत्रालय] [शिविर|मेला] [{rpo} में|आज] [आयोजित|लगाया गया]
    [Advisory|Travel advisory]: [Indians|Indian nationals] in [{gulf}|Iran|Lebanon] advised to [avoid travel|remain alert|register with the embassy]
    {rpo} പാസ്പോർട്ട് ഓഫീസ് ശനിയാഴ്ച പ്രത്യേക ക്യാമ്പ് സംഘടിപ്പിക്കും
    [Passport Adalat|Passport Mela] [on Saturday|this weekend] at RPO {rpo} [for pending cases|for walk-in applicants]
    [India and|India,] [{west}|{gulf}] [sign|ink] [MoU|agreement] on [migration and mobility|labour welfare|trade]
  `),
  praise: L(`
    [thank you|thanks] {ours_at} [and|&] [the embassy|RPO {rpo}] for [getting my passport in time|the quick help|bringing my brother home] 🙏
    [kudos|hats off] to [our|the] [embassy|mission] in {gulf} for [rescuing|helping] [the workers|our boys]
    [my|our] passport [came|was delivered] in {hours} days, [great service|excellent work] Passport Seva
    [proud|so proud] of [our|indian] diplomacy [🇮🇳|🙏], [well done|great job] {ours_at}
    [PSK|POPSK] {rpo} staff [were very helpful|helped my old parents], [thank you|kudos]
  `),
  questions: L(`
    [what|which] documents [are needed|are required] for [passport renewal|minor passport|tatkal passport]?
    [how|where] [to|can I] [apply|book] [PCC|police clearance certificate] [for|from] {west}?
    [is|does] [OCI|e-visa] [needed|required] for [my child born in|a visit from] {west}?
    [how many|what] [days|time] does [apostille|attestation] take [usually|these days]?
    [can|may] I [travel|fly] [with|on] [an old|the cancelled] passport [and|with] [new visa|valid visa]?
  `),
  mediaHandles: L(`
    WIONews
    ThePrintIndia
    gulf_news
    khaleejtimes
    manoramanews
    mathrubhumi
    DiplomaticWire
    IndiaGlobal
    nri_news
    OverseasIndian
  `),
  affiliated: {
    usernames: [],
    patterns: ['^indiain', '^india_in_', '^cgi_?', '^(ind|indian)?emb', 'embassy', '^consulate', '^rpo_?', '^hci_'],
  },
}
MEA.affiliated.usernames = MEA.officialListed
