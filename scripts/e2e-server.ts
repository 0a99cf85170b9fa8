/** The browser tests' web server: the built console and the local stack, invalidations fast. */
import { startLocalConsole } from './local-console';

const local = await startLocalConsole({ completeAfterMs: 3000 });
console.log(`e2e server ready at ${local.consoleUrl}`);
const stop = () => void local.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
