export { isListed, isLive as isAlive } from './offers';
