// "Who said …?" over a set of briefs: one statement per quote (the quote and the sentences it spans,
// its cue sentence among them), indexed on the first question, and the question's concepts ranked
// against them (search.ts, concepts.ts).

import type { Brief, NewsDocument } from '../types.ts';
import { questionConcepts } from './concepts.ts';
import type { Gazetteer } from './gazetteer.ts';
import { defaultGlossary, type Glossary } from './glossary.ts';
import { rankStatements, StatementIndex } from './search.ts';
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

/** An article's title and first sentence: the event a question may name without the words around a quote. */
export function articleLead(b: Brief): string {
  return `${b.doc.title} ${b.sentences[0]?.text ?? ''}`.slice(0, MAX_CONTEXT);
}

interface Part {
  index: StatementIndex;
  /** The quote of each statement; undefined once its document is removed. */
  refs: ({ quote: Quote; doc: NewsDocument } | undefined)[];
}

export interface StatementSearch {
  /** Statements matching a question, best first. */
  search(question: string, limit?: number): StatementHit[];
  add(briefs: readonly Brief[]): void;
  remove(ids: readonly string[]): void;
}

// Documents added later go into small parts of their own; past this many parts, or this share of
// removed statements, the next question rebuilds one index over every document.
const MAX_PARTS = 8;
const MAX_DEAD_SHARE = 0.25;

function buildPart(briefs: Iterable<Brief>): Part {
  const refs: Part['refs'] = [];
  const texts = function* (): Generator<{ quote: string; context: string; lead: string }> {
    for (const b of briefs) {
      let lead: string | undefined;
      for (const q of b.quotes) {
        if (!q.speaker.name) continue;
        refs.push({ quote: q, doc: b.doc });
        lead ??= articleLead(b);
        yield { quote: q.text, context: statementContext(b, q), lead };
      }
    }
  };
  return { index: new StatementIndex(texts()), refs };
}

/**
 * A search over the quotes (with a speaker) of a changing set of briefs. Nothing is indexed until the
 * first question; documents added after it are indexed at the next question, in a part of their own.
 */
export function createStatementSearch(initial: readonly Brief[], gazetteer: Gazetteer, glossary?: Glossary): StatementSearch {
  const briefs = new Map<string, Brief>(initial.map((b) => [b.doc.id, b]));
  let parts: Part[] | undefined;
  let pending: Brief[] = [];
  let dead = 0;

  const current = (): Part[] => {
    const total = parts?.reduce((n, p) => n + p.refs.length, 0) ?? 0;
    if (!parts || parts.length >= MAX_PARTS || dead > total * MAX_DEAD_SHARE) {
      parts = [buildPart(briefs.values())];
      pending = [];
      dead = 0;
    } else if (pending.length) {
      parts.push(buildPart(pending));
      pending = [];
    }
    return parts;
  };

  return {
    search(question, limit = 20) {
      const ps = current();
      const concepts = questionConcepts(question, ps, glossary ?? defaultGlossary(), gazetteer);
      const found = rankStatements(ps.map((p) => p.index), concepts);
      const floor = concepts.length <= 1 ? MIN_SHARE_ONE_WORD : MIN_SHARE;
      const relative = (found[0]?.score ?? 0) * RELATIVE_SHARE;
      const hits: StatementHit[] = [];
      for (const h of found) {
        if (h.score < relative || hits.length >= limit) break;
        if (h.share < floor) continue;
        const ref = ps[h.part]!.refs[h.statement];
        if (ref) hits.push({ ...ref, score: h.score });
      }
      return hits.sort((a, b) => b.score - a.score || b.doc.date.getTime() - a.doc.date.getTime());
    },
    add(added) {
      for (const b of added) briefs.set(b.doc.id, b);
      if (parts) pending.push(...added);
    },
    remove(ids) {
      const gone = new Set(ids.filter((id) => briefs.delete(id)));
      if (gone.size === 0) return;
      pending = pending.filter((b) => !gone.has(b.doc.id));
      for (const p of parts ?? []) {
        p.refs.forEach((r, i) => {
          if (r && gone.has(r.doc.id)) {
            p.refs[i] = undefined;
            dead++;
          }
        });
      }
    },
  };
}
