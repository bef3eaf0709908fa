import { BRANCH_SEARCH_LIMIT, branchesToSearch, compile, EXITS, findBranch, traceBranch } from '../../engine/index.js';
import { OUTCOMES } from '../../model/outcome.js';
import { integer } from '../../report/format.js';
import { tellStory, storyText } from '../../analysis/explain/story.js';
import { UsageError } from '../errors.js';
import { loadForCommand } from '../load.js';
import { emit, terminalColumns } from '../output.js';
import type { ExplainFlags } from './explain.options.js';

/** `article10 explain`: one branch told as a story, with the rules that fired and their sources. */
export async function explainCommand(file: string, flags: ExplainFlags): Promise<void> {
  const loaded = await loadForCommand(file, flags.set);
  const model = compile(loaded.scenario);
  let branch = flags.branch;
  if (flags.outcome !== undefined) {
    const wanted = flags.outcome;
    if (!(OUTCOMES as readonly string[]).includes(wanted)) throw new UsageError(`--outcome must be one of ${OUTCOMES.join(', ')}; got "${wanted}"`);
    const from = branch ?? 0;
    const found = findBranch(model, flags.seed, (exit) => EXITS.find((e) => e.exit === exit)?.outcome === wanted, from);
    if (found === undefined) {
      const searched = branchesToSearch(from);
      const last = searched < BRANCH_SEARCH_LIMIT ? ` (${integer(from + searched - 1)} is the last branch number)` : '';
      throw new UsageError(`no branch ending "${wanted}" among the ${integer(searched)} from ${from} with seed ${flags.seed}${last}`, 1);
    }
    branch = found;
  }
  if (branch === undefined) throw new UsageError('say which branch: --branch K, or --outcome <outcome> to find one');
  const story = tellStory(model, flags.seed, traceBranch(model, flags.seed, branch));
  await emit(flags.json ? JSON.stringify({ scenario: loaded.scenario.id, seed: flags.seed, branch, ...story }, null, 2) + '\n' : storyText(story, { width: terminalColumns(flags.out) }), flags.out);
}
