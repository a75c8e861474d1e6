// POST /2/tweets and DELETE: X's posting rules (auth, duplicates, length, replies).

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../src/twitter-sim/index'
import { APP, asUser, call } from './helpers'

let sim: Simulator
let complaint: string

beforeAll(async () => {
  sim = await startSimulator()
  complaint = sim.injectTweet({ author: 'sunita_devi', text: '@HMOIndia mera passport verification pending hai' }).id
})
afterAll(() => sim.close())

const post = (body: unknown, user = 'HMOIndia') =>
  call<{ data: { id: string; text: string }; detail?: string }>(sim.url, 'POST', '/2/tweets', {
    auth: asUser(user),
    body,
  })

describe('POST /2/tweets', () => {
  it('posts a reply into the conversation and shows it in the control listing', async () => {
    const res = await post({
      text: '@sunita_devi Complaint registered as MHA-26-000042.',
      reply: { in_reply_to_tweet_id: complaint },
    })
    expect(res.status).toBe(201)
    expect(res.body.data).toEqual({
      id: expect.stringMatching(/^\d+$/),
      text: '@sunita_devi Complaint registered as MHA-26-000042.',
      edit_history_tweet_ids: [res.body.data.id],
    })
    const listed = await call<Array<Record<string, unknown>>>(sim.url, 'GET', '/_sim/tweets?author=HMOIndia')
    expect(listed.body).toEqual([
      expect.objectContaining({
        id: res.body.data.id,
        author: 'HMOIndia',
        in_reply_to_tweet_id: complaint,
        conversation_id: complaint,
      }),
    ])
    expect(sim.tweetsBy('HMOIndia').map((t) => t.id)).toEqual([res.body.data.id])
  })

  it('refuses duplicate content from the same user, but not from another user', async () => {
    const text = 'Please DM us your file number.'
    expect((await post({ text })).status).toBe(201)
    const again = await post({ text })
    expect(again.status).toBe(403)
    expect(again.body.detail).toBe('You are not allowed to create a Tweet with duplicate content.')
    expect((await post({ text }, 'CyberDost')).status).toBe(201)
  })

  it('allows the text again once the earlier tweet is deleted', async () => {
    const first = await post({ text: 'Temporary notice' })
    const del = await call(sim.url, 'DELETE', `/2/tweets/${first.body.data.id}`, { auth: asUser('HMOIndia') })
    expect(del.body).toEqual({ data: { deleted: true } })
    expect((await post({ text: 'Temporary notice' })).status).toBe(201)
  })

  it('enforces 280 weighted characters', async () => {
    expect((await post({ text: 'a'.repeat(280) })).status).toBe(201)
    expect((await post({ text: 'b'.repeat(281) })).status).toBe(400)
    expect((await post({ text: '漢'.repeat(141) })).status).toBe(400)
    expect((await post({ text: `${'c'.repeat(250)} https://example.com/${'x'.repeat(100)}` })).status).toBe(201)
  })

  it('rejects bad bodies, missing reply targets and app-only tokens', async () => {
    expect((await post({ text: '' })).status).toBe(400)
    expect((await post({ text: 'hi', unknown_field: 1 })).status).toBe(400)
    expect((await post({ text: 'hi', reply: { in_reply_to_tweet_id: 'abc' } })).status).toBe(400)
    expect((await post({ text: 'reply to nothing', reply: { in_reply_to_tweet_id: '12345' } })).status).toBe(403)
    const raw = await fetch(`${sim.url}/2/tweets`, {
      method: 'POST',
      headers: { authorization: asUser('HMOIndia'), 'content-type': 'application/json' },
      body: '{not json',
    })
    expect(raw.status).toBe(400)
    const app = await call(sim.url, 'POST', '/2/tweets', { auth: APP, body: { text: 'as app' } })
    expect(app.status).toBe(403)
    expect(app.body).toMatchObject({ title: 'Unsupported Authentication' })
  })

  it('lets only the author delete', async () => {
    const mine = await post({ text: 'Only HMOIndia may delete this' })
    const other = await call(sim.url, 'DELETE', `/2/tweets/${mine.body.data.id}`, { auth: asUser('CyberDost') })
    expect(other.status).toBe(403)
    const missing = await call(sim.url, 'DELETE', '/2/tweets/42', { auth: asUser('HMOIndia') })
    expect(missing.body).toEqual({ data: { deleted: false } })
  })

  it('a user token creates its user on first use', async () => {
    const me = await call<{ data: { username: string; id: string } }>(sim.url, 'GET', '/2/users/me', {
      auth: asUser('new_officer'),
    })
    expect(me.body.data.username).toBe('new_officer')
    expect(sim.store.userByName('new_officer')?.id).toBe(me.body.data.id)
    expect((await call(sim.url, 'GET', '/2/users/me', { auth: 'Bearer sim-user-bad!name' })).status).toBe(401)
    expect((await call(sim.url, 'GET', '/2/users/me', { auth: 'Basic abc' })).status).toBe(401)
  })
})
