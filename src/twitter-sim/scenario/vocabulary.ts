// Names, places and reference-number shapes for realistic citizen tweets. All numbers
// are made up; they only look like the real formats so the PII guard and routing are
// exercised.

import type { Random } from '../prng'

export const FIRST_NAMES = [
  'rahul',
  'priya',
  'amit',
  'sunita',
  'vikas',
  'pooja',
  'rajesh',
  'anjali',
  'suresh',
  'neha',
  'manoj',
  'kavita',
  'arjun',
  'deepa',
  'sanjay',
  'ritu',
  'imran',
  'farah',
  'gurpreet',
  'harpreet',
  'lakshmi',
  'venkat',
  'arun',
  'meena',
  'rohit',
  'shalini',
  'abdul',
  'sarah',
  'joseph',
  'tenzin',
  'bikash',
  'moumita',
  'sachin',
  'nisha',
]
export const LAST_NAMES = [
  'sharma',
  'verma',
  'singh',
  'yadav',
  'gupta',
  'khan',
  'das',
  'nair',
  'reddy',
  'patel',
  'joshi',
  'mishra',
  'kumar',
  'devi',
  'iyer',
  'bora',
  'sheikh',
  'thomas',
  'ghosh',
  'chauhan',
  'rawat',
  'pandey',
  'jha',
  'gill',
]
export const CITIES = [
  'Delhi',
  'Mumbai',
  'Bengaluru',
  'Chennai',
  'Kolkata',
  'Hyderabad',
  'Pune',
  'Lucknow',
  'Patna',
  'Jaipur',
  'Bhopal',
  'Guwahati',
  'Chandigarh',
  'Ahmedabad',
  'Kochi',
  'Dehradun',
  'Ranchi',
  'Bhubaneswar',
  'Srinagar',
  'Amritsar',
]
export const CITIES_HI: Record<string, string> = {
  Delhi: 'दिल्ली',
  Mumbai: 'मुंबई',
  Bengaluru: 'बेंगलुरु',
  Chennai: 'चेन्नई',
  Kolkata: 'कोलकाता',
  Hyderabad: 'हैदराबाद',
  Pune: 'पुणे',
  Lucknow: 'लखनऊ',
  Patna: 'पटना',
  Jaipur: 'जयपुर',
  Bhopal: 'भोपाल',
  Guwahati: 'गुवाहाटी',
  Chandigarh: 'चंडीगढ़',
  Ahmedabad: 'अहमदाबाद',
  Kochi: 'कोच्चि',
  Dehradun: 'देहरादून',
  Ranchi: 'रांची',
  Bhubaneswar: 'भुवनेश्वर',
  Srinagar: 'श्रीनगर',
  Amritsar: 'अमृतसर',
}
export const FLOOD_DISTRICTS = [
  'Darbhanga',
  'Sitamarhi',
  'Barpeta',
  'Dhemaji',
  'Lakhimpur',
  'Wayanad',
  'Kullu',
  'Mandi',
  'Chamoli',
  'Uttarkashi',
  'Gorakhpur',
  'Malda',
  'Cuttack',
  'Kheda',
  'Kodagu',
]
export const FORCES = ['CRPF', 'BSF', 'CISF', 'ITBP', 'SSB', 'Assam Rifles']
export const BANKS = ['SBI', 'HDFC', 'PNB', 'ICICI', 'Bank of Baroda', 'Canara Bank', 'Axis Bank']
export const UPI_APPS = ['PhonePe', 'Google Pay', 'Paytm', 'BHIM']
export const COUNTRIES = [
  'USA',
  'UK',
  'Canada',
  'Germany',
  'Nepal',
  'Bangladesh',
  'Afghanistan',
  'Nigeria',
  'Japan',
  'Australia',
]
export const HASHTAGS_GRIEVANCE = ['#help', '#urgent', '#grievance', '#pleasehelp', '#justice', '#TwitterSeva']

const digits = (r: Random, n: number): string => {
  let out = String(1 + r.int(9))
  while (out.length < n) out += String(r.int(10))
  return out
}
const letters = (r: Random, n: number): string => {
  let out = ''
  while (out.length < n) out += String.fromCharCode(65 + r.int(26))
  return out
}
const CITY_CODES = ['DL', 'MB', 'BN', 'CH', 'KL', 'HY', 'PN', 'LK', 'PT', 'JP', 'BP', 'GH', 'CG', 'AH']

/** Slot fillers: each returns a fresh value so combinations multiply. */
export const SLOT_FILLERS: Record<string, (r: Random) => string> = {
  city: (r) => r.pick(CITIES),
  pfile: (r) => `${r.pick(CITY_CODES)}${digits(r, 13)}`,
  arn: (r) => `${digits(r, 2)}-${digits(r, 10)}`,
  evisa: (r) => `${digits(r, 5)}${letters(r, 2)}${digits(r, 4)}${letters(r, 1)}`,
  oci: (r) => `${letters(r, 4)}${digits(r, 6)}`,
  frro: (r) => `FRRO/${r.pick(['DEL', 'MUM', 'BLR', 'CHE', 'KOL', 'HYD'])}/${2024 + r.int(3)}/${digits(r, 6)}`,
  ack: (r) => `3${digits(r, 13)}`,
  days: (r) => String(15 + r.int(100)),
  months: (r) => String(2 + r.int(7)),
  amount: (r) => `₹${(5 + r.int(480)) * 100}`,
  lakh: (r) => String(1 + r.int(9)),
  bank: (r) => r.pick(BANKS),
  upi: (r) => r.pick(UPI_APPS),
  force: (r) => r.pick(FORCES),
  bn: (r) => `${10 + r.int(190)} Bn`,
  district: (r) => r.pick(FLOOD_DISTRICTS),
  people: (r) => String(5 + r.int(60)),
  country: (r) => r.pick(COUNTRIES),
  tag: (r) => r.pick(HASHTAGS_GRIEVANCE),
  ps: (r) => `${r.pick(['Sector', 'Phase', 'Block'])} ${1 + r.int(60)}`,
  hour: (r) => String(6 + r.int(16)),
  link: (r) => `https://${r.pick(['bit.ly', 'tinyurl.com', 'cutt.ly'])}/${letters(r, 3).toLowerCase()}${digits(r, 3)}`,
  pct: (r) => String(20 + r.int(6) * 10),
}

/** A plausible citizen handle, at most 15 characters. */
export function citizenUsername(r: Random): string {
  const first = r.pick(FIRST_NAMES)
  const last = r.pick(LAST_NAMES)
  const nn = String(r.int(100)).padStart(2, '0')
  const forms = [
    `${first}_${last}`,
    `${first}${last}${nn}`,
    `${first}${nn}`,
    `${cap(first)}${cap(last)}`,
    `${first}_${r.pick(CITIES).toLowerCase()}`,
    `iam${first}${nn}`,
    `${first}.${last}`.replace('.', '_'),
  ]
  return r.pick(forms).slice(0, 15)
}

function cap(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}
