/*
 * `yarn bench` (root: `yarn bench:backend`): see runBench.ts.
 */
require('./runBench');
