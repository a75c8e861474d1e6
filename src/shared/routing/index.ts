// Grievance intelligence: normalisation, keyword routing and triage.
export { compileOrg, OrgConfigError, type CompiledOrg, type CompiledRule, type PhraseTarget } from './compile'
export { analyseTweet, type AnalyseContext } from './analyse'
export { normalise, splitHashtag, foldDevanagari, tokenKey, keysOf, type NormalisedText } from './normalise'
export { detectLanguage, isOtherScript, languageName } from './language'
export { PhraseAutomaton } from './automaton'
export { TweetMatcher, numberShape } from './tweet-matcher'
export { CUES, CUE_KINDS, type CueKind } from './cues'
export { rulesReport, type RuleStats, type RulesReport } from './rules-report'
