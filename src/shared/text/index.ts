// Reply text rules: X's weighted length, thread splitting, the PII guard, entities.
export { MAX_TWEET_WEIGHT, weightedLength, fitsInTweet } from './weighted-length'
export { splitIntoThread, type ThreadOptions } from './thread'
export { findPii, piiMessage, verhoeffValid } from './pii'
export { fillReply, replyAsPosted, replyPostsProblem, replyText, ticketRef, type ReplyValues } from './reply'
export { extractEntities, extractHashtags, extractMentions, extractUrls, type Entity } from './entities'
export { storableText } from './storable'
