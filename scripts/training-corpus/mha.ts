// Home Affairs: police, cyber fraud, women's safety, CAPF service matters, disasters, foreigners.
import { L } from './common'
import type { OrgContent } from './spec'

const CITIES = L(`
Delhi
Gurugram
Noida
Ghaziabad
Faridabad
Lucknow
Kanpur
Jaipur
Bhopal
Indore
Patna
Ranchi
Pune
Hyderabad
Bengaluru
Kolkata
Guwahati
Srinagar
Jammu
Imphal
Raipur
Dehradun
Chandigarh
Ludhiana
Amritsar
Meerut
Agra
Varanasi
Prayagraj
Surat
Nagpur
Siliguri
Shillong
Agartala
Aizawl
Bhubaneswar
Cuttack
Thane
Howrah
Gaya`)
const PS = L(`
Kotwali
Sadar
Civil Lines
Model Town
Sector 39
Saket
Lajpat Nagar
Hazratganj
Gomti Nagar
Kalyanpuri
Shahdara
Mehrauli
Dwarka North
Rohini
Vasant Kunj
Indirapuram
Kavi Nagar
Aliganj
Chinhat
Kankarbagh
Gandhi Maidan
Lalbagh
Banjara Hills
Whitefield
Park Street`)
const APPS = [
  'PhonePe',
  'Paytm',
  'GPay',
  'Google Pay',
  'WhatsApp',
  'Instagram',
  'Facebook',
  'Telegram',
  'a loan app',
  'an OLX buyer',
]
const FORCES = ['CRPF', 'BSF', 'CISF', 'ITBP', 'SSB', 'Assam Rifles']
const COUNTRIES = [
  'Nepal',
  'Bangladesh',
  'Afghanistan',
  'USA',
  'UK',
  'Germany',
  'Nigeria',
  'Sri Lanka',
  'Myanmar',
  'Canada',
  'France',
  'Japan',
]

export const MHA: OrgContent = {
  org: 'mha',
  ours: ['HMOIndia', 'MHA_Grievance', 'CyberDost', 'BOI_MHA', 'NDMA_India'],
  slots: {
    city: (g) => g.pick(CITIES),
    ps: (g) => g.pick(PS),
    app: (g) => g.pick(APPS),
    force: (g) => g.pick(FORCES),
    country: (g) => g.pick(COUNTRIES),
    amount: (g) => String(g.pick([1999, 4500, 9800, 12000, 25000, 49000, 75000, 1.2e5, 2.5e5, 3.8e5])),
    d: (g) => String(g.pick([3, 5, 7, 10, 15, 20, 30, 45, 60, 90, 120])),
    months: (g) => String(g.int(2, 14)),
    hours: (g) => String(g.int(2, 9)),
    n: (g) => String(g.int(100000, 999999)),
    fir: (g) => `${g.int(100, 999)}/${g.pick([2024, 2025, 2026])}`,
    bn: (g) => String(g.int(11, 199)),
    ack: (g) => String(g.int(31000000000000, 31999999999999)),
  },
  divisions: {
    police: {
      en: L(`
        [police|SHO] at {ps} police station [refused to register|is not registering] my FIR for [theft|assault|a stolen bike] in {city}
        [my|our] FIR no {fir} at {ps} PS [has seen no action|no investigation] for {months} months
        my passport police verification is pending at {ps} [police station|thana] for {d} days, [constable asking money|nobody picks the phone]
        [beat constable|police constable] asked for Rs {amount} [to clear|for] [my|the] police verification in {city}
        [local goons|neighbours] [threatening|attacking] my family in {city} and {ps} police [is not acting|took no action]
        [drug peddlers|drugs are being sold] openly near [our colony|the school] in {city}, police [knows|is hand in glove]
        [my|our] [bike|car|mobile] was stolen in {city} {d} days ago, [police|the thana] [not even|didn't] [filed|file] an FIR
        [tenant verification|character certificate] application pending for {d} days at {city} police
        [police|cops] at {ps} [misbehaved|slapped my brother|abused us] when we went to complain
        [land mafia|builder] grabbed our plot in {city}, [police is siding with them|FIR not lodged] despite documents
        [i|we] [submitted|gave] a complaint at {ps} {d} days back, [no receipt|no diary number] and no action
      `),
      short: L(`
        {ps} PS refusing FIR, {city}
        PV pending {d} days at {ps}
        FIR {fir}: no action in {months} months
        bike stolen, {city}, police not registering
        drugs sold openly near school, {city}
        goons threatening us, {ps} police silent
        constable demanding money for verification
      `),
      hl: L(`
        {ps} thane me FIR nahi likh rahe, [bolte hai|kehte hai] baad me aana
        police verification {d} din se pending hai, [thane wale paise maang rahe|koi jawab nahi]
        [hamare|mere] mohalle me khule aam nasha bik raha hai, police kuch nahi karti
        [meri|hamari] bike chori ho gayi {city} me, report darj nahi ki
        padosi dhamki de rahe hai, thane me shikayat ki par koi karwai nahi
      `),
      hi: L(`
        {ps} थाने में मेरी एफआईआर दर्ज नहीं की जा रही है
        पुलिस सत्यापन {d} दिन से लंबित है, [कोई सुनवाई नहीं|सिपाही पैसे मांग रहा है]
        हमारे इलाके में खुलेआम नशा बिक रहा है, पुलिस कार्रवाई नहीं कर रही
        दबंग हमें धमकी दे रहे हैं, थाने में शिकायत की पर कुछ नहीं हुआ
      `),
    },
    cyber: {
      en: L(`
        Rs {amount} [was debited|got deducted|vanished] from my account [through|via] a fake {app} [link|request], [complaint|ack] no {ack}
        [i|my father] got a call from fake [police|CBI|customs] officers, [digital arrest|they threatened us] and took Rs {amount}
        my {app} account [was hacked|got hacked] and [they are asking|scammers asking] my friends for money
        [someone|a fake profile] is using my photos on {app}, [morphed pictures|blackmailing me]
        [i|we] reported [UPI fraud|online fraud] of Rs {amount} on 1930 {d} days ago, [no update|money not frozen|no call back]
        [fake|fraud] loan app [harassing|threatening] me and [sending|sharing] morphed photos to my contacts
        OTP fraud: [the caller|he] [said|pretended] he was from [the bank|KYC team] and Rs {amount} was gone in minutes
        cybercrime.gov.in complaint {ack} [shows no progress|not assigned] even after {d} days
        [bought|ordered] from an online [seller|page] on {app}, paid Rs {amount}, [no delivery|blocked me]
        [sextortion|video call] [scam|blackmail]: [they|someone] [demanding|asking] Rs {amount} or they will [leak|share] the video
      `),
      short: L(`
        Rs {amount} gone from account, fake {app} link. ack {ack}
        {app} hacked, scammers asking friends for money
        loan app sharing morphed photos, help
        1930 complaint no update {d} days
        digital arrest call, lost Rs {amount}
        OTP fraud just now, Rs {amount} debited
      `),
      hl: L(`
        mere account se {amount} rupaye kat gaye fake link par click karne se, 1930 par complaint ki hai
        [mera|meri behen ka] {app} hack ho gaya hai, log paise maang rahe hai
        loan app wale dhamki de rahe hai aur photo viral karne ki baat kar rahe hai
        online thagi ho gayi {amount} ki, cyber cell me koi sunwai nahi
      `),
      hi: L(`
        मेरे खाते से {amount} रुपये कट गए, फर्जी लिंक से ठगी हुई
        मेरा {app} अकाउंट हैक हो गया है, लोग पैसे मांग रहे हैं
        लोन ऐप वाले धमकी दे रहे हैं और फोटो वायरल करने की बात कर रहे हैं
        साइबर ठगी की शिकायत 1930 पर की थी, [कोई जवाब नहीं|पैसे वापस नहीं मिले]
      `),
    },
    'women-safety': {
      en: L(`
        a man is [stalking|following] my [sister|daughter] [daily|every day] near [her college|the bus stop] in {city}, police [not helping|ignored us]
        my [neighbour|ex] keeps [sending obscene messages|making obscene calls] to me, [i|we] complained at {ps} but nothing
        [my sister|a woman in our building] is facing domestic violence and dowry [harassment|demands], {city} police [not acting|refused FIR]
        [eve teasing|harassment of girls] outside [the school|the metro station] in {city} every evening, [no police|no patrol]
        [i am|i'm] [being|getting] [harassed|threatened] by [my landlord|a colleague] in {city}, [i feel unsafe|scared to go out]
        [a girl|a woman] [being dragged|screaming] [near|at] {ps} [right now|just now], [please send police|send help]
      `),
      short: L(`
        man stalking my sister daily near bus stop, {city}
        obscene calls for {d} days, police ignoring
        dowry harassment, FIR refused at {ps}
        girls harassed outside school, {city}, no patrol
        woman screaming near {ps} right now!!
      `),
      hl: L(`
        ek ladka meri behen ka roz peecha karta hai {city} me, police kuch nahi kar rahi
        sasural wale dahej ke liye maar peet karte hai, thane me report nahi likhi
        college ke bahar ladkiyon ke saath chhedkhani hoti hai roz
      `),
      hi: L(`
        एक लड़का मेरी बहन का रोज़ पीछा करता है, पुलिस कुछ नहीं कर रही
        ससुराल वाले दहेज के लिए प्रताड़ित कर रहे हैं, थाने में सुनवाई नहीं
        स्कूल के बाहर लड़कियों के साथ छेड़छाड़ होती है
      `),
    },
    capf: {
      en: L(`
        [my|our] [salary|arrears|risk allowance] [not credited|pending] for {months} months, {force} {bn} Bn
        [my|the] leave [application|sanction] [rejected|pending] though my [father is in hospital|wife is due], {force} {bn} Bn
        [retired|ex] {force} jawan, [pension|gratuity] [not started|pending] for {months} months [after retirement|]
        MACP [upgradation|arrears] pending for {months} months in {force}, [no reply|files stuck] from [HQ|directorate]
        [transfer|posting] order [not issued|cancelled] even after {d} days, {force} {bn} Bn, [family suffering|kids school]
        [CAPF canteen|CSD] card [not issued|not renewed] for my [father|husband] ({force} retired) since {months} months
        [my husband|my son] in {force} {bn} Bn [injured on duty|on medical leave], [no medical reimbursement|claim pending]
      `),
      short: L(`
        {force} {bn} Bn: salary pending {months} months
        pension not started, retired {force} jawan
        leave rejected, father in ICU, {force}
        MACP arrears pending, {force}
        transfer order stuck {d} days, {force}
      `),
      hl: L(`
        {force} jawan hu, {months} mahine se [tankhwah|arrears] nahi mila
        papa {force} se retire hue hai, pension abhi tak shuru nahi hui
        chhutti nahi de rahe, ghar me emergency hai, {force} {bn} Bn
      `),
      hi: L(`
        {force} में जवान हूं, {months} महीने से वेतन नहीं मिला
        पिताजी {force} से सेवानिवृत्त हुए, पेंशन अभी तक शुरू नहीं हुई
        छुट्टी मंज़ूर नहीं की जा रही, घर में आपात स्थिति है
      `),
    },
    disaster: {
      en: L(`
        [flood water|water] [entered|is rising in] our [village|colony] in {city}, [families stranded|people on rooftops], need rescue
        [landslide|cloudburst] near [our village|{city}], road blocked, [people trapped|no food for {d} days], send NDRF
        [we are|families are] stranded [for|since] {hours} [hours|days] in the flood in {city}, [no relief|no boats|no water]
        relief material [not reached|not distributed] in [our|flood hit] [area|village] near {city} after {d} days
        [building collapsed|house collapsed] in {city}, [people under debris|need rescue team] [now|urgently]
        [cyclone|storm] [damaged|destroyed] our houses in {city}, [no relief camp|no help] from administration
        fire in [a factory|the market|our building] in {city}, [fire brigade not reached|people trapped], [please|] send help
      `),
      short: L(`
        flood water entering houses in {city}, need boats
        stranded on roof {hours} hours, {city}
        landslide, road blocked, people trapped near {city}
        relief not reached {d} days, {city}
        building collapse {city}, people trapped!!
      `),
      hl: L(`
        {city} me baadh ka paani ghar me ghus gaya hai, log chhat par fanse hai
        [hamara gaon|hamare gaon] me {d} din se rahat samagri nahi pahuchi
        pahad khisakne se rasta band hai, log fanse hai, NDRF bhejo
      `),
      hi: L(`
        {city} में बाढ़ का पानी घरों में घुस गया है, लोग छतों पर फंसे हैं
        गांव में {d} दिन से राहत सामग्री नहीं पहुंची
        भूस्खलन से रास्ता बंद है, लोग फंसे हुए हैं
      `),
    },
    foreigners: {
      en: L(`
        my e-FRRO [application|visa extension] is pending for {d} days, [visa expires|my visa expires] next week
        OCI [card|registration] application pending for {months} months [at|with] [FRRO|BOI], [no reply|status not updated]
        [my wife|my husband] is a {country} national, [long term visa|LTV] application stuck for {months} months
        [exit permit|residence permit] not issued though I applied {d} days ago, [flight booked|my flight is next week]
        [immigration officer|officer at the immigration counter] [misbehaved|was rude] [with me|with my parents] at [Delhi|Mumbai] airport
        [citizenship|CAA] application [pending|no update] for {months} months, [please|kindly] expedite
      `),
      short: L(`
        e-FRRO pending {d} days, visa expiring
        OCI application stuck {months} months
        exit permit not issued, flight next week
        LTV for my {country} wife pending {months} months
      `),
      hl: L(`
        e-FRRO me visa extension {d} din se pending hai, visa khatam hone wala hai
        OCI card ka application {months} mahine se atka hai
      `),
      hi: L(`
        ई-एफआरआरओ में वीज़ा विस्तार {d} दिन से लंबित है
        ओसीआई कार्ड का आवेदन {months} महीने से अटका है
      `),
    },
    general: {
      en: L(`
        [my|our] [CPGRAMS|grievance] {ack} was [closed|disposed] without any action by the state
        [i|we] wrote to [the ministry|MHA] {d} days ago [about|regarding] [my pending case|my complaint], [no reply|no acknowledgement]
        [fire NOC|arms licence] application pending for {months} months in {city}, [no update|nobody answers]
        [my|our] complaint against [a government officer|the tehsildar] in {city} [has seen no action|got no reply] for {months} months
      `),
      short: L(`
        CPGRAMS {ack} closed without action
        arms licence pending {months} months, {city}
        no reply on my petition for {d} days
      `),
      hl: L(`
        CPGRAMS par shikayat ki thi, bina karwai ke band kar di
        {months} mahine se meri application pending hai, koi jawab nahi
      `),
      hi: L(`
        सीपीग्राम्स पर शिकायत बिना कार्रवाई के बंद कर दी गई
        {months} महीने से मेरा आवेदन लंबित है, कोई जवाब नहीं
      `),
    },
  },
  otherScripts: [
    ['cyber', 'என் கணக்கில் இருந்து {amount} ரூபாய் மோசடி செய்யப்பட்டது, உதவுங்கள்'],
    ['police', 'থানা আমার অভিযোগ নিচ্ছে না, দয়া করে সাহায্য করুন'],
    ['disaster', 'ഞങ്ങളുടെ ഗ്രാമത്തിൽ വെള്ളപ്പൊക്കം, സഹായം വേണം'],
    ['women-safety', 'ఒక వ్యక్తి నా సోదరిని వెంబడిస్తున్నాడు, పోలీసులు స్పందించడం లేదు'],
    ['cyber', 'ਮੇਰੇ ਖਾਤੇ ਵਿੱਚੋਂ ਪੈਸੇ ਕੱਟੇ ਗਏ, ਆਨਲਾਈਨ ਠੱਗੀ ਹੋਈ'],
    ['police', 'મારી ફરિયાદ પોલીસ સ્ટેશનમાં લેવામાં આવી નથી'],
    ['disaster', 'ଆମ ଗାଁରେ ବନ୍ୟା, ଲୋକେ ଫସିଛନ୍ତି, ସାହାଯ୍ୟ କରନ୍ତୁ'],
  ],
  grievanceTags: L(`
    Justice
    HelpNeeded
    CyberFraud
    JusticeFor{city}
    WomenSafety
    Police
    Urgent
    Flood
    SaveUs
    CAPF
  `),
  newsTags: L(`
    MHA
    AmritKaal
    HarGharTiranga
    SafeCity
    CyberJagrookta
    DigitalIndia
    BreakingNews
    NDRF
    AapdaMitra
    NewCriminalLaws
  `),
  officialListed: L(`
    DelhiPolice
    MumbaiPolice
    Uppolice
    blrcitypolice
    KolkataPolice
    hydcitypolice
    CPDelhi
    PIBHomeAffairs
    crpfindia
    BSF_India
    CISFHQrs
    ITBP_official
    NDRFHQ
    Cyberdostindia
  `),
  officialPatterned: L(`
    GurugramPolice
    noidapolice
    ghaziabadpolice
    lucknowpolice
    jaipur_police
    PunePolice
    DCP_South_Delhi
    dcpnewdelhi
    ps_kotwali
    ps_saket
    SHO_Hazratganj
    sho_civillines
    CP_Kanpur
    SP_Gaya
  `),
  officialUnlisted: L(`
    DMLucknow
    DM_Patna
    collector_pune
    MoHFW_INDIA
    UIDAI
    DoT_India
    TRAI
    RBI
    SBI_Cares
    HDFCBank_Cares
    ICICIBank_Care
    PIBFactCheck
    LGDelhi
    JKAdministration
  `),
  officialReplies: L(`
    [Sir|Madam], kindly [DM|share] your contact number [so that the matter can be looked into|for necessary action]
    [The matter|Your complaint] has been forwarded to [the concerned|SHO {ps}|DCP {city}] for [necessary action|appropriate action]
    [Kindly|Please] contact the nearest police station or dial 112 in case of emergency
    [Dear|Respected] citizen, please report cyber fraud on cybercrime.gov.in or call 1930 [immediately|at the earliest]
    [Please|Kindly] share [the details|your FIR number|your contact details] via DM. [The concerned officer will contact you|We will look into it]
    Your complaint has been registered [and forwarded|vide diary no {n}]. [Necessary action is being taken|Inconvenience is regretted]
    [Sir|Madam], [the matter has been taken up|we have taken up the matter] with the [local police|SHO concerned|district administration]
    [Beware|Stay alert]! Never share OTP, PIN or CVV with anyone. [Report fraud at 1930|#CyberDost]
    NDRF teams have been [deployed|moved] to [the affected area|{city}] for rescue and relief [operations|work]
    [Dear citizen|Sir], [the issue|this] [pertains to|falls under] the state government. Kindly [approach|contact] the [state police|district administration]
    महोदय, कृपया अपना संपर्क नंबर डीएम करें, [आवश्यक कार्रवाई की जाएगी|मामले को दिखवाया जा रहा है]
    [आपकी शिकायत|मामला] संबंधित थाना प्रभारी को आवश्यक कार्रवाई हेतु [प्रेषित कर दी गई है|अवगत करा दिया गया है]
    कृपया नज़दीकी पुलिस स्टेशन से संपर्क करें या 112 डायल करें
    [Noted|Taken cognizance]. [SHO {ps}|Local police] has been directed to [look into the matter|take necessary action]
    [Sir|Madam], [kindly|please] visit the nearest [police station|PS] with your [ID proof|documents] [for further assistance|to lodge a complaint]
  `),
  opinions: L(`
    [women safety|law and order] [needs|requires] [action|police reforms], not [speeches|slogans]. please [wake up|do something] {ours_at}
    there should be a [policy|law] [to protect|for] [whistleblowers|tenants|live-in couples], [please|kindly] consider
    [police|the police] in this country [works only for|serves only] [the rich|politicians], [please|] [reform|fix] it
    [the|these] new criminal laws [will|are going to] [be misused|harm citizens], [please|] [repeal|rethink] them {ours_at}
    [cyber fraud|online fraud] is [rising|everywhere] because [banks|telecom companies] [don't care|are careless], [govt should|please] act
    [why|how come] [every|each] riot [ends with|leads to] [a committee|compensation] and no [arrests|accountability]?
    [CAPF|paramilitary] jawans [deserve|should get] OPS and [martyr status|parity], [please|pls] [listen|consider]
    [in my opinion|imo|honestly] [AFSPA|the new law] [should be|must be] [removed|reviewed] [please|]
    [home minister|the minister] [should|must] resign [after|over] [this|the] [incident|failure]
    [the|this] [government|ministry] [only|just] [does|cares about] PR, [not|no] [internal security|safety of citizens]
    [illegal immigrants|infiltrators] [should|must] be [deported|sent back], [please|] [act|do something] {ours_at}
    [stop|please stop] [misusing|using] [police|agencies] against [opposition|journalists|students]
  `),
  demands: L(`
    [please|kindly] [release|announce] [SSC GD|CAPF AC|Delhi Police constable|CISF] [vacancy|result|notification] [soon|at the earliest], [aspirants|we] [are waiting|waiting for years]
    [please|pls] [increase|extend] [age limit|age relaxation] for [SSC GD|police] [aspirants|candidates] {ours_at}
    [old pension scheme|OPS] for CAPF [please|now], [we|jawans] [demand|want] [justice|parity]
    [please|kindly] [give|provide] [more|extra] [police stations|CCTV cameras|street lights] in {city}
    [we|people of {city}] [demand|want] [a cyber police station|women police station] [please|]
    [SSC GD 2025|constable] [medical|result] [kab aayega|when], [please|] [batao|update]
  `),
  news: L(`
    [Union Home Minister|HM] [chairs|reviews] [security review meeting|high level meeting] on [J&K|the northeast|border security] [today|in New Delhi]
    [Breaking|BREAKING]: [encounter|gunfight] [underway|breaks out] in [Kupwara|Pulwama|Bastar|Sukma], [two terrorists killed|jawans injured]
    [Delhi Police|UP Police] [busts|arrests] [cyber fraud gang|interstate gang|drug racket] [in|from] {city}, [{hours} arrested|Rs {amount} seized]
    [Advisory|Alert]: [heavy rainfall|cyclone] expected in {city} [and nearby districts|region] [in the next 48 hours|tomorrow], [stay safe|avoid travel]
    [NDRF|SDRF] [teams|personnel] [rescue|evacuate] [{hours}|120|350] people from [flood hit|waterlogged] areas of {city}
    [MHA|Ministry of Home Affairs] [issues|notifies] [new guidelines|advisory] [on|for] [cyber safety|foreigners registration|disaster preparedness]
    [Read|Watch]: [how|why] [the new criminal laws|BNS] [change|will change] [policing|FIR registration] in India
    केंद्रीय गृह मंत्री ने [{city} में|आज] [सुरक्षा समीक्षा बैठक की|नए पुलिस भवन का उद्घाटन किया]
    [साइबर जागरूकता|नशा मुक्ति] अभियान के तहत {city} में [कार्यक्रम आयोजित|रैली निकाली गई]
    [Report|Reports]: [cybercrime|fraud] [cases|complaints] [rise|up] [{hours}0%|40%] in [2025|last year], [data shows|says NCRB]
    [Mock drill|Awareness drive] [on|for] [earthquake|fire safety|flood preparedness] [conducted|organised] in {city} schools
    {city} পুলিশের সাইবার সচেতনতা কর্মসূচি অনুষ্ঠিত
    [Press release|Press note]: [Bravery|Gallantry] medals announced for [{hours}00|1,037] police personnel on [Independence Day|Republic Day]
    [Traffic advisory|Traffic alert]: [roads closed|diversions] in {city} [for the VIP visit|due to the parade] [tomorrow|on Sunday]
    [Watch|Video]: [CRPF|BSF|ITBP] jawans [celebrate|perform] [Holi|yoga|Diwali] at [the border|high altitude posts] 🇮🇳
  `),
  praise: L(`
    [thank you|thanks] {ours_at} [and|&] {city} police for [the quick action|recovering my phone|helping my family] 🙏
    [kudos|hats off] to [NDRF|CRPF|the cyber cell] for [the rescue|getting my money back|quick response]
    [got|received] my [money back|refund] after [reporting on 1930|the cyber complaint], [thank you|grateful] {ours_at}
    [proud of|salute to] [our|the] [jawans|CAPF|police] [🇮🇳|🙏]
    [police verification|PV] done [within|in] {hours} days, [great work|well done] {city} police
    [the|our] [beat officer|SHO] [helped|was very helpful] [my mother|us] [promptly|quickly], [thank you|kudos]
  `),
  questions: L(`
    [how|where] [to|can I] [apply|register] for [police clearance certificate|PCC|tenant verification] in {city}?
    [what is|whats] the [process|procedure] [for|of] [OCI registration|e-FRRO|visa extension] [for foreigners|]?
    [is|does] [1930|the cyber helpline] [work|available] [24x7|at night]?
    [what|which] documents [are needed|required] for [arms licence|character certificate]?
    [when|from when] [will|do] [the new criminal laws|BNS] [apply|come into force]?
  `),
  mediaHandles: L(`
    IndiaTodayNE
    TOIDelhi
    htdelhi
    ANI_news
    news24tvchannel
    thewire_in
    scroll_in
    newslaundry
    crime_tak
    delhi_updates
  `),
  affiliated: {
    usernames: [],
    patterns: ['police$', '^ps_', '^sho_?', '^dcp_?', '^cp_', '^sp_', '_police$', 'police_'],
  },
}
MHA.affiliated.usernames = MHA.officialListed
