// Reading tweets for the CLI: CSV (a `text` column, optional `id` and `author`;
// quoted fields may hold commas, quotes and newlines) or JSONL ({id?, text, author?}).
// A bad record is reported with its line number and skipped; the rest still run.

export interface InputTweet {
  id: string
  text: string
  author: string
  viaHandle?: string
  /** Set on replies: whose tweet this answers. */
  inReplyToUserId?: string
  referencedTweets?: { type: 'retweeted' | 'quoted' | 'replied_to'; id: string }[]
  /** First line of the record in the file (1-based), for error messages. */
  line: number
}

export interface InputProblem {
  line: number
  message: string
}

export interface ParsedInput {
  tweets: InputTweet[]
  problems: InputProblem[]
}

export function parseJsonl(content: string): ParsedInput {
  const tweets: InputTweet[] = []
  const problems: InputProblem[] = []
  const lines = content.split(/\r?\n/)
  lines.forEach((raw, i) => {
    const line = i + 1
    if (raw.trim() === '') return
    let value: unknown
    try {
      value = JSON.parse(raw)
    } catch (err) {
      problems.push({ line, message: `not valid JSON (${(err as Error).message})` })
      return
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push({ line, message: 'expected a JSON object like {"id": "1", "text": "...", "author": "name"}' })
      return
    }
    const record = value as Record<string, unknown>
    if (typeof record.text !== 'string') {
      problems.push({ line, message: 'missing "text" (a string)' })
      return
    }
    tweets.push({
      id: record.id === undefined ? String(line) : String(record.id),
      text: record.text,
      author: typeof record.author === 'string' ? record.author : '',
      viaHandle: typeof record.viaHandle === 'string' ? record.viaHandle : undefined,
      inReplyToUserId: typeof record.inReplyToUserId === 'string' ? record.inReplyToUserId : undefined,
      referencedTweets: referencedTweets(record.referencedTweets),
      line,
    })
  })
  return { tweets, problems }
}

const REFERENCE_TYPES = new Set(['retweeted', 'quoted', 'replied_to'])

/** X's referenced_tweets as given, keeping only well-formed entries. */
function referencedTweets(value: unknown): InputTweet['referencedTweets'] {
  if (!Array.isArray(value)) return undefined
  const refs = value.filter(
    (r): r is { type: 'retweeted' | 'quoted' | 'replied_to'; id: string } =>
      typeof r === 'object' && r !== null && REFERENCE_TYPES.has((r as { type?: unknown }).type as string),
  )
  return refs.length > 0 ? refs.map((r) => ({ type: r.type, id: String(r.id) })) : undefined
}

/** RFC 4180 records with the line each starts on; an unterminated quote is a problem. */
export function parseCsvRecords(content: string): {
  records: { fields: string[]; line: number }[]
  problems: InputProblem[]
} {
  const records: { fields: string[]; line: number }[] = []
  const problems: InputProblem[] = []
  let fields: string[] = []
  let field = ''
  let inQuotes = false
  let line = 1
  let recordLine = 1
  let quoteLine = 1
  const text = content.replace(/^\uFEFF/, '')
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i++
        } else inQuotes = false
      } else {
        if (ch === '\n') line++
        field += ch
      }
      continue
    }
    if (ch === '"' && field === '') {
      inQuotes = true
      quoteLine = line
    } else if (ch === ',') {
      fields.push(field)
      field = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      fields.push(field)
      if (fields.length > 1 || fields[0] !== '') records.push({ fields, line: recordLine })
      fields = []
      field = ''
      line++
      recordLine = line
    } else field += ch
  }
  if (inQuotes) problems.push({ line: quoteLine, message: 'a quoted field is never closed (missing ")' })
  else if (field !== '' || fields.length > 0) {
    fields.push(field)
    records.push({ fields, line: recordLine })
  }
  return { records, problems }
}

export function parseCsv(content: string): ParsedInput {
  const { records, problems } = parseCsvRecords(content)
  const tweets: InputTweet[] = []
  if (records.length === 0) return { tweets, problems }
  const header = records[0].fields.map((h) => h.trim().toLowerCase())
  const col = (name: string) => header.indexOf(name)
  const textCol = col('text')
  if (textCol < 0) {
    problems.unshift({
      line: records[0].line,
      message: `the header has no "text" column (found: ${header.join(', ')})`,
    })
    return { tweets, problems }
  }
  for (const { fields, line } of records.slice(1)) {
    if (fields.length !== header.length) {
      problems.push({ line, message: `expected ${header.length} fields, found ${fields.length}` })
      continue
    }
    const get = (name: string) => (col(name) >= 0 ? fields[col(name)] : undefined)
    tweets.push({
      id: get('id') || String(line),
      text: fields[textCol],
      author: get('author') ?? '',
      viaHandle: get('viahandle') || undefined,
      line,
    })
  }
  return { tweets, problems }
}

/** JSONL when the file name says so or the first non-blank character is "{". */
export function parseTweets(fileName: string, content: string): ParsedInput {
  const jsonl =
    /\.(jsonl|ndjson|json)$/i.test(fileName) || (!/\.csv$/i.test(fileName) && content.trimStart().startsWith('{'))
  return jsonl ? parseJsonl(content) : parseCsv(content)
}
