/** How many invalidations the purge page lists (its first read starts with the page's load). */
export const RECENT_COUNT = 10;
