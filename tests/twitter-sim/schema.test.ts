// Every answer the server engineer relies on validates against the X OpenAPI spec.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../src/twitter-sim/index'
import { APP, asUser, call, expectProblemShape, schemaErrors } from './helpers'

let sim: Simulator
let hmoId: string
let complaintId: string

beforeAll(async () => {
  sim = await startSimulator()
  hmoId = sim.store.userByName('HMOIndia')!.id
  const root = sim.injectTweet({
    author: 'rahul_sharma',
    text: '@HMOIndia my passport police verification is pending #help https://example.in/x',
  })
  complaintId = sim.injectTweet({
    author: 'rahul_sharma',
    text: 'Still waiting @HMOIndia',
    in_reply_to_tweet_id: root.id,
  }).id
  sim.injectTweet({ author: 'priya_verma', text: '@HMOIndia @CyberDost UPI fraud ho gaya hai, mera paisa wapas karo' })
})
afterAll(() => sim.close())

const TWEET_FIELDS =
  'tweet.fields=id,text,author_id,created_at,conversation_id,in_reply_to_user_id,referenced_tweets,lang,entities,public_metrics'

describe('responses match the OpenAPI schemas', () => {
  it('the validator really rejects wrong shapes', () => {
    expect(schemaErrors('GetUsersMeResponse', { data: { id: 5 } })).not.toEqual([])
    expect(schemaErrors('Problem', { type: 'about:blank', title: 'x', detail: 'y' })).not.toEqual([])
  })

  it('GET /2/users/me', async () => {
    const res = await call(sim.url, 'GET', '/2/users/me?user.fields=created_at,description,public_metrics', {
      auth: asUser('HMOIndia'),
    })
    expect(res.status).toBe(200)
    expect(schemaErrors('GetUsersMeResponse', res.body)).toEqual([])
    expect(res.body.data).toMatchObject({ id: hmoId, username: 'HMOIndia' })
  })

  it('GET /2/users/by/username and /2/users/:id, found and missing', async () => {
    const found = await call(sim.url, 'GET', '/2/users/by/username/CyberDost')
    expect(schemaErrors('GetUsersByUsernameResponse', found.body)).toEqual([])
    const byId = await call(sim.url, 'GET', `/2/users/${hmoId}`)
    expect(schemaErrors('GetUsersByIdResponse', byId.body)).toEqual([])
    const missing = await call<{ errors: Array<Record<string, unknown>> }>(
      sim.url,
      'GET',
      '/2/users/by/username/nobody_here',
    )
    expect(missing.status).toBe(200)
    expect(schemaErrors('GetUsersByUsernameResponse', missing.body)).toEqual([])
    expect(missing.body.errors[0]).toMatchObject({ resource_type: 'user', title: 'Not Found Error' })
  })

  it('GET /2/users/:id/mentions with expansions', async () => {
    const res = await call<{
      data: Array<Record<string, unknown>>
      includes: { users: Array<{ id: string; username: string }> }
      meta: Record<string, unknown>
    }>(
      sim.url,
      'GET',
      `/2/users/${hmoId}/mentions?max_results=5&expansions=author_id,referenced_tweets.id,in_reply_to_user_id&${TWEET_FIELDS}&user.fields=created_at,username`,
    )
    expect(res.status).toBe(200)
    expect(schemaErrors('GetUsersMentionsResponse', res.body)).toEqual([])
    expect(res.body.data).toHaveLength(3)
    expect(res.body.includes.users.map((u) => u.username).sort()).toEqual(['priya_verma', 'rahul_sharma'])
    expect(res.body.meta).toMatchObject({
      result_count: 3,
      newest_id: res.body.data[0]!.id,
      oldest_id: res.body.data[2]!.id,
    })
    const reply = res.body.data.find((t) => t.id === complaintId)!
    expect(reply.referenced_tweets).toEqual([{ type: 'replied_to', id: expect.any(String) }])
    expect(reply.in_reply_to_user_id).toBe(sim.store.userByName('rahul_sharma')!.id)
    expect(reply.conversation_id).not.toBe(reply.id)
  })

  it('GET /2/tweets/search/recent', async () => {
    const res = await call(
      sim.url,
      'GET',
      `/2/tweets/search/recent?query=${encodeURIComponent('@HMOIndia -is:retweet')}&${TWEET_FIELDS}&expansions=author_id`,
    )
    expect(res.status).toBe(200)
    expect(schemaErrors('SearchPostsRecentResponse', res.body)).toEqual([])
  })

  it('GET /2/tweets?ids= and /2/tweets/:id, including deleted ones in errors', async () => {
    const gone = sim.injectTweet({ author: 'amit99', text: 'to be deleted @HMOIndia' })
    await call(sim.url, 'DELETE', `/2/tweets/${gone.id}`, { auth: asUser('amit99') })
    const many = await call<{ data: unknown[]; errors: Array<Record<string, unknown>> }>(
      sim.url,
      'GET',
      `/2/tweets?ids=${complaintId},${gone.id}&${TWEET_FIELDS}`,
    )
    expect(schemaErrors('GetPostsByIdsResponse', many.body)).toEqual([])
    expect(many.body.data).toHaveLength(1)
    expect(many.body.errors).toEqual([
      expect.objectContaining({
        resource_id: gone.id,
        resource_type: 'tweet',
        type: 'https://api.x.com/2/problems/resource-not-found',
      }),
    ])
    expect(schemaErrors('Problem', many.body.errors[0])).toEqual([])
    const one = await call(sim.url, 'GET', `/2/tweets/${complaintId}?${TWEET_FIELDS}&expansions=author_id`)
    expect(schemaErrors('GetPostsByIdResponse', one.body)).toEqual([])
    const missing = await call(sim.url, 'GET', `/2/tweets/${gone.id}`)
    expect(missing.status).toBe(200)
    expect(schemaErrors('GetPostsByIdResponse', missing.body)).toEqual([])
  })

  it('POST /2/tweets and DELETE /2/tweets/:id', async () => {
    const created = await call<{ data: { id: string; text: string } }>(sim.url, 'POST', '/2/tweets', {
      auth: asUser('HMOIndia'),
      body: {
        text: '@rahul_sharma Your complaint is registered as MHA-26-000001.',
        reply: { in_reply_to_tweet_id: complaintId },
      },
    })
    expect(created.status).toBe(201)
    expect(schemaErrors('CreatePostsResponse', created.body)).toEqual([])
    const deleted = await call(sim.url, 'DELETE', `/2/tweets/${created.body.data.id}`, { auth: asUser('HMOIndia') })
    expect(schemaErrors('DeletePostsResponse', deleted.body)).toEqual([])
    expect(deleted.body).toEqual({ data: { deleted: true } })
  })

  it('stream rules: add, list, delete', async () => {
    const added = await call<{ data: Array<{ id: string }> }>(sim.url, 'POST', '/2/tweets/search/stream/rules', {
      body: { add: [{ value: '@HMOIndia -is:retweet', tag: 'handle' }] },
    })
    expect(added.status).toBe(201)
    expect(schemaErrors('UpdateRulesResponse', added.body)).toEqual([])
    const listed = await call(sim.url, 'GET', '/2/tweets/search/stream/rules')
    expect(schemaErrors('GetRulesResponse', listed.body)).toEqual([])
    const removed = await call(sim.url, 'POST', '/2/tweets/search/stream/rules', {
      body: { delete: { ids: [added.body.data[0]!.id] } },
    })
    expect(schemaErrors('UpdateRulesResponse', removed.body)).toEqual([])
  })

  it('GET /2/usage/tweets counts posts read', async () => {
    const res = await call<{ data: { project_usage: string; daily_project_usage: { usage: unknown[] } } }>(
      sim.url,
      'GET',
      '/2/usage/tweets?days=3&usage.fields=project_cap,project_usage,cap_reset_day,daily_project_usage,daily_client_app_usage,project_id',
    )
    expect(res.status).toBe(200)
    expect(schemaErrors('GetUsageResponse', res.body)).toEqual([])
    expect(Number(res.body.data.project_usage)).toBeGreaterThan(0)
    expect(res.body.data.daily_project_usage.usage).toHaveLength(3)
  })

  it('error answers are X problems', async () => {
    const noAuth = await call(sim.url, 'GET', '/2/users/me', { auth: null })
    expect(noAuth.status).toBe(401)
    expectProblemShape(noAuth.body, 401)
    expect(noAuth.headers.get('content-type')).toContain('application/problem+json')

    const appPost = await call(sim.url, 'POST', '/2/tweets', { auth: APP, body: { text: 'hello' } })
    expect(appPost.status).toBe(403)
    expectProblemShape(appPost.body, 403)
    const appMe = await call(sim.url, 'GET', '/2/users/me', { auth: APP })
    expect(appMe.status).toBe(403)

    const badMax = await call(sim.url, 'GET', `/2/users/${hmoId}/mentions?max_results=3`)
    expect(badMax.status).toBe(400)
    expect(schemaErrors('InvalidRequestProblem', badMax.body)).toEqual([])
    expect(schemaErrors('Problem', badMax.body)).toEqual([])
    expect(badMax.body.errors).toEqual([expect.objectContaining({ parameters: { max_results: ['3'] } })])

    const badQuery = await call(sim.url, 'GET', '/2/tweets/search/recent?query=(visa')
    expect(badQuery.status).toBe(400)
    expect(schemaErrors('Problem', badQuery.body)).toEqual([])
  })
})
