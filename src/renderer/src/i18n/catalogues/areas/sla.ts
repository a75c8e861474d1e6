// SLA states, alerts and escalation as officers and supervisors see them (features/sla).
// English and Hindi side by side, so a key added to one is seen missing from the other
// (the Shape type makes it a compile error; tests/renderer/i18n-catalogue.test.ts checks both).
import type { Shape } from '../shape'

export const en = {
  title: 'SLA',
  state: {
    at_risk: 'At risk',
    breached: 'Breached',
    interim_due: 'Interim reply due',
  },
  stateTitle: {
    at_risk: 'Most of the time allowed is used: reply or resolve soon',
    breached: 'A target was missed at {{at}}',
    interim_due:
      'The resolution target has passed: send the citizen an interim reply with the reason and an expected date by {{at}}',
  },
  escalation: {
    1: 'Escalated to the supervisor',
    2: 'Escalated to the division head',
  },
  details: {
    firstResponseDue: 'First response due',
    firstResponseAt: 'First response',
    resolutionDue: 'Resolution due',
    interimDue: 'Interim reply due',
    clock24x7: 'Counted round the clock',
    clockBusiness: 'Counted in working hours',
  },
  alert: {
    heading_one: '{{count}} breached grievance in your scope',
    heading_other: '{{count}} breached grievances in your scope',
    since: 'breached {{at}}',
    more: 'and {{count}} more',
    open: 'Open {{ticket}}',
    show: 'Show',
    hide: 'Hide',
    listLabel: 'Breached grievances',
  },
  takeLonger: {
    open: 'Will take longer…',
    legend: 'It will take longer than the resolution target',
    reason: 'Reason (for the interim reply)',
    expectedBy: 'Expected resolution date',
    submit: 'Mark: will take longer',
    cancel: 'Cancel',
    marked: 'Marked on {{at}}: expected by {{date}}. Send the citizen an interim reply.',
    conflict: 'Mark as taking longer',
  },
  notify: {
    at_risk: '{{ticket}} is at risk of missing its SLA',
    breached: '{{ticket}} has breached its SLA',
    dismiss: 'Dismiss',
    region: 'SLA alerts',
  },
}

export const hi: Shape<typeof en> = {
  title: 'एसएलए',
  state: {
    at_risk: 'जोखिम में',
    breached: 'समय-सीमा पार',
    interim_due: 'अंतरिम उत्तर देय',
  },
  stateTitle: {
    at_risk: 'अनुमत समय का अधिकांश भाग बीत चुका है: शीघ्र उत्तर दें या निपटान करें',
    breached: '{{at}} पर एक लक्ष्य चूक गया',
    interim_due: 'निपटान की समय-सीमा बीत चुकी है: नागरिक को {{at}} तक कारण और संभावित तिथि सहित अंतरिम उत्तर भेजें',
  },
  escalation: {
    1: 'पर्यवेक्षक के संज्ञान में लाया गया',
    2: 'प्रभाग प्रमुख के संज्ञान में लाया गया',
  },
  details: {
    firstResponseDue: 'प्रथम उत्तर की समय-सीमा',
    firstResponseAt: 'प्रथम उत्तर',
    resolutionDue: 'निपटान की समय-सीमा',
    interimDue: 'अंतरिम उत्तर की समय-सीमा',
    clock24x7: 'चौबीसों घंटे गणना',
    clockBusiness: 'कार्य-समय में गणना',
  },
  alert: {
    heading_one: 'आपके क्षेत्र में {{count}} शिकायत समय-सीमा पार',
    heading_other: 'आपके क्षेत्र में {{count}} शिकायतें समय-सीमा पार',
    since: '{{at}} से समय-सीमा पार',
    more: 'और {{count}}',
    open: '{{ticket}} खोलें',
    show: 'दिखाएँ',
    hide: 'छिपाएँ',
    listLabel: 'समय-सीमा पार शिकायतें',
  },
  takeLonger: {
    open: 'अधिक समय लगेगा…',
    legend: 'निपटान में निर्धारित समय-सीमा से अधिक समय लगेगा',
    reason: 'कारण (अंतरिम उत्तर के लिए)',
    expectedBy: 'निपटान की संभावित तिथि',
    submit: 'दर्ज करें: अधिक समय लगेगा',
    cancel: 'रद्द करें',
    marked: '{{at}} को दर्ज: {{date}} तक संभावित। नागरिक को अंतरिम उत्तर भेजें।',
    conflict: 'अधिक समय लगने के रूप में दर्ज करें',
  },
  notify: {
    at_risk: '{{ticket}} की एसएलए समय-सीमा चूकने का जोखिम है',
    breached: '{{ticket}} की एसएलए समय-सीमा पार हो गई है',
    dismiss: 'हटाएँ',
    region: 'एसएलए सूचनाएँ',
  },
}
