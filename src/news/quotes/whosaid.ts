// "Who said …?" over a set of briefs: one statement per quote (the quote and the sentences it spans,
// its cue sentence among them), indexed on the first question, and the question's concepts ranked
// against them (search.ts, concepts.ts).

import type { Brief, NewsDocument } from '../types.ts';
import { questionConcepts } from './concepts.ts';
import type { Gazetteer } from './gazetteer.ts';
import { defaultGlossary, type Glossary } from './glossary.ts';
import { StatementIndex } from './search.ts';
import type { Quote } from './types.ts';

export interface StatementHit {
  quote: Quote;
  doc: NewsDocument;
  score: number;
}

// Below this share of a question's weight a statement is not an answer (a translated question keeps
// only part of its words), nor below this share of the best answer's score.
const MIN_SHARE = 0.12;
const RELATIVE_SHARE = 0.5;
// A single-word question must find its word.
const MIN_SHARE_ONE_WORD = 0.5;
const MAX_CONTEXT = 1500;

/**
 * The text around a quote that makes its whole statement: the rest of the sentences it spans, its cue
 * sentence among them (the quote itself is left out: it is indexed on its own).
 */
export function statementContext(b: Brief, q: Quote): string {
  let from = -1;
  let to = -1;
  b.sentences.forEach((s, i) => {
    if (s.end > q.start && s.start < q.end) {
      if (from < 0) from = i;
      to = i;
    }
  });
  if (from < 0) return '';
  // A quotation that opens its sentence after "X said:" has its cue in the sentence before.
  const prev = b.sentences[from - 1];
  if (prev && /[:：]\s*$/u.test(prev.text) && b.sentences[from]!.start >= q.start - 2) from--;
  const start = Math.max(b.sentences[from]!.start, q.start - MAX_CONTEXT);
  const end = Math.min(b.sentences[to]!.end, q.end + MAX_CONTEXT);
  return `${b.doc.text.slice(start, Math.max(start, q.start))} ${b.doc.text.slice(Math.min(end, q.end), end)}`;
}

/** A search over the quotes of these briefs that have a speaker; the index is built on the first call. */
export function createStatementSearch(briefs: Brief[], gazetteer: Gazetteer, glossary?: Glossary): (question: string, limit?: number) => StatementHit[] {
  let built: { index: StatementIndex; refs: { quote: Quote; doc: NewsDocument }[] } | undefined;
  const build = (): NonNullable<typeof built> => {
    const refs: { quote: Quote; doc: NewsDocument }[] = [];
    const texts = function* (): Generator<{ quote: string; context: string }> {
      for (const b of briefs) {
        for (const q of b.quotes) {
          if (!q.speaker.name) continue;
          refs.push({ quote: q, doc: b.doc });
          yield { quote: q.text, context: statementContext(b, q) };
        }
      }
    };
    return { index: new StatementIndex(texts()), refs };
  };
  return (question, limit = 20) => {
    built ??= build();
    const { index, refs } = built;
    const concepts = questionConcepts(question, index, glossary ?? defaultGlossary(), gazetteer);
    const found = index.search(concepts);
    const floor = Math.max(concepts.length <= 1 ? MIN_SHARE_ONE_WORD : MIN_SHARE, (found[0]?.score ?? 0) * RELATIVE_SHARE);
    const hits: StatementHit[] = [];
    for (const h of found) {
      if (h.score < floor) break;
      hits.push({ ...refs[h.statement]!, score: h.score });
    }
    hits.sort((a, b) => b.score - a.score || b.doc.date.getTime() - a.doc.date.getTime());
    return hits.slice(0, limit);
  };
}
