// The learned triage model beside the rules: features, model file, training, bands.
export { FEATURE_SET, FeatureBuffer, extractFeatures, featureContext, leadingMentions, truncated } from './features'
export {
  MODEL_FORMAT,
  MODEL_VERSION,
  ModelFileError,
  parseModel,
  serialiseModel,
  modelToFile,
  sigmoid,
  type TriageModel,
  type TriageThresholds,
} from './model'
export {
  AffiliatedMatcher,
  CRITICAL_TICKET_CONFIDENCE,
  TRIAGE_BANDS,
  TriageModelMismatch,
  prepareTriage,
  triageTweet,
  type DivisionScore,
  type Triage,
  type TriageBand,
  type TriageOutcome,
} from './triage'
export { trainTriageModel, splitOf, toIncoming, type LabelledTweet, type TrainOptions, type TrainReport } from './train'
