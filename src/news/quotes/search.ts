// The index behind "who said …?": one entry per quote holding the whole statement, the quote and the
// sentence around it (its cue sentence, with the speaker and the verb). Terms are normalized stems kept
// as integer ids in typed arrays, so 10,000 documents' quotes cost a few megabytes.

import { isStopword } from '../stopwords.ts';
import { stripProclitics, words } from '../tokens.ts';
import { wordForms } from './forms.ts';
import { skeleton } from './translit.ts';

const ARABIC = /[\u0600-\u06FF]/;

// A word met only in the sentence around a quote counts for less than one in the quote itself.
const CONTEXT_WEIGHT = 0.6;

/** One alternative way a question's word can appear: all its terms must be there. */
export interface Alternative {
  terms: string[];
  weight: number;
}

/** One word (or phrase) of a question with every form it may take in a statement. */
export interface Concept {
  alts: Alternative[];
}

export interface StatementHit {
  statement: number;
  /** Share of the question's weight the statement holds, 0..1. */
  score: number;
}

/** Content words of a text (normalized, stopwords out). */
export function contentWords(text: string): string[] {
  return words(text).filter((w) => !isStopword(w) && !isStopword(stripProclitics(w)) && (w.length > 1 || /\d/.test(w)));
}

export class StatementIndex {
  private readonly vocab = new Map<string, number>();
  private readonly postings: Uint32Array[] = [];
  private readonly count: number;
  private skeletons: Map<string, string[]> | undefined;

  /** Statements in order: the quote's text and the text around it. */
  constructor(statements: Iterable<{ quote: string; context: string }>) {
    const lists: number[][] = [];
    let n = 0;
    for (const st of statements) {
      const inQuote = new Set<number>();
      for (const w of contentWords(st.quote)) for (const f of wordForms(w)) inQuote.add(this.id(f, lists));
      const around = new Set<number>();
      for (const w of contentWords(st.context)) for (const f of wordForms(w)) {
        const id = this.id(f, lists);
        if (!inQuote.has(id)) around.add(id);
      }
      for (const id of inQuote) lists[id]!.push(n * 2 + 1);
      for (const id of around) lists[id]!.push(n * 2);
      n++;
    }
    this.count = n;
    for (const l of lists) this.postings.push(Uint32Array.from(l));
  }

  private id(term: string, lists: number[][]): number {
    let id = this.vocab.get(term);
    if (id === undefined) {
      id = lists.length;
      this.vocab.set(term, id);
      lists.push([]);
    }
    return id;
  }

  get size(): number {
    return this.count;
  }

  /** Statements holding a term: statement id → 1 when in the quote, CONTEXT_WEIGHT when only around it. */
  private where(term: string): Map<number, number> | undefined {
    const id = this.vocab.get(term);
    if (id === undefined) return undefined;
    const out = new Map<number, number>();
    for (const p of this.postings[id]!) out.set(p >>> 1, p & 1 ? 1 : CONTEXT_WEIGHT);
    return out;
  }

  private df(term: string): number {
    const id = this.vocab.get(term);
    return id === undefined ? 0 : this.postings[id]!.length;
  }

  /** Statements holding every term of an alternative, with the weaker of its places. */
  private whereAll(terms: string[]): Map<number, number> | undefined {
    let acc: Map<number, number> | undefined;
    for (const t of [...terms].sort((a, b) => this.df(a) - this.df(b))) {
      const m = this.where(t);
      if (!m) return undefined;
      if (!acc) acc = m;
      else {
        const next = new Map<number, number>();
        for (const [s, v] of acc) {
          const u = m.get(s);
          if (u !== undefined) next.set(s, Math.min(v, u));
        }
        acc = next;
      }
      if (acc.size === 0) return undefined;
    }
    return acc;
  }

  private idf(df: number): number {
    return Math.log(1 + (this.count - df + 0.5) / (df + 0.5));
  }

  /** Index terms in one script whose transliteration skeleton is this one (names across scripts). */
  termsBySkeleton(sk: string, arabic: boolean): string[] {
    if (!this.skeletons) {
      this.skeletons = new Map();
      for (const term of this.vocab.keys()) {
        if (term.startsWith('~') || term.length < 3) continue;
        const s = skeleton(term);
        if (s.length < 3) continue;
        const k = `${ARABIC.test(term) ? 'a' : 'l'}${s}`;
        const list = this.skeletons.get(k) ?? [];
        list.push(term);
        this.skeletons.set(k, list);
      }
    }
    return this.skeletons.get(`${arabic ? 'a' : 'l'}${sk}`) ?? [];
  }

  /**
   * Ranks statements by the idf-weighted share of the question's concepts they hold: a rare content word
   * counts for more than a common one, a word in the quote for more than one only around it.
   */
  search(concepts: Concept[]): StatementHit[] {
    if (concepts.length === 0 || this.count === 0) return [];
    const total = new Map<number, number>();
    let mass = 0;
    for (const c of concepts) {
      const found = c.alts.map((a) => ({ a, where: this.whereAll(a.terms) }));
      const df = Math.max(0, ...found.map((f) => f.where?.size ?? 0));
      const w = this.idf(df);
      mass += w;
      const best = new Map<number, number>();
      for (const { a, where } of found) {
        if (!where) continue;
        for (const [s, place] of where) {
          const v = a.weight * place;
          if (v > (best.get(s) ?? 0)) best.set(s, v);
        }
      }
      for (const [s, v] of best) total.set(s, (total.get(s) ?? 0) + w * v);
    }
    if (mass === 0) return [];
    const hits: StatementHit[] = [];
    for (const [statement, v] of total) hits.push({ statement, score: v / mass });
    return hits.sort((a, b) => b.score - a.score || a.statement - b.statement);
  }
}
