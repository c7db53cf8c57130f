/** The search store's names for the rules of db/offers.ts. */
export { isListed, isLive as isAlive } from './offers';
