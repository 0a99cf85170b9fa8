/** The browser tests' web server: the built console and the local stack, invalidations fast. */
import { E2E_PORTS } from '../tests/ports';
import { startLocalConsole } from './local-console';

const local = await startLocalConsole({
	completeAfterMs: 3000,
	consolePort: E2E_PORTS.console,
	stackPorts: E2E_PORTS.stack
});
console.log(`e2e server ready at ${local.consoleUrl}`);
const stop = () => void local.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
