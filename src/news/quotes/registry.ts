// One speaker registry across documents: canonical names, aliases in both scripts, roles, quote counts;
// lookup by any form (Trump ↔ ترامب, Guo ↔ قو, Lavrov ↔ لافروف) through the gazetteer and a
// transliteration skeleton, suggestions for unknown names, quotes by speaker, and quote search by words.

import { isStopword } from '../stopwords.ts';
import { stem, stripProclitics, words as tokenWords } from '../tokens.ts';
import { createQuoteIndex, termSet } from './quote-index.ts';
import type { Brief, NewsDocument } from '../types.ts';
import { defaultGazetteer, nameKey, type Gazetteer, type GazetteerEntry } from './gazetteer.ts';
import { editDistance, nameSkeletons, skeleton, skeletonTolerance } from './translit.ts';
import type { Quote } from './types.ts';
import { EN_HONORIFIC_KEY } from './titles.ts';

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
  /** Share of the query words found in the quote, 0..1. */
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
  /** Quotes whose words match the query (Arabic normalized, proclitics stripped), best first. */
  searchQuotes(query: string, limit?: number): QuoteHit[];
}

/** A registry the store keeps current: documents are added and removed without rebuilding it. */
export interface MutableSpeakerRegistry extends SpeakerRegistry {
  /** Adds the quotes of these briefs (a document already in the registry must be removed first). */
  add(briefs: readonly Brief[]): void;
  /** Removes every quote of these documents. */
  remove(ids: readonly string[]): void;
}

interface Entry extends RegistrySpeaker {
  keys: Set<string>;
  gaz?: GazetteerEntry;
  refs: QuoteRef[];
  /** Skeletons of every word of every form. */
  skeletons: Set<string>;
  /** Forms already added, as met: most quotes repeat a known form, and its skeletons are costly. */
  forms: Set<string>;
}

const ARABIC = /[\u0600-\u06FF]/;
function key(name: string): string {
  return nameKey(name).replace(EN_HONORIFIC_KEY, '').replace(/^the\s+/, '');
}

function lastWord(k: string): string {
  return k.split(' ').pop() ?? '';
}

export function createSpeakerRegistry(briefs: readonly Brief[], gazetteer: Gazetteer = defaultGazetteer()): MutableSpeakerRegistry {
  const entries: Entry[] = [];
  const byKey = new Map<string, Entry>();
  const byGaz = new Map<GazetteerEntry, Entry>();

  const addKey = (e: Entry, form: string): void => {
    if (e.forms.has(form)) return;
    e.forms.add(form);
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
      e = { name: gaz?.name ?? sp.name, aliases: [], roles: [], count: 0, keys: new Set(), refs: [], skeletons: new Set(), forms: new Set() };
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

  // Search: terms of every quote, computed once, kept per document so one can be dropped.
  const index = createQuoteIndex<QuoteRef>();

  const finish = (e: Entry): void => {
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
  };
  const sortEntries = () => entries.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));

  const add = (added: readonly Brief[]): void => {
    const touched = new Set<Entry>();
    for (const b of added) {
      const docIndex: QuoteRef[] = [];
      for (const q of b.quotes) {
        if (!q.speaker.name) continue;
        const e = entryFor(q);
        const ref = { quote: q, doc: b.doc };
        e.refs.push(ref);
        e.count++;
        touched.add(e);
        docIndex.push(ref);
      }
      index.add(b.doc.id, docIndex);
    }
    for (const e of touched) finish(e);
    sortEntries();
  };

  const remove = (ids: readonly string[]): void => {
    const gone = new Set(ids.filter((id) => index.has(id)));
    if (gone.size === 0) return;
    for (const id of gone) index.remove(id);
    for (let i = entries.length - 1; i >= 0; i--) {
      const e = entries[i]!;
      const kept = e.refs.filter((r) => !gone.has(r.doc.id));
      if (kept.length === e.refs.length) continue;
      e.refs = kept;
      e.count = kept.length;
      if (kept.length > 0) {
        finish(e);
        continue;
      }
      // A speaker with no quote left is forgotten, with every name that led to it.
      entries.splice(i, 1);
      for (const k of e.keys) if (byKey.get(k) === e) byKey.delete(k);
      if (e.gaz && byGaz.get(e.gaz) === e) byGaz.delete(e.gaz);
    }
    sortEntries();
  };

  add(briefs);

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

  const keywordMap = new Map<string, Set<string>>();
  for (const kw of gazetteer.keywords) {
    const ar = new Set<string>();
    for (const a of kw.ar) for (const t of termSet(a)) ar.add(t);
    for (const en of kw.en) keywordMap.set(nameKey(en), ar);
  }

  const searchQuotes = (query: string, limit = 20): QuoteHit[] => {
    const qText = query.slice(0, 2000);
    // Query terms; English phrases from the keyword list also bring their Arabic terms.
    // Merge the variants of one word (w, stem, bare) into one group.
    const byWord: Set<string>[] = [];
    for (const w of tokenWords(qText)) {
      const bare = stripProclitics(w);
      if (isStopword(w) || isStopword(bare)) continue;
      const g = new Set([w, bare, stem(w)]);
      const k = nameKey(w);
      const ar = keywordMap.get(k) ?? keywordMap.get(stem(w));
      if (ar) for (const a of ar) g.add(a);
      byWord.push(g);
    }
    const lowered = nameKey(qText);
    for (const [phrase, ar] of keywordMap) {
      if (phrase.includes(' ') && lowered.includes(phrase)) byWord.push(new Set(ar));
    }
    if (byWord.length === 0) return [];
    const hits: QuoteHit[] = [];
    const need = byWord.length <= 2 ? 1 : 0.6;
    for (const [ref, matched] of index.match(byWord)) {
      const score = matched / byWord.length;
      if (score >= need) hits.push({ ...ref, score });
    }
    hits.sort((a, b) => b.score - a.score || b.doc.date.getTime() - a.doc.date.getTime());
    return hits.slice(0, limit);
  };

  return { speakers: entries, find, suggest, quotesBy, searchQuotes, add, remove };
}
