// MEA, division by division. The hard pairs: passport (PSK/RPO in India, police
// verification for a passport) against consular (a passport lost or seized abroad, an
// emergency certificate); visa/OCI (foreigners coming to India) against emigration (an
// Indian worker's job visa from an agent); attestation (apostille of a document, even a
// PCC) against passport (getting the PCC itself).
import { L } from '../common'
import type { DivisionCorpus } from './frame'

const CITIES = L(`
Noida
Varanasi
Agra
Kota
Udaipur
Nashik
Nagpur
Surat
Vadodara
Mysuru
Mangaluru
Thrissur
Kollam
Kannur
Coimbatore
Vijayawada
Warangal
Gorakhpur
Darbhanga
Siliguri
Dehradun
Shimla
Ludhiana
Jammu
Srinagar
Imphal
`)
const GCC = ['Riyadh', 'Jeddah', 'Dammam', 'Kuwait City', 'Doha', 'Muscat', 'Sharjah', 'Abu Dhabi', 'Manama', 'Salalah']
const ABROAD = [
  'Toronto',
  'London',
  'New Jersey',
  'Sydney',
  'Melbourne',
  'Berlin',
  'Dublin',
  'Auckland',
  'Houston',
  'Vancouver',
]
const TRIP = ['Bangkok', 'Bali', 'Paris', 'Istanbul', 'Tbilisi', 'Baku', 'Almaty', 'Hanoi', 'Colombo', 'Kathmandu']
const WORK = [
  'cleaner',
  'tailor',
  'mason',
  'AC technician',
  'caregiver',
  'waiter',
  'heavy driver',
  'helper',
  'farm worker',
]
const KIN = ['husband', 'son', 'brother', 'father', 'nephew', 'brother in law', 'cousin', 'mama ji']

export const MEA_DIVISIONS: DivisionCorpus = {
  org: 'mea',
  ours: ['MEAIndia', 'passportsevamea', 'MEAcpv', 'OIA_MEA', 'IndianDiplomacy'],
  alsoTagged: [
    'DrSJaishankar',
    'PMOIndia',
    'ANI',
    'WIONews',
    'CMOKerala',
    'NorkaRoots',
    'ndtv',
    'HMOIndia',
    'sushmaswaraj',
  ],
  slots: {
    city: (g) => g.pick(CITIES),
    gcc: (g) => g.pick(GCC),
    abroad: (g) => g.pick(ABROAD),
    trip: (g) => g.pick(TRIP),
    work: (g) => g.pick(WORK),
    kin: (g) => g.pick(KIN),
    file: (g) => `${g.pick(['GZ', 'LK', 'BR', 'CH', 'HY', 'CO', 'TV', 'AH'])}${g.int(2076000000000, 2079999999999)}`,
    money: (g) => g.pick(['45,000', '70k', '1.8 lakh', '2,40,000', '90000', '3 lakh', '60 thousand']),
    mon: (g) => String(g.pick([2, 3, 4, 5, 7, 8, 14])),
  },
  divisions: {
    passport: {
      tags: ['PassportOnHold', 'PassportDelay', 'PSK', 'RPO', 'Passport'],
      reports: L(`
        applied for reissue at PSK {city} {days} days back, status stuck at "granted" and never printed
        file {file} says "police verification report received - adverse" but the SP office gave a clear report, RPO please check
        tatkaal paid, still not printed after {days} days. what is tatkaal for then
        POPSK {city} me document verification ke baad file pe hold laga diya, reason bhi nahi bataya
        पासपोर्ट का स्टेटस {days} दिन से "printing" पर अटका है, फाइल {file}
        new passport came with my father's name spelt wrong, RPO {city} wants a fresh application and fees again
        speed post tracking shows "item returned to sender" and RPO says come personally, i live 300 km away
        cannot get any appointment at PSK {city}, every day 6 pm all slots vanish in a minute
        my daughter's minor passport file stuck because the form asks for both parents, her father abandoned us. RPO not helping
        renewal at PSK {city}: officer asked for annexure after annexure, third visit now, still not accepted
        passport aaye {days} din ho gaye, jo delivery hua usme meri photo kisi aur ki hai
        ECR stamp still printed on my renewed passport though i am a graduate, RPO {city} no reply to grievance
        police verification online shows "not recommended" because the thana never visited my house
        sir passport office {city} ne mera purana passport cancel karke wapas nahi kiya, visa usme laga hai
        पुलिस वेरिफिकेशन हुए {days} दिन हो गए, पासपोर्ट अब तक डिस्पैच नहीं हुआ
        passport dispatched {days} days ago, post office says no such article
        birth date wrong in the e-passport chip page but correct on data page, RPO {city} asking me to reapply
        psk token counter sent me home because the name in aadhaar has no surname, no one told this online
        RPO {city} grievance portal keeps showing "under examination" for {mon} months on my hold file
        kal PSK {city} ka appointment tha, gate pe bola server down hai, naya slot 40 din baad
        passport granted but the printing has not happened for {days} days, RPO {city} says wait
        reissue application at PSK {city}: police verification done twice, status still "PV pending"
        job visa for {gcc} is ready but my passport renewal is stuck on hold at RPO {city}, the offer lapses this month
        wife is waiting in {abroad}, my passport reissue application at PSK {city} has shown "pending" for {days} days
        passport ki photo wale page pe spelling galat, RPO {city} bolta hai naya form bharo, visa interview agle hafte
        पासपोर्ट के लिए पुलिस वेरिफिकेशन वाला सिपाही घर आया ही नहीं, रिपोर्ट "address not found" भेज दी
        tatkal appointment at POPSK {city} given for a date after my flight, no earlier slot anywhere in the state
        my new passport has ECR printed, my emigration clearance now needed for a {gcc} job, RPO not correcting it
        पासपोर्ट नवीनीकरण की फाइल {days} दिन से "on hold" है, आरपीओ {city} कोई जवाब नहीं देता
        passport abhi tak print nahi hua, {days} din ho gaye, RPO {city} ka phone band
        RPO {city} asked for my marriage certificate to add my wife's name, then rejected the certificate format
      `),
    },
    visa: {
      tags: ['OCI', 'eVisa', 'VFS', 'OCIcard', 'Visa'],
      reports: L(`
        my fiancé from {abroad} got e-visa rejection email with no reason two days before the flight
        OCI for my 3 year old (born in {abroad}) pending {mon} months, VFS says it is with the consulate
        OCI re-issue after my US passport renewal, submitted in {abroad}, no movement for {mon} months
        renunciation certificate not issued, without it the OCI application will not even open
        ई-वीज़ा के लिए मेरे ससुराल वालों ने आवेदन किया था, {days} दिन से "under process" दिखा रहा है
        medical e-visa for a cancer patient from Dhaka still pending, hospital date in Chennai is next week
        VFS {abroad} lost my wife's foreign passport with the visa application inside. consulate says contact VFS
        oci card ka status "dispatched" dikh raha hai {mon} mahine se, card mila hi nahi
        paid e-visa fee twice for my Canadian husband, one application shows "payment not received"
        my German colleague's business visa application rejected, invitation letter from our company attached properly
        OCI misc services: my new passport details still not updated on the OCI portal after {mon} months
        PIO card converted to OCI never came, consulate in {abroad} says file not traceable
        surrender certificate appointment at VFS {abroad} not available for the next {mon} months
        OCI card mein nationality galat likhi hai, {abroad} consulate jawab nahi de raha
        ओसीआई कार्ड में जन्मतिथि गलत छपी है, सुधार के लिए {mon} महीने से इंतजार
        tourist e-visa for my parents-in-law from {abroad} "rejected", we already booked the wedding hall
        e-visa portal says "photo does not meet specification" for the 10th time, flight from {abroad} on friday
        my son's OCI was refused because his father's name differs between two documents, no chance given to explain
        entry visa for my foreign spouse stuck at the mission in {abroad} {days} days
        visa on arrival denied at Delhi airport to my Japanese guest though the e-visa was granted
        oci card delivery marked "delivered" by the courier in {abroad}, we never received anything
        e-visa status says "granted" but the ETA was never emailed to my British friend
        my Indian passport is surrendered, but the OCI form still says "renunciation proof pending" for {mon} months
        e-visa for my {abroad} business partner "under examination" {days} days, the meeting in {city} is next week
        OCI wala card naye passport ke saath link nahi hua, airline ne boarding se mana kar diya
        विदेशी नागरिक पति का ई-वीज़ा आवेदन बिना कारण रद्द, शादी की सालगिरह पर आना था
        VFS {abroad} returned my daughter's OCI application saying the apostille on her birth certificate is missing, after {mon} months
        my wife holds a {abroad} passport, her entry visa to join me in India has been "in process" for {mon} months
      `),
    },
    consular: {
      tags: ['SaveHim', 'BringHimHome', 'Stranded', 'Embassy', 'HelpIndiansAbroad'],
      reports: L(`
        my {kin} passed away in {gcc} on {days}th, sponsor is not releasing the body, please help us get him home
        we are 14 Indian girls locked in a flat in {gcc} by the agency owner, no food since two days
        my {kin} is in police custody in {gcc} for a traffic case for {mon} months and no one from the embassy has met him
        lost my passport and wallet in {trip}, embassy asks for an FIR copy and the local police refuse to give one
        need an emergency certificate in {trip}, flight home is tomorrow and the embassy phone just rings
        {kin} ka {gcc} me accident ho gaya, hospital me hai, company wale kuch nahi kar rahe, embassy se madad chahiye
        मेरे {kin} की {gcc} में मौत हो गई, शव भारत लाने में मदद करें
        my {kin} was taken to fight in the war after a "helper job" offer, last call was {days} days ago
        boat with 11 fishermen from our village seized, families have no news
        indian students in {trip} hostel have no money left after the bank froze transfers, please help them return
        my mother is a housemaid in {gcc}, her madam took her passport and phone, she called once crying
        embassy in {gcc} not picking up the helpline for a worker who collapsed in the labour camp
        {kin} missing in {gcc} since {days} days, phone switched off, company says he ran away
        my {kin} was sentenced in {gcc}, no lawyer, no translator, please give consular help
        shelling near the city in {trip}, our group of 30 indians is stuck in a basement
        passport seized by my employer in {gcc}, visa expired, fine is increasing every day, i want to come back
        bhai ko {gcc} ki jail me {mon} mahine ho gaye, embassy wale milne bhi nahi gaye
        please bring back my {kin} from {gcc}, he has not been paid for {mon} months and sleeps in the desert
        विदेश में फंसे मेरे {kin} का पासपोर्ट मालिक ने छीन लिया है, वापस लाने में मदद करें
        flight from {trip} cancelled, indian tourists stranded at the airport two nights, embassy nowhere
        bag with both our passports snatched in {trip} market, we have a flight in two days, embassy emergency counter closed
        {trip} me passport kho gaya, embassy emergency certificate ke liye {days} din bol raha hai
        लाखों का इलाज बाकी है, मेरे {kin} {gcc} के अस्पताल में हैं, दूतावास से कोई नहीं आया
        my {kin} is a worker in {gcc}, he fell sick in the labour camp and the company will not take him to hospital
        consulate in {abroad} has not given consular access to my {kin} arrested there {days} days ago
        indian nurse in {gcc} hospital not allowed to leave, contract over, passport kept by the hospital
        village boys working for a construction company in {gcc} have no salary for {mon} months and no food, the embassy must step in
        company in {gcc} shut down, 60 Indian workers left with expired iqama and no money for tickets, we want to return
        my {kin}'s sponsor in {gcc} filed an absconding case after he asked for his wages, now he is hiding
        kafeel ne {kin} ka iqama renew nahi kiya, police pakad legi, embassy madad kare
        a worker from our district died at a site in {gcc}, the company wants the family to pay for sending the body
        my {kin}'s passport expired while he was in a {gcc} hospital for {mon} months, no travel document given yet
        स्पॉन्सर ने {kin} की तनख्वाह {mon} महीने से नहीं दी, खाने को भी नहीं है, दूतावास मदद करे
        tourist from our town robbed in {trip}, no passport, no money, the mission is not answering the emergency line
        my {kin} went to {gcc} on a proper visa through a licensed agency, now the employer beats him and took his passport, please rescue
        दूतावास से मदद चाहिए, मेरे {kin} का {gcc} में एक्सीडेंट हुआ, कंपनी अस्पताल का बिल नहीं दे रही
        {kin} ki body {gcc} se laane ke liye embassy se NOC nahi mil raha, {days} din ho gaye
        our daughter married a man in {abroad}, he has taken her passport and locks her at home, please help her come back
        Indian crew of a ship stuck at a port near {gcc} without wages or food for {mon} months
        passport lost on the way to the airport in {trip}, the Indian mission says emergency certificate takes a week, our visas expire tomorrow
        my son's passport went missing at his university hostel in {abroad}, consulate appointment for a new one is two months away
        passport gum ho gaya {trip} me, embassy wale bol rahe FIR lao, yahan police bhasha nahi samajhti
        विदेश यात्रा में पासपोर्ट खो गया, {trip} में भारतीय दूतावास से आपातकालीन प्रमाणपत्र नहीं मिल रहा
        stranded in {trip} after my passport was lost in a taxi, embassy phone not answered since yesterday
      `),
    },
    emigration: {
      tags: ['FakeAgent', 'eMigrate', 'StopFraudAgents', 'Emigration'],
      reports: L(`
        agent in {city} took {money} for a {work} job in {gcc}, visa he gave turned out to be fake at the airport
        the "manpower consultant" in {city} collected passports of 40 boys and vanished, office locked
        emigration clearance on eMigrate rejected saying the employer is not registered, but the agent said all is fine
        eMigrate portal shows "ECR clearance pending with POE" for {days} days, my joining date is over
        company in {gcc} changed my contract after I landed, salary half of what the agent promised in {city}
        protector of emigrants office {city} not answering, my registration on emigrate is stuck
        agent ne {money} liye the {gcc} bhejne ke, ab phone nahi uthata, FIR bhi nahi likh rahe
        एजेंट ने नौकरी के नाम पर {money} रुपये ठग लिए, फर्जी वीज़ा दिया
        they sent my {kin} on a visit visa for a {work} job, now he is illegal there. agent in {city} says not his problem
        PBBY insurance claim for my {kin}'s accident at work in {gcc} not settled after {mon} months
        recruiting agent is demanding {money} as "service charge", the legal limit is much lower and he gives no receipt
        PDOT training done but the certificate does not show on emigrate, cannot get clearance
        illegal agent in our village is sending girls as housemaids on tourist visas, please stop him
        ECR category clearance rejected because the job offer letter format was "wrong", agent unreachable
        agency in {city} promised a welder job, in {gcc} they made us do cleaning at half salary
        emigrate website OTP not coming for three days, my flight to {gcc} is on monday
        registered agent licence number he showed is fake, we paid {money} each, 12 of us
        agent ne bola medical ke {money} extra, receipt nahi diya, ab visa bhi nahi aaya
        नकली भर्ती एजेंसी ने {city} के लड़कों से पैसे लेकर {gcc} भेजने का झांसा दिया
        emigration check at the airport offloaded me, agent says pay {money} more to "set" it
        eMigrate shows my employer's demand "expired", agent says pay again, i cannot go to {gcc}
        ECR passport holder, clearance not given by POE {city} for a valid {gcc} job, no reason given
        agent took my passport for "visa stamping" {mon} months ago, neither visa nor passport returned
        agent ne job {gcc} ka bola, visa tourist ka nikla, ab wahan phanse hai
        emigrate portal pe clearance ka status {days} din se "submitted" hi dikha raha
        agent from {city} is asking every worker for {money} more before the flight to {gcc}, says "emigration fees"
        complaint against the recruiting agent on eMigrate closed without hearing us, we lost {money} each
        agent in {city} kept our passports "for visa stamping" and now asks {money} per head, 25 of us waiting
        fake job letter for a {work} post in {gcc} given by a {city} agency, the company says they never hired anyone
        एजेंट ने पासपोर्ट और पैसे दोनों रख लिए, {gcc} भेजने का वादा झूठा निकला
        eMigrate ka ECR clearance reject, employer registration expired bol raha, agent phone nahi uthata
        my emigration clearance was cancelled by POE {city} after the flight was booked, no reason given
        unlicensed agent put an advertisement for {gcc} {work} jobs in our village, took {money} from 30 men
      `),
    },
    attestation: {
      tags: ['Apostille', 'Attestation', 'eSanad'],
      reports: L(`
        apostille on my nursing degree submitted at the outsourced centre {days} days ago, tracking says nothing
        MEA apostille on my son's birth certificate rejected because the state stamp was "not clear"
        eSanad shows "verified by university" for {days} days, MEA step never happens
        attestation agency in {city} charged {money} extra as "express fee" for my marriage certificate
        my PCC from the passport office needs an apostille for the {abroad} visa, apostille centre says 3 weeks
        the attestation counter lost my original degree, they are asking me to get a duplicate
        documents sent for apostille came back by courier without the apostille sticker
        degree attestation appointment slot not available on the portal for {days} days
        HRD attestation done, MEA attestation pending {days} days, job offer in {gcc} will expire
        apostille sticker has my name misspelt, centre says reapply with fee
        marriage certificate ka apostille {days} din se pending hai, spouse visa ke liye chahiye
        एपोस्टिल के लिए दस्तावेज़ जमा किए {days} दिन हो गए, कोई अपडेट नहीं
        eSanad payment done, money gone, application shows "draft"
        MEA branch secretariat {city} refused to attest my commercial documents saying chamber stamp missing
        apostilled transcripts lost in courier between the centre and my home in {city}
        attestation for my {kin}'s death certificate for the insurance abroad not done for {mon} weeks
        apostille verification online says "record not found" for a sticker MEA itself issued
        degree ka attestation center pe 2 baar reject, reason alag alag bataya
        police clearance apostille stuck, university in {abroad} closes admission next week
        birth certificate apostille counter in {city} asks for agent only, no walk-in allowed
        apostille online booking keeps failing after payment, appointment not confirmed
        attestation centre in {city} rejected my marriage certificate for "SDM attestation missing", nobody told this before
        the {gcc} employer needs my degree attested by MEA, the attestation centre in {city} lost the receipt and the file
        apostille for my PCC needed for the {abroad} visa, the centre rejected it saying the passport office seal is not clear
        सत्यापन केंद्र ने डिग्री पर एपोस्टिल की जगह साधारण मुहर लगा दी, विदेश में मान्य नहीं
        marriage certificate apostille ke bina spouse visa nahi milega, {days} din se MEA me pending
        eSanad par document "sent to MEA" {days} din se, koi update nahi
      `),
    },
    general: {
      tags: ['MEA', 'NoResponse', 'CPGRAMS'],
      reports: L(`
        sent a letter to the ministry by registered post {mon} months ago, not even an acknowledgement
        CPGRAMS grievance to MEA closed with "forwarded" and nothing else
        MEA's official website keeps timing out since last week, cannot download any form
        RTI to MEA unanswered past 30 days, first appeal also ignored
        reception at Jawaharlal Nehru Bhawan would not let my old father in to ask about his letter
        MEA toll free number always busy, tried {days} times today
        विदेश मंत्रालय को भेजी गई शिकायत का {mon} महीने से कोई जवाब नहीं
        ministry ka email bounce ho raha hai, shikayat kahan bheju
        wrote to the ministry about my pending case, reply came in a language i cannot read and no contact
        MEA feedback form on the website gives an error on submit every time
        called the ministry helpline, was transferred 5 times and then the call dropped
        CPGRAMS par MEA ne meri shikayat bina padhe close kar di
        MEA grievance email bounces back every time, i have written about my passport case to four addresses
        the ministry's public grievance officer has not replied to three letters in {mon} months
        विदेश मंत्रालय के शिकायत पोर्टल पर लॉगिन नहीं हो रहा, {days} दिन से
        MEA ke call centre pe IVR bas ghoomta rehta hai, insaan se baat nahi hoti
        ministry ko {days} din pehle likha tha, aaj tak ek reply nahi aaya
        {mon} mahine ho gaye application diye, koi batata hi nahi kya hua
        mantralaya me kisi ka phone nahi lagta, {days} din se try kar raha hu
        मंत्रालय में कोई सुनवाई नहीं, {days} दिन से चक्कर काट रहे हैं
        complaint kiye {days} din ho gaye, koi jawab nahi, ab kahan jaaye
        MEA walo ne email ka reply dena hi band kar diya hai kya
      `),
    },
  },
  nearMisses: L(`
    how many days does tatkal passport take these days? asking for planning
    which documents for OCI for a child born in {abroad}? anyone know
    is apostille needed for a degree going to {abroad} or only attestation?
    eMigrate registration is it needed for ECNR passport holders? pls guide
    Passport Seva camp at {city} this saturday, walk-in for senior citizens 👍
    got my passport in 6 days, PSK {city} staff were excellent, thank you
    e-visa now available for 30 more countries, good move
    emigration bill should protect workers better, we need a law not speeches
    embassy in {gcc} held a community meet yesterday, good turnout
    OCI holders should get voting rights, my opinion
    what is the fee for passport renewal for a minor?
    new PSK opened in our district, finally no need to travel to {city}
    India evacuated citizens from {trip}, proud moment
    MEA should hire more staff for passport offices, they are overworked
    can i book a PCC appointment for a job in {gcc} without an offer letter?
    visa free entry for indians to {trip} from next month, read the advisory
    advisory: register with the embassy if you are travelling to {trip}
    apostille is now online via eSanad, good for students
    beware of fake recruiting agents, check licence on emigrate before paying
    kya OCI card wale India mein property le sakte hai? koi bataye
    पासपोर्ट बनवाने के लिए कौन कौन से दस्तावेज़ चाहिए?
    thank you embassy in {gcc}, my {kin} reached home safely 🙏
    my passport renewal went smoothly, got it in a week
    tatkal passport fees ka kya rule hai?
  `),
}
