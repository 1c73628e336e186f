// Entry point of `npm run eval`: `npm run eval -- <name> [--json]`; with no name, every eval runs.
// Add an eval by adding an entry to EVALS.

import { pathToFileURL } from 'node:url';
import { runQuestionsEval } from './questions.ts';
import { runQuotesEval } from './quotes-run.ts';
import { runSearchEval } from './search.ts';
import { runStoriesEval } from './stories.ts';
import { runSummaryEval } from './summary.ts';
import { runSummaryLearn } from './summary-learn.ts';

export interface EvalOptions {
  json: boolean;
  /** With `summary`: learn the summarizer's model from the tuning half instead of scoring. */
  learn?: boolean;
}

export const EVALS: Record<string, (options: EvalOptions) => unknown> = {
  summary: (options) => (options.learn ? runSummaryLearn() : runSummaryEval(options)),
  quotes: runQuotesEval,
  questions: runQuestionsEval,
  search: runSearchEval,
  stories: runStoriesEval,
};

export async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const learn = argv.includes('--learn');
  const names = argv.filter((a) => !a.startsWith('--'));
  const unknown = names.filter((n) => !(n in EVALS));
  if (unknown.length > 0) {
    console.error(`Unknown eval: ${unknown.join(', ')}. Known: ${Object.keys(EVALS).join(', ')}`);
    return 2;
  }
  for (const name of names.length > 0 ? names : Object.keys(EVALS)) await EVALS[name]!({ json, learn });
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
