import type { PageLoad } from './$types';

// One URL per distribution, bookmarkable; rendered from the SPA fallback, never prerendered.
export const prerender = false;

export const load: PageLoad = ({ params }) => ({ id: params.id });
