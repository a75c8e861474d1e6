// Two-factor sign-in (features/two-factor and the admin users section): the code step at
// sign-in, enrolment (required, or from the user's settings), the admin's requirement.
// English and Hindi side by side (the Shape type makes a missing key a compile error).
import type { Shape } from '../shape'

export const en = {
  code: {
    title: 'Enter your sign-in code',
    intro: 'Open the authenticator app on your phone and type the 6-digit code it shows for Seva Desk.',
    label: 'Code from the authenticator app',
    submit: 'Sign in',
    checking: 'Checking…',
    back: 'Back to sign-in',
    wrong: 'That code is not right. Type the code the app shows now.',
    expired: 'The sign-in took too long. Sign in with your password again.',
    recoveryHint: 'Lost your phone? Type one of your recovery codes instead.',
  },
  enrol: {
    requiredTitle: 'Set up two-factor sign-in',
    requiredIntro:
      'Your administrator requires a second step at sign-in for your role. Set it up now; you cannot work until it is on.',
    start: 'Set up two-factor sign-in',
    starting: 'Preparing…',
    scan: 'Scan this code with an authenticator app (for example Google Authenticator or Microsoft Authenticator), or type the key below into it.',
    qrLabel: 'QR code for the authenticator app',
    secretLabel: 'Key to type into the app',
    secretOnce: 'This key is shown only now. Do not share it.',
    codeLabel: 'Code the app shows now',
    confirm: 'Turn on',
    confirming: 'Checking…',
    wrong: 'That code is not right. Check the phone’s time and type the code the app shows now.',
    done: 'Two-factor sign-in is on. From now on you will be asked for a code after your password.',
    signOut: 'Sign out',
  },
  settings: {
    open: 'Two-factor sign-in',
    title: 'Two-factor sign-in',
    on: 'Two-factor sign-in is on for your account.',
    off: 'Two-factor sign-in is off for your account.',
    required: 'Your role requires it.',
    lostPhone: 'Lost your phone? Sign in with a recovery code, or ask an administrator to reset it.',
    recoveryLeft: 'Unused recovery codes: {{count}}',
    makeRecovery: 'Make new recovery codes',
    making: 'Making…',
    recoveryIntro:
      'Each code signs you in once if you lose your phone. Write them down and keep them safe: they are shown only now. Making new ones ends the old ones.',
    recoveryListLabel: 'Your recovery codes',
    close: 'Close',
    loading: 'Loading…',
  },
  admin: {
    title: 'Two-factor sign-in',
    intro:
      'Choose the roles that must use a code from an authenticator app at sign-in. Users in those roles who have not set it up are signed out and set it up at their next sign-in.',
    requireFor: 'Require two-factor sign-in for',
    save: 'Save requirement',
    saved: 'The requirement is saved.',
    signsOut_one:
      'Saving signs out {{count}} user who has not set up two-factor sign-in; they set it up at their next sign-in.',
    signsOut_other:
      'Saving signs out {{count}} users who have not set up two-factor sign-in; they set it up at their next sign-in.',
    confirmSave_one: 'Save and sign out {{count}} user',
    confirmSave_other: 'Save and sign out {{count}} users',
    cancel: 'Cancel',
    column: 'Two-factor',
    on: 'On',
    off: 'Off',
    reset: 'Reset',
    resetLabel: 'Reset two-factor sign-in of {{name}}',
    resetDone: 'Two-factor sign-in of {{name}} is reset; they are signed out.',
    mustEnrolFirst: 'Set up two-factor sign-in for yourself first (your own settings, top bar).',
  },
}

export const hi: Shape<typeof en> = {
  code: {
    title: 'अपना साइन-इन कोड दर्ज करें',
    intro: 'अपने फ़ोन पर ऑथेंटिकेटर ऐप खोलें और सेवा डेस्क के लिए दिखाया गया 6 अंकों का कोड लिखें।',
    label: 'ऑथेंटिकेटर ऐप का कोड',
    submit: 'साइन इन करें',
    checking: 'जाँच हो रही है…',
    back: 'साइन-इन पर वापस जाएँ',
    wrong: 'यह कोड सही नहीं है। ऐप में अभी दिख रहा कोड लिखें।',
    expired: 'साइन-इन में बहुत देर हो गई। पासवर्ड से फिर साइन इन करें।',
    recoveryHint: 'फ़ोन खो गया? इसके बजाय अपना कोई एक रिकवरी कोड लिखें।',
  },
  enrol: {
    requiredTitle: 'दो-चरणीय साइन-इन चालू करें',
    requiredIntro:
      'आपके प्रशासक ने आपकी भूमिका के लिए साइन-इन पर दूसरा चरण अनिवार्य किया है। इसे अभी चालू करें; इसके बिना आप काम नहीं कर सकते।',
    start: 'दो-चरणीय साइन-इन चालू करें',
    starting: 'तैयारी हो रही है…',
    scan: 'इस कोड को किसी ऑथेंटिकेटर ऐप (जैसे Google Authenticator या Microsoft Authenticator) से स्कैन करें, या नीचे दी गई कुंजी उसमें लिखें।',
    qrLabel: 'ऑथेंटिकेटर ऐप के लिए QR कोड',
    secretLabel: 'ऐप में लिखने की कुंजी',
    secretOnce: 'यह कुंजी केवल अभी दिखाई जा रही है। इसे किसी को न बताएँ।',
    codeLabel: 'ऐप में अभी दिख रहा कोड',
    confirm: 'चालू करें',
    confirming: 'जाँच हो रही है…',
    wrong: 'यह कोड सही नहीं है। फ़ोन का समय जाँचें और ऐप में अभी दिख रहा कोड लिखें।',
    done: 'दो-चरणीय साइन-इन चालू है। अब से पासवर्ड के बाद आपसे कोड माँगा जाएगा।',
    signOut: 'साइन आउट करें',
  },
  settings: {
    open: 'दो-चरणीय साइन-इन',
    title: 'दो-चरणीय साइन-इन',
    on: 'आपके खाते के लिए दो-चरणीय साइन-इन चालू है।',
    off: 'आपके खाते के लिए दो-चरणीय साइन-इन बंद है।',
    required: 'आपकी भूमिका के लिए यह अनिवार्य है।',
    lostPhone: 'फ़ोन खो गया? रिकवरी कोड से साइन इन करें, या किसी प्रशासक से इसे रीसेट करने को कहें।',
    recoveryLeft: 'बिना उपयोग किए रिकवरी कोड: {{count}}',
    makeRecovery: 'नए रिकवरी कोड बनाएँ',
    making: 'बन रहे हैं…',
    recoveryIntro:
      'फ़ोन खो जाने पर हर कोड से आप एक बार साइन इन कर सकते हैं। इन्हें लिखकर सुरक्षित रखें: ये केवल अभी दिखाए जा रहे हैं। नए कोड बनाने पर पुराने कोड बंद हो जाते हैं।',
    recoveryListLabel: 'आपके रिकवरी कोड',
    close: 'बंद करें',
    loading: 'लोड हो रहा है…',
  },
  admin: {
    title: 'दो-चरणीय साइन-इन',
    intro:
      'वे भूमिकाएँ चुनें जिन्हें साइन-इन पर ऑथेंटिकेटर ऐप का कोड देना अनिवार्य है। इन भूमिकाओं के जिन उपयोगकर्ताओं ने इसे चालू नहीं किया है, वे साइन आउट हो जाएँगे और अगले साइन-इन पर इसे चालू करेंगे।',
    requireFor: 'इनके लिए दो-चरणीय साइन-इन अनिवार्य करें',
    save: 'अनिवार्यता सहेजें',
    saved: 'अनिवार्यता सहेज दी गई है।',
    signsOut_one:
      'सहेजने पर {{count}} उपयोगकर्ता साइन आउट हो जाएगा जिसने दो-चरणीय साइन-इन चालू नहीं किया है; वह अगले साइन-इन पर इसे चालू करेगा।',
    signsOut_other:
      'सहेजने पर {{count}} उपयोगकर्ता साइन आउट हो जाएँगे जिन्होंने दो-चरणीय साइन-इन चालू नहीं किया है; वे अगले साइन-इन पर इसे चालू करेंगे।',
    confirmSave_one: 'सहेजें और {{count}} उपयोगकर्ता को साइन आउट करें',
    confirmSave_other: 'सहेजें और {{count}} उपयोगकर्ताओं को साइन आउट करें',
    cancel: 'रद्द करें',
    column: 'दो-चरणीय',
    on: 'चालू',
    off: 'बंद',
    reset: 'रीसेट करें',
    resetLabel: '{{name}} का दो-चरणीय साइन-इन रीसेट करें',
    resetDone: '{{name}} का दो-चरणीय साइन-इन रीसेट हो गया; वे साइन आउट हो गए हैं।',
    mustEnrolFirst: 'पहले अपने लिए दो-चरणीय साइन-इन चालू करें (अपनी सेटिंग, ऊपर की पट्टी में)।',
  },
}
