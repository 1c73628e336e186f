// One speaker registry across documents: canonical names, aliases in both scripts, roles, quote counts;
// lookup by any form (Trump ↔ ترامب, Guo ↔ قو, Lavrov ↔ لافروف) through the gazetteer and a
// transliteration skeleton, suggestions for unknown names, quotes by speaker, and who-said-what search
// over whole statements (search.ts, concepts.ts).

import type { Brief, NewsDocument } from '../types.ts';
import { questionConcepts } from './concepts.ts';
import { defaultGazetteer, nameKey, type Gazetteer, type GazetteerEntry } from './gazetteer.ts';
import { defaultGlossary, type Glossary } from './glossary.ts';
import { StatementIndex } from './search.ts';
import { editDistance, nameSkeletons, skeleton, skeletonTolerance } from './translit.ts';
import type { Quote } from './types.ts';

export interface RegistrySpeaker {
  /** Canonical name: the gazetteer name, else the fullest form met. */
  name: string;
  /** Every other form met or known, in both scripts. */
  aliases: string[];
  roles: string[];
  /** Number of quotes. */
  count: number;
}

export interface QuoteRef {
  quote: Quote;
  doc: NewsDocument;
}

export interface QuoteHit extends QuoteRef {
  /** Share of the question's weight (idf of its content words) the statement holds, 0..1. */
  score: number;
}

export interface SpeakerRegistry {
  speakers: RegistrySpeaker[];
  /** The speaker a name refers to, in either script; undefined when none is close enough. */
  find(name: string): RegistrySpeaker | undefined;
  /** Near matches for a name that is not found, best first. */
  suggest(name: string, n?: number): RegistrySpeaker[];
  /** Quotes of a speaker (a registry speaker or any of its names), newest document first. */
  quotesBy(speaker: string | RegistrySpeaker): QuoteRef[];
  /** Quotes whose whole statement (quote and cue sentence) matches the question's words, in either language, best first. */
  searchQuotes(query: string, limit?: number): QuoteHit[];
}

interface Entry extends RegistrySpeaker {
  keys: Set<string>;
  gaz?: GazetteerEntry;
  refs: QuoteRef[];
  /** Skeletons of every word of every form. */
  skeletons: Set<string>;
}

const ARABIC = /[\u0600-\u06FF]/;
const HONORIFIC = /^(?:mr|mrs|ms|miss|dr|prof|professor|sir|lord|lady|dame)\.?\s+/;

function key(name: string): string {
  return nameKey(name).replace(HONORIFIC, '').replace(/^the\s+/, '');
}

function lastWord(k: string): string {
  return k.split(' ').pop() ?? '';
}

// Below this share of a question's weight a statement is not an answer (a translated question keeps
// only part of its words), nor below this share of the best answer's score.
const MIN_SHARE = 0.12;
const RELATIVE_SHARE = 0.5;
const MAX_CONTEXT = 1500;

/** The whole statement around a quote: the sentences it spans, its cue sentence among them. */
export function statementContext(b: Brief, q: Quote): string {
  let from = -1;
  let to = -1;
  b.sentences.forEach((s, i) => {
    if (s.end > q.start && s.start < q.end) {
      if (from < 0) from = i;
      to = i;
    }
  });
  if (from < 0) return q.text;
  // A quotation that opens its sentence after "X said:" has its cue in the sentence before.
  const prev = b.sentences[from - 1];
  if (prev && /[:：]\s*$/u.test(prev.text) && b.sentences[from]!.start >= q.start - 2) from--;
  const start = b.sentences[from]!.start;
  const end = b.sentences[to]!.end;
  return b.doc.text.slice(start, Math.min(end, start + MAX_CONTEXT));
}

export function createSpeakerRegistry(briefs: Brief[], gazetteer: Gazetteer = defaultGazetteer(), glossary?: Glossary): SpeakerRegistry {
  const entries: Entry[] = [];
  const byKey = new Map<string, Entry>();
  const byGaz = new Map<GazetteerEntry, Entry>();

  const addKey = (e: Entry, form: string): void => {
    const k = key(form);
    if (!k) return;
    e.keys.add(k);
    if (!byKey.has(k)) byKey.set(k, e);
    for (const s of nameSkeletons(form)) e.skeletons.add(s);
  };

  const entryFor = (q: Quote): Entry => {
    const sp = q.speaker;
    const forms = [sp.name, ...sp.aliases];
    let gaz: GazetteerEntry | undefined;
    for (const f of forms) {
      gaz = gazetteer.lookup(f);
      if (gaz) break;
    }
    let e = gaz ? byGaz.get(gaz) : undefined;
    e ??= byKey.get(key(sp.name));
    // A one-word name met before its full form (or after it): "Blair" / "Tony Blair".
    if (!e) {
      const k = key(sp.name);
      if (!k.includes(' ')) e = entries.find((x) => x.name.includes(' ') && lastWord(key(x.name)) === k);
      else e = entries.find((x) => !key(x.name).includes(' ') && key(x.name) === lastWord(k));
    }
    if (!e) {
      e = { name: gaz?.name ?? sp.name, aliases: [], roles: [], count: 0, keys: new Set(), refs: [], skeletons: new Set() };
      if (gaz) e.gaz = gaz;
      entries.push(e);
    }
    if (gaz && !e.gaz) {
      e.gaz = gaz;
      e.name = gaz.name;
    }
    if (e.gaz) byGaz.set(e.gaz, e);
    // The canonical name: the gazetteer's, else the fullest form.
    if (!e.gaz && sp.name.split(/\s+/).length > e.name.split(/\s+/).length) e.name = sp.name;
    for (const f of forms) addKey(e, f);
    if (e.gaz) for (const f of [e.gaz.name, ...e.gaz.aliases]) addKey(e, f);
    addKey(e, e.name);
    for (const r of sp.roles) if (!e.roles.includes(r)) e.roles.push(r);
    return e;
  };

  for (const b of briefs) {
    for (const q of b.quotes) {
      if (!q.speaker.name) continue;
      const e = entryFor(q);
      e.refs.push({ quote: q, doc: b.doc });
      e.count++;
    }
  }
  for (const e of entries) {
    const seen = new Set<string>([key(e.name)]);
    const aliases: string[] = [];
    const all = [...e.refs.flatMap((r) => [r.quote.speaker.name, ...r.quote.speaker.aliases]), ...(e.gaz ? [e.gaz.name, ...e.gaz.aliases] : [])];
    for (const a of all) {
      const k = key(a);
      if (!k || seen.has(k)) continue;
      seen.add(k);
      aliases.push(a);
    }
    e.aliases = aliases;
    e.refs.sort((a, b) => b.doc.date.getTime() - a.doc.date.getTime() || (a.doc.id === b.doc.id ? a.quote.start - b.quote.start : a.doc.id.localeCompare(b.doc.id)));
  }
  entries.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));

  const pick = (list: Entry[]): Entry | undefined => list.sort((a, b) => b.count - a.count)[0];

  const find = (name: string): Entry | undefined => {
    const q = key(name);
    if (!q) return undefined;
    const exact = byKey.get(q);
    if (exact) return exact;
    const gaz = gazetteer.lookup(name);
    if (gaz) {
      const viaGaz = byGaz.get(gaz) ?? [gaz.name, ...gaz.aliases].map((f) => byKey.get(key(f))).find(Boolean);
      if (viaGaz) return viaGaz;
    }
    // A surname or first word: "Hewitt", "Guo".
    const qWords = q.split(' ');
    const single = qWords.length === 1;
    if (single) {
      const hits = entries.filter((e) => [...e.keys].some((k) => k.includes(' ') && (lastWord(k) === q || k.split(' ')[0] === q)));
      const best = pick(hits);
      if (best) return best;
    }
    // The transliteration skeleton, across scripts: Trump ↔ ترامب, Lavrov ↔ لافروف.
    const qs = qWords.map(skeleton).filter(Boolean);
    if (qs.length === 0) return undefined;
    const exactSk = entries.filter((e) => qs.every((s) => e.skeletons.has(s)));
    const bestExact = pick(exactSk);
    if (bestExact) return bestExact;
    const near = entries.filter((e) =>
      qs.every((s) => {
        const tol = skeletonTolerance(s.length);
        if (tol === 0) return false;
        for (const t of e.skeletons) if (Math.abs(t.length - s.length) <= tol && editDistance(s, t, tol) <= tol) return true;
        return false;
      }),
    );
    return pick(near);
  };

  const suggest = (name: string, n = 3): Entry[] => {
    const q = key(name);
    if (!q) return [];
    const qs = nameSkeletons(q).join('');
    const scored: { e: Entry; d: number }[] = [];
    for (const e of entries) {
      let best = Infinity;
      for (const k of e.keys) {
        if (ARABIC.test(k) === ARABIC.test(q)) {
          for (const part of [k, ...k.split(' ')]) {
            const raw = editDistance(q, part, 6);
            // A capped distance says "far", not "6 letters off a long name".
            const d = raw > 6 ? 1 : raw / Math.max(q.length, part.length);
            if (d < best) best = d;
          }
        }
        for (const part of [k, ...k.split(' ')]) {
          const ks = nameSkeletons(part).join('');
          if (!ks || !qs) continue;
          const raw = editDistance(qs, ks, 6);
          const d = raw > 6 ? 1 : raw / Math.max(qs.length, ks.length) + 0.05;
          if (d < best) best = d;
        }
      }
      // Past 0.4 of the name differing, a "near match" is noise: better no suggestion than a random one.
      if (best <= 0.4) scored.push({ e, d: best });
    }
    scored.sort((a, b) => a.d - b.d || b.e.count - a.e.count);
    return scored.slice(0, n).map((s) => s.e);
  };

  const quotesBy = (speaker: string | RegistrySpeaker): QuoteRef[] => {
    const e = typeof speaker === 'string' ? find(speaker) : (entries.find((x) => x === speaker) ?? find(speaker.name));
    return e ? [...e.refs] : [];
  };

  // The statement index is built on the first question, not when the registry is.
  let statements: { index: StatementIndex; refs: QuoteRef[] } | undefined;
  const statementIndex = (): { index: StatementIndex; refs: QuoteRef[] } => {
    if (!statements) {
      const refs: QuoteRef[] = [];
      const texts = function* (): Generator<{ quote: string; context: string }> {
        for (const b of briefs) {
          for (const q of b.quotes) {
            if (!q.speaker.name) continue;
            refs.push({ quote: q, doc: b.doc });
            yield { quote: q.text, context: statementContext(b, q) };
          }
        }
      };
      statements = { index: new StatementIndex(texts()), refs };
    }
    return statements;
  };

  const searchQuotes = (query: string, limit = 20): QuoteHit[] => {
    const { index, refs } = statementIndex();
    const concepts = questionConcepts(query, index, glossary ?? defaultGlossary(), gazetteer);
    const hits: QuoteHit[] = [];
    const found = index.search(concepts);
    // A single-word question must find its word; a longer one a fair share of its weight, and answers
    // far behind the best one are noise.
    const floor = Math.max(concepts.length <= 1 ? 0.5 : MIN_SHARE, (found[0]?.score ?? 0) * RELATIVE_SHARE);
    for (const h of found) {
      if (h.score < floor) break;
      const ref = refs[h.statement]!;
      hits.push({ ...ref, score: h.score });
    }
    hits.sort((a, b) => b.score - a.score || b.doc.date.getTime() - a.doc.date.getTime());
    return hits.slice(0, limit);
  };

  return { speakers: entries, find, suggest, quotesBy, searchQuotes };
}
