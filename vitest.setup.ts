import fc from 'fast-check';
import { inject } from 'vitest';

// Every property test in every file runs from the same printed seed (vitest.global-setup.ts).
fc.configureGlobal({ seed: inject('fastCheckSeed') });
