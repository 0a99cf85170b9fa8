import type { TestProject } from 'vitest/node';

declare module 'vitest' {
	export interface ProvidedContext {
		fastCheckSeed: number;
	}
}

/**
 * One fixed fast-check seed for the whole run, printed so a failure can be replayed. Override it
 * with FC_SEED=<n> to explore other cases; a failure prints its own seed and path as well.
 */
export default function setup(project: TestProject) {
	const seed = Number(process.env.FC_SEED ?? 20261130);
	if (!Number.isSafeInteger(seed))
		throw new Error(`FC_SEED must be an integer, got ${process.env.FC_SEED}`);
	console.log(`fast-check seed: ${seed} (FC_SEED=${seed} npx vitest run … replays it)`);
	project.provide('fastCheckSeed', seed);
}
