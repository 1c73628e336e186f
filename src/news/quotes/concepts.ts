// A "who said …?" question as concepts: each content word or glossary phrase with the forms it may take
// in a statement, in either language. Only the question is translated (through the glossary, the
// gazetteer and the transliteration skeleton); the statements stay as they were indexed.

import { isStopword } from '../stopwords.ts';
import { stripProclitics, words } from '../tokens.ts';
import type { Gazetteer, GazetteerEntry } from './gazetteer.ts';
import { arabicCore, englishLemma, wordForms } from './forms.ts';
import type { Glossary } from './glossary.ts';
import { contentWords, type Alternative, type Concept, type StatementIndex } from './search.ts';
import { skeleton } from './translit.ts';

const ARABIC = /[\u0600-\u06FF]/;

// How much a form other than the question's own counts: a looser inflection, a glossary form (the same
// word in the other language or another form in its own), a name matched by its skeleton.
const LOOSE = 0.7;
const GLOSSARY = 0.85;
const SKELETON = 0.8;
const MAX_CONCEPTS = 40;

/**
 * A function word, also with its clitics: a conjunction, a preposition and an attached pronoun around a
 * stopword (بأنها، كله، لدينا، إليه، عنه، بذلك) carry nothing a statement could be matched by.
 */
function isFunctionWord(w: string): boolean {
  if (isStopword(w) || isStopword(stripProclitics(w))) return true;
  if (!ARABIC.test(w)) return false;
  const bare = w.length > 2 && (w[0] === 'و' || w[0] === 'ف') ? [w, w.slice(1)] : [w];
  // A preposition only before أن and the demonstratives (بأنها، لذلك، بهذا), not before any stopword:
  // بلدية is no ب + لديه.
  const forms = bare.flatMap((b) => (b.length > 2 && 'بلك'.includes(b[0]!) && 'اذهت'.includes(b[1]!) ? [b, b.slice(1)] : [b]));
  return forms.some((f) => {
    const root = f.replace(/(?:هما|كما|ها|هم|هن|كم|نا|ه)$/u, '');
    return isStopword(f) || (root.length >= 2 && root !== f && isStopword(root));
  });
}

function plainAlts(tokens: string[], weight: number): Alternative[] {
  const ws = tokens.filter((w) => !isFunctionWord(w));
  if (ws.length === 0) return [];
  const forms = ws.map(wordForms);
  return [
    { terms: forms.map((f) => f[0]!), weight },
    { terms: forms.map((f) => f[1]!), weight: weight * LOOSE },
  ];
}

// Imperfect prefixes of the persons: a statement's «نرى» or «أشعر» is the question's «يرى» or «تشعر».
const PERSON_PREFIXES = ['ي', 'ت', 'ن', 'ا'];

/**
 * A short Arabic imperfect verb in the other persons (يرى → ترى، نرى، أرى): the loose form meets these only
 * from five letters on, and a quote is often in the first person where the question says he or she.
 */
function personAlts(word: string, weight: number): Alternative[] {
  const s = wordForms(word)[0]!;
  if (!ARABIC.test(s) || s.length < 3 || s.length > 4 || !PERSON_PREFIXES.includes(s[0]!)) return [];
  return PERSON_PREFIXES.filter((p) => p !== s[0]).map((p) => ({ terms: [p + s.slice(1)], weight: weight * LOOSE }));
}

function textAlts(text: string, weight: number): Alternative[] {
  return plainAlts(contentWords(text), weight);
}

function glossaryAlts(glossary: Glossary, entry: number): Alternative[] {
  const alts: Alternative[] = [];
  // Arabic forms also meet their other inflections through the loose form: ينتظر finds تنتظر.
  for (const stems of glossary.forms(entry, 'ar')) {
    alts.push({ terms: stems, weight: GLOSSARY });
    alts.push({ terms: stems.map((s) => `~${arabicCore(s)}`), weight: GLOSSARY * LOOSE });
  }
  // English statements are matched on the loose form, so rise, rises, rising and risen-less forms meet.
  for (const stems of glossary.forms(entry, 'en')) alts.push({ terms: stems.map((s) => `~${englishLemma(s)}`), weight: GLOSSARY });
  return alts;
}

function nameAlts(entry: GazetteerEntry): Alternative[] {
  return [entry.name, ...entry.aliases].flatMap((form) => textAlts(form, 1).slice(0, 1));
}

/** A name-like word of one script met in the other by its skeleton: Lavrov ↔ لافروف. */
function skeletonAlts(parts: readonly { index: StatementIndex }[], word: string): Alternative[] {
  const sk = skeleton(ARABIC.test(word) ? stripProclitics(word) : word);
  if (sk.length < 3) return [];
  const terms = new Set(parts.flatMap((p) => p.index.termsBySkeleton(sk, !ARABIC.test(word))));
  return [...terms].map((t) => ({ terms: [t], weight: SKELETON }));
}

/** Longest gazetteer name (up to three words) at token i. */
function nameAt(gazetteer: Gazetteer, tokens: string[], i: number): { length: number; entry: GazetteerEntry } | undefined {
  for (let n = Math.min(3, tokens.length - i); n >= 1; n--) {
    const span = tokens.slice(i, i + n);
    if (n === 1 && isStopword(span[0]!)) continue;
    const entry = gazetteer.lookup(span.join(' '));
    if (entry) return { length: n, entry };
  }
  return undefined;
}

/** One alternative per set of terms, at its highest weight. */
function dedupe(alts: Alternative[]): Alternative[] {
  const best = new Map<string, Alternative>();
  for (const a of alts) {
    const k = a.terms.join(' ');
    const had = best.get(k);
    if (!had || had.weight < a.weight) best.set(k, a);
  }
  return [...best.values()];
}

/** Adds a concept unless the question already had it: a word said twice («لم تحس … كما تحس») counts once. */
function push(concepts: Concept[], c: Concept): void {
  const key = c.alts[0]?.terms.join(' ');
  if (key !== undefined && !concepts.some((d) => d.alts[0]?.terms.join(' ') === key)) concepts.push(c);
}

/** The concepts of a question, in order; stopwords drop out. */
export function questionConcepts(question: string, parts: readonly { index: StatementIndex }[], glossary: Glossary, gazetteer: Gazetteer): Concept[] {
  const raw = question.slice(0, 2000);
  const tokens = words(raw);
  // Capitalized Latin words are names (or sentence starts): only those look for an Arabic spelling.
  const capitalized = new Set((raw.match(/\p{Lu}[\p{Ll}'’-]+/gu) ?? []).map((w) => w.toLowerCase()));
  const concepts: Concept[] = [];
  let i = 0;
  while (i < tokens.length && concepts.length < MAX_CONCEPTS) {
    const w = tokens[i]!;
    const name = nameAt(gazetteer, tokens, i);
    if (name) {
      push(concepts, { alts: dedupe([...plainAlts(tokens.slice(i, i + name.length), 1), ...nameAlts(name.entry)]) });
      i += name.length;
      continue;
    }
    const stop = isFunctionWord(w);
    // A phrase may open with a function word (ما زال، غير مسبوق، at last): only a phrase is taken there.
    const gloss = glossary.matchAt(tokens, i);
    if (stop && (!gloss || gloss.length < 2)) {
      i++;
      continue;
    }
    if (gloss) {
      push(concepts, { alts: dedupe([...plainAlts(tokens.slice(i, i + gloss.length), 1), ...gloss.entries.flatMap((e) => glossaryAlts(glossary, e))]) });
      i += gloss.length;
      continue;
    }
    const alts = plainAlts([w], 1);
    if (alts.length === 0) {
      i++;
      continue;
    }
    alts.push(...personAlts(w, 1));
    if (ARABIC.test(w) || capitalized.has(w)) alts.push(...skeletonAlts(parts, w));
    push(concepts, { alts: dedupe(alts) });
    i++;
  }
  return concepts;
}
