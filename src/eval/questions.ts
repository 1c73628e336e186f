// Who-said-what question answering: `npm run eval -- questions [--json]`.
//
// - In-sample: tests/fixtures/questions-dev.json, the developers' own pairs over quotes-ar.json and the
//   BBC articles of quotes-en.json; the question rules and the glossary were tuned on them.
// - In-sample, set 2: tests/fixtures/questions-dev2.json, the developers' pairs (session 17) over the Arabic
//   dev sets quotes-ar-dev2/dev3.json and the English gold sets that are not held-out.
// - Seen: tests/fixtures/seen/questions.json over seen/quotes-ar.json and seen/quotes-en.json, the first
//   held-out pairs, measured once out of sample (37/70) and tuned on since: in-sample (seen/README.md).
// - Held-out: tests/fixtures/heldout/questions.json over heldout/quotes-ar.json and the articles of
//   heldout/quotes-en.json, written blind to the rules and never tuned on (see heldout/README.md).
//
// Each set's articles become briefs (buildBrief, as the bot loads files), one speaker registry holds them
// all, and each question goes through the bot's own path: parseQuestion, then whoSaid (or /who's lookup).
// Accuracy: the top answer's speaker is one of the accepted names. Distractors: the top answer's speaker
// is none of the not_speaker names. Quote: the top answer is the gold quote (30 % token overlap).
// Answerable: extraction found the gold quote with an accepted speaker, so a right answer was possible.
// Set QUESTIONS_EVAL_VERBOSE=1 to list the misses.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildBrief } from '../news/brief.ts';
import { words } from '../news/tokens.ts';
import { createSpeakerRegistry, type SpeakerRegistry } from '../news/quotes/registry.ts';
import { parseQuestion, whoSaid } from '../news/quotes/questions.ts';
import type { Quote } from '../news/quotes/types.ts';
import type { Brief, NewsDocument } from '../news/types.ts';
import { articleBody, heldoutFiles, speakerMatches } from './quotes.ts';

const FIXTURES = path.join(fileURLToPath(new URL('../../', import.meta.url)), 'tests/fixtures');

export interface QuestionItem {
  id: string;
  type: string;
  ask_lang: string;
  quote_lang: string;
  doc: string;
  ask: string;
  quote: string;
  expect_speaker: string[];
  not_speaker?: string[];
}

export interface QuestionScores {
  questions: number;
  correct: number;
  accuracy: number;
  quoteFound: number;
  /** Questions whose gold quote was extracted from its document with an accepted speaker: the ceiling extraction leaves. */
  answerable: number;
  /** Of those, answered right. */
  answerableCorrect: number;
  distractors: number;
  distractorsAvoided: number;
  byType: Record<string, { n: number; correct: number }>;
  misses: string[];
}

const DATE = new Date('2025-01-01T00:00:00Z');

function brief(id: string, title: string, text: string, lang: 'ar' | 'en'): Brief {
  const doc: NewsDocument = { id, file: id, title, text, date: DATE, lang, tags: [] };
  return buildBrief(doc, { summarySentences: 3 });
}

/** Briefs of a set's gold files: Arabic items (`{items: [{id, text, title?}]}`), and English `{docs: [{doc, text?, title?}]}`: a BBC article when there is no text. */
export function loadSetBriefs(...files: string[]): Brief[] {
  const briefs: Brief[] = [];
  for (const file of files) {
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { items?: { id: string; text: string; title?: string }[]; docs?: { doc: string; text?: string; title?: string }[] };
    for (const it of data.items ?? []) briefs.push(brief(it.id, it.title ?? '', it.text, 'ar'));
    briefs.push(...englishBriefs(data.docs ?? []));
  }
  return briefs;
}

function englishBriefs(docs: { doc: string; text?: string; title?: string }[]): Brief[] {
  const briefs: Brief[] = [];
  for (const d of docs) {
    // Articles written for a set carry their text; the others are BBC articles named by topic/number.
    if (d.text !== undefined) {
      briefs.push(brief(d.doc, d.title ?? '', d.text, 'en'));
      continue;
    }
    const raw = fs.readFileSync(path.join(FIXTURES, 'bbc-news-summary/article', `${d.doc}.txt`), 'utf8');
    briefs.push(brief(`bbc:${d.doc}`, raw.split('\n', 1)[0]!.trim(), articleBody(raw), 'en'));
  }
  return briefs;
}

/** The top answer the bot gives to a question: its quote, or undefined when it gives none. */
export function topAnswer(registry: SpeakerRegistry, ask: string): Quote | undefined {
  const slash = /^\/(who|whosaid)\s+(.+)$/su.exec(ask.trim());
  const q = slash ? (slash[1] === 'who' ? { kind: 'who' as const, name: slash[2]! } : { kind: 'whosaid' as const, words: slash[2]! }) : parseQuestion(ask);
  if (!q) return undefined;
  if (q.kind === 'who') return registry.quotesBy(q.name)[0]?.quote;
  return whoSaid(registry, q.words)[0]?.quote;
}

function sameQuote(got: string, gold: string): boolean {
  const a = words(got);
  const b = new Set(words(gold));
  if (a.length === 0 || b.size === 0) return false;
  const common = a.filter((w) => b.has(w)).length;
  return common / Math.max(a.length, b.size) >= 0.3;
}

export function scoreQuestions(briefs: Brief[], items: QuestionItem[]): QuestionScores {
  const registry = createSpeakerRegistry(briefs);
  const byDoc = new Map(briefs.map((b) => [b.doc.id, b]));
  const s: QuestionScores = { questions: 0, correct: 0, accuracy: 0, quoteFound: 0, answerable: 0, answerableCorrect: 0, distractors: 0, distractorsAvoided: 0, byType: {}, misses: [] };
  for (const item of items) {
    const top = topAnswer(registry, item.ask);
    const [first, ...rest] = item.expect_speaker;
    const ok = !!top && !!first && speakerMatches(top.speaker, { speaker: first, aliases: rest });
    const extracted = byDoc.get(item.doc)?.quotes.some((q) => sameQuote(q.text, item.quote) && !!first && speakerMatches(q.speaker, { speaker: first, aliases: rest }));
    if (extracted) {
      s.answerable++;
      if (ok) s.answerableCorrect++;
    }
    const t = (s.byType[`${item.type} ${item.ask_lang}→${item.quote_lang}`] ??= { n: 0, correct: 0 });
    t.n++;
    s.questions++;
    if (ok) {
      t.correct++;
      s.correct++;
    }
    if (top && sameQuote(top.text, item.quote)) s.quoteFound++;
    if (item.not_speaker?.length) {
      s.distractors++;
      const [n0, ...nRest] = item.not_speaker;
      if (!top || !speakerMatches(top.speaker, { speaker: n0!, aliases: nRest })) s.distractorsAvoided++;
      else s.misses.push(`${item.id} DISTRACTOR returned [${top.speaker.name}]`);
    }
    if (!ok) s.misses.push(`${item.id} ${item.type} ${item.ask_lang}→${item.quote_lang}: got [${top?.speaker.name ?? 'no answer'}] want [${first}] (${top?.text.slice(0, 60) ?? ''})`);
  }
  s.accuracy = s.questions ? Math.round((1000 * s.correct) / s.questions) / 10 : 0;
  return s;
}

function readItems(file: string): QuestionItem[] {
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { items: QuestionItem[] }).items;
}

export function evalDev(): QuestionScores {
  return scoreQuestions(loadSetBriefs(path.join(FIXTURES, 'quotes-ar.json'), path.join(FIXTURES, 'quotes-en.json')), readItems(path.join(FIXTURES, 'questions-dev.json')));
}

/** The second set of developers' pairs, over the Arabic dev sets and the English gold sets that are not held-out (in-sample). */
export function evalDev2(): QuestionScores {
  const briefs = loadSetBriefs(...['quotes-ar-dev2.json', 'quotes-ar-dev3.json', 'quotes-en.json', 'quotes-en-heldout.json', 'seen/quotes-en.json'].map((f) => path.join(FIXTURES, f)));
  return scoreQuestions(briefs, readItems(path.join(FIXTURES, 'questions-dev2.json')));
}

/** The third set of developers' pairs (session 18), over the Arabic dev sets 4 to 6 and the English gold set: measured once out of sample, then in-sample. */
export function evalDev3(): QuestionScores {
  const briefs = loadSetBriefs(...['quotes-ar-dev4.json', 'quotes-ar-dev5.json', 'quotes-ar-dev6.json', 'quotes-en.json'].map((f) => path.join(FIXTURES, f)));
  return scoreQuestions(briefs, readItems(path.join(FIXTURES, 'questions-dev3.json')));
}

/** The fourth set of developers' pairs (session 18), over the Arabic dev sets 7 and 8 and the English gold set: measured once out of sample, then in-sample. */
export function evalDev4(): QuestionScores {
  const briefs = loadSetBriefs(...['quotes-ar-dev7.json', 'quotes-ar-dev8.json', 'quotes-en.json'].map((f) => path.join(FIXTURES, f)));
  return scoreQuestions(briefs, readItems(path.join(FIXTURES, 'questions-dev4.json')));
}

/** The fifth set of developers' pairs (session 18): Arabic questions about the English dev sets 2 and 3, among the English gold sets and one Arabic set. */
export function evalDev5(): QuestionScores {
  const briefs = loadSetBriefs(...['quotes-en-dev2.json', 'quotes-en-dev3.json', 'quotes-en.json', 'quotes-ar-dev4.json'].map((f) => path.join(FIXTURES, f)));
  return scoreQuestions(briefs, readItems(path.join(FIXTURES, 'questions-dev5.json')));
}

/** The held-out pairs of earlier rounds, tuned on since (in-sample): every `questions*.json` of seen/ over every gold file there. */
export function evalSeen(): QuestionScores {
  const dir = path.join(FIXTURES, 'seen');
  const questions = fs.readdirSync(dir).filter((f) => /^questions.*\.json$/.test(f)).sort();
  return scoreQuestions(loadSetBriefs(...heldoutFiles(dir)), questions.flatMap((f) => readItems(path.join(dir, f))));
}

/** The held-out set: every `questions*.json` of the folder over every gold file there; never print or tune on its contents, only its figures. */
export function evalHeldout(): QuestionScores | undefined {
  const dir = path.join(FIXTURES, 'heldout');
  const questions = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /^questions.*\.json$/.test(f)).sort() : [];
  if (questions.length === 0) return undefined;
  return scoreQuestions(loadSetBriefs(...heldoutFiles(dir)), questions.flatMap((f) => readItems(path.join(dir, f))));
}

function line(label: string, s: QuestionScores): string {
  const types = Object.entries(s.byType)
    .map(([k, v]) => `${k} ${v.correct}/${v.n}`)
    .join(', ');
  return `${label.padEnd(22)} ${s.correct}/${s.questions} = ${s.accuracy.toFixed(1)} %; top answer is the gold quote ${s.quoteFound}/${s.questions}; distractors avoided ${s.distractorsAvoided}/${s.distractors}\n  gold quote extracted with an accepted speaker ${s.answerable}/${s.questions}, of which answered right ${s.answerableCorrect}\n  ${types}`;
}

export function runQuestionsEval(options: { json: boolean } = { json: false }): { dev: QuestionScores; dev2: QuestionScores; dev3: QuestionScores; dev4: QuestionScores; dev5: QuestionScores; seen: QuestionScores; heldout?: QuestionScores } {
  const dev = evalDev();
  const dev2 = evalDev2();
  const dev3 = evalDev3();
  const dev4 = evalDev4();
  const dev5 = evalDev5();
  const seen = evalSeen();
  const heldout = process.env.EVAL_NO_HELDOUT ? undefined : evalHeldout();
  console.log('who said what: questions (top answer\'s speaker accepted)');
  console.log(line('in-sample (dev pairs)', dev));
  console.log(line('in-sample (dev2 pairs)', dev2));
  console.log(line('in-sample (dev3 pairs)', dev3));
  console.log(line('in-sample (dev4 pairs)', dev4));
  console.log(line('in-sample (dev5 pairs)', dev5));
  console.log(line('in-sample (seen)', seen));
  if (heldout) console.log(line('held-out', heldout));
  // Held-out misses are never printed; in-sample ones are, on request.
  if (process.env.QUESTIONS_EVAL_VERBOSE) for (const m of [...dev.misses, ...dev2.misses, ...dev3.misses, ...dev4.misses, ...dev5.misses, ...seen.misses]) console.log(`  ${m}`);
  const result = { dev: { ...dev, misses: dev.misses.length }, dev2: { ...dev2, misses: dev2.misses.length }, dev3: { ...dev3, misses: dev3.misses.length }, dev4: { ...dev4, misses: dev4.misses.length }, dev5: { ...dev5, misses: dev5.misses.length }, seen: { ...seen, misses: seen.misses.length }, ...(heldout ? { heldout: { ...heldout, misses: heldout.misses.length } } : {}) };
  if (options.json) console.log(JSON.stringify(result));
  return { dev, dev2, dev3, dev4, dev5, seen, ...(heldout ? { heldout } : {}) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runQuestionsEval({ json: process.argv.includes('--json') });
}
