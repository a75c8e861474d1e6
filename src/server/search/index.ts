// Grievance search for staff: the search rows kept with every grievance and the routes on them.
export { backfillSearchRows, recordSearchRows, searchWordsOf } from './rows'
export { registerGrievanceSearchRoutes } from './routes'
