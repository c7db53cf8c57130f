/**
 * The directory's time zone, the one place it is named. Apart from tz.ts so that the start
 * page's formatters can name it without loading the offset tables.
 */
export const TIME_ZONE = 'Europe/Berlin';
