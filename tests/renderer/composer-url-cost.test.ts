// The composer warns when a reply carries a link (X bills a post with one at about 13× a
// plain post), per post of a thread, in the interface language; a plain reply gets nothing.
import { describe, expect, it } from 'vitest'
import { urlCostWarning } from '../../src/renderer/src/features/composer/words'
import { i18n } from '../../src/renderer/src/i18n/instance'
import { replyAsPosted } from '../../src/shared/text/index'

const en = i18n.getFixedT('en')
const hi = i18n.getFixedT('hi')
const values = { ticket: 'MHA-26-000123', name: 'asha_p' }

describe('composer link cost warning', () => {
  it('says nothing for a plain reply', () => {
    expect(urlCostWarning(replyAsPosted('@asha_p your complaint is with the division', values), en)).toBeNull()
  })

  it('warns about a link, bare domains included, with the price ratio', () => {
    const warning = urlCostWarning(replyAsPosted('@asha_p apply at passportindia.gov.in', values), en)
    expect(warning).toMatch(/13×/)
    expect(warning).toMatch(/link/)
    expect(urlCostWarning(['see https://mha.gov.in/help'], hi)).toMatch(/13 गुना/)
  })

  it('counts each post of a thread that carries a link', () => {
    const long = `@asha_p ${'the division has your papers and will write again soon. '.repeat(6)}`
    const posts = replyAsPosted(`${long} https://mha.gov.in/a ${long} https://mha.gov.in/b`, values)
    expect(posts.length).toBeGreaterThan(1)
    const linked = posts.filter((p) => p.includes('mha.gov.in')).length
    expect(urlCostWarning(posts, en)).toContain(`links in ${linked} posts`)
  })

  it('follows the prices it is given', () => {
    expect(urlCostWarning(['x.com/help'], en, { postRead: 0.005, postCreated: 0.01, postWithUrl: 0.05 })).toMatch(/5×/)
  })
})
