/**
 * Ports of one browser-test run. PORT_OFFSET shifts them all, so several checkouts on one machine
 * can run their browser tests at once without meeting each other's stack.
 */
import { DEFAULT_PORTS } from '../local-stack/constants';

const offset = Number(process.env.PORT_OFFSET ?? 0);

export const E2E_PORTS = {
	console: 4173 + offset,
	stack: {
		auth: DEFAULT_PORTS.auth + offset,
		identity: DEFAULT_PORTS.identity + offset,
		cloudfront: DEFAULT_PORTS.cloudfront + offset
	}
};
