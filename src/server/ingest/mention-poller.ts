// Superseded by sources/mentions.ts (driven by the IngestionSupervisor); kept so older
// imports of toIncomingTweet keep working.
export { toIncomingTweet } from './tweets'
