// One speaker registry across documents: canonical names, aliases in both scripts, roles, quote counts;
// lookup by any form (Trump ↔ ترامب, Guo ↔ قو, Lavrov ↔ لافروف) through the gazetteer and a
// transliteration skeleton, suggestions for unknown names, quotes by speaker, and who-said-what search
// over whole statements (whosaid.ts). Documents are added and removed without rebuilding it.

import type { Brief, NewsDocument } from '../types.ts';
import { defaultGazetteer, nameKey, type Gazetteer, type GazetteerEntry } from './gazetteer.ts';
import type { Glossary } from './glossary.ts';
import { editDistance, nameSkeletons, skeleton, skeletonTolerance } from './translit.ts';
import type { Quote } from './types.ts';
import { EN_HONORIFIC_KEY } from './titles.ts';
import { createStatementSearch } from './whosaid.ts';

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

interface State {
  entries: Entry[];
  byKey: Map<string, Entry>;
  byGaz: Map<GazetteerEntry, Entry>;
  gazetteer: Gazetteer;
}

function addKey(st: State, e: Entry, form: string): void {
  if (e.forms.has(form)) return;
  e.forms.add(form);
  const k = key(form);
  if (!k) return;
  e.keys.add(k);
  if (!st.byKey.has(k)) st.byKey.set(k, e);
  for (const s of nameSkeletons(form)) e.skeletons.add(s);
}

/** The registry entry a quote's speaker belongs to, made or completed from the speaker's names. */
function entryFor(st: State, q: Quote): Entry {
  const sp = q.speaker;
  const forms = [sp.name, ...sp.aliases];
  let gaz: GazetteerEntry | undefined;
  for (const f of forms) {
    gaz = st.gazetteer.lookup(f);
    if (gaz) break;
  }
  let e = gaz ? st.byGaz.get(gaz) : undefined;
  e ??= st.byKey.get(key(sp.name));
  // A one-word name met before its full form (or after it): "Blair" / "Tony Blair".
  if (!e) {
    const k = key(sp.name);
    if (!k.includes(' ')) e = st.entries.find((x) => x.name.includes(' ') && lastWord(key(x.name)) === k);
    else e = st.entries.find((x) => !key(x.name).includes(' ') && key(x.name) === lastWord(k));
  }
  if (!e) {
    e = { name: gaz?.name ?? sp.name, aliases: [], roles: [], count: 0, keys: new Set(), refs: [], skeletons: new Set(), forms: new Set() };
    if (gaz) e.gaz = gaz;
    st.entries.push(e);
  }
  if (gaz && !e.gaz) {
    e.gaz = gaz;
    e.name = gaz.name;
  }
  if (e.gaz) st.byGaz.set(e.gaz, e);
  // The canonical name: the gazetteer's, else the fullest form.
  if (!e.gaz && sp.name.split(/\s+/).length > e.name.split(/\s+/).length) e.name = sp.name;
  for (const f of forms) addKey(st, e, f);
  if (e.gaz) for (const f of [e.gaz.name, ...e.gaz.aliases]) addKey(st, e, f);
  addKey(st, e, e.name);
  for (const r of sp.roles) if (!e.roles.includes(r)) e.roles.push(r);
  return e;
}

/** Aliases without repeats and quotes newest first. */
function finish(e: Entry): void {
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

function sortEntries(entries: Entry[]): void {
  entries.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

function addBriefs(st: State, added: readonly Brief[]): void {
  const touched = new Set<Entry>();
  for (const b of added) {
    for (const q of b.quotes) {
      if (!q.speaker.name) continue;
      const e = entryFor(st, q);
      e.refs.push({ quote: q, doc: b.doc });
      e.count++;
      touched.add(e);
    }
  }
  for (const e of touched) finish(e);
  sortEntries(st.entries);
}

function removeDocs(st: State, gone: Set<string>): void {
  for (let i = st.entries.length - 1; i >= 0; i--) {
    const e = st.entries[i]!;
    const kept = e.refs.filter((r) => !gone.has(r.doc.id));
    if (kept.length === e.refs.length) continue;
    e.refs = kept;
    e.count = kept.length;
    if (kept.length > 0) {
      finish(e);
      continue;
    }
    // A speaker with no quote left is forgotten, with every name that led to it.
    st.entries.splice(i, 1);
    for (const k of e.keys) if (st.byKey.get(k) === e) st.byKey.delete(k);
    if (e.gaz && st.byGaz.get(e.gaz) === e) st.byGaz.delete(e.gaz);
  }
  sortEntries(st.entries);
}

function pick(list: Entry[]): Entry | undefined {
  return list.sort((a, b) => b.count - a.count)[0];
}

function findEntry(st: State, name: string): Entry | undefined {
  const q = key(name);
  if (!q) return undefined;
  const exact = st.byKey.get(q);
  if (exact) return exact;
  const gaz = st.gazetteer.lookup(name);
  if (gaz) {
    const viaGaz = st.byGaz.get(gaz) ?? [gaz.name, ...gaz.aliases].map((f) => st.byKey.get(key(f))).find(Boolean);
    if (viaGaz) return viaGaz;
  }
  // A surname or first word: "Hewitt", "Guo".
  const qWords = q.split(' ');
  if (qWords.length === 1) {
    const best = pick(st.entries.filter((e) => [...e.keys].some((k) => k.includes(' ') && (lastWord(k) === q || k.split(' ')[0] === q))));
    if (best) return best;
  }
  // The transliteration skeleton, across scripts: Trump ↔ ترامب, Lavrov ↔ لافروف.
  const qs = qWords.map(skeleton).filter(Boolean);
  if (qs.length === 0) return undefined;
  const bestExact = pick(st.entries.filter((e) => qs.every((s) => e.skeletons.has(s))));
  if (bestExact) return bestExact;
  const near = st.entries.filter((e) =>
    qs.every((s) => {
      const tol = skeletonTolerance(s.length);
      if (tol === 0) return false;
      for (const t of e.skeletons) if (Math.abs(t.length - s.length) <= tol && editDistance(s, t, tol) <= tol) return true;
      return false;
    }),
  );
  return pick(near);
}

/** How far a name is from an entry's names, 0..1, by spelling in one script and by skeleton across. */
function nameDistance(q: string, qs: string, e: Entry): number {
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
  return best;
}

function suggestEntries(st: State, name: string, n: number): Entry[] {
  const q = key(name);
  if (!q) return [];
  const qs = nameSkeletons(q).join('');
  const scored: { e: Entry; d: number }[] = [];
  for (const e of st.entries) {
    const d = nameDistance(q, qs, e);
    // Past 0.4 of the name differing, a "near match" is noise: better no suggestion than a random one.
    if (d <= 0.4) scored.push({ e, d });
  }
  scored.sort((a, b) => a.d - b.d || b.e.count - a.e.count);
  return scored.slice(0, n).map((s) => s.e);
}

/** A document that gives the same words twice (a lead and its body, say) lists them once. */
function distinctRefs(refs: readonly QuoteRef[]): QuoteRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const key = `${r.doc.id}\u0000${r.quote.text.replace(/\s+/g, ' ').trim()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function createSpeakerRegistry(briefs: readonly Brief[], gazetteer: Gazetteer = defaultGazetteer(), glossary?: Glossary): MutableSpeakerRegistry {
  const st: State = { entries: [], byKey: new Map(), byGaz: new Map(), gazetteer };
  const docs = new Set<string>();
  const statements = createStatementSearch(briefs, gazetteer, glossary);
  addBriefs(st, briefs);
  for (const b of briefs) docs.add(b.doc.id);
  const find = (name: string): Entry | undefined => findEntry(st, name);
  const quotesBy = (speaker: string | RegistrySpeaker): QuoteRef[] => {
    const e = typeof speaker === 'string' ? find(speaker) : (st.entries.find((x) => x === speaker) ?? find(speaker.name));
    return e ? distinctRefs(e.refs) : [];
  };
  return {
    speakers: st.entries,
    find,
    suggest: (name, n = 3) => suggestEntries(st, name, n),
    quotesBy,
    searchQuotes: (question, limit) => statements.search(question, limit),
    add(added) {
      addBriefs(st, added);
      for (const b of added) docs.add(b.doc.id);
      statements.add(added);
    },
    remove(ids) {
      const gone = new Set(ids.filter((id) => docs.delete(id)));
      if (gone.size === 0) return;
      removeDocs(st, gone);
      statements.remove([...gone]);
    },
  };
}
