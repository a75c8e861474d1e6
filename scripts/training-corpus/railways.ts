// Railways: trains, stations, tickets, food, safety, staff.
import { L, cap } from './common'
import type { OrgContent } from './spec'

const STATIONS = L(`
Itarsi
Bhopal
Nagpur
Kanpur Central
DDU
Howrah
Sealdah
CSMT
Dadar
Kalyan
Surat
Vadodara
Ratlam
Kota
Jhansi
Gwalior
Agra Cantt
New Delhi
Nizamuddin
Anand Vihar
Patna Jn
Gaya
Danapur
Asansol
Kharagpur
Vijayawada
Secunderabad
Chennai Central
Katpadi
Yesvantpur
Ernakulam
Guwahati
Lucknow
Gorakhpur
Varanasi
Prayagraj
Ajmer
Jaipur
Ahmedabad
Pune
Manmad
Bhusawal
Jalgaon
Bilaspur
Raipur
Durg
Tatanagar
Ranchi
Dhanbad
Mughalsarai
Moradabad
Bareilly
Ambala
Ludhiana
Jammu Tawi
Madgaon
Mangaluru
Coimbatore
Madurai
Tirupati
Visakhapatnam
Bhubaneswar
Puri
Siliguri
Darbhanga
Muzaffarpur
Samastipur
Chhapra
Hajipur
Una
Sawai Madhopur`)
const TRAIN_NAMES = L(`
Rajdhani
Shatabdi
Duronto
Vande Bharat
Garib Rath
Sampark Kranti
Humsafar
Tejas
Jan Shatabdi
Pawan Express
Gitanjali
Kashi Vishwanath
Magadh Express
Punjab Mail
Golden Temple Mail
Shramjeevi
Mahananda
Brahmaputra Mail
Avadh Assam
Tamil Nadu Express
Kerala Express
Goa Express
Karnataka Express
Deccan Queen
Intercity
Poorva Express
Vikramshila
Sabarmati Express
Bihar Sampark Kranti
Lokmanya Tilak Express`)
const COACH = [
  'S1',
  'S2',
  'S3',
  'S4',
  'S5',
  'S6',
  'S7',
  'S8',
  'S9',
  'S11',
  'B1',
  'B2',
  'B3',
  'B4',
  'B5',
  'A1',
  'A2',
  'H1',
  'M1',
  'M2',
  'C3',
  'E1',
  'D5',
  'GS',
  'G2',
]
const FOOD = L(`
veg thali
biryani
dal
paneer
omelette
breakfast
dinner
lunch
tea
coffee
samosa
cutlet
rajma chawal
packed meal
idli
upma
poha
water bottle
Rail Neer bottle
cold drink`)

export const RAILWAYS: OrgContent = {
  org: 'railways',
  ours: ['RailMinIndia', 'RailwaySeva', 'IRCTC_Ltd', 'RPF_INDIA', 'IR_CRB'],
  slots: {
    train: (g) => String(g.int(11001, 22999)),
    tname: (g) => g.pick(TRAIN_NAMES),
    station: (g) => g.pick(STATIONS),
    coach: (g) => g.pick(COACH),
    berth: (g) => String(g.int(1, 72)),
    hours: (g) => String(g.int(2, 11)),
    mins: (g) => String(g.pick([20, 30, 40, 45, 50, 90])),
    amount: (g) => String(g.pick([30, 40, 50, 80, 100, 150, 200, 250, 300, 500, 1200, 1850, 2400, 3600, 4750])),
    pnr: (g) => String(g.int(2100000000, 8999999999)),
    d: (g) => String(g.pick([3, 5, 7, 10, 12, 15, 20, 25, 30, 45, 60])),
    food: (g) => g.pick(FOOD),
    zone: (g) => g.pick(['CR', 'WR', 'NR', 'SR', 'ER', 'SER', 'ECR', 'NCR', 'NWR', 'NFR', 'SCR', 'SWR', 'WCR']),
    City: (g) => cap(g.pick(STATIONS)),
  },
  divisions: {
    tickets: {
      en: L(`
        [my|our] [TDR|refund|TDR refund] for PNR {pnr} is [still pending|not credited|not received] after {d} days
        ticket cancelled [online|on IRCTC] but refund of Rs {amount} [not received yet|never came|is missing]
        money [deducted|debited] Rs {amount} but ticket not booked on IRCTC, [transaction failed|booking failed]
        [i|we] booked tatkal at 10:00 sharp, [payment done|amount debited] but [no ticket|booking failed] and no refund
        [my|our] waitlisted ticket got cancelled [automatically|after chart] and refund [is short|not processed]
        IRCTC [app|website] [keeps logging me out|shows error|is not working] during tatkal booking, [lost my chance|money stuck]
        [i|we] filed TDR on {d} [days ago|th] for PNR {pnr} [and it is still pending|still no status|but it got rejected without reason]
        [senior citizen concession|concession] [not applied|not given] on my ticket though I entered age correctly
        [double|two times] [deduction|payment] for one ticket, Rs {amount} each, [please refund|need refund]
        [my|our] IRCTC account [is blocked|got locked|deactivated] and I can't book tickets for my travel
        RAC berth [not allotted|not given] even after chart prepared, TTE says no seat, PNR {pnr}
        [my|our] e-ticket shows [wrong name|wrong age|wrong boarding station] [and|but] I can't [correct|change] it
        refund for train {train} [cancelled by railways|cancelled due to fog] [not received|still awaited] after {d} days
        [i|we] paid for [berth|lower berth] preference for senior citizen but got upper berth, PNR {pnr}
        UTS app deducted money but [ticket not generated|no ticket shown], Rs {amount}
        [my|the] [platform ticket|season ticket|MST] [renewal|payment] failed but money deducted
        [tatkal|premium tatkal] booking [shows|got] waitlisted even though [seats|availability] showed available before payment, {train}
        [IRCTC|the app] deducted convenience fee [twice|again] and [booking failed|no ticket came], PNR not generated
        [counter|PRS] [cancellation|refund] [refused|denied] at {station} [saying|as] [chart prepared|time is over]
        berths [allotted|given] in different coaches to [my family|my old parents] though booked together, PNR {pnr}
        train {train} [got cancelled|was cancelled by railways] but the refund [is not auto credited|shows zero], PNR {pnr}
      `),
      short: L(`
        tatkal booking failed, Rs {amount} debited, no ticket
        refund not credited for PNR {pnr}
        TDR pending {d} days. PNR {pnr}
        IRCTC [payment|app] error again, money gone
        [waitlist|WL] ticket cancelled, refund short by Rs {amount}
        PNR {pnr} refund [status|still] pending
        booking failed twice today, amount not reversed
        chart prepared, RAC not confirmed, no seat. PNR {pnr}
        IRCTC site down during tatkal [again|every day]
        concession not applied on ticket
        waitlisted though it showed available, {train}
        convenience fee gone, no PNR generated
        counter at {station} refused refund
        family split across coaches, PNR {pnr}
      `),
      hl: L(`
        [mera|hamara] refund {d} din se nahi aaya, PNR {pnr}
        ticket cancel kiya tha par paise wapas nahi mile, Rs {amount} [kat gaye|atke hue hai]
        tatkal booking me paise kat gaye lekin ticket book nahi hua
        TDR file kiya tha {d} din pehle abhi tak refund nahi mila
        IRCTC app [bar bar|baar baar] error de raha hai, booking nahi ho rahi
        [mere|hamare] account se do baar paise kat gaye ek ticket ke liye
        senior citizen [concession|chhoot] nahi mili ticket par
        tatkal me seat available dikha raha tha, payment ke baad waiting aa gaya
        counter wale ne {station} par refund dene se mana kar diya
      `),
      hi: L(`
        मेरा रिफंड {d} दिन से नहीं आया, PNR {pnr}
        टिकट कैंसिल किया था लेकिन पैसे वापस नहीं मिले
        तत्काल बुकिंग में पैसे कट गए पर टिकट बुक नहीं हुआ
        टीडीआर फाइल किया था, अभी तक रिफंड नहीं मिला
        आईआरसीटीसी ऐप बार बार एरर दे रहा है, [पैसे कट गए|बुकिंग नहीं हो रही]
      `),
    },
    cleanliness: {
      en: L(`
        coach {coach} of {train} is [filthy|very dirty|stinking], toilets [not cleaned|overflowing|have no water]
        no water in [the toilets|washrooms] of coach {coach} since {station}, [train|12345] {train}
        [cockroaches|rats|bed bugs] [everywhere|all over] in coach {coach} of {train}, [can't sleep|kids scared]
        AC [not working|not cooling] in coach {coach} of {train} since {station}, [it's unbearable|passengers sweating]
        water dripping from the AC vent on my berth {berth}, coach {coach}, train {train}
        [bedroll|blanket|bedsheet] given in coach {coach} is [dirty|torn|smelly], [asked attendant|complained] but no change
        [fan|light|charging point] not working at berth {berth} coach {coach} of {train}
        [broken|damaged] [window|seat|door] in coach {coach} of {train}, [rain water coming in|cold air coming in]
        washbasin [choked|leaking] and [garbage|dustbin] overflowing in coach {coach}
        platform {hours} at {station} is [full of garbage|stinking], [no cleaning|nobody cleaning] since morning
        toilet [door lock broken|tap broken|flush not working] in coach {coach}, {train}
        [pests|insects] in my berth, coach {coach}, {train}. please send cleaning staff
        washroom floor [wet and slippery|full of urine] in coach {coach}, {train}, [an old lady fell|it is dangerous]
        [pillow covers|curtains] [stained and smelly|torn and dusty] in coach {coach} of {train}
        [waiting room|retiring room] at {station} [is stinking|not cleaned for days], [toilets locked|no water in taps]
        [mosquitoes|flies] all over coach {coach} of {train}, [no spraying done|nobody cares]
        water tank [empty|finished] in {train} since {station}, [cannot wash hands|no water to flush]
        charging point [dead|loose] at berth {berth} coach {coach}, [phone dead|cannot charge]
      `),
      short: L(`
        {train} coach {coach}: no water in toilet since {station}
        AC not cooling, coach {coach}, {train}
        water dripping from AC vent, berth {berth} {coach}
        cockroaches in coach {coach} of {train} 🤢
        toilets stinking in {coach}, {train}
        dirty blanket again in {coach}
        fan not working berth {berth} coach {coach}
        {station} platform {hours} garbage everywhere
        coach {coach} {train} filthy. no cleaning since {station}
        window glass broken in {coach}, {train}
        mosquitoes in {coach}, {train}
        waiting room at {station} stinking
        charging point dead, berth {berth}
        tank empty since {station}, {train}
        toilet floor wet and dirty, {coach}
      `),
      hl: L(`
        coach {coach} me [paani nahi hai|AC band hai|bahut gandagi hai] {station} se
        {train} ke coach {coach} ka toilet bahut ganda hai, [koi safai nahi|badbu aa rahi hai]
        berth {berth} par AC se paani tapak raha hai, coach {coach}
        [chuhe|cockroach] ghoom rahe hai coach {coach} me, bachhe dar rahe hai
        [kambal|chadar] ganda diya hai attendant ne, badalne ko bola par nahi badla
        pankha aur light dono kharab hai berth {berth} par
        coach {coach} me machhar hi machhar, koi spray nahi hua
        {station} ka waiting room bahut ganda hai, badbu aa rahi
      `),
      hi: L(`
        कोच {coach} में [पानी नहीं है|एसी काम नहीं कर रहा|बहुत गंदगी है], ट्रेन {train}
        शौचालय बहुत गंदा है, बदबू आ रही है, कोच {coach}
        एसी से पानी टपक रहा है बर्थ {berth} पर
        कोच में कॉकरोच और चूहे घूम रहे हैं
        कंबल और चादर गंदे दिए गए हैं, [शिकायत की पर कुछ नहीं हुआ|कोई सुनवाई नहीं]
      `),
    },
    catering: {
      en: L(`
        vendor charging Rs {amount} for a Rs 20 [water bottle|Rail Neer bottle] in {train}
        [stale|cold|smelly] {food} served in {train}, [my kid vomited|not eatable|had to throw it]
        found [an insect|a cockroach|hair] in the {food} served in coach {coach} of {train}
        pantry staff [overcharging|charging extra] for {food}, no bill given, {train}
        [ordered|paid for] {food} through e-catering but [it never arrived|got wrong order|refund not given]
        [unauthorised|illegal] vendors selling [food|tea] in coach {coach} at double price
        pantry car [refused|not giving] [bill|receipt] and charged Rs {amount} for {food}
        {food} quantity is [too less|half] and [taste is terrible|it was uncooked], {train}
        no [food|water] available in {train} for {hours} hours, pantry [closed|says finished]
        [i|we] were charged above MRP for {food} at {station} stall, Rs {amount}
        [chai|coffee] in {train} [tastes like water|is cold] and sold at Rs {amount}, no rate list
        [veg|jain] meal [ordered|booked] but non veg [served|given] in {train} coach {coach}
        [meal|breakfast|dinner] not served in {tname} though it was included in the fare
        [biryani|thali|samosa] [box|packet] sold in coach {coach} had no [MRP|date|FSSAI] label and smelled [stale|bad]
        food stall at {station} charged Rs {amount} for a thali and [gave no bill|hid the rate list]
      `),
      short: L(`
        vendor charging 30 for a 20 rupee bottle 🙄
        {food} stale in {train}
        insect in {food}, coach {coach}
        pantry overcharging, no bill. {train}
        e-catering order not delivered, paid Rs {amount}
        water bottle Rs {amount} in {train}?? MRP is 15
        no food in pantry since {station}
        {food} was cold and smelly. {train} coach {coach}
        non veg served instead of veg, {train}
        meal not served in {tname}
        chai Rs {amount} in {train}??
        no bill at {station} food stall
      `),
      hl: L(`
        {train} me vendor 20 ki bottle 30 me bech raha hai
        khana bilkul [baasi|thanda|ganda] tha, [bacche ne ulti kar di|kha nahi paye]
        {food} me keeda nikla, coach {coach}
        pantry wale bill nahi de rahe aur zyada paise le rahe hai
        e-catering ka order aaya hi nahi, paise kat gaye
        veg order kiya tha non veg de diya, {train}
        {tname} me dinner diya hi nahi, fare me shamil tha
      `),
      hi: L(`
        ट्रेन {train} में वेंडर पानी की बोतल ज़्यादा दाम में बेच रहा है
        खाना बासी था, [बच्चे की तबीयत खराब हो गई|खाया नहीं गया]
        खाने में कीड़ा निकला, कोच {coach}
        पैंट्री वाले बिल नहीं दे रहे और ज़्यादा पैसे ले रहे हैं
      `),
    },
    security: {
      en: L(`
        my [bag|phone|purse|luggage] was stolen from berth {berth} in coach {coach} of {train} near {station}
        a group of [drunk men|men] [misbehaving|creating nuisance] in coach {coach} of {train}, please send RPF
        a man keeps [staring at|following|touching] my [daughter|sister|wife] in coach {coach}, {train}, we feel unsafe
        [unauthorised|ticketless] passengers have occupied our reserved berths in coach {coach}, {train}
        [chain snatching|mobile snatching] at {station} platform, [nobody came|no RPF around]
        [eunuchs|a gang] [extorting money|forcing money] from passengers in coach {coach}, {train}
        someone [pulled the chain|threw stones at the train] near {station}, [glass broken|passenger injured]
        [i am|we are] travelling alone in {coach} and a co-passenger is harassing [me|us], {train}
        [suspicious|unattended] bag lying in coach {coach} of {train} for an hour
        RPF [staff|constable] at {station} [refused to register|did not help with] my theft complaint
        fight going on in coach {coach}, [someone has a knife|people injured], {train}, send help
        [suitcase|trolley bag|laptop bag] [went missing|was stolen] at night in coach {coach}, [GRP|RPF] [not filing|refusing to file] FIR
        [beggars|drunkards|unknown people] roaming in [AC coach|reserved coach] {coach} at night, [we feel unsafe|no escort staff]
        door of coach {coach} [not locking|left open] at night and outsiders [coming in|entering], {train}
        men [smoking ganja|gambling|playing cards loudly] in coach {coach}, [threatening|abusing] us when asked to stop
        [my son|my daughter|a child] [lost|separated from us] at {station} platform {hours}, [please announce|RPF please help]
        [people|a group] [forcibly taking|demanding] money from passengers in {train}, [threatening|abusing] those who refuse
      `),
      short: L(`
        drunk men creating nuisance in {coach}, {train}. send RPF
        mobile stolen near {station}, coach {coach}
        ticketless crowd occupied reserved coach {coach}, {train}
        lady alone being harassed in {coach} {train}!!
        chain snatching at {station} platform just now
        stone pelting on {train} near {station}
        suspicious bag under seat, coach {coach}
        our seats occupied by unreserved passengers, {train}
        bag stolen at night, GRP not filing FIR
        outsiders in AC coach at night, {coach}
        door not locking, {coach} {train}
        men smoking ganja in {coach}
        child lost at {station}, please announce
      `),
      hl: L(`
        coach {coach} me kuch log sharab peekar hungama kar rahe hai, RPF bhejo
        meri [seat par|berth par] kisi aur ne kabza kar liya hai, TTE bhi nahi sun raha
        {station} par mera mobile chori ho gaya
        ek aadmi meri [beti|behen] ko ghoor raha hai aur peecha kar raha hai coach {coach} me
        general ke log reserved coach me ghus gaye hai, baithne ki jagah nahi
        raat ko coach {coach} me bahar ke log ghus aate hai, darwaza lock nahi hota
        mera beta {station} par bheed me kho gaya, announcement karwa do
      `),
      hi: L(`
        कोच {coach} में कुछ लोग शराब पीकर हंगामा कर रहे हैं, आरपीएफ भेजें
        मेरा बैग चोरी हो गया, ट्रेन {train}, स्टेशन {station}
        एक आदमी मेरी बेटी का पीछा कर रहा है, हमें डर लग रहा है
        रिज़र्व कोच में बिना टिकट लोग घुस आए हैं
      `),
    },
    medical: {
      en: L(`
        my [father|mother|co-passenger] has [chest pain|high fever|fainted] in coach {coach} of {train}, need a doctor at next station
        [pregnant|elderly] passenger [unwell|in pain] in coach {coach} of {train}, please arrange doctor at {station}
        a passenger [collapsed|is unconscious] in coach {coach} of {train}, no first aid kit available
        my [son|daughter] [fell|got injured] while boarding at {station}, [bleeding|hurt badly], need medical help
        [diabetic|heart] patient travelling, [medicines lost|sugar low], please send doctor at next stop, {train}
        [i|we] requested doctor at {station} for my [wife|mother] but nobody came, {train} coach {coach}
        my child is vomiting continuously in {train}, coach {coach}, please help
        my [wife|mother|father] [having|has] [breathing trouble|an asthma attack|very high BP] in coach {coach}, {train}, [need oxygen|send a doctor]
        no first aid [box|kit] with the [TTE|train superintendent] when my [son|daughter] [cut his hand|got hurt] in {train}
        doctor [came very late|never came|charged Rs {amount}] at {station} though [we|I] called 139 for my [mother|father]
        [elderly|old] passenger with [severe stomach pain|dehydration] in coach {coach}, [no help|please arrange a doctor]
      `),
      short: L(`
        need doctor at next station, coach {coach} {train}, passenger fainted
        chest pain, elderly man, {coach} {train}. urgent
        pregnant lady in pain, {train} coach {coach}
        kid high fever in {train}, doctor please
        passenger unconscious in {coach}!!
        breathing trouble, need oxygen, {coach} {train}
        no first aid kit in {train}
        doctor never came at {station}
        old man with stomach pain in {coach}
      `),
      hl: L(`
        meri maa ki tabiyat kharab ho gayi hai coach {coach} me, agle station par doctor chahiye
        ek yatri behosh ho gaya hai coach {coach} me, {train}
        bacche ko tez bukhar hai, doctor bhej do {station} par
        meri mummy ko saans lene me dikkat ho rahi hai coach {coach} me, oxygen chahiye
      `),
      hi: L(`
        मेरे पिताजी को सीने में दर्द हो रहा है, कोच {coach}, ट्रेन {train}, डॉक्टर चाहिए
        एक यात्री बेहोश हो गया है, अगले स्टेशन पर डॉक्टर भेजें
        बच्चे को तेज़ बुखार है, कृपया मदद करें
      `),
    },
    punctuality: {
      en: L(`
        {train} has been standing outside {station} for {hours} hours, [no announcement|no information at all]
        {train} running {hours} hours late, [no updates|we will miss our connection|passengers stranded at {station}]
        running status of my train {train} [not updating|shows wrong location] on NTES, please check
        {tname} ({train}) [late every day|always late] this month, office goers suffering
        train {train} [cancelled|short terminated at {station}] without [prior information|any SMS], [i|we] are stuck
        [my|our] train {train} was [diverted|rescheduled] and nobody informed us, PNR {pnr}
        {train} stopped in the middle of nowhere near {station} for {mins} minutes, [no water|no reason given]
        [i|we] missed [my|our] connecting train because {train} was {hours} hours late at {station}
        platform changed at the last minute at {station}, [old people|my parents] missed the train
        [why is|why] {train} [always|daily] [held up|given way to other trains] near {station}?
        {tname} [delayed|late] by {hours} hours [every day|daily] since the new timetable
        {train} [reached|arrived at] {station} {hours} hours late, [we missed our flight|I missed my exam|I lost the interview]
        {train} [halted|waiting] at the outer signal for {mins} minutes to give way to a goods train
        [NTES|139|the app] [shows|said] {train} departed but it is still at {station}
        {train} crawling at 20 kmph since {station}, no announcement, already {hours} hours late
      `),
      short: L(`
        {train} standing outside {station} for {hours} hours, no announcement
        {train} {hours} hrs late again
        running status not updating, {train}
        {train} stuck near {station} since {mins} min
        {tname} late every day 😤
        train cancelled, no SMS, stranded at {station}
        missed connection at {station}, {train} late by {hours} hrs
        {train} not moving for an hour near {station}. whats happening?
        {tname} delayed {hours} hrs daily since new timetable
        waiting for goods train to pass, {mins} min, {train}
        NTES says departed, still at {station}
        crawling since {station}, no announcement
      `),
      hl: L(`
        {train} {station} ke outer par {hours} ghante se khadi hai, koi announcement nahi
        hamari train {hours} ghante late chal rahi hai, connection train chhoot jayegi
        NTES par running status update nahi ho raha {train} ka
        {tname} roz late hoti hai, office jane walo ki halat kharab
        train cancel kar di bina bataye, hum {station} par fanse hai
        {train} {station} ke baad se reng rahi hai, {hours} ghante late ho gayi
      `),
      hi: L(`
        ट्रेन {train} {station} के आउटर पर {hours} घंटे से खड़ी है, कोई सूचना नहीं
        हमारी ट्रेन {hours} घंटे लेट है, कनेक्टिंग ट्रेन छूट जाएगी
        बिना बताए ट्रेन रद्द कर दी, हम {station} पर फंसे हैं
      `),
    },
    staff: {
      en: L(`
        TTE in coach {coach} of {train} [demanded|asked for] Rs {amount} [for a berth|without receipt|to adjust our seat]
        [booking clerk|ticket counter staff] at {station} [was rude|refused to give change|shouted at] [me|my mother]
        coach attendant [misbehaved|was drunk|refused to give bedroll] in coach {coach}, {train}
        [coolie|porter] at {station} [charged|demanded] Rs {amount} for one bag and [threatened us|misbehaved]
        TTE [allotted|gave] vacant berths to people who paid him while we with RAC got nothing, {train}
        station master at {station} [refused to help|was rude] when we asked about the delayed train
        [ticket checker|TC] fined me Rs {amount} [without any reason|though I had a valid ticket] at {station}
        [staff|cleaning staff] asking passengers for tips and [abusing|misbehaving] when refused, {train}
        [TTE|TC] [missing|sleeping] the whole night, nobody to [check tickets|complain to], {train}
        [coach attendant|pantry staff] [smoking|drinking] near the door of coach {coach} and [refused to stop|abused us]
        [enquiry counter|ticket window] at {station} [closed|empty] for an hour in working hours, [long queue|nobody there]
        [TTE|TC] [refused|did not] [allot|give] the vacant berth to my [pregnant wife|disabled father] [unless|and asked for] Rs {amount}
      `),
      short: L(`
        TTE asking Rs {amount} per berth in {coach} {train}
        counter clerk at {station} rude, no change returned
        coolie demanding {amount} per bag at {station}
        attendant drunk in {coach}, {train}
        TC fined without reason at {station}
        TTE missing all night in {train}
        enquiry counter at {station} empty for an hour
        staff smoking near the door of {coach}
      `),
      hl: L(`
        TTE ne berth ke liye {amount} rupaye mange, coach {coach}
        {station} ke counter wale ne badtameezi ki aur chhutta wapas nahi diya
        coach attendant ne kambal nahi diya aur badtameezi ki
        kuli {amount} rupaye maang raha hai ek bag ke
        TTE raat bhar gayab raha, {train}, koi sunne wala nahi
      `),
      hi: L(`
        टीटीई ने बर्थ के लिए {amount} रुपये मांगे, बिना रसीद
        काउंटर पर कर्मचारी ने बदतमीजी की
        कुली एक बैग के {amount} रुपये मांग रहा है
      `),
    },
    general: {
      en: L(`
        [my|our] complaint on Rail Madad was closed without any resolution, [reference|ref no] {pnr}
        [lift|escalator] at {station} [not working|out of order] for {d} days, elderly people struggling
        [no|broken] [wheelchair|ramp] at {station} for my disabled father, [nobody helped|staff refused]
        [lost|left] my bag in {train} coach {coach}, [nobody|RPF] is [responding|helping] to trace it
        parking contractor at {station} [charging|demanding] Rs {amount} [without receipt|for two hours]
        [no|broken] [drinking water|water cooler] on platform {hours} at {station}
        announcement system at {station} [not working|inaudible], people missing trains
        [i|we] [complained|raised it] {d} days ago on Rail Madad but [no action|no reply] till now
        [foot over bridge|FOB] at {station} [broken|closed for months], [people crossing the tracks|elderly cannot climb]
        [coach position display|train indicator board] at {station} [not working|showing wrong coach], [we ran|old people ran] along the platform
        [no|not enough] [benches|shade] on platform {hours} at {station}, [passengers sitting on the floor|waiting in the sun]
        [139|Rail Madad helpline] [keeps disconnecting|not connecting] after I called {hours} times
      `),
      short: L(`
        Rail Madad complaint closed without action
        lift at {station} not working {d} days
        no wheelchair at {station} for old man
        left bag in {train} {coach}, please trace
        parking guys looting at {station}
        no drinking water on {station} platform
        FOB closed at {station} for months
        coach display wrong at {station}
        no benches on platform {hours}, {station}
        139 not connecting
      `),
      hl: L(`
        Rail Madad par shikayat ki thi, bina solve kiye band kar di
        {station} par lift {d} din se kharab hai
        mera bag {train} ke coach {coach} me chhoot gaya, koi madad nahi kar raha
        {station} par peene ka paani nahi hai
        {station} par FOB mahino se band hai, log track paar kar rahe hai
      `),
      hi: L(`
        रेल मदद पर मेरी शिकायत बिना समाधान के बंद कर दी
        {station} पर लिफ्ट {d} दिन से खराब है
        मेरा बैग ट्रेन में छूट गया, कोई मदद नहीं कर रहा
      `),
    },
  },
  otherScripts: [
    ['cleanliness', 'கோச் {coach} இல் தண்ணீர் இல்லை, கழிப்பறை மிகவும் அசுத்தம்'],
    ['punctuality', 'ট্রেন {train} তিন ঘণ্টা দেরি, কোনো ঘোষণা নেই'],
    ['catering', 'ట్రైన్ {train} లో భోజనం పాడైపోయింది, దయచేసి చర్య తీసుకోండి'],
    ['security', 'ಕೋಚ್ {coach} ನಲ್ಲಿ ನನ್ನ ಬ್ಯಾಗ್ ಕಳ್ಳತನವಾಗಿದೆ, ದಯವಿಟ್ಟು ಸಹಾಯ ಮಾಡಿ'],
    ['tickets', 'എന്റെ റീഫണ്ട് ഇതുവരെ ലഭിച്ചില്ല, PNR {pnr}'],
    ['medical', 'ਮੇਰੇ ਪਿਤਾ ਜੀ ਦੀ ਤਬੀਅਤ ਖ਼ਰਾਬ ਹੈ, ਕੋਚ {coach}, ਡਾਕਟਰ ਚਾਹੀਦਾ ਹੈ'],
    ['cleanliness', 'કોચ {coach} માં પાણી નથી, ખૂબ ગંદકી છે'],
    ['punctuality', 'ଟ୍ରେନ {train} ଚାରି ଘଣ୍ଟା ବିଳମ୍ବ, କୌଣସି ସୂଚନା ନାହିଁ'],
  ],
  grievanceTags: L(`
    IndianRailways
    RailMadad
    Railways
    IRCTC
    Shame
    WakeUpRailways
    PassengerSafety
    Help
    Urgent
    TrainLate
    VandeBharat
  `),
  newsTags: L(`
    IndianRailways
    SwachhBharat
    SwachhataHiSeva
    NewIndia
    AmritBharatStation
    VandeBharat
    RailInfra
    Travel
    BreakingNews
    Railways
    GatiShakti
    MakeInIndia
  `),
  officialListed: L(`
    Central_Railway
    WesternRly
    RailwayNorthern
    GMSRailway
    EasternRailway
    SCRailwayIndia
    NWRailways
    WCRailway
    NCRailwayIndia
    ECRlyHJP
    SECRailway
    drmbpl
    DRMNagpurCR
    drmmumbaicr
    DRMLKO
    RailNeerIndia
  `),
  officialPatterned: L(`
    DRMJhansi
    drm_danapur
    DRMAgra
    DRMSecunderabad
    drmkota
    DRM_Ratlam
    nr_rly
    wr_rly
    cr_rly
    sr_railway
    RPF_WR
    rpf_cr
    RPF_NR
    GRP_Lucknow
    grp_howrah
  `),
  officialUnlisted: L(`
    IRCTCofficial
    RailwayZoneSCoR
    KonkanRailway
    DMRC
    MumbaiMetro3
    PIBMumbai
    PIB_Patna
    NHAI_Official
    airindia
    MORTHIndia
    NFRailwayOff
    BPCLimited
    IndianOilcl
  `),
  officialReplies: L(`
    Dear passenger, inconvenience [caused|is] regretted. [Please|Kindly] share your PNR and mobile number via DM [for necessary action|so that we can help]
    [Sir|Madam|Sir/Madam], kindly DM your [contact number|PNR and mobile number] [for quick redressal|for assistance]
    [The matter|Your concern] has been [informed|forwarded] to the concerned official for necessary action
    Dear passenger, [please|kindly] register your complaint on railmadad.indianrailways.gov.in or call 139 for [speedy|quick] redressal
    [Sir|Madam], the matter has been taken up with the concerned [department|staff|team]. [Regret the inconvenience|We regret the inconvenience]
    [We have|Have] noted your concern, the [onboard staff|cleaning staff|TTE] has been [instructed|alerted]. Inconvenience is regretted
    Dear passenger, [the train is|train no {train} is] running late due to [operational reasons|fog|traffic block]. Inconvenience caused is regretted
    [RPF staff|Escort|The team] has been [alerted|informed] and is attending. [Please share your coach and berth number|Kindly share details via DM]
    [Sir|Madam], [your complaint|the complaint] has been registered [with ref no|vide ref] {pnr}. [Updates will be shared|You will be updated shortly]
    [Kindly|Please] share your [PNR|train number and coach] [via DM|in DM] [so that the matter can be looked into|for necessary action]
    प्रिय यात्री, असुविधा के लिए खेद है। कृपया अपना पीएनआर एवं मोबाइल नंबर डीएम करें
    [महोदय|महोदया], मामला संबंधित अधिकारी को [सूचित कर दिया गया है|अवगत करा दिया गया है], आवश्यक कार्रवाई की जा रही है
    [महोदय|प्रिय यात्री], कृपया अपनी शिकायत रेल मदद पर दर्ज करें या 139 पर कॉल करें
    Dear [passenger|customer], we regret the inconvenience. [The refund will be processed|Your refund is being processed] as per [rules|refund rules]
    [Sir|Madam], [kindly|please] approach the [TTE|on-duty staff|station manager] for assistance. Inconvenience is regretted
    [Necessary action|Appropriate action] [has been taken|is being taken] against the [vendor|staff] concerned. [Thanks for bringing it to our notice|Regret the inconvenience]
    The [escort party|on-board team] reached the coach and [the issue is resolved|situation is under control]. [Inconvenience regretted|Thank you]
    Dear passenger, kindly contact the nearest RPF post or dial 139 for [security|any] assistance
  `),
  opinions: L(`
    railway safety needs investment, not speeches. [please wake up|wake up] {ours_at}
    there should be a [policy|rule] for [elderly passengers|senior citizens|disabled passengers] in [trains|sleeper coaches], [please|kindly] consider
    [fares are|ticket prices are] too high, [common man|middle class] can't afford [AC travel|trains] anymore. please [reduce|think]
    [bring back|please restore] senior citizen concession, it was [unfair|cruel] to remove it
    [vande bharat|bullet train] is for the rich, [please|pls] focus on [general coaches|sleeper class] for the poor
    [privatisation|private trains] will [destroy|ruin] indian railways, [please stop|stop] it
    [why|how come] [every|each] accident [only|] leads to [compensation|a committee] and no accountability? [please|pls] answer
    [more|add more] general coaches [please|pls], people travel like animals in [this country|india]
    [railways|the ministry] [should|must] [stop|ban] [flexi fare|dynamic pricing], [it's|it is] loot
    [the|this] minister [only|just] [inaugurates|flags off] trains, [what about|no focus on] safety and punctuality
    [kavach|safety system] [should be|must be] installed on all routes before [new|fancy] trains, [please|]
    [stop|please stop] [renaming|painting] stations and [fix|improve] the basics
    [in my opinion|imo|honestly] [indian railways|IR] [was better|worked better] [ten years ago|before]
    [another|one more] derailment. [this|the] government [doesn't care|only does PR] about [passengers|lives]
    [sleeper class|general class] passengers are [second class citizens|forgotten] for this ministry
    [the|this] [train|railway] [budget|policy] [is|was] [a joke|pathetic], [please|] [resign|do something]
    [people|passengers] [should|must] [also|] [keep|maintain] trains clean, [not only|it's not just] the railways
    [ticket|tatkal] agents and [bots|software] [take|grab] all tatkal tickets, [the system|the policy] is [broken|rigged]
  `),
  demands: L(`
    [please|pls|kindly] [release|announce] [RRB NTPC|RRB Group D|ALP|RPF constable] [vacancy|notification|result] [soon|at the earliest], [students are waiting|we are waiting for years]
    [rrb|railway] [exam|recruitment] [postponed again|delayed for years], [please|pls] [give|announce] dates {ours_at}
    [please|kindly] [start|introduce] a [new|direct] train from {station} to {station}
    [request|requesting] [a stoppage|stoppage] of {tname} at {station}, [thousands of people|whole district] will benefit
    [please|kindly] [extend|run] {train} up to {station}, [long pending demand|people need it]
    [increase|add] [frequency|coaches] of {tname} [please|] [on this route|between {station} and {station}]
    [we|people of {station}] [demand|want] [a vande bharat|a new train|an AC local] [please|]
    [apprentice|act apprentice] [candidates|students] [demand|want] [permanent jobs|railway jobs], [please|] [listen|consider]
    [please|kindly] [build|construct] [an ROB|a foot over bridge|an underpass] at {station} [crossing|gate]
  `),
  news: L(`
    [Passengers|Dear passengers], kindly note: {train} {tname} [extended up to|will run up to] {station} [with effect from|from] [1st|15th] [March|April|May|June]
    [Passengers|Attention passengers], kindly note: {train} [will remain cancelled|is cancelled|partially cancelled] on [12th|18th|25th] due to [traffic block|maintenance work|non-interlocking work]
    [Railways|Indian Railways] to run [{hours}|10|26] special trains for [Diwali|Holi|Chhath|summer] rush
    {zone} [achieves|records] highest ever [freight loading|revenue] in [the month of|] [June|October|FY 2025-26]
    [Minister|Railway Minister] [inaugurates|flags off] [Vande Bharat|new train|Amrit Bharat station] at {station} [today|]
    [Watch|Read]: [how|why] {tname} became [the most punctual|the fastest] train in India
    [Swachhata Pakhwada|cleanliness drive|Swachhata Hi Seva] [organised|conducted] at {station} [station|division] [today|]
    स्वच्छता [पखवाड़ा|ही सेवा] अभियान के तहत {station} स्टेशन पर सफाई [कार्यक्रम|अभियान] [आयोजित|चलाया गया]
    [यात्रीगण|यात्री] कृपया ध्यान दें: ट्रेन {train} [{station} तक बढ़ाई गई|रद्द रहेगी|परिवर्तित मार्ग से चलेगी]
    [Breaking|BREAKING]: [{tname} derails|goods train derails|coaches of {train} derail] near {station}, [no casualties reported|rescue underway]
    [Report|Reports]: [railways|IR] [loses|earns] Rs [{amount} crore|2,000 crore] [on|from] [passenger segment|concessions] [in 2025|last year]
    {zone} [RPF|GRP] [arrests|nabs] [touts|ticket touts|mobile thieves] at {station}, [tickets worth Rs {amount} seized|recovered phones]
    [Press note|Press release]: [Mega block|Traffic block] on [{station}-{station}|the main line] section on [Sunday|Saturday] [for maintenance|for bridge work]
    [Kavach|Automatic signalling] [commissioned|installed] on [{station}-{station}|Delhi-Mumbai] route, [says railway board|officials said]
    Operation [Nanhe Farishte|AAHT|Amanat] : RPF {zone} rescued [{hours}|23|41] children [this month|in October]
    [RailTel|Railways] to provide free WiFi at [{hours}|500|6000] more stations, [announced|says] ministry
    {station} স্টেশনে পরিচ্ছন্নতা অভিযান অনুষ্ঠিত হয়েছে
    {station} ரயில் நிலையத்தில் தூய்மை இயக்கம் நடைபெற்றது
    [Watch|Video]: [stunning|beautiful] view of {tname} [crossing|passing] [the bridge|the ghats] [#IncredibleIndia|]
    [Tender|Notice] for [catering|parking|cleaning] contract at {station} [released|invited], last date [20th|30th]
  `),
  praise: L(`
    [thank you|thanks] {ours_at} for [the quick response|the prompt help|resolving my complaint] [on my journey|in {train}|today] 🙏
    [kudos|hats off] to the [RPF|TTE|staff] of {train} for [returning my lost bag|helping my mother|quick action]
    [clean|very clean] coaches and [on time|punctual] arrival, [great job|well done] {ours_at}
    [vande bharat|{tname}] [is amazing|experience was excellent], [proud of|thank you] indian railways
    [the|a] doctor [came|was arranged] at {station} [within minutes|quickly] for my father, [thank you|grateful] {ours_at}
    [food|meal] in {tname} was [really good|excellent] today, [thanks|kudos] IRCTC
    [my|our] refund [came|was credited] [quickly|within two days], [thanks|thank you] {ours_at}
    {station} station [looks|is looking] [beautiful|world class] after [redevelopment|renovation], [good work|well done]
  `),
  questions: L(`
    [what is|whats] the [last date|rule] for [tatkal|ladies quota|senior citizen] [booking|quota] {ours_at}?
    [does|will] {tname} [stop|have a stoppage] at {station}?
    [is there|any] [a direct train|train] from {station} to {station} [tomorrow|this weekend]?
    [can|may] I [carry|take] [a pet|my dog|a bicycle|extra luggage] in [AC coach|sleeper]? [what is the rule|rules?]
    [how|what is the process] to [book|get] [a wheelchair|porter] at {station}?
    [when|from when] will [the new|vande bharat sleeper] [start|be launched]?
    [how many|what] [days in advance|days before] can [i|we] book [tickets|tatkal]?
  `),
  mediaHandles: L(`
    RailNewsIndia
    railway_updates
    TOIIndiaNews
    indianexpress
    News18India
    IndiaTVNews
    ETInfra
    railinfra_news
    trainspotter_in
    mumbai_locals
  `),
  affiliated: {
    usernames: [],
    patterns: [
      '^(cr|wr|nr|sr|er|ser|ecr|ncr|nwr|nfr|scr|swr|wcr|ecor|secr)_?(rly|railway)s?$',
      '^drm',
      '^rpf_(cr|wr|nr|sr|er|ser|ecr|ncr|nwr|nfr|scr|swr|wcr|ecor|secr)$',
      '^grp_?',
    ],
  },
}
RAILWAYS.affiliated.usernames = RAILWAYS.officialListed
