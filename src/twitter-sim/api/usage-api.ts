// GET /2/usage/tweets: the project's Post consumption, as in the spec's Usage schema.

import type { ApiHandler } from '../context'
import { invalidRequest } from '../problems'
import { CLIENT_APP_ID, PROJECT_ID } from '../usage'
import { intParam, isError } from './params'

const USAGE_FIELDS = [
  'cap_reset_day',
  'daily_client_app_usage',
  'daily_project_usage',
  'project_cap',
  'project_id',
  'project_usage',
]
const DEFAULT_FIELDS = ['cap_reset_day', 'project_cap', 'project_id', 'project_usage']

export const getUsage: ApiHandler = (r) => {
  const days = intParam(r.url.searchParams, 'days', 1, 90, 7)
  if (isError(days)) return days
  const raw = r.url.searchParams.get('usage.fields')
  const fields = raw === null ? [...DEFAULT_FIELDS] : raw.split(',')
  const unknown = fields.find((f) => !USAGE_FIELDS.includes(f))
  if (unknown !== undefined) {
    return invalidRequest(
      `The \`usage.fields\` query parameter value [${unknown}] is not one of [${USAGE_FIELDS.join(',')}]`,
      'usage.fields',
      unknown,
    )
  }
  const meter = r.ctx.usage
  const daily = meter.daily(days)
  const all: Record<string, unknown> = {
    cap_reset_day: meter.capResetDay,
    project_cap: String(meter.projectCap),
    project_id: PROJECT_ID,
    project_usage: String(meter.used),
    daily_project_usage: { project_id: PROJECT_ID, usage: daily },
    daily_client_app_usage: [{ client_app_id: CLIENT_APP_ID, usage: daily, usage_result_count: daily.length }],
  }
  const data: Record<string, unknown> = {}
  for (const f of fields) data[f] = all[f]
  return { status: 200, body: { data } }
}
