// Tweet templates by grievance kind and language (English, Hindi in Devanagari,
// romanised Hindi), plus the noise X also delivers to a ministry's handles.
// {h} is the handle mention; other {slots} come from vocabulary.ts.

export type GrievanceKind = 'visa' | 'frro' | 'passport' | 'capf' | 'cyber' | 'disaster' | 'women'
export type NoiseKind = 'news' | 'praise' | 'abuse' | 'promotion' | 'bare' | 'chatter'

export interface KindTemplates {
  /** Handles a citizen would tag for this kind, most likely first. */
  handles: string[]
  en: string[]
  hi: string[]
  hinglish: string[]
}

export const GRIEVANCES: Record<GrievanceKind, KindTemplates> = {
  visa: {
    handles: ['BOI_MHA', 'HMOIndia'],
    en: [
      '{h} My e-Visa application {evisa} is pending for {days} days. Travel date is next week. Kindly expedite.',
      '{h} OCI card application {oci} submitted at {city} {months} months back, still "under process". No reply to emails. Please help.',
      'Applied for e-business visa ({evisa}) for my colleague from {country}, status not updated for {days} days. {h} please look into it {tag}',
      '{h} Sir, my wife is a {country} national, her visa extension has been pending {days} days and she is now in overstay. Please help urgently.',
      'OCI re-issue for my son pending since {months} months. File no {oci}. Nobody at the helpline picks up. {h}',
    ],
    hi: [
      '{h} महोदय, मेरा ई-वीज़ा आवेदन {evisa} {days} दिनों से लंबित है। कृपया जल्द कार्रवाई करें।',
      '{h} ओसीआई कार्ड आवेदन {oci} {months} महीने से अटका है, कोई जवाब नहीं मिल रहा। कृपया मदद करें।',
      '{h} मेरी पत्नी {country} की नागरिक हैं, वीज़ा विस्तार {days} दिन से लंबित है। कृपया सहायता करें।',
    ],
    hinglish: [
      '{h} sir mera e-visa {evisa} {days} din se pending hai, koi update nahi aa raha. Kripya madad karein.',
      '{h} OCI card ka application {oci} {months} mahine se pending hai sir, helpline pe koi jawab nahi deta',
      'Sir {h} meri mother ka visa extension abhi tak approve nahi hua, {days} din ho gaye. Please help karo',
    ],
  },
  frro: {
    handles: ['BOI_MHA', 'MHA_Grievance', 'HMOIndia'],
    en: [
      '{h} e-FRRO registration {frro} rejected twice without any reason. I am a student from {country} in {city}. What should I do?',
      'My residential permit application {frro} has been pending at FRRO {city} for {days} days. Exit permit needed urgently {h}',
      '{h} FRRO {city} portal keeps failing at payment step. Tried {days} times. Registration deadline is near, please help.',
    ],
    hi: [
      '{h} एफआरआरओ {cityhi} में पंजीकरण {frro} {days} दिनों से लंबित है। कृपया मदद करें।',
      '{h} मेरे विदेशी छात्र का ई-एफआरआरओ आवेदन {frro} बिना कारण अस्वीकार कर दिया गया।',
    ],
    hinglish: [
      '{h} FRRO {city} mein registration {frro} {days} din se pending hai, exit permit chahiye jaldi',
      '{h} e-FRRO portal chal hi nahi raha sir, payment fail ho raha hai baar baar',
    ],
  },
  passport: {
    handles: ['HMOIndia', 'MHA_Grievance'],
    en: [
      '{h} Police verification for my passport (file no {pfile}) pending for {days} days at {city}. Nobody has visited. Please help.',
      'Passport application {pfile}: PV status shows "pending at police station" since {months} months. {h} {tag}',
      '{h} The verification officer is demanding {amount} to clear my police verification in {city}. Is this legal?',
      '{h} Applied for tatkal passport, ARN {arn}. Police verification still not done after {days} days. My job abroad is at risk.',
    ],
    hi: [
      '{h} मेरे पासपोर्ट (फ़ाइल नं {pfile}) का पुलिस सत्यापन {days} दिनों से लंबित है। कृपया सहायता करें।',
      '{h} {cityhi} थाने में पुलिस वेरिफिकेशन के लिए {amount} मांगे जा रहे हैं। यह कैसा न्याय है?',
      '{h} पासपोर्ट आवेदन ARN {arn} का पुलिस सत्यापन {months} महीने से नहीं हुआ।',
    ],
    hinglish: [
      '{h} sir passport ka police verification {days} din se pending hai, file no {pfile}. Koi thane se aaya hi nahi',
      '{h} PV pending hai {months} mahine se, {city} police station wale bolte hain kal aana. Kab tak?',
      'Sir {h} passport verification ke liye {amount} maang rahe hain {city} mein, kripya action lein',
    ],
  },
  capf: {
    handles: ['HMOIndia', 'MHA_Grievance'],
    en: [
      '{h} I am a {force} jawan posted in {bn}. Salary not credited for {months} months. Family is struggling. Please help.',
      '{h} Pay fixation arrears after promotion pending for {months} months in {force}. Multiple applications, no reply.',
      'My husband, {force} constable, has not got his transfer order despite medical grounds. {days} days since request. {h}',
      '{h} Retired {force} personnel here. Pension not started even after {months} months of retirement. PPO not issued.',
    ],
    hi: [
      '{h} मैं {force} का जवान हूँ ({bn})। {months} महीने से वेतन नहीं मिला है। कृपया मदद करें।',
      '{h} {force} में पदोन्नति के बाद वेतन निर्धारण का बकाया {months} महीने से लंबित है।',
      '{h} मेरे पति {force} में हैं, चिकित्सा आधार पर स्थानांतरण का आवेदन {days} दिन से लंबित है।',
    ],
    hinglish: [
      '{h} sir {force} jawan hoon, {bn}, {months} mahine se tankhwah nahi aayi. Ghar chalana mushkil ho gaya hai',
      '{h} {force} me posting ka order abhi tak nahi aaya sir, medical ground pe apply kiya tha {days} din pehle',
    ],
  },
  cyber: {
    handles: ['CyberDost', 'HMOIndia'],
    en: [
      '{h} I lost {amount} in a UPI fraud on {upi}. Complaint registered on 1930, ack no {ack}. No action yet. Please help!',
      '{h} Got a "digital arrest" video call from fake CBI officers, they took {amount} from my father. {bank} account frozen? Help!',
      'Someone hacked my Instagram and is asking my friends for money. Complaint {ack} filed, nothing happened. {h}',
      '{h} Received OTP fraud call pretending to be {bank}, {amount} debited in minutes. Bank says contact cyber cell. {tag}',
      '{h} Fake job offer scam: paid {amount} as "registration fee" via {upi}. They blocked me. Complaint ack {ack}',
    ],
    hi: [
      '{h} मेरे साथ यूपीआई ठगी हुई, {upi} से {amount} कट गए। 1930 पर शिकायत {ack} दर्ज की, कोई कार्रवाई नहीं।',
      '{h} फर्जी पुलिस अधिकारी बनकर डिजिटल अरेस्ट की धमकी दी और {amount} ले लिए। कृपया मदद करें।',
      '{h} {bank} के नाम से कॉल आया, ओटीपी पूछा और खाते से {amount} निकल गए। साइबर धोखाधड़ी की शिकायत {ack}',
    ],
    hinglish: [
      '{h} sir mere saath UPI fraud hua hai, {upi} se {amount} kat gaye. Complaint no {ack}, koi action nahi hua',
      '{h} digital arrest wala fraud call aaya tha, papa ne {amount} transfer kar diye. Please help karo sir',
      '{h} OTP bata diya galti se, {bank} account se {amount} nikal gaye. 1930 pe call kiya, koi response nahi',
    ],
  },
  disaster: {
    handles: ['NDMA_India', 'HMOIndia'],
    en: [
      '{h} URGENT: {people} people including children stranded on rooftops in {district} due to floods. No rescue boat yet. Please send NDRF!',
      '{h} Landslide blocked the road near {district}, {people} tourists stuck since yesterday without food. Please help.',
      'Relief camp in {district} has no drinking water or medicines for {days} hours. Elderly people falling ill. {h} {tag}',
      '{h} Flood relief amount not received even after {months} months. Our house in {district} was fully damaged.',
    ],
    hi: [
      '{h} तत्काल मदद चाहिए! {district} में बाढ़ से {people} लोग छतों पर फंसे हैं। कृपया एनडीआरएफ भेजें।',
      '{h} {district} में भूस्खलन से रास्ता बंद है, {people} लोग कल से फंसे हैं, खाना-पानी नहीं है।',
      '{h} बाढ़ राहत राशि {months} महीने बाद भी नहीं मिली। घर पूरी तरह टूट गया है।',
    ],
    hinglish: [
      '{h} {district} mein baadh ka paani ghar tak aa gaya hai, {people} log fanse hain, koi rescue nahi aaya',
      '{h} sir {district} relief camp me khana pani nahi hai, bachche bimar ho rahe hain. Rahat bhejiye',
    ],
  },
  women: {
    handles: ['HMOIndia', 'MHA_Grievance'],
    en: [
      '{h} A man has been stalking me from {ps} metro station to my office in {city} for a week. Police not taking complaint.',
      '{h} My sister is facing domestic violence, local police in {city} refuse to file FIR. Please help, she is unsafe.',
      'Eve teasing outside girls college in {city} every evening around {hour} pm. Complained at PS, no action. {h}',
      '{h} Someone is harassing me with obscene calls from different numbers for {days} days. Please help, I feel unsafe.',
    ],
    hi: [
      '{h} {cityhi} में एक व्यक्ति रोज़ मेरा पीछा करता है, थाने में शिकायत नहीं ली जा रही। महिला सुरक्षा कहाँ है?',
      '{h} मेरी बहन के साथ घरेलू हिंसा हो रही है, पुलिस एफआईआर दर्ज नहीं कर रही। कृपया मदद करें।',
    ],
    hinglish: [
      '{h} ek ladka roz college ke bahar pareshan kar raha hai {city} mein, police complaint nahi le rahi',
      '{h} mujhe {days} din se anjaan numbers se gandi calls aa rahi hain, bahut dar lag raha hai. Please help',
    ],
  },
}

export const FOLLOW_UPS = {
  en: [
    'Still no response. It has been {days} days now. {h} please look into it.',
    'Any update on this? {h}',
    'Reminder {h}: the issue is still not resolved.',
    '{h} Kindly reply, this is very urgent.',
    'Thank you, I have sent the details by DM.',
  ],
  hi: [
    'अभी तक कोई जवाब नहीं मिला। {h} कृपया ध्यान दें।',
    '{h} कृपया अपडेट दें, मामला अत्यंत आवश्यक है।',
    'धन्यवाद, विवरण डीएम में भेज दिया है।',
  ],
  hinglish: [
    'Sir abhi tak koi reply nahi aaya {h}',
    '{h} koi update? bahut urgent hai',
    'Thank you sir, DM kar diya hai details',
  ],
}

export const NOISE: Record<NoiseKind, string[]> = {
  news: [
    'Union Home Minister chairs review meeting on {district} flood situation. NDRF teams deployed. https://pib.gov.in/PressRelease{pct} via {h}',
    'BREAKING: Centre approves new cyber safety awareness campaign in {city}. Details https://www.mha.gov.in/en/media {h}',
    'गृह मंत्री ने {cityhi} में आपदा प्रबंधन पर बैठक की अध्यक्षता की। {h}',
    'News: {force} conducts recruitment rally in {city} next month, read more {link} {h}',
  ],
  praise: [
    'Thank you {h} for the quick action! Got my refund of {amount} within a week. Great work by the team 🙏',
    'धन्यवाद {h}, आपकी टीम ने बहुत जल्दी मदद की। 🙏',
    '{h} sir bahut bahut dhanyavaad, kaam ho gaya. Jai Hind 🇮🇳',
    'Salute to the NDRF teams in {district}, {h} doing amazing work #Respect',
  ],
  abuse: [
    '{h} Useless people sitting in AC offices. Nobody replies. Shame! #Resign',
    '{h} bakwas system hai, koi kaam nahi karta. Sharam karo',
    '{h} नाकारा व्यवस्था, कोई सुनवाई नहीं। शर्म आनी चाहिए',
  ],
  promotion: [
    '🔥 Get your visa in 48 hours! {pct}% off, guaranteed approval. DM now {link} #visa #travel {h}',
    'Earn ₹{lakh} lakh per month from home!!! Limited seats, join now {link} #WorkFromHome {h}',
    'Best passport agent in {city}, police verification done in 2 days 😉 call now {link} {h}',
  ],
  bare: ['{h}', '{h} {h2}', '{h} 🙏', '{h} ??'],
  chatter: [
    'Proud of our jawans 🇮🇳 #JaiHind {h}',
    '{h} Happy Independence Day to all 🇮🇳',
    'Watching the parade in {city}, what a sight! {h}',
  ],
}
