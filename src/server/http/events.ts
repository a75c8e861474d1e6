// Server-sent events: `hello` with the current seq on connect, `changes` with the newest
// seq whenever grievances change, and a `: ping` comment every 15 s to keep proxies open.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { ServerEvent } from '../../shared/protocol'
import type { StaffUser } from '../auth'
import type { ServerContext } from '../context'
import { currentSeq } from '../grievances'

const PING_MS = 15_000

export async function openEventStream(
  ctx: ServerContext,
  request: FastifyRequest,
  reply: FastifyReply,
  _user: StaffUser,
  /** Open streams of this server, so close() can end them instead of waiting for clients. */
  openStreams: Set<() => void>,
): Promise<void> {
  const seq = await currentSeq(ctx.db)
  reply.hijack()
  const res = reply.raw
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  })
  const send = (event: ServerEvent): void => {
    res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`)
  }
  send({ type: 'hello', seq })
  const onChanges = (latest: number): void => send({ type: 'changes', seq: latest })
  ctx.changes.on('changes', onChanges)
  const ping = setInterval(() => res.write(': ping\n\n'), PING_MS)
  const cleanup = (): void => {
    clearInterval(ping)
    ctx.changes.off('changes', onChanges)
    openStreams.delete(end)
  }
  const end = (): void => {
    cleanup()
    res.end()
  }
  openStreams.add(end)
  request.raw.on('close', cleanup)
}
