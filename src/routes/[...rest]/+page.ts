// Any other address under the console: answered by the SPA itself. Without this route, kit would
// hand an unknown path to the server with a full page load, which (tokens being in memory) means
// another sign-in, which would land on the same unknown path again.
export const prerender = false;
