// The index behind "who said …?": one entry per quote holding the whole statement, the quote and the
// sentence around it (its cue sentence, with the speaker and the verb). Terms are normalized stems kept
// as integer ids in one typed posting list (CSR: offsets and postings), so 10,000 documents' quotes
// cost a few megabytes, and a question scores into typed arrays rather than maps.

import { isStopword } from '../stopwords.ts';
import { stripProclitics, words } from '../tokens.ts';
import { wordForms } from './forms.ts';
import { skeleton } from './translit.ts';

const ARABIC = /[\u0600-\u06FF]/;

// A word met only in the sentence around a quote counts for less than one in the quote itself, and one
// met only in its article's lead (title and first sentence: the event a question may name) for less still.
const CONTEXT_WEIGHT = 0.6;
const LEAD_WEIGHT = 0.3;
// Where a term is met, two bits of each posting: the quote, the sentence around it, the article's lead.
const QUOTE = 2;
const AROUND = 1;
const LEAD = 0;
const PLACE_WEIGHT = [LEAD_WEIGHT, CONTEXT_WEIGHT, 1];
// Share of a statement's score that depends on how much of its quote the question covers: of two
// statements holding as much of the question, the one saying little else is the one asked about (an
// announcement sharing a few words with the question says much else).
const COVERAGE_WEIGHT = 0.3;
// A question's word with no form in a statement's script (a word the glossary lacks, asked about a quote
// in the other language) counts for this share of its weight there: the statement may well say it in a
// word we cannot read, so it neither counts in full against it nor drops out (one translated word alone
// would then make a full match).
const UNREADABLE_WEIGHT = 0.5;

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
  share: number;
  /** The share, weighed by how much of the quote's own words the question covers: the ranking score, 0..1. */
  score: number;
}

/** Content words of a text (normalized, stopwords out). */
export function contentWords(text: string): string[] {
  return words(text).filter((w) => !isStopword(w) && !isStopword(stripProclitics(w)) && (w.length > 1 || /\d/.test(w)));
}

/** A growable list of numbers in a typed array, while the index is built. */
class Numbers {
  data = new Uint32Array(1 << 16);
  length = 0;

  push(n: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(Math.ceil(this.data.length * 1.5));
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = n;
  }
}

export class StatementIndex {
  private readonly vocab = new Map<string, number>();
  /** Postings of term t: postings[offsets[t] .. offsets[t + 1]), each statement * 4 + where it is met. */
  private readonly offsets: Uint32Array;
  private readonly postings: Uint32Array;
  private readonly count: number;
  /** Distinct content words of each statement's quote. */
  private readonly quoteWords: Uint16Array;
  /** 1 where a statement's quote is in Arabic script. */
  private readonly arabic: Uint8Array;
  private skeletons: Map<string, string[]> | undefined;

  /** Statements in order: the quote's text, the text around it (without the quote), its article's lead. */
  constructor(statements: Iterable<{ quote: string; context: string; lead?: string }>) {
    // Each statement's terms, as term * 4 + where it is met, and where each statement ends.
    const terms = new Numbers();
    const ends = new Numbers();
    const quoteWords = new Numbers();
    const arabic = new Numbers();
    // Term ids of each distinct word, for the build only.
    const formIds = new Map<string, number[]>();
    const idsOf = (w: string): number[] => {
      let ids = formIds.get(w);
      if (!ids) {
        const [s, loose] = wordForms(w);
        ids = loose === `~${s}` ? [this.id(s)] : [this.id(s), this.id(loose)];
        formIds.set(w, ids);
      }
      return ids;
    };
    let lastLead: string | undefined;
    let leadIds = new Set<number>();
    for (const st of statements) {
      const inQuote = new Set<number>();
      const qw = new Set(contentWords(st.quote));
      quoteWords.push(Math.min(qw.size, 0xffff));
      arabic.push(ARABIC.test(st.quote) ? 1 : 0);
      for (const w of qw) for (const id of idsOf(w)) inQuote.add(id);
      const around = new Set<number>();
      for (const w of contentWords(st.context)) for (const id of idsOf(w)) if (!inQuote.has(id)) around.add(id);
      // The statements of one article come in a row and share its lead: its words are read once.
      if (st.lead !== lastLead) {
        lastLead = st.lead;
        leadIds = new Set(contentWords(st.lead ?? '').flatMap(idsOf));
      }
      const lead = new Set<number>();
      for (const id of leadIds) if (!inQuote.has(id) && !around.has(id)) lead.add(id);
      for (const id of inQuote) terms.push(id * 4 + QUOTE);
      for (const id of around) terms.push(id * 4 + AROUND);
      for (const id of lead) terms.push(id * 4 + LEAD);
      ends.push(terms.length);
    }
    this.count = ends.length;
    this.quoteWords = Uint16Array.from(quoteWords.data.subarray(0, quoteWords.length));
    this.arabic = Uint8Array.from(arabic.data.subarray(0, arabic.length));
    this.offsets = new Uint32Array(this.vocab.size + 1);
    for (let i = 0; i < terms.length; i++) this.offsets[(terms.data[i]! >>> 2) + 1]!++;
    for (let t = 0; t < this.vocab.size; t++) this.offsets[t + 1]! += this.offsets[t]!;
    this.postings = new Uint32Array(terms.length);
    const fill = this.offsets.slice(0, this.vocab.size);
    let statement = 0;
    for (let i = 0; i < terms.length; i++) {
      while (i >= ends.data[statement]!) statement++;
      const t = terms.data[i]!;
      this.postings[fill[t >>> 2]!++] = statement * 4 + (t & 3);
    }
  }

  private id(term: string): number {
    let id = this.vocab.get(term);
    if (id === undefined) {
      id = this.vocab.size;
      this.vocab.set(term, id);
    }
    return id;
  }

  get size(): number {
    return this.count;
  }

  /**
   * Calls back for each statement holding a term, with the weight of where it is met (PLACE_WEIGHT) when
   * only around it. A loose form (~x) also finds the words whose stem is x: those were indexed once.
   */
  private each(term: string, fn: (statement: number, place: number) => void): void {
    for (const t of term.startsWith('~') ? [term, term.slice(1)] : [term]) {
      const id = this.vocab.get(t);
      if (id === undefined) continue;
      for (let i = this.offsets[id]!; i < this.offsets[id + 1]!; i++) {
        const p = this.postings[i]!;
        fn(p >>> 2, PLACE_WEIGHT[p & 3]!);
      }
    }
  }

  private df(term: string): number {
    let n = 0;
    for (const t of term.startsWith('~') ? [term, term.slice(1)] : [term]) {
      const id = this.vocab.get(t);
      if (id !== undefined) n += this.offsets[id + 1]! - this.offsets[id]!;
    }
    return n;
  }

  /** Statements holding every term of an alternative, with the weaker of its places. */
  private whereAll(terms: string[]): Map<number, number> {
    let acc: Map<number, number> | undefined;
    for (const t of [...terms].sort((a, b) => this.df(a) - this.df(b))) {
      const next = new Map<number, number>();
      this.each(t, (s, place) => {
        if (acc && !acc.has(s)) return;
        const v = Math.min(place, acc?.get(s) ?? 1);
        if (v > (next.get(s) ?? 0)) next.set(s, v);
      });
      acc = next;
      if (acc.size === 0) break;
    }
    return acc ?? new Map();
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

  /** Per-question accumulators over this index's statements. */
  begin(): Scoring {
    const n = this.count;
    return { total: new Float32Array(n), best: new Float32Array(n), quoted: new Uint8Array(n), covered: new Uint16Array(n), scored: [], touched: [] };
  }

  /** Share of a statement's quote words the question covered, 0..1 (1 for a quote without content words). */
  coverage(statement: number, sc: Scoring): number {
    const n = this.quoteWords[statement] ?? 0;
    return n === 0 ? 1 : Math.min(1, sc.covered[statement]! / n);
  }

  /** True when a statement's quote is in Arabic script. */
  isArabic(statement: number): boolean {
    return this.arabic[statement] === 1;
  }

  /** Marks each statement's best value for one concept (alternative weight × place); returns its df here. */
  mark(c: Concept, sc: Scoring): number {
    let df = 0;
    for (const a of c.alts) {
      let hits = 0;
      const take = (s: number, place: number): void => {
        // A word of an article's lead is met by each of its statements: its rarity is counted on the others.
        if (place > LEAD_WEIGHT) hits++;
        // The quote words this concept covers: as many as the alternative's terms.
        if (place === 1 && a.terms.length > sc.quoted[s]!) sc.quoted[s] = Math.min(a.terms.length, 255);
        const v = a.weight * place;
        if (v > sc.best[s]!) {
          if (sc.best[s] === 0) sc.touched.push(s);
          sc.best[s] = v;
        }
      };
      if (a.terms.length === 1) this.each(a.terms[0]!, take);
      else for (const [s, place] of this.whereAll(a.terms)) take(s, place);
      df = Math.max(df, hits);
    }
    return df;
  }
}

export interface Scoring {
  total: Float32Array;
  best: Float32Array;
  /** Quote words the current concept covers in each statement, then their sum over the concepts. */
  quoted: Uint8Array;
  covered: Uint16Array;
  scored: number[];
  touched: number[];
}

/** Adds the marked values of a concept, times its weight, to the totals. */
function commit(sc: Scoring, w: number): void {
  for (const s of sc.touched) {
    if (sc.total[s] === 0) sc.scored.push(s);
    sc.total[s]! += w * sc.best[s]!;
    sc.best[s] = 0;
    sc.covered[s]! += sc.quoted[s]!;
    sc.quoted[s] = 0;
  }
  sc.touched.length = 0;
}

export interface RankedStatement extends StatementHit {
  /** Which of the indexes searched together holds it. */
  part: number;
}

/**
 * Ranks the statements of one or more indexes (parts of one collection) by the idf-weighted share of the
 * question's concepts they hold (a rare content word counts for more than a common one, a word in the
 * quote for more than one only around it), weighed by how much of the quote the question covers.
 */
export function rankStatements(parts: readonly StatementIndex[], concepts: Concept[]): RankedStatement[] {
  const count = parts.reduce((n, p) => n + p.size, 0);
  if (concepts.length === 0 || count === 0) return [];
  const scorings = parts.map((p) => p.begin());
  // The question's weight as statements in Arabic script and in Latin script can hold it.
  const mass = { ar: 0, en: 0 };
  for (const c of concepts) {
    const df = parts.reduce((n, p, i) => n + p.mark(c, scorings[i]!), 0);
    const w = Math.log(1 + (count - df + 0.5) / (df + 0.5));
    const scripts = conceptScripts(c);
    mass.ar += scripts.ar ? w : w * UNREADABLE_WEIGHT;
    mass.en += scripts.en ? w : w * UNREADABLE_WEIGHT;
    for (const sc of scorings) commit(sc, w);
  }
  if (mass.ar === 0 || mass.en === 0) return [];
  const hits = scorings.flatMap((sc, part) =>
    sc.scored.map((statement) => {
      const share = Math.min(1, sc.total[statement]! / (parts[part]!.isArabic(statement) ? mass.ar : mass.en));
      const score = share * (1 - COVERAGE_WEIGHT + COVERAGE_WEIGHT * parts[part]!.coverage(statement, sc));
      return { part, statement, share, score };
    }),
  );
  return hits.sort((a, b) => b.score - a.score || a.part - b.part || a.statement - b.statement);
}

/** Which scripts a concept has a form in (a number or other script-less term is in both). */
function conceptScripts(c: Concept): { ar: boolean; en: boolean } {
  let ar = false;
  let en = false;
  for (const a of c.alts) {
    for (const t of a.terms) {
      if (ARABIC.test(t)) ar = true;
      else if (/\p{L}/u.test(t)) en = true;
      else ar = en = true;
    }
  }
  return { ar, en };
}
