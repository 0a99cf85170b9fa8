/** `npm start`: the built console against the local stack, with demo data. */
import { startLocalConsole } from './local-console';

const local = await startLocalConsole({
	completeAfterMs: Number(process.env.STACK_COMPLETE_AFTER_MS ?? 20_000)
});
console.log(`
CloudFront purge console (local stack, demo data)

  Open ${local.consoleUrl}

  Sign in as (password for all: demo-password):
    alice@example.com  operator: may purge E1LOCALWWW0001 and E2LOCALSHOP001
    bob@example.com    operator of another team: may purge E3LOCALDATA001 only
    vera@example.com   viewer: may read all three, purge none
    nora@example.com   in no group: the identity pool gives her no role

  Local stack: sign-in ${local.stack.urls.auth}, identity ${local.stack.urls.identity}, CloudFront ${local.stack.urls.cloudfront}
  Ctrl+C stops both.
`);
const stop = () => void local.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
