// The summarizer's word scanner: a document's sentences become local term ids in reusable typed buffers.
// Words words as tokens.ts `words` matches them, mapped to global term ids
// (function words dropped, the rest stemmed) through a word cache, so known words cost no allocation.

import { normalizeForMatch } from '../normalize.ts';
import { isFunctionWord } from '../stopwords.ts';
import { stem, stripProclitics } from '../tokens.ts';

// Words are what tokens.ts `words` matches, `[\p{L}\p{N}]+(?:['’]\p{L}+)?`, found by a hand-written scanner
// over the normalized text; a word is looked up in an open-addressing table by a hash computed while scanning,
// so known words cost no string allocation.

const LETTER = 1;
const NUMBER = 2;
const OTHER = 3;
const SURROGATE = 4;
/** Class of each UTF-16 code unit, filled lazily: 0 unknown, else LETTER, NUMBER, OTHER or SURROGATE. */
const charClass = new Uint8Array(0x10000);
const IS_LETTER = /\p{L}/u;
const IS_NUMBER = /\p{N}/u;
const PLAIN_ASCII = /^[\t\n\r -~]*$/;

function classify(code: number): number {
  let c: number;
  if (code >= 0xd800 && code <= 0xdbff) c = SURROGATE;
  else {
    const ch = String.fromCharCode(code);
    c = IS_LETTER.test(ch) ? LETTER : IS_NUMBER.test(ch) ? NUMBER : OTHER;
  }
  charClass[code] = c;
  return c;
}

/** Class of the astral character starting at i (a high surrogate). */
function astralClass(text: string, i: number): number {
  const ch = String.fromCodePoint(text.codePointAt(i)!);
  return ch.length === 2 && IS_LETTER.test(ch) ? LETTER : ch.length === 2 && IS_NUMBER.test(ch) ? NUMBER : OTHER;
}

/** Stemmed term -> global term id. */
const termIds = new Map<string, number>();
const MAX_TABLE = 1 << 18;
let tableSize = 1 << 14;
let tableWords: (string | undefined)[] = new Array<string | undefined>(tableSize);
/** Global term id of each cached word, -1 when the word is not a term (function word, lone letter). */
let tableIds = new Int32Array(tableSize);
let tableCount = 0;

function termIdOf(word: string): number {
  if (isFunctionWord(word) || isFunctionWord(stripProclitics(word)) || (word.length < 2 && !/\d/.test(word))) return -1;
  const term = stem(word);
  let id = termIds.get(term);
  if (id === undefined) {
    id = termIds.size;
    termIds.set(term, id);
  }
  return id;
}

function hashOf(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function insertWord(word: string, id: number, hash: number): void {
  const mask = tableSize - 1;
  let slot = hash & mask;
  while (tableWords[slot] !== undefined) slot = (slot + 1) & mask;
  tableWords[slot] = word;
  tableIds[slot] = id;
  tableCount++;
}

function growTable(): void {
  const oldWords = tableWords;
  const oldIds = tableIds;
  if (tableSize >= MAX_TABLE) {
    // The cache is full: start over rather than grow without bound.
    tableWords = new Array<string | undefined>(tableSize);
    tableIds = new Int32Array(tableSize);
    tableCount = 0;
    termIds.clear();
    stamp.fill(0);
    return;
  }
  tableSize *= 2;
  tableWords = new Array<string | undefined>(tableSize);
  tableIds = new Int32Array(tableSize);
  tableCount = 0;
  for (let i = 0; i < oldWords.length; i++) {
    const w = oldWords[i];
    if (w !== undefined) insertWord(w, oldIds[i]!, hashOf(w));
  }
}

/** Whether text holds word at start (a loop: cheaper than startsWith's call for words this short). */
function sameAt(text: string, start: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if (text.charCodeAt(start + k) !== word.charCodeAt(k)) return false;
  return true;
}

/** Global term id (or -1) of text[start, end), whose FNV-1a hash is `hash`. */
function wordIdAt(text: string, start: number, end: number, hash: number): number {
  const mask = tableSize - 1;
  const length = end - start;
  let slot = hash & mask;
  for (;;) {
    const w = tableWords[slot];
    if (w === undefined) break;
    if (w.length === length && sameAt(text, start, w)) return tableIds[slot]!;
    slot = (slot + 1) & mask;
  }
  const word = text.slice(start, end);
  const id = termIdOf(word);
  if ((tableCount + 1) * 2 > tableSize) growTable();
  insertWord(word, id, hash);
  return id;
}

// ---- Local term ids of one document ----------------------------------------------------------------------

let stamp = new Int32Array(1024); // generation in which a global term id got its local id
let localOf = new Int32Array(1024); // global term id -> local term id (valid when stamp matches)
let generation = 0;

/** Local term ids of the document, sentence after sentence. */
export let tokens = new Int32Array(1024);
/** Token offset of each sentence, n + 1 entries (sentenceStart[n] is the end of the last). */
export let sentenceStart = new Int32Array(64);

export function grownInt(a: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  if (a.length >= size) return a;
  const b = new Int32Array(Math.max(size, a.length * 2));
  b.set(a);
  return b;
}

/** Appends a local term id for the global one; returns the new vocabulary size. */
function pushToken(global: number, count: number, vocabulary: number): number {
  if (global >= stamp.length) {
    stamp = grownInt(stamp, global + 1);
    localOf = grownInt(localOf, global + 1);
  }
  let local: number;
  if (stamp[global] === generation) local = localOf[global]!;
  else {
    stamp[global] = generation;
    local = vocabulary++;
    localOf[global] = local;
  }
  if (count >= tokens.length) tokens = grownInt(tokens, count + 1);
  tokens[count] = local;
  return vocabulary;
}

/**
 * Fills `tokens` and `sentenceStart` (n + 1 offsets, n + 2 with `extra`, whose terms follow the last
 * sentence's); returns the number of distinct terms.
 */
export function tokenize(sentences: readonly { text: string }[], extra?: string): number {
  const n = sentences.length + (extra === undefined ? 0 : 1);
  if (sentenceStart.length <= n) sentenceStart = new Int32Array(Math.max(n + 1, sentenceStart.length * 2));
  let joined = '';
  for (let s = 0; s < n; s++) {
    let t = s < sentences.length ? sentences[s]!.text : (extra ?? '');
    // A newline inside a sentence would shift every later sentence.
    if (t.includes('\n')) t = t.replace(/\n/g, ' ');
    joined = s === 0 ? t : joined + '\n' + t;
  }
  // Printable ASCII needs only lower-casing; anything else takes the full normalization.
  const text = PLAIN_ASCII.test(joined) ? joined.toLowerCase() : normalizeForMatch(joined);
  generation++;
  if (generation === 0x7fffffff) {
    stamp.fill(0);
    generation = 1;
  }
  const classes = charClass;
  const length = text.length;
  let vocabulary = 0;
  let count = 0;
  let sentence = 0;
  sentenceStart[0] = 0;
  let i = 0;
  while (i < length) {
    let code = text.charCodeAt(i);
    if (code === 10) {
      if (++sentence < n) sentenceStart[sentence] = count;
      i++;
      continue;
    }
    let cls = classes[code]! || classify(code);
    if (cls === SURROGATE) cls = astralClass(text, i) === OTHER ? OTHER : SURROGATE;
    if (cls === OTHER) {
      i++;
      continue;
    }
    const start = i;
    let hash = 0x811c9dc5;
    for (;;) {
      // Consume the character at i (one unit, or two for an astral letter or digit).
      hash = Math.imul(hash ^ code, 0x01000193);
      if (cls === SURROGATE) {
        hash = Math.imul(hash ^ text.charCodeAt(i + 1), 0x01000193);
        i += 2;
      } else i++;
      if (i >= length) break;
      code = text.charCodeAt(i);
      cls = classes[code]! || classify(code);
      if (cls === SURROGATE) cls = astralClass(text, i) === OTHER ? OTHER : SURROGATE;
      if (cls === OTHER) break;
    }
    // An apostrophe followed by letters stays in the word: "don't", "bbc's".
    if (i + 1 < length && (code === 39 || code === 0x2019)) {
      const next = text.charCodeAt(i + 1);
      if ((classes[next]! || classify(next)) === LETTER) {
        hash = Math.imul(hash ^ code, 0x01000193);
        i++;
        while (i < length) {
          const c = text.charCodeAt(i);
          if ((classes[c]! || classify(c)) !== LETTER) break;
          hash = Math.imul(hash ^ c, 0x01000193);
          i++;
        }
      }
    }
    const global = wordIdAt(text, start, i, hash >>> 0);
    if (global >= 0) vocabulary = pushToken(global, count++, vocabulary);
  }
  for (let s = sentence + 1; s <= n; s++) sentenceStart[s] = count;
  return vocabulary;
}
