// Railways, division by division. The hard pairs: staff (a TTE or clerk who is rude or
// wants money, even for a berth) against tickets (a refund, a booking, a waitlist) and
// security (theft, harassment, outsiders in the coach: RPF's work); catering (food, water
// bottles, vendors' prices) against cleanliness (the coach, toilets, linen, AC, fans);
// punctuality (late, stopped, cancelled, diverted) against tickets (the refund for it).
import { L } from '../common'
import type { DivisionCorpus } from './frame'

const STOPS = L(`
Itarsi
Mughalsarai
Jhansi
Bina
Katni
Satna
Prayagraj
Kanpur Central
Tundla
Gwalior
Ratlam
Vadodara
Vijayawada
Kazipet
Balharshah
Renigunta
Jolarpettai
Erode
Shoranur
Madgaon
Asansol
Dhanbad
Kharagpur
Barauni
New Jalpaiguri
Ambala
Moradabad
`)
const TRAINS = L(`
Rajdhani
Duronto
Vande Bharat
Shatabdi
Garib Rath
Humsafar
Sampark Kranti
Jan Shatabdi
Tejas
`)
const CLASSES = ['3A', '2A', 'sleeper', 'CC', '3E', 'SL', 'general coach']

export const RAILWAYS_DIVISIONS: DivisionCorpus = {
  org: 'railways',
  ours: ['RailMinIndia', 'RailwaySeva', 'IRCTC_Ltd', 'RPF_INDIA', 'IR_CRB'],
  alsoTagged: [
    'AshwiniVaishnaw',
    'PMOIndia',
    'drmjhs',
    'Central_Railway',
    'WesternRly',
    'ndtv',
    'ANI',
    'NCRailways',
    'ECRlyHJP',
  ],
  slots: {
    stop: (g) => g.pick(STOPS),
    rake: (g) => g.pick(TRAINS),
    cls: (g) => g.pick(CLASSES),
    no: (g) => String(g.int(11001, 22999)),
    bay: (g) => `${g.pick(['B', 'S', 'A', 'M', 'C'])}${g.int(1, 11)}`,
    seat: (g) => String(g.int(1, 72)),
    hrs: (g) => String(g.pick([2, 3, 4, 5, 6, 8, 11])),
    rs: (g) => String(g.pick([150, 300, 500, 700, 1200, 2300, 4100])),
  },
  divisions: {
    tickets: {
      tags: ['IRCTC', 'Refund', 'TDR', 'Tatkal'],
      reports: L(`
        tatkal opened at 10, IRCTC app froze, money debited {rs} and no ticket, no refund since {days} days
        filed TDR because the AC failed, IRCTC rejected it saying "not eligible"
        train cancelled by railways, full refund promised, only half credited
        waitlist 12 at chart, ticket auto cancelled, clerk deducted cancellation charges anyway
        counter ticket bought at {stop} has a different boarding station printed
        IRCTC account blocked after password reset, {rs} in my e-wallet stuck
        senior citizen concession not applied on my mother's ticket though age entered correctly
        double payment for the same PNR through UPI, IRCTC says contact the bank, bank says IRCTC
        ticket cancel kiya {days} din pehle, refund abhi tak nahi aaya
        टिकट रद्द करने के बाद भी रिफंड नहीं मिला, {days} दिन हो गए
        booked lower berth for my 70 year old father, got side upper, the quota rules are a joke
        UTS app deducted {rs} for a platform ticket that never generated
        RAC to confirmed shows on the app, chart says RAC, two of us on one berth
        vikalp opted, shifted to another train, that train never came, no refund
        ek hi PNR par do baar paise kat gaye, IRCTC customer care phone nahi uthata
        tatkal ticket ke liye agents ke software chal rahe, aam aadmi ko kabhi nahi milta
        e-ticket shows my name as someone else's after the booking, cannot travel like this
        refund for the cancelled {rake} credited to an old closed bank account
        cannot change boarding point online within 24 hours, site says error every time
        booked {cls} through an agent, he gave a fake print, pnr not found
      `),
    },
    cleanliness: {
      tags: ['SwachhRail', 'DirtyCoach', 'CleanMyCoach'],
      reports: L(`
        {rake} {bay}: all four toilets choked and stinking, the smell fills the coach
        bedsheet given in {bay} has stains and hair, attendant says this is what came
        AC in {bay} blowing hot air since {stop}, children crying
        cockroaches running on the berths of {bay}, my kid is scared to sleep
        no water in the washbasins and toilets since {stop}, {hrs} hours now
        rain water leaking from the roof on seat {seat} {bay}
        berth {seat} ka fan band hai aur light bhi nahi jal rahi
        कोच {bay} के शौचालय में पानी नहीं है और बहुत गंदगी है
        rats running under the seats of our {cls} coach, food packets chewed
        blanket stinks like it was never washed, {cls} in the {rake}
        mobile charging socket sparking at seat {seat}, scary
        garbage not collected in {bay} since morning, dustbin overflowing into the aisle
        the station waiting room at {stop} toilets locked, only paid toilet open
        window glass cracked at seat {seat}, cold wind all night in {bay}
        coach mein itni gandagi hai ki baith nahi sakte, safai wala aaya hi nahi
        पंखा और एसी दोनों खराब, कोच {bay}, यात्री परेशान
        mosquitoes everywhere in {bay}, no spraying done
        bio toilet of {bay} overflowing onto the floor of the vestibule
        platform {seat} at {stop} has garbage and stray dogs everywhere
        coach door not closing in {bay}, dust and noise all night
      `),
    },
    catering: {
      tags: ['IRCTCFood', 'Pantry', 'OverCharging'],
      reports: L(`
        vendor at {stop} selling rail neer for 20 rupees, MRP is 15, refused to give a bill
        dinner served in the {rake} was cold and the dal smelled sour
        paid for meal in the ticket, pantry says no veg left after {stop}
        found a dead fly in the sambar, {bay}, {rake}
        pantry car staff charging {rs} for a veg thali that costs much less on the menu card
        chai wale ne 10 ki chai 20 me di aur chillar bhi wapas nahi diya
        खाना बासी था और पैंट्री वाले बदतमीजी से मना कर रहे
        e-catering order delivered at the wrong station, money not refunded
        unauthorised vendors selling loose water bottles refilled from the tap, {rake} {bay}
        breakfast came at 11, omelette raw inside
        no POS machine with the pantry, they demand cash only and no bill
        biryani in the {rake} had a hair in it, staff just laughed
        expired biscuit packets sold by the station stall at {stop}
        pantry car se khaana manga tha, {hrs} ghante baad bhi nahi aaya
        non veg curry served though i had chosen veg, i am a strict vegetarian
        food stall at {stop} charging {rs} for a plate of poha, no rate list shown
        water not available for purchase in the whole train after {stop}
        milk for my baby not available from the pantry though it is on the menu
        Vande Bharat meal had a plastic piece in the paneer
        vendor threw hot tea on my arm and ran away
        a cockroach came out of the idli packet bought from the pantry of {rake}
        stone in the rice of the thali served in {bay}, my tooth broke
      `),
    },
    security: {
      tags: ['RPF', 'SafeRail', 'WomenSafety'],
      reports: L(`
        my bag stolen from under the berth of {bay} between {stop} and the next station, RPF not on board
        a drunk group in {bay} shouting and touching women passengers, please send RPF
        ticketless people forcibly occupying our reserved berths in {bay}, threatening us
        a man keeps staring and following my sister to the toilet in {bay}
        mobile snatched from the window at {stop} as the train slowed
        stone pelting on the {rake} near {stop}, window broke, a child is hurt
        hijras demanding money forcibly in {bay}, pulling people's clothes
        GRP at {stop} refused to register my theft complaint, asked me to write it "lost"
        mera purse chori ho gaya {bay} me, RPF wale aaye hi nahi
        कोच {bay} में शराबी यात्री महिलाओं को परेशान कर रहे हैं
        unknown man sleeping on our berth with a knife in his bag, scared, {bay}
        someone sprayed something and took my gold chain while I slept, {rake}
        gang of boys in the general coach of the {rake} beating a passenger for his seat
        a lady travelling alone in {bay} being harassed by a co-passenger, she is crying
        laptop bag cut open on the luggage rack, {bay}
        outsiders boarding at {stop} at night and roaming in {bay}, no RPF escort
        chain pulling and robbery near {stop}, passengers are terrified
        my daughter got vulgar messages from a man sitting opposite who clicked her photos
        bag ki chain kaatkar saaman nikal liya, {stop} ke paas
        train ke gate pe khade ladke ladkiyon ko chhed rahe, koi RPF nahi
        a stranger hid in the toilet of {bay} and came out at night to pick bags
        my phone was stolen while charging near the door of {bay}
        drunk men sitting on the floor near the washroom of {bay} abusing anyone who passes, please send RPF
        someone took my shoes and my father's bag from under the berth in {bay} while we slept
      `),
    },
    medical: {
      tags: ['MedicalHelp', 'Emergency', 'HelpNow'],
      reports: L(`
        my father has chest pain in {bay} of the {rake}, please arrange a doctor at the next stop
        pregnant lady in {bay} having labour pain, we need a doctor urgently
        my child has high fever and is vomiting since {stop}, is there any doctor on the train
        old man fainted near the toilet in {bay}, not waking up
        diabetic patient with low sugar in {cls} {bay}, need help at {stop}
        asthma attack, inhaler finished, {bay} seat {seat}
        passenger bleeding from the head after falling from the upper berth in {bay}
        medical help asked {hrs} hours ago at {stop}, no doctor came
        meri maa behosh ho gayi hai, {bay} me, doctor bhejo
        कोच {bay} में एक यात्री को दिल का दौरा पड़ा है, कृपया डॉक्टर भेजें
        boy having fits in the general coach, people just watching
        my wife is 8 months pregnant and having pain, {bay}, next stop {stop}
        food poisoning, three of us vomiting in {bay} after the pantry dinner
        senior citizen with breathing trouble, oxygen needed, {rake} {bay}
        doctor at {stop} charged {rs} and gave only a paracetamol
        baby not breathing properly, please have an ambulance at {stop}
        wheelchair and stretcher not provided at {stop} for my paralysed uncle
        bahut tez bukhar hai bacche ko, {bay}, koi madad nahi
        dog bite at {stop} platform, no first aid available at the station
        heat stroke, man collapsed at platform 3 of {stop}
        old man having breathing trouble at {stop} station waiting hall, need a doctor
        my mother slipped on the wet floor of {bay}, her leg is bleeding, no first aid box with the staff
        my father fell on the platform at {stop} and is not able to stand, need a doctor and wheelchair
        a child in the waiting hall at {stop} has a high fever and is shivering, no station doctor
      `),
    },
    punctuality: {
      tags: ['TrainLate', 'Delay', 'RunningStatus'],
      reports: L(`
        {no} {rake} standing outside {stop} for {hrs} hours, no announcement at all
        train is {hrs} hours late and the NTES shows "on time", which one to believe
        our train was diverted via another route without telling us, missed our station
        goods trains given priority again, our passenger is crawling behind them since {stop}
        train short terminated at {stop}, nobody told us how to go further
        {rake} rescheduled by {hrs} hours at midnight, sms came after we reached the station
        missed my connecting flight because the {rake} was {hrs} hours late
        the {no} has been late every single day this month
        gaadi {stop} ke outer pe {hrs} ghante se khadi hai
        ट्रेन {hrs} घंटे लेट है और कोई सूचना नहीं दी जा रही
        platform changed at the last minute at {stop}, old people ran with luggage and missed the train
        running status not updating since morning, waiting at the station for {hrs} hours
        every day the local to {stop} reaches 40 minutes late, we lose half a day's pay
        train started from the origin {hrs} hours late because the rake came late
        stopped in the middle of nowhere for {hrs} hours, no water, no information
        our {no} was cancelled today without notice, hundreds stranded at {stop}
        engine failure near {stop}, replacement not sent for {hrs} hours
        time table changed and our train now reaches at 3 am, no one asked the passengers
        roz late chalti hai ye gaadi, {hrs} ghante late aaj bhi
        crossing pe ruki hai train {hrs} ghante se, aage kya hua koi nahi batata
      `),
    },
    staff: {
      tags: ['Corruption', 'TTE', 'RudeStaff'],
      reports: L(`
        TTE in {bay} asked {rs} to give a berth to my waitlisted mother, there were empty berths
        the booking clerk at {stop} shouted at my father and threw his change
        coach attendant demanding {rs} for a bedroll that comes with the ticket
        TTE charged a penalty without giving any receipt, {rs} from a student
        TC allotted vacant berths to people who paid him cash and told us there were none
        station master at {stop} was drunk on duty and abused passengers asking about the train
        reservation counter staff at {stop} sell tatkal to touts at the back window
        enquiry counter lady at {stop} refused to answer, said read the board
        TTE ne 500 liye aur berth nahi di, bola aage dekhenge
        टीटीई ने रिश्वत मांगी और बदतमीजी की, कोच {bay}
        porter charged {rs} for one bag at {stop} though the rate board says much less
        ticket checker slapped a boy without a ticket at {stop} exit in front of everyone
        AC mechanic asked for money to fix the AC of {bay}
        TTE sleeping in the AC coach, not coming to {bay} to check the outsiders
        cleaning staff demanding tips from every passenger before {stop}
        ticket checker at the {stop} exit took {rs} from villagers without any receipt
        TTE was rude to my wife and used abusive language in front of children
        booking clerk ne {rs} extra liye aur ticket bhi galat diya
        ticket collector detrained an elderly couple at night for a ticket on the app
        parcel office staff at {stop} asking for a bribe to release my bike
      `),
    },
    general: {
      tags: ['RailMadad', 'Railways', 'NoAction'],
      reports: L(`
        Rail Madad complaint closed as "resolved" and nobody ever contacted me
        escalator at {stop} stopped for weeks, old people climbing 60 stairs
        no wheelchair available at {stop} for my disabled mother, porters demand {rs}
        station display boards at {stop} blank, people asking each other which platform
        foot over bridge at {stop} closed, passengers crossing tracks
        no shade or seats on platform {seat} at {stop} in this heat
        parking at {stop} charged double and the receipt has no rate on it
        left my bag in the {rake}, complaint number given but no one traced it
        139 helpline keeps saying "all lines are busy" for {hrs} hours
        station ka lift {days} din se band hai, bujurg pareshan
        स्टेशन पर पीने का पानी नहीं है, नल सूखे पड़े हैं
        railway land encroached behind {stop} station, drain water flooding our colony
        my suitcase went missing from the cloak room at {stop}, staff have no record
        railway quarters drain blocked and sewage on the road behind {stop} station for weeks
        drinking water taps on all platforms at {stop} are dry
      `),
    },
  },
  nearMisses: L(`
    is tatkal booking at 10 for AC and 11 for sleeper? pls confirm
    loved the new Vande Bharat to {stop}, great experience 👍
    railways should run more trains for the festival season, my opinion
    how to file TDR for a cancelled train? anyone
    {rake} extended up to {stop} from next month, passengers kindly note
    proud of the RPF for saving a child at {stop} 🙏
    food in the {rake} was really good today, thanks IRCTC
    why no new train for our region for 10 years? political neglect
    what is the helpline number for medical emergency on a train?
    station at {stop} looks beautiful after the redevelopment
    running status on the app now updates live, nice feature
    TTE in {bay} helped my old mother with her luggage, kudos
    railway recruitment exam dates should be announced soon
    cleanliness drive at {stop} station today under Swachh Bharat
    kya general ticket online mil sakta hai? koi bataye
    कृपया बताएं कि तत्काल टिकट कितने बजे खुलता है?
    signal upgrades are the real need, not new paint on stations
    train reached on time today, miracle 😂 good work
    does the {rake} have a pantry car? planning a trip
    railways should privatise catering, then food will improve
  `),
}
