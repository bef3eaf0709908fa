/**
 * The engine: compile.ts turns a scenario into flat arrays (model.ts); walk/ is the procedure,
 * one branch year by year (branch.ts: will to apply → preparation → unanimous invitation by the
 * Council → ratification by each member); accelerators/ holds what makes it sooner and changes no
 * number (quiet skipping, idle branches walked in blocks); simulate.ts runs ranges of branches
 * into a tally (tally.ts). Codes and their labels are declared once each, in codes.ts.
 */
export { compile } from './compile.js';
export { simulate, simulateRange } from './simulate.js';
export { walkedModel } from './walked-model.js';
export { summarize, type SummaryMeta } from './summarize.js';
export { emptyTally, mergeInto, tallyShape, type Tally } from './tally.js';
export { CHUNK_SIZE, branchKey } from './rng.js';
export type { Accelerators, CompiledModel } from './model.js';
export { wilson } from './stats.js';
export { traceBranch, findBranch, type BranchTrace, type SampledValue } from './explain.js';
export { BRANCH_SEARCH_LIMIT, branchesToSearch, LAST_BRANCH, parseBranchNumber } from './branch-search.js';
export type { TraceEntry } from './walk/trace.js';
export { describeReason, describeActor } from './reasons.js';
export { EXIT_HAS_OBJECTORS, EXITS } from './codes.js';
export { emptyPairedTally, mergePairedInto, simulatePairedRange, type PairedTally } from './paired.js';
