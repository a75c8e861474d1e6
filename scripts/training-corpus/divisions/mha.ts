// MHA, division by division. The hard pairs: foreigners (a foreigner's visa, OCI, FRRO,
// immigration at the airport) against police (verification for an Indian's passport or
// job, an FIR, drugs, terror); cyber (money or accounts taken online, morphed images used
// to extort) against women safety (a woman harassed, stalked, beaten at home, even when
// the stalker also messages her); disaster (flood, landslide, relief) against general.
import { L } from '../common'
import type { DivisionCorpus } from './frame'

const TOWNS = L(`
Meerut
Aligarh
Bareilly
Jhansi
Sagar
Rewa
Bilaspur
Durg
Latur
Solapur
Belagavi
Hubballi
Tirunelveli
Nellore
Karimnagar
Cuttack
Gaya
Muzaffarpur
Hisar
Panipat
Bathinda
Ajmer
Bikaner
Silchar
`)
const STATIONS = [
  'Kotwali',
  'Civil Lines',
  'Sadar Bazar',
  'Sector 39',
  'Model Town',
  'Cantt',
  'Rampur Road',
  'Gandhi Nagar',
]
const FORCES = ['CRPF', 'BSF', 'CISF', 'ITBP', 'SSB', 'Assam Rifles']
const APPS = ['WhatsApp', 'Instagram', 'Telegram', 'Facebook', 'a loan app', 'a trading app']
const BANKS = ['SBI', 'PNB', 'HDFC', 'Bank of Baroda', 'Canara Bank', 'ICICI']

export const MHA_DIVISIONS: DivisionCorpus = {
  org: 'mha',
  ours: ['HMOIndia', 'MHA_Grievance', 'CyberDost', 'BOI_MHA', 'NDMA_India'],
  alsoTagged: ['AmitShah', 'PMOIndia', 'ANI', 'DelhiPolice', 'NCWIndia', 'ndtv', 'uppolice', 'aajtak', 'PIB_India'],
  slots: {
    town: (g) => g.pick(TOWNS),
    ps: (g) => g.pick(STATIONS),
    force: (g) => g.pick(FORCES),
    app: (g) => g.pick(APPS),
    bank: (g) => g.pick(BANKS),
    money: (g) => g.pick(['18,500', '42,000', '1.2 lakh', '3,70,000', '9999', '65k', '2 lakh']),
    mon: (g) => String(g.pick([2, 3, 4, 6, 9, 11])),
  },
  divisions: {
    foreigners: {
      tags: ['FRRO', 'eFRRO', 'Visa', 'OCI', 'Immigration'],
      reports: L(`
        my wife is a Nepali-born foreign national, her residential permit renewal on e-FRRO rejected for "incomplete documents" with no list
        e-FRRO visa extension for my {town} university's foreign student pending {days} days, exit permit needed for his exam abroad
        immigration officer at Delhi airport held my OCI-holder son for 3 hours and stamped a notice, no reason
        FRRO office asking my foreign husband to report in person every month, no such rule written anywhere
        overstay penalty charged on my Bangladeshi mother-in-law though her medical visa extension was already applied
        e-FRRO portal payment deducted twice for visa conversion, application still "fee pending"
        FRRO {town} lost the passport of my Afghan colleague submitted for registration
        OCI holder stopped at the immigration desk at {town} airport, told my OCI is "not linked" to the new passport
        विदेशी पत्नी का आवासीय परमिट {mon} महीने से लंबित है, ई-एफआरआरओ पर कोई जवाब नहीं
        meri German bahu ka visa extension FRRO me {days} din se atka hai, desh chhodne ka notice aa gaya
        refugee card holder family in {town} asked for bribe at the FRO for a stay certificate
        exit permit for my Nigerian student friend not issued, his flight is tomorrow
        foreigner registration at the FRO in {town} says come next month, visa expires in 6 days
        e-FRRO OTP never comes to a foreign mobile number, my US husband cannot log in
        Bureau of Immigration put a lookout on me by mistake, same name as someone else, stopped at airport twice
        long term visa for my Pakistani-Hindu relatives in {town} pending {mon} months at the FRO
        my Thai wife's residence permit renewal on e-FRRO has sat at "with FRO" for {days} days and her stay ends next week
        the district FRO counter in {town} opens two hours a week and my foreign husband must report in person each time
        our Korean engineer's visa ran out while his exit permit sat with FRRO, now they want a penalty from him
        a foreign scholar at our university in {town} got a leave-India notice though her extension was filed on time
        change of visa category for my American wife has been with FRRO for {mon} months, she cannot start her job
        our guest from Nepal is unregistered because the hotel's form C upload errors out every time
        immigration at the airport held my British mother for three hours over an overstay fine she paid years ago
        videsh se aayi bahu ka residence permit {mon} mahine se FRRO mein pada hai, koi sunwai nahi
        विदेशी छात्र की वीज़ा अवधि बढ़ाने की अर्ज़ी एफआरआरओ में {days} दिन से पड़ी है, कोई जवाब नहीं
        my Bangladeshi wife's long term visa file has been with the district for {mon} months without any letter
        a foreign tourist in our homestay lost her passport, FRRO and the thana each send her to the other
      `),
    },
    police: {
      tags: ['FIR', 'PoliceVerification', 'Justice', 'Police'],
      reports: L(`
        {ps} thana ne meri chain snatching ki FIR nahi likhi, bole khud dhoondo
        passport police verification: constable at {ps} police station wants 2000 to send a clear report
        job joining stopped because my character certificate from {town} police is pending {days} days
        drug peddlers sell smack openly behind the {town} bus stand, local police take hafta
        SHO {ps} registered my complaint as a lost article instead of theft so insurance rejects it
        tenant verification form submitted at {ps} {mon} months ago, no receipt, landlord threatening
        police verification for my passport shows "not recommended" because the beat officer never came
        suspicious men with a bag near the {town} railway colony every night, police not taking calls on 112
        बाइक चोरी की एफआईआर {ps} थाने में दर्ज नहीं की जा रही, {days} दिन से चक्कर लगा रहा हूं
        my father was beaten by a neighbour, {ps} police made us compromise instead of an FIR
        PCC from {town} police for my job abroad not issued, online shows "sent to SP office" for weeks
        ganja is being sold near the school in {town}, we gave names to police, nothing happened
        zero FIR was refused at {ps} saying go to the station where it happened, 200 km away
        thane me verification ke liye teen baar bulaya, har baar officer chutti pe
        naxal threat posters near our village school in {town}, no police patrol since
        मेरे बेटे की पुलिस वेरिफिकेशन {mon} महीने से अटकी है, नौकरी की जॉइनिंग रुकी है
        gambling den running behind the {town} market, local thana knows and does nothing
        112 par teen baar call kiya, PCR aayi hi nahi, gali me ladai ho rahi thi
        illegal liquor sold openly near the {town} bus stand, police not acting
        our shop was looted in {town}, police took no statement and no FIR
        two strangers asking children for addresses in our colony in {town} for days, police say nothing can be done
        chain snatchers on bikes in {town} every evening, no police patrol at all
        my passport verification is pending at {ps} police station for {days} days, the SHO says the file is not traceable
        illegal sand mining trucks at night in our village near {town}, police take money and let them go
        my 16 year old son left for school on friday and never came back, {ps} police have not even written a missing report
        the SHO at {ps} {town} would not take our assault complaint and told us to compromise
        the accused in my case got bail because the police never filed the chargesheet in time
        a wedding party fired guns in our street till 2 am, a bullet hit our window, {ps} police took no action
        my police verification for a bank job is pending at {ps} for {days} days, the joining date is close
        tenant verification form in {town} still "pending at police station" after {mon} months
        our shop shutter was broken at night, 112 said a team was coming, nobody came till morning
        chain snatching complaint at {ps} not written, the munshi said come with a lawyer
        thane wale report likhne ke paise maang rahe hain, {ps} {town} ka mamla hai
        मेरी बाइक चोरी की रिपोर्ट {ps} थाना {town} में दर्ज नहीं हो रही, हफ्ता बीत गया
        a builder's men threaten us every night to vacate our house in {town}, police say it is a civil matter
        my mobile was snatched in {town}, the e-FIR app keeps failing and the thana says file online
      `),
    },
    capf: {
      tags: ['CAPF', 'Jawan', 'OROP', 'CAPFPension'],
      reports: L(`
        {force} constable here, my transfer on medical ground was approved {mon} months back, still not relieved
        father retired from {force} in {mon}, pension still not started, PPO not issued
        {force} battalion me {mon} mahine se TA/DA arrears nahi mile
        my husband is a {force} jawan, MACP fixation wrong, pay reduced after the new order
        family pension of a martyred {force} head constable's widow stuck at the PAO for a year
        hard area allowance not paid to our {force} company posted in the north east for {mon} months
        {force} leave sanctioned but movement order not given, my mother is in ICU in {town}
        ex-{force} personnel, CGHS card still not issued {days} days after retirement
        {force} ke jawan bhai ka 6 mahine se posting order ke baad bhi joining nahi karwaya
        केंद्रीय बल से रिटायर पिताजी की पेंशन {mon} महीने से रुकी है
        {force} recruit, my joining letter says report to {town} but the centre says no vacancy
        leave encashment of my late husband in {force} not paid, office says file not received
        ration money allowance cut without notice in our {force} unit
        {force} mein promotion list me mera naam galti se chhoot gaya, representation ka jawab nahi
        gratuity of my father from {force} pending since retirement, {mon} months
        spouse posting request in {force} rejected three times though both of us serve
        my father's {force} pension is short every month since the revision, the PAO never replies to letters
        the NPS deduction from my {force} salary has not shown in my PRAN account for {mon} months
        our {force} unit in the desert got neither the summer kit nor the water allowance this year
        my {force} ACR has not been written for two years, so my name is missing from the promotion list
        the ex-gratia for my husband, killed in a {force} road accident on duty, is still with the directorate
        after my posting to {town} my {force} salary has not come for {mon} months, the old unit says the LPC was sent
        retired from {force}, the commuted pension lump sum has not come after {mon} months
        mere pati {force} mein hain, {mon} mahine se allowance nahi aaya, koi order bhi nahi dikhaya
        केंद्रीय बल के शहीद जवान की पत्नी को {mon} महीने से पारिवारिक पेंशन नहीं मिली
        my {force} medical reimbursement bills for my mother's surgery are pending for {mon} months
        the {force} canteen card for my retired father has not been renewed, the unit says wait
        {force} wale pati ki chhutti cancel ho gayi, unki maa ICU mein hai, koi sunwai nahi
      `),
    },
    cyber: {
      tags: ['CyberFraud', 'Cyber1930', 'OnlineFraud', 'CyberCrime'],
      reports: L(`
        got a call from "customs", they kept me on video for 9 hours (digital arrest) and took {money}
        {money} gone from my {bank} account through a fake electricity bill link
        my {app} account hacked, the hacker is asking my contacts for money in my name
        called 1930 within 20 minutes, complaint number given, bank says no freeze request came
        fake stock tips group on {app} took {money} as "IPO allotment", now blocked me
        someone made a fake profile with my photos on {app} and is extorting my family
        OTP ke bina hi {bank} account se {money} nikal liye, cyber cell sun nahi raha
        साइबर ठगों ने {money} रुपये ठग लिए, 1930 पर शिकायत की कोई कार्रवाई नहीं
        UPI collect request scam, {money} debited, {bank} asks for FIR from cyber police first
        part time job scam on {app}, paid {money} for "tasks", withdrawal never happened
        sextortion call after a video call from an unknown number, they are threatening to upload
        cybercrime.gov.in complaint status "under process" for {mon} months, money still with the fraudster
        SIM swapped, all my bank OTPs went to the fraudster, {money} lost overnight
        fake customer care number on google for a courier, they took remote access and emptied my account
        loan app I never took money from is calling my relatives and sending edited pictures of me
        cyber police station {town} says jurisdiction is with the bank's city, no one takes my complaint
        NCRP acknowledgement number given, the bank says the cyber police never sent a lien request
        fraudster took {money} through a fake parcel call, my 1930 complaint shows no progress for {mon} months
        hacker changed the email on my {app} account, cyber cell {town} says file online, online says visit the station
        someone made an Instagram page with edited pictures of my wife and asks money to delete it
        my {bank} credit card used for foreign transactions I never made, {money} gone, cyber cell not registering
        UPI app showed "payment received" screenshot scam, shopkeeper lost {money}, cyber police sleeping
        fraud website of a government scheme took {money} as registration fee from villagers in {town}
        a recruiter on a job site took {money} as a "security deposit" before joining, now the number is switched off
        someone got a credit card in my name with my PAN, the bank now sends me dues notices
        my {app} was hijacked after a fake "verify your badge" link, the hacker is selling things to my followers
        someone uses our school principal's photo on {app} to ask parents for fee money
        a bogus courier-tracking site took {money} from my father as "customs duty" for a parcel that never existed
        a deepfake clip with my face is on an adult site, the site ignores my emails, please get it removed
        called 1930, the operator said the bank server is down and to call tomorrow, by then the money was gone
        a "narcotics bureau" caller said a parcel in my name had drugs and made me pay {money} to clear my name
        a fake traffic challan SMS with a link, I paid it and then {money} more left my {bank} account
        the cybercrime portal logs me out when I attach the bank statement, the complaint never submits
        ek website farzi driving licence bech rahi hai, report ki par abhi bhi chal rahi hai
        my {bank} debit card was cloned at an ATM in {town}, {money} withdrawn in another state, how do I get it back?
        a fake electricity officer on {app} made my father install a screen sharing app, {money} gone in minutes
        we sold a sofa online, the "army officer" buyer sent a QR code and took {money} instead of paying
        a matrimonial site match asked my sister for {money} for "customs clearance" of a gift, now unreachable
        my son lost {money} in an online gaming app that stopped withdrawals, the app still runs ads
        fraudsters called from a number showing "{bank} official", got my card details and spent {money}
        my Aadhaar biometric was used at a CSP for withdrawals I never made, {money} gone
        a crypto investment group on {app} showed fake profits, I put in {money}, now they want "tax" to release it
        my email was hacked and someone sent fake invoices to my clients from it, who investigates this?
        online shopping refund call asked me to download an app and my account was emptied, {money}
        someone is selling my daughter's photos on a {app} channel, we reported it three times
        mere account se {money} UPI se nikal gaye, maine koi OTP share nahi kiya, cyber thana {town} koi madad nahi
      `),
    },
    disaster: {
      tags: ['Flood', 'Landslide', 'NDRF', 'ReliefNow'],
      reports: L(`
        water entered houses in our mohalla in {town}, old people on rooftops since morning, no boat came
        landslide blocked the road to our village, 40 families cut off, no relief reached
        relief camp at the {town} school has no drinking water or milk for children
        cyclone destroyed our huts, compensation survey not done after {mon} months
        baadh me ghar beh gaya, {days} din ho gaye, rahat ka ek packet nahi aaya
        बाढ़ में फंसे परिवार छत पर हैं, {town} में तुरंत बचाव दल भेजें
        earthquake cracks in our building in {town}, no engineer has inspected, we sleep outside
        cloudburst near our village, 3 people missing, SDRF not reached since night
        relief money after the flood credited to someone else's account, tehsil not listening
        dam water released without warning, fields and houses in {town} under water
        heat wave, no water tanker in our basti for {days} days, a child fainted
        forest fire reaching the houses on the hill side of {town}, fire brigade not coming
        rehabilitation houses promised after the landslide still not started, living in tents
        boat stuck in the river with 12 people, no NDRF team yet
        cold wave, no night shelter blankets at the {town} camp for homeless
        flood ex-gratia for my father's death not paid, file moving between offices
        flood relief camp in {town} closed, but our houses still under water, where to go
        the culvert near our village in {town} is choked and water is rising into the houses, the panchayat has no pump
        after the flood our house was marked "partly damaged" though it collapsed, appeal pending {mon} months
        hail flattened the mustard crop in our block, the patwari has not come to assess
        lightning killed my uncle in the field, the ex-gratia still not paid after {mon} months
        gaon ke paas nadi ka paani bandh ke upar aa gaya hai {town}, koi adhikari nahi pahuncha
        बाढ़ से फसल बर्बाद हुई, {mon} महीने बाद भी मुआवजा नहीं मिला
      `),
    },
    'women-safety': {
      tags: ['WomenSafety', 'JusticeForHer', 'StopHarassment'],
      reports: L(`
        a man from my old office follows me to the metro station every evening, police say no case without "proof"
        my sister's husband beats her for dowry, {ps} police refuse to register a DV complaint
        boys on bikes pass comments and block the road to the girls' college in {town} every day
        my ex keeps turning up outside my flat at night and threatens to hurt me
        landlord's son peeps into our room and follows my daughter, we are scared
        सड़क पर कुछ लड़के रोज़ मेरी बहन का पीछा करते हैं, {town} पुलिस नहीं सुन रही
        sasural wale dahej ke liye marte hai, thane me shikayat li nahi
        a neighbour stalks me and sends me messages from new numbers, police blame me for replying
        co-passenger molested me in the bus in {town}, conductor and police did nothing
        my daughter is being blackmailed by a classmate who follows her home and threatens her
        husband throws me out every night, women helpline number does not connect
        man exposing himself near the ladies' hostel gate in {town}, second time this week
        mohalle ke ladke meri beti ko chhedte hai, shikayat karne par dhamki dete hai
        ICC at my workplace buried my complaint against my manager, he now threatens me
        one stop centre in {town} closed on sunday, i had to go back to the abusive house
        she was groped at the {town} bus stand, the police constable laughed
        a man follows my daughter from the coaching centre and also messages her, the police say it is only online so go to cyber cell
        my neighbour beats his wife every night, she begged us for help, police came and left
        acid attack threat to my sister from a rejected suitor in {town}, no protection given
        the security guard of our society makes remarks at my teenage daughter every evening, the RWA ignores us
        the PG owner in {town} kept a spare key and walks in on the girls, we are scared to complain
        a drunk man from the next building shouts my name at night and bangs on the grill, I am alone with my kid
        in the metro today a man kept pressing against me, the guard told me to change coaches, where do I complain?
        my sister-in-law is locked in and starved by her in-laws, they do not let her call us, {town}
        my friend's husband is beating her as I type this, she called me crying, {town}
        boys in a car followed two girls from the tuition centre in {town} and tried to pull one in, arrest them
        akeli rehti hoon, ek ladka roz gali ke kone pe khade hokar ghoorta hai, {town}
        ऑफिस का एक सहकर्मी रोज़ मेरा पीछा करता है और धमकी देता है, पुलिस शिकायत नहीं ले रही
        my colleague sends me vulgar messages and waits at the parking lot, the company HR tells me to ignore it
      `),
    },
    general: {
      tags: ['MHA', 'CPGRAMS', 'NoAction'],
      reports: L(`
        arms licence renewal in {town} pending {mon} months, collectorate sends me to police and police to collectorate
        my CPGRAMS complaint to MHA disposed as "state subject" without forwarding it to the state
        letter to the home ministry about my land dispute {mon} months ago, no reply
        freedom fighter pension of my grandmother stopped, MHA section not replying
        fire NOC for our school pending {days} days, inspector asking for money
        MHA portal for NOC registration is down for {days} days
        गृह मंत्रालय को भेजी अर्जी का {mon} महीने से जवाब नहीं आया
        CPGRAMS pe shikayat daali thi, {days} din baad bina kuch kiye close
        census enumerator skipped our whole lane, no one to complain to
        RTI to MHA on my father's pension not answered after {days} days
        citizenship application under CAA portal shows no progress for {mon} months
        civil defence volunteers not paid allowance for {mon} months
        compassionate appointment file of my late father, an MHA section officer, pending {mon} months
        MHA section has not replied to my representation on my service record for {mon} months
        my late father's family pension from the MHA secretariat not revised after the pay commission
        MHA has not forwarded my appeal on a fire safety NOC for {mon} months
        the official language department at MHA has not paid my translator honorarium for {mon} months
        my representation to the home ministry about a delayed state police recruitment result got no reply in {mon} months
        gallantry award money for my late father not released, MHA section keeps returning the file to the state
        गृह मंत्रालय की वेबसाइट पर शिकायत दर्ज करने का फॉर्म {days} दिन से खुल नहीं रहा
        padma award nomination portal stuck on the last page, MHA helpdesk unreachable
        MHA ne meri arzi state ko bhej di, state ne wapas MHA ko, {mon} mahine se ghoom rahi hai
        NOC for my foreign contribution registration renewal (FCRA) pending {mon} months, the NGO salaries are stuck
        FCRA portal rejects our annual return upload every time, deadline in {days} days
        prison department in {town} not allowing my family to meet my brother, jail superintendent not replying
        Swatantrata Sainik Samman pension: my mother's transfer as widow after father's death pending {mon} months
        families displaced from PoK and settled in {town} still have not got the one-time settlement amount
        the widow of a man killed in the {town} riots was promised a house and is still in a rented room
        the Rajbhasha prize money for our office's Hindi magazine was announced and never paid
        the ministry's online grievance page has been "under maintenance" for {days} days, nowhere to file
        the jail in {town} stopped phone calls between prisoners and families {mon} months ago without any reason
        citizenship certificate ceremony in {town} postponed three times, no new date
        स्वतंत्रता सेनानी की विधवा माँ की पेंशन {mon} महीने से बंद है, गृह मंत्रालय जवाब नहीं देता
        the arms licence renewal on the NDAL portal has shown "pending at MHA" for {mon} months
        my FCRA renewal has been under "scrutiny" for {mon} months and donors have stopped funds
        Padma nomination acknowledgement never came though the portal took the form
        the status of my citizenship application under the new rules has not moved since the biometrics
        the ministry's appellate authority has not heard my RTI first appeal in {days} days
        disaster compensation for my father, a home guard who died on flood duty, stuck between the district and the ministry
      `),
    },
  },
  nearMisses: L(`
    how do i apply for e-FRRO registration for my foreign student? any guide
    what is the cyber fraud helpline number? saving it
    NDRF did amazing work in {town} floods, salute 🙏
    CAPF jawans deserve OROP, the government must decide
    awareness camp on cyber safety in {town} college today, good initiative
    women safety needs more lights and cctv, not just speeches
    police verification for passport now done via mPassport police app, good news
    which documents are needed for tenant verification in {town}?
    BSF day celebrations at the border, proud moment
    the home minister should resign over law and order, my opinion
    digital arrest is not a real thing, police never arrest on video call, spread awareness
    heavy rain alert for {town} tomorrow, schools closed
    NCRB data shows crime against women went up, we need reforms
    kya OCI card holder ko FRRO me registration karna padta hai?
    महिला हेल्पलाइन 181 है या 1091? कोई बताये
    thanks {ps} police for finding my lost phone within a day 👏
    cyber police {town} got my money back, thank you
    more CAPF vacancies should be released this year
    is police verification needed for a government job in another state?
    flood relief donation link for {town}, please share
    my cousin serves in {force}, very proud of him
    the cyber police in {town} held a good workshop for senior citizens today
    firing practice at the police range near {town} tomorrow, residents informed
    is e-FRRO registration needed for a tourist staying under 180 days?
    the storm knocked out power in {town} for an hour, all fine now, stay safe everyone
    crimes against women keep rising and we only get slogans, my view
    the census is years late, shameful, opinion
    what is the pension rule for CAPF personnel who joined after 2004? genuine question
    nice to see the {force} band at the republic day rehearsal
    which helpline should senior citizens save for cyber safety? sharing for awareness
    safety apps mean nothing without quick police response, we need a policy change
    congratulations to {ps} police for solving the case in two days 👏
    kya freedom fighter pension ka form online milta hai?
    flood preparedness meeting held in {town}, good step by the district
  `),
}
