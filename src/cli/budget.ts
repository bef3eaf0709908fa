import { decideWork, type Work } from '../batch/work-limits.js';
import { UsageError } from './errors.js';

/**
 * Before a command runs branches: states its size on stderr when it is large, and refuses
 * (exit 2, nothing run) work over the budget unless --yes was given. Stdout stays for results.
 */
export function checkWork(work: Work, yes: boolean | undefined): void {
  const decision = decideWork(work, yes === true);
  if (decision.refusal !== undefined) throw new UsageError(decision.refusal);
  if (decision.announce !== undefined) process.stderr.write(`${decision.announce}\n`);
}
