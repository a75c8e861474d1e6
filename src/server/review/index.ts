// The review band, ignored tweets and officers' decisions as training labels.
export { loadOrgModel, readModelFile, triageFor } from './model'
export { registerReviewRoutes } from './routes'
export { latestLabels, recordLabel, trainingLine, type LabelSource, type StoredLabel, type TriageLabel } from './labels'
export { decisionsSince, measureQuality, triageQuality, QUALITY_WINDOW_DAYS, type MeasuredQuality } from './quality'
