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
  `),
}
