import { issueLine, loadScenarioFile, problemCount } from '../../scenario/load.js';
import { bundledScenariosDir } from '../../io/paths.js';
import { nameOnOneLine } from '../../model/unsafe-characters.js';
import { ExitCode } from '../errors.js';
import { bareNameHint, expandFolders, resolveScenarioPath } from '../load.js';
import { printToStderr, printToStdout } from '../output.js';
import type { ValidateFlags } from './validate.options.js';

/** `article10 validate`: checks every file, reports every problem, exit 2 if any. */
export async function validateCommand(files: readonly string[], flags: ValidateFlags): Promise<number> {
  const reports = [];
  for (const file of await expandFolders(files)) {
    const result = await loadScenarioFile(resolveScenarioPath(file), { sets: flags.set, bundledDir: bundledScenariosDir() });
    reports.push(result.ok ? { file, ok: true, warnings: result.value.warnings, issues: [] } : { file, ok: false, warnings: [], issues: result.issues });
  }
  if (flags.json) await printToStdout(JSON.stringify(reports, null, 2) + '\n');
  else {
    for (const r of reports) {
      if (r.ok) {
        await printToStdout([`ok  ${nameOnOneLine(r.file)}\n`, ...r.warnings.map((w) => `    warning: ${w}\n`)].join(''));
      } else {
        const n = problemCount(r.issues);
        printToStderr(r.issues.map(issueLine).join('\n') + '\n');
        printToStderr(`bad ${nameOnOneLine(r.file)}: ${n} problem${n === 1 ? '' : 's'}\n`);
        const hint = bareNameHint(r.file, r.issues);
        if (hint !== undefined) printToStderr(`${hint}\n`);
      }
    }
  }
  return reports.every((r) => r.ok) ? ExitCode.ok : ExitCode.usage;
}
