/** `npm start`: the built console against the local stack, with demo data. */
import { DEMO_PASSWORD } from '../local-stack/constants';
import { DEMO_USERS } from '../local-stack/users';
import { startLocalConsole } from './local-console';

const local = await startLocalConsole({
	completeAfterMs: Number(process.env.STACK_COMPLETE_AFTER_MS ?? 20_000)
});
console.log(`
CloudFront purge console (local stack, demo data)

  Open ${local.consoleUrl}

  Sign in as (password for all: ${DEMO_PASSWORD}):
${DEMO_USERS.map((u) => `    ${u.email.padEnd(19)} ${u.description}`).join('\n')}

  Local stack: sign-in ${local.stack.urls.auth}, identity ${local.stack.urls.identity}, CloudFront ${local.stack.urls.cloudfront}
  Ctrl+C stops both.
`);
const stop = () => void local.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
