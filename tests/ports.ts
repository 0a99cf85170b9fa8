/**
 * Ports of one browser-test worker. Each Playwright worker runs its own local stack and console
 * (TEST_PARALLEL_INDEX tells them apart), and PORT_OFFSET shifts every port, so several checkouts
 * on one machine can run their browser tests at once without meeting each other's stack.
 * https://playwright.dev/docs/test-parallel#worker-index-and-parallel-index
 */
import { DEFAULT_PORTS } from '../local-stack/constants';

/** Ports between one worker's listeners and the next one's. */
const WORKER_STRIDE = 20;

const offset =
	Number(process.env.PORT_OFFSET ?? 0) +
	WORKER_STRIDE * Number(process.env.TEST_PARALLEL_INDEX ?? 0);

export const E2E_PORTS = {
	console: 4173 + offset,
	stack: {
		auth: DEFAULT_PORTS.auth + offset,
		identity: DEFAULT_PORTS.identity + offset,
		cloudfront: DEFAULT_PORTS.cloudfront + offset
	}
};
