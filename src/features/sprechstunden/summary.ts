/**
 * The Foundation's schedule wording, now from the recurrence engine (src/schedule), so
 * every screen reads a schedule the same way.
 */
export { describeExtras, describeRhythm, describeTime } from '../../schedule';
