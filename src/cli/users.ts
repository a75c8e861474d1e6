// `seva users add`: the first administrator of a fresh install (and any account when the
// admin screen is out of reach), straight into the server's database:
//   seva users add --username U --role admin --password-stdin
//       [--display-name NAME] [--divisions a,b] [--languages en,hi] [--capacity N]
//       (--database-url URL | --data-dir DIR)
// The password comes on standard input (never the command line, which `ps` and shell
// history show) and must pass the same policy as the admin screen. The database is
// migrated first, so an empty one works; an existing username is refused. A PGlite data
// directory is opened by one process at a time: stop the server first.
import { migrate } from '../server/db/migrations'
import { openDatabase } from '../server/db/database'
import { ensureUser } from '../server/auth'
import { recordAudit } from '../server/audit'
import { checkPassword } from '../shared/password-policy'
import { Role } from '../shared/protocol'
import { CreateUserRequest } from '../shared/users'

export interface UsersAddArgs {
  username?: string
  role?: string
  displayName?: string
  divisions?: string
  languages?: string
  capacity?: string
  passwordStdin: boolean
  databaseUrl?: string
  dataDir?: string
}

type Io = { out: (line: string) => void; err: (line: string) => void }

const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)

/** The password as piped in: one line, without its line ending. */
export function passwordFromStdin(text: string): string {
  return text.replace(/\r?\n$/, '')
}

export async function usersAddCommand(args: UsersAddArgs, readStdin: () => Promise<string>, io: Io): Promise<number> {
  if (!args.databaseUrl && !args.dataDir) {
    io.err('seva: users add needs --database-url URL or --data-dir DIR')
    return 2
  }
  if (!args.passwordStdin) {
    io.err('seva: users add reads the password from standard input: pass --password-stdin')
    return 2
  }
  const role = Role.safeParse(args.role)
  if (!role.success) {
    io.err(`seva: --role must be one of ${Role.options.join(', ')}`)
    return 2
  }
  const capacity = args.capacity === undefined ? undefined : Number(args.capacity)
  const password = passwordFromStdin(await readStdin())
  const request = CreateUserRequest.safeParse({
    username: args.username,
    displayName: args.displayName ?? args.username,
    role: role.data,
    divisions: list(args.divisions),
    languages: args.languages ? list(args.languages) : ['en', 'hi'],
    password,
    ...(capacity !== undefined ? { capacity } : {}),
  })
  if (!request.success) {
    for (const issue of request.error.issues) io.err(`seva: ${issue.path.join('.') || 'input'}: ${issue.message}`)
    return 2
  }
  const verdict = checkPassword(password, { username: request.data.username })
  if (!verdict.ok) {
    io.err(`seva: the password ${verdict.problems.map((p) => p.message).join('; ')}`)
    return 1
  }
  const db = await openDatabase(args.databaseUrl ? { databaseUrl: args.databaseUrl } : { dataDir: args.dataDir! })
  try {
    await migrate(db)
    const u = request.data
    const created = await db.transaction(async (tx) => {
      // The operator at the console chose this password for themselves: no change forced.
      const made = await ensureUser(tx, {
        username: u.username,
        displayName: u.displayName,
        role: u.role,
        divisions: u.divisions,
        languages: u.languages ?? ['en', 'hi'],
        ...(u.capacity !== undefined ? { capacity: u.capacity } : {}),
        password: u.password,
      })
      if (made)
        await recordAudit(tx, {
          actor: 'system',
          action: 'user.created',
          target: u.username,
          details: { role: u.role, divisions: u.divisions, via: 'seva users add' },
        })
      return made
    })
    if (!created) {
      io.err(`seva: a user named ${u.username} already exists`)
      return 1
    }
    io.out(`seva: created ${u.role} ${u.username}`)
    return 0
  } finally {
    await db.close()
  }
}
