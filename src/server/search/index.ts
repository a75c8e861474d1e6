// Grievance search for staff: the search rows kept with every grievance and the routes on them.
export { backfillSearchRows, recordSearchRows, searchKeysOf, searchWordsOf, WORDS_VERSION } from './rows'
export { registerGrievanceSearchRoutes } from './routes'
