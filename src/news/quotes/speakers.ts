// Speaker attribution within one document: a speaker phrase becomes an entity (one per person or body),
// short forms join their full form («قو» → Guo Jiakun, "Mr Blair" → Tony Blair), pronouns and dropped
// subjects take the nearest earlier speaker or subject that agrees in gender and number, and a quotation
// with no cue of its own takes the speaker of the run it continues.

import type { Sentence } from '../sentences.ts';
import { fold, foldString, type Folded } from './fold.ts';
import { nameKey, type Gazetteer, type GazetteerEntry } from './gazetteer.ts';
import type { Candidate, Gender, Mention, SubjectAt } from './internal.ts';
import { FEMALE_NAMES, MALE_NAMES } from './firstnames.ts';
import { nameSkeletons, skeleton, editDistance } from './translit.ts';
import type { Quote, Speaker } from './types.ts';

interface Entity {
  id: number;
  /** Surface forms by match key. */
  forms: Map<string, string>;
  roles: string[];
  gender?: Gender;
  person: boolean;
  gaz?: GazetteerEntry;
  /** Match keys of the words of its person-name forms. */
  words: Set<string>;
  /** Its match keys without spaces ("timewarner"), built when first needed. */
  compact?: Set<string>;
}

interface Event {
  pos: number;
  sentence: number;
  entity: Entity;
  gender?: Gender;
  speaker: boolean;
}

const ORG_WORDS = /\b(?:commission|council|office|party|ltd|plc|inc|group|bank|airways|airlines|executive|department|ministry|association|federation|union|club|university|institute|agency|authority|board|committee|corporation|company|foundation|trust|society|bbc|fa|court|government|police|service|services|network|television|radio|news|times|post|guardian|telegraph|newspaper|conservatives|tories|democrats|labour|watchdog|forum|network|centre|center|organisation|organization|ofcom|uefa|fifa|iaaf|nato|eu|un)\b/i;
const ARABIC = /[\u0600-\u06FF]/;
const CAPITALIZED = /\p{Lu}/u;
// Definite nouns that stand for a body named before: "the company", "the firm", "the magazine".
const BODY_NOUN = /^the\s+(company|firm|group|bank|airline|carrier|club|retailer|corporation|business|broadcaster|carmaker|manufacturer|maker|giant|operator|insurer|lender|chain|studio|label|network|publisher|magazine|newspaper|paper|website|channel|station|supermarket|brewer|party|government|union|council|commission|organisation|organization|watchdog|regulator|agency|ministry|department|authority|charity)$/i;
// Of these, the ones that are usually a body of their own ("the government", "the council"): they take a
// body named before only when its name has the same head ("Leeds City Council ... the council").
const OWN_BODY = new Set(['party', 'government', 'union', 'council', 'commission', 'organisation', 'organization', 'watchdog', 'regulator', 'agency', 'ministry', 'department', 'authority', 'charity']);
// Lower case only: "the Scottish Executive" is the name of a body, not a role.
const ROLE_NOUN = /^[Tt]he\s+(?:[a-z-]+\s+)?(minister|president|leader|chairman|chairwoman|secretary|chancellor|governor|mayor|senator|judge|bishop|director|editor|founder|owner|premier|coach|manager|captain|boss|executive|spokesman|spokeswoman|spokesperson|economist|analyst|actor|actress|singer|star|player|striker)$/;
const PERSON_ROLE = /(?:minister|president|leader|chairman|chairwoman|secretary|spokesman|spokeswoman|chief|boss|manager|coach|author|writer|actor|actress|singer|player|captain|chancellor|governor|mayor|senator|judge|bishop|director|editor|founder|owner|premier|king|queen|prince|princess|\d+-year-old)$/i;

const HONORIFIC_PREFIX = /^(?:(?:mr|mrs|ms|miss|dr|prof|professor|sir|lord|lady|dame|baroness|baron|rev|father|sheikh|president|judge|السيد|السيدة|الدكتور|الدكتورة|العقيد|اللواء|العميد|الشيخ|المهندس|الاستاذ|الأستاذ)\.?\s+)+(?=\S)/i;

function stripHonorifics(name: string): string {
  const t = name.trim();
  return HONORIFIC_PREFIX.test(t) ? t.replace(HONORIFIC_PREFIX, '') : t;
}

const TITLE_GENDER = new Map<string, Gender>([
  ['mr', 'm'],
  ['sir', 'm'],
  ['lord', 'm'],
  ['baron', 'm'],
  ['father', 'm'],
  ['mrs', 'f'],
  ['ms', 'f'],
  ['miss', 'f'],
  ['lady', 'f'],
  ['dame', 'f'],
  ['baroness', 'f'],
  ['السيدة', 'f'],
  ['الدكتورة', 'f'],
]);

/** The first word of a name (up to white space), without splitting the whole name. */
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0xa0;
}

function firstWord(name: string): string {
  const space = isSpace;
  let a = 0;
  while (a < name.length && space(name.charCodeAt(a))) a++;
  let b = a;
  while (b < name.length && !space(name.charCodeAt(b))) b++;
  return a === 0 && b === name.length ? name : name.slice(a, b);
}

function honorificGender(name: string): Gender | undefined {
  const first = firstWord(name).toLowerCase();
  return TITLE_GENDER.get(first.endsWith('.') ? first.slice(0, -1) : first);
}

function firstNameGender(name: string): Gender | undefined {
  const first = firstWord(stripHonorifics(name)).toLowerCase();
  if (MALE_NAMES.has(first)) return 'm';
  if (FEMALE_NAMES.has(first)) return 'f';
  return undefined;
}

function agree(want: Gender | undefined, have: Gender | undefined, english: boolean): boolean {
  if (!want || !have) return true;
  if (want === have) return true;
  if (english) {
    // "they" for a body, "it" for a body.
    if (want === 'p' && have === 'n') return true;
    return false;
  }
  // Arabic: a masculine verb for a body or a feminine noun never happens; plural needs plural.
  if (want === 'm' && have === 'n') return true;
  return false;
}

interface Resolver {
  text: string;
  english: boolean;
  gaz: Gazetteer;
  entities: Entity[];
  events: Event[];
  sentences: Sentence[];
  fullNames?: Map<string, string[]>;
  folded?: Folded;
  /** English: every person or body name of a sentence, subject or not (for pronouns and definite nouns). */
  namesAt?: SubjectAt;
}

function sentenceOf(sentences: Sentence[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  let ans = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.start <= pos) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}

const wordsCache = new Map<string, string[]>();

function nameWords(name: string): string[] {
  let w = wordsCache.get(name);
  if (!w) {
    w = nameKey(stripHonorifics(name)).split(' ').filter(Boolean);
    if (wordsCache.size > 20_000) wordsCache.clear();
    wordsCache.set(name, w);
  }
  return w;
}

const NOT_FIRST = /^(?:The|A|An|But|And|However|In|On|At|For|If|When|While|As|After|Before|So|Meanwhile|Earlier|Later|Now|This|That|It|He|She|They|We|I|His|Her|Its|Their|Our|Speaking|Asked|According|Last|Both|With|From|To|By|Of|Despite|Although|Because|Also|Yesterday|Today|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Secretary|Minister|Chancellor|Leader|President|Chairman|Director|Commissioner|Spokesman|Spokeswoman|Officer|Executive|Chief|Prime|Deputy|Shadow|Home|Foreign|Tory|Labour|Conservative|Liberal|Democrat|Lib|Dem|MP|Senator|Governor|Mayor|General|Coach|Manager|Captain|Trade|Industry|State|Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Lord|Lady|Dame)$/;
const CAP_WORD_BEFORE = /(?:^|[\s(])((?:[A-Z\u00C0-\u00DE][A-Za-z\u00C0-\u024F'’-]*\s+){1,3})$/;

/** English: full names in the document that end with this word ("Hewitt" → ["Patricia Hewitt"]). */
function englishFullNames(r: Resolver, word: string): string[] {
  const key = nameKey(word);
  r.fullNames ??= new Map();
  const hit = r.fullNames.get(key);
  if (hit) return hit;
  const out: string[] = [];
  const text = r.text;
  let at = word.length >= 2 ? text.indexOf(word) : -1;
  while (at >= 0) {
    const end = at + word.length;
    const boundary = (at === 0 || !/[A-Za-z\u00C0-\u024F]/.test(text[at - 1]!)) && (end >= text.length || !/[a-z\u00C0-\u024F]/.test(text[end]!));
    if (boundary) {
      const m = CAP_WORD_BEFORE.exec(text.slice(Math.max(0, at - 60), at));
      if (m) {
        const words = m[1]!.trim().split(/\s+/);
        while (words.length && NOT_FIRST.test(words[0]!)) words.shift();
        if (words.length >= 1 && words.length <= 3) {
          const full = `${words.join(' ')} ${word}`;
          if (!ORG_WORDS.test(full) && !out.includes(full)) out.push(full);
        }
      }
    }
    at = text.indexOf(word, at + 1);
  }
  r.fullNames.set(key, out);
  return out;
}

/** Arabic: the fuller form of a one-word name, from where it stands after a role («الرئيس الأمريكي دونالد ترامب»). */
function arabicFullName(r: Resolver, word: string): string | undefined {
  const key = foldString(word).toLowerCase();
  if (!key || key.includes(' ')) return undefined;
  r.folded ??= fold(r.text);
  const f = r.folded;
  let best: string | undefined;
  let at = f.text.indexOf(key);
  while (at >= 0) {
    const end = at + key.length;
    const boundary = (at === 0 || /[\s«»“”"(،,]/.test(f.text[at - 1]!)) && (end >= f.text.length || !/[\u0621-\u064A]/.test(f.text[end]!));
    if (boundary) {
      // The two words before: a role word with the article, then a first name.
      const before = f.text.slice(Math.max(0, at - 60), at);
      const m = /(?:^|\s)(ال[\u0621-\u064A]+) ([\u0621-\u064A]{2,}) $/.exec(before);
      if (m && !m[2]!.startsWith('ال') && !/^(?:و|ف)?(?:قال|قالت|اكد|اضاف|ادعي|زعم|قام|وصل|التقي|ان|في|من|الي|علي|عن|مع|بعد|قبل|لكن|كان)$/.test(m[2]!)) {
        const s0 = f.map[at - m[2]!.length - 1]!;
        const full = r.text.slice(s0, f.map[end]!);
        if (!best || full.length > best.length) best = full;
      }
    }
    at = f.text.indexOf(key, at + 1);
  }
  return best;
}

function newEntity(r: Resolver, mention: Mention): Entity {
  const raw = mention.name.trim();
  const e: Entity = { id: r.entities.length, forms: new Map(), roles: [], person: false, words: new Set() };
  addForm(r, e, raw, mention);
  r.entities.push(e);
  return e;
}

function addForm(r: Resolver, e: Entity, surface: string, mention?: Mention): void {
  const key = nameKey(surface);
  if (!key) return;
  if (!e.forms.has(key)) {
    e.forms.set(key, surface);
    e.compact?.add(key.replace(/ /g, ''));
  }
  const bare = stripHonorifics(surface);
  if (bare !== surface) {
    const k2 = nameKey(bare);
    if (!e.forms.has(k2)) {
      e.forms.set(k2, bare);
      e.compact?.add(k2.replace(/ /g, ''));
    }
  }
  const person = mention ? mention.kind === 'name' && !(r.english && ORG_WORDS.test(surface)) && !/^the\b/i.test(surface) : e.person;
  if (person) {
    e.person = true;
    for (const w of nameWords(surface)) e.words.add(w);
  }
  const g = honorificGender(surface) ?? (r.english ? firstNameGender(surface) : undefined);
  if (g && !e.gender) e.gender = g;
  if (mention?.gender && !e.gender && mention.kind !== 'pronoun') e.gender = mention.gender;
  if (r.english && mention && (ORG_WORDS.test(surface) || /^the\b/i.test(surface)) && !e.gender && mention.kind !== 'pronoun') {
    if (!/\b(?:spokesman|spokeswoman|minister|secretary|leader|chairman|wife|husband|chief|boss|manager|coach)\b/i.test(surface)) e.gender = 'n';
  }
  if (mention?.role) {
    const role = mention.role.trim();
    if (role && !e.roles.includes(role)) e.roles.push(role);
  }
  if (!e.gaz) {
    const g2 = r.gaz.lookup(surface) ?? r.gaz.lookup(bare);
    if (g2) e.gaz = g2;
  }
}

function crossScript(a: string, b: string): boolean {
  return ARABIC.test(a) !== ARABIC.test(b);
}

/** The entity a name or noun phrase refers to, created when new. */
function entityFor(r: Resolver, mention: Mention): Entity {
  const raw = mention.name.trim();
  const key = nameKey(raw);
  const bareKey = nameKey(stripHonorifics(raw));
  for (const e of r.entities) if (e.forms.has(key) || e.forms.has(bareKey)) return withForm(r, e, raw, mention);
  // "TimeWarner" / "Time Warner": the same letters.
  const compact = bareKey.replace(/ /g, '');
  if (compact.length >= 6) {
    for (const e of r.entities) {
      e.compact ??= new Set([...e.forms.keys()].map((k) => k.replace(/ /g, '')));
      if (e.compact.has(compact)) return withForm(r, e, raw, mention);
    }
  }
  const gazEntry = r.gaz.lookup(raw) ?? r.gaz.lookup(stripHonorifics(raw));
  if (gazEntry) for (const e of r.entities) if (e.gaz === gazEntry) return withForm(r, e, raw, mention);
  if (mention.kind === 'name') {
    const words = nameWords(raw);
    const last = words[words.length - 1];
    if (words.length === 1 && last) {
      // A surname or a short form: "Hewitt", «ماكرون», «قو» → the person already met.
      for (let i = r.entities.length - 1; i >= 0; i--) {
        const e = r.entities[i]!;
        if (!e.person) continue;
        if (e.words.has(last)) return withForm(r, e, raw, mention);
      }
      const sk = r.entities.some((e) => e.person && [...e.forms.values()].some((f) => crossScript(f, raw))) ? skeleton(last) : '';
      if (sk) {
        for (let i = r.entities.length - 1; i >= 0; i--) {
          const e = r.entities[i]!;
          if (!e.person) continue;
          for (const form of e.forms.values()) {
            if (!crossScript(form, raw)) continue;
            const sks = nameSkeletons(form);
            if (sks.some((s) => s === sk || (sk.length >= 3 && editDistance(s, sk, 1) <= 1))) return withForm(r, e, raw, mention);
          }
        }
      }
    } else if (last) {
      // "Patricia Hewitt" after "Ms Hewitt": same surname, and no clash of first names.
      for (let i = r.entities.length - 1; i >= 0; i--) {
        const e = r.entities[i]!;
        if (!e.person || !e.words.has(last)) continue;
        const firsts = [...e.forms.keys()].map((k) => nameWords(k)).filter((w) => w.length > 1).map((w) => w[0]);
        if (firsts.length === 0 || firsts.includes(words[0])) return withForm(r, e, raw, mention);
      }
    }
  }
  const e = newEntity(r, mention);
  if (gazEntry) e.gaz = gazEntry;
  return e;
}

function withForm(r: Resolver, e: Entity, raw: string, mention: Mention): Entity {
  addForm(r, e, raw, mention);
  return e;
}

/** A form with a capital letter past a leading "the": a proper name, not "the company". */
function properForm(f: string): boolean {
  const the = f.length > 4 && (f.charCodeAt(0) | 0x20) === 0x74 && (f.charCodeAt(1) | 0x20) === 0x68 && (f.charCodeAt(2) | 0x20) === 0x65 && f.charCodeAt(3) === 0x20;
  return CAPITALIZED.test(the ? f.slice(4) : f);
}

/** The fullest name form of an entity, without titles. */
function canonical(r: Resolver, e: Entity): string {
  let best = '';
  let bestWords = 0;
  // English: a proper name beats a common noun phrase ("Time Warner", not "the company").
  let proper = false;
  if (r.english && e.forms.size > 1) for (const f of e.forms.values()) if (properForm(f)) proper = true;
  for (const surface of e.forms.values()) {
    if (proper && !properForm(surface)) continue;
    const bare = stripHonorifics(surface).replace(/^the\s+/i, (m) => (e.person ? '' : m));
    const n = bare.split(/\s+/).length;
    // Prefer Latin script for a name first met in Latin inside Arabic text (Guo Jiakun), then more words.
    const better = n > bestWords || (n === bestWords && bare.length > best.length);
    if (!best || better) {
      best = bare;
      bestWords = n;
    }
  }
  if (e.person && bestWords <= 1) {
    // Look for a fuller form in the document.
    if (r.english) {
      const list = englishFullNames(r, best);
      if (list && list.length === 1) return list[0]!;
    } else if (ARABIC.test(best)) {
      if (e.gaz) {
        const forms = [e.gaz.name, ...e.gaz.aliases].filter((f) => ARABIC.test(f) && f.split(/\s+/).length > 1 && r.text.includes(f));
        forms.sort((a, b) => b.length - a.length);
        if (forms[0]) return forms[0];
      }
      const full = arabicFullName(r, best);
      if (full) return full;
    }
  }
  // A Latin form among the forms of an entity met in Arabic text: keep the Latin full name.
  for (const surface of e.forms.values()) {
    if (!ARABIC.test(surface) && ARABIC.test(best) && surface.split(/\s+/).length >= bestWords) return stripHonorifics(surface);
  }
  return best;
}

function speakerOf(r: Resolver, e: Entity): Speaker {
  const name = canonical(r, e);
  const aliases = new Set<string>();
  for (const surface of e.forms.values()) if (surface !== name) aliases.add(surface);
  if (e.person) {
    const words = name.split(/\s+/);
    if (words.length > 1) aliases.add(words[words.length - 1]!);
  }
  if (e.gaz) {
    if (e.gaz.name !== name) aliases.add(e.gaz.name);
    for (const a of e.gaz.aliases) if (a !== name) aliases.add(a);
  }
  return { name, aliases: [...aliases], roles: [...e.roles] };
}

interface PoolItem {
  pos: number;
  entity?: Entity;
  mention?: Mention;
  gender?: Gender;
  speaker: boolean;
}

function subjectGender(r: Resolver, m: Mention): Gender | undefined {
  const key = nameKey(m.name);
  for (const e of r.entities) if (e.forms.has(key)) return e.gender ?? m.gender;
  return m.gender ?? (r.english ? (honorificGender(m.name) ?? firstNameGender(m.name)) : undefined);
}

function resolvePronoun(r: Resolver, pos: number, sentence: number, gender: Gender | undefined, subjectAt: SubjectAt, speakersOnly: boolean): Entity | undefined {
  // Walk back over speakers and sentence subjects, nearest first; the first that agrees wins.
  const pool: PoolItem[] = [];
  for (const ev of r.events) if (ev.pos < pos && ev.sentence >= sentence - 6) pool.push({ pos: ev.pos, entity: ev.entity, gender: ev.entity.gender ?? ev.gender, speaker: true });
  if (!speakersOnly) {
    for (let s = sentence; s >= 0 && s >= sentence - 3; s--) {
      for (const m of subjectAt(s)) {
        if (m.start >= pos || m.kind === 'pronoun' || m.kind === 'drop') continue;
        const g = subjectGender(r, m);
        pool.push({ pos: m.start, mention: m, ...(g ? { gender: g } : {}), speaker: false });
      }
    }
  }
  pool.sort((a, b) => b.pos - a.pos);
  const item = pickAgreeing(r, pool, gender);
  if (item) return materialize(r, item, gender);
  if (speakersOnly || !r.english || !r.namesAt || !(gender === 'm' || gender === 'f')) return undefined;
  // No speaker or subject agrees: the nearest person named anywhere before ("Police questioned Mark Daly
  // and Helen Quist. ... she said"). Only then: a speaker or a subject is the likelier antecedent than a
  // nearer object ("He e-mailed Jeremy Paxman ... he said" is not Paxman).
  const named = pickAgreeing(r, namedBefore(r, pos, sentence, r.namesAt), gender);
  return named && materialize(r, named, gender);
}

/** Person and body names anywhere in the sentences up to `sentence`, before `pos`, nearest first. */
function namedBefore(r: Resolver, pos: number, sentence: number, namesAt: SubjectAt): PoolItem[] {
  const pool: PoolItem[] = [];
  for (let s = sentence; s >= 0 && s >= sentence - 3; s--) {
    for (const m of namesAt(s)) {
      if (m.start >= pos) continue;
      const g = subjectGender(r, m);
      pool.push({ pos: m.start, mention: m, ...(g ? { gender: g } : {}), speaker: false });
    }
  }
  return pool.sort((a, b) => b.pos - a.pos);
}

function pickAgreeing(r: Resolver, pool: PoolItem[], gender: Gender | undefined): PoolItem | undefined {
  for (const c of pool) {
    if (!agree(gender, c.gender, r.english)) continue;
    // English: a subject of unknown gender that is not a person-like name does not take "he"/"she".
    if (r.english && !c.speaker && (gender === 'm' || gender === 'f') && !c.gender) {
      const m = c.mention!;
      // "The prime minister ... He insisted": a role held by a person takes "he" or "she".
      const personRole = m.kind === 'noun' && PERSON_ROLE.test(m.name);
      if (!personRole && (m.kind !== 'name' || ORG_WORDS.test(m.name))) continue;
      // A single word is a person when the document gives it a first name ("Collins" / "Kim Collins").
      if (!personRole && m.name.split(/\s+/).length < 2 && englishFullNames(r, m.name).length === 0) continue;
    }
    return c;
  }
  return undefined;
}

function materialize(r: Resolver, c: PoolItem, gender: Gender | undefined): Entity {
  const e = c.entity ?? entityFor(r, c.mention!);
  if (gender && (gender === 'm' || gender === 'f') && !e.gender && e.person) e.gender = gender;
  return e;
}

/** A name that reads as a person's: a title, a known first name, a gender, or a person's role. */
function personLike(name: string, gender: Gender | undefined, role: string | undefined): boolean {
  if (gender === 'm' || gender === 'f') return true;
  if (honorificGender(name) || firstNameGender(name) || HONORIFIC_PREFIX.test(name)) return true;
  return !!role && PERSON_ROLE.test(role.trim());
}

/**
 * English "the company", "the firm": the body that spoke last, else the nearest name that reads as a body
 * (an organisation word, a neuter subject), else the subject of this or the previous sentence when it does
 * not read as a person's ("Acme Holdings reported a loss. ... the firm said").
 */
function resolveBody(r: Resolver, head: string, pos: number, sentence: number, subjectAt: SubjectAt): Entity | undefined {
  // A name with the same head noun: "the Labour Party ... the party said", "Acme Group ... the group".
  const { word, named: nameHint } = headPatterns(head);
  let named: { pos: number; entity?: Entity; mention?: Mention } | undefined;
  for (const ev of r.events) {
    if (ev.pos >= pos || ev.sentence < sentence - 6 || (named && ev.pos <= named.pos)) continue;
    for (const f of ev.entity.forms.values()) if (!genericNoun(f) && word.test(f)) named = { pos: ev.pos, entity: ev.entity };
  }
  const namesAt = r.namesAt;
  if (namesAt) {
    for (let s = sentence; s >= 0 && s >= sentence - 6; s--) {
      const sent = r.sentences[s]!;
      if (named && named.pos >= sent.end) break;
      if (!nameHint.test(r.text.slice(sent.start, Math.min(sent.end, pos)))) continue;
      for (const m of namesAt(s)) if (m.start < pos && !genericNoun(m.name) && (word.test(m.name) || (m.role && word.test(m.role))) && (!named || m.start > named.pos)) named = { pos: m.start, mention: m };
    }
  }
  if (named) return named.entity ?? entityFor(r, named.mention!);
  if (OWN_BODY.has(head)) return undefined;
  // The body that spoke last.
  for (let i = r.events.length - 1; i >= 0; i--) {
    const ev = r.events[i]!;
    if (ev.pos >= pos || ev.sentence < sentence - 6) continue;
    const e = ev.entity;
    const g = e.gender ?? ev.gender;
    const name = e.forms.values().next().value ?? '';
    if (!agree('n', g, true) || genericNoun(name) || personLike(name, g, e.roles[0])) continue;
    return e;
  }
  // The nearest name that reads as a body; only sentences with an organisation word can hold one.
  if (namesAt) {
    for (let s = sentence; s >= 0 && s >= sentence - 6; s--) {
      const sent = r.sentences[s]!;
      if (!capitalizedOrgWord(r.text.slice(sent.start, Math.min(sent.end, pos)))) continue;
      let best: Mention | undefined;
      for (const m of namesAt(s)) {
        if (m.start >= pos || genericNoun(m.name) || (best && best.start >= m.start)) continue;
        const g = subjectGender(r, m);
        if (g === 'n' || (ORG_WORDS.test(m.name) && agree('n', g, true))) best = m;
      }
      if (best) return entityFor(r, best);
    }
  }
  // The subject of this sentence or the one before, when it does not read as a person's.
  for (let s = sentence; s >= 0 && s >= sentence - 1; s--) {
    const list = subjectAt(s);
    for (let i = list.length - 1; i >= 0; i--) {
      const m = list[i]!;
      if (m.start >= pos || m.kind !== 'name' || genericNoun(m.name)) continue;
      const g = subjectGender(r, m);
      if (!agree('n', g, true) || personLike(m.name, g, m.role)) continue;
      // "Shares in Acme fell ...", "Profits at Acme rose ...": the body is the name after the common noun.
      const owner = m.name.includes(' ') ? null : OWNER_AFTER.exec(r.text.slice(m.end, m.end + 80));
      if (owner) {
        const start = m.end + owner.index + owner[0].length - owner[1]!.length;
        return entityFor(r, { kind: 'name', name: owner[1]!, start, end: start + owner[1]!.length });
      }
      return entityFor(r, m);
    }
  }
  return undefined;
}

const OWNER_AFTER = /^\s+(?:in|at|of|for|from)\s+([A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3})/;

const ORG_WORDS_G = new RegExp(ORG_WORDS.source, 'gi');

/** An organisation word with a capital: "Holdings Group", "the BBC" (a name that reads as a body). */
function capitalizedOrgWord(s: string): boolean {
  ORG_WORDS_G.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ORG_WORDS_G.exec(s))) {
    const c = s.charCodeAt(m.index);
    if (c >= 0x41 && c <= 0x5a) return true;
  }
  return false;
}

const HEADS = new Map<string, { word: RegExp; named: RegExp }>();

/**
 * For a head noun ("party", "minister"): the word anywhere, and the word where it can be part of a name or
 * a role before a name ("Labour Party", "Minister Ivo Tamm", "magazine Mobile PC", "the transport minister,").
 */
function headPatterns(head: string): { word: RegExp; named: RegExp } {
  let p = HEADS.get(head);
  if (!p) {
    const first = `[${head[0]!.toUpperCase()}${head[0]!}]${head.slice(1)}`;
    p = { word: new RegExp(`\\b${head}\\b`, 'i'), named: new RegExp(`\\b(?:${head[0]!.toUpperCase()}${head.slice(1)}\\b|${first}(?:\\s+\\p{Lu}|\\s*[,)]))`, 'u') };
    HEADS.set(head, p);
  }
  return p;
}

/** "the company", "a spokesman": a common noun phrase, unless it names a body ("the Commission"). */
function genericNoun(name: string): boolean {
  return !name || (/^(?:the|a|an)\s/i.test(name) && !ORG_WORDS.test(name));
}

/**
 * English "the minister", "the chairman": the person named last before it whose role or title holds that
 * word ("Transport Minister Ivo Tamm ... the minister said").
 */
function resolveRoleNoun(r: Resolver, head: string, pos: number, sentence: number, subjectAt: SubjectAt): Entity | undefined {
  const { word, named } = headPatterns(head);
  let best: { pos: number; entity?: Entity; mention?: Mention } | undefined;
  for (const ev of r.events) if (ev.pos < pos && ev.sentence >= sentence - 6 && ev.entity.person && ev.entity.roles.some((x) => word.test(x)) && (!best || ev.pos > best.pos)) best = { pos: ev.pos, entity: ev.entity };
  for (let s = sentence; s >= 0 && s >= sentence - 6; s--) {
    const sent = r.sentences[s]!;
    if (best && best.pos >= sent.end) break;
    if (!named.test(r.text.slice(sent.start, Math.min(sent.end, pos)))) continue;
    for (const list of [subjectAt(s), r.namesAt ? r.namesAt(s) : []]) {
      for (const m of list) if (m.start < pos && m.kind === 'name' && m.role && word.test(m.role) && (!best || m.start > best.pos)) best = { pos: m.start, mention: m };
    }
  }
  if (!best) return undefined;
  return best.entity ?? entityFor(r, best.mention!);
}

/** The subject of the sentence when a quotation opens right after a colon in it (no reporting verb). */
function colonSubject(r: Resolver, start: number, sentence: number, subjectAt: SubjectAt): Entity | undefined {
  const text = r.text;
  let k = start - 1;
  while (k >= 0 && (text[k] === ' ' || text[k] === '"' || text[k] === '“' || text[k] === '«' || text[k] === '\u00a0')) k--;
  if (k < 0 || text[k] !== ':' || r.sentences[sentence]!.start >= k) return undefined;
  const m = subjectAt(sentence).find((x) => x.start < k);
  if (!m || m.kind === 'drop') return undefined;
  if (m.kind === 'pronoun') return resolvePronoun(r, m.start, sentence, m.gender, subjectAt, false);
  return entityFor(r, m);
}

export interface ResolveInput {
  text: string;
  sentences: Sentence[];
  candidates: Candidate[];
  subjectAt: SubjectAt;
  namesAt?: SubjectAt;
  english: boolean;
  /** The folded text when the caller has it (Arabic). */
  folded?: Folded;
  gaz: Gazetteer;
  /** Quotations with no cue: offsets of their text. */
  standalone: { start: number; end: number }[];
}

/** Turns candidates into quotes with speakers, in document order. */
export function resolveSpeakers(input: ResolveInput): Quote[] {
  const { text, sentences, english, gaz, subjectAt } = input;
  const r: Resolver = { text, english, gaz, entities: [], events: [], sentences, ...(input.folded ? { folded: input.folded } : {}), ...(input.namesAt ? { namesAt: input.namesAt } : {}) };
  const cands = [...input.candidates].sort((a, b) => (a.cueAt ?? a.start) - (b.cueAt ?? b.start) || a.start - b.start);
  const resolved: { c: Candidate; e: Entity; sentence: number }[] = [];
  const byCue = new Map<number, Entity | null>();
  for (const c of cands) {
    const m = c.mention;
    if (!m) continue;
    const cueAt = c.cueAt ?? c.start;
    let e: Entity | undefined;
    const known = byCue.get(cueAt);
    if (known !== undefined) e = known ?? undefined;
    else {
      const sentence = sentenceOf(sentences, cueAt);
      if (m.kind === 'name' || m.kind === 'noun') {
        e = entityFor(r, m);
        // English definite nouns for a body ("the company", "the firm") are the body met last; a person's role
        // ("the minister") is the person met last with that role.
        if (english && m.kind === 'noun' && e.forms.size === 1) {
          const role = ROLE_NOUN.exec(m.name);
          const body = BODY_NOUN.exec(m.name);
          const prev = body ? resolveBody(r, body[1]!.toLowerCase(), m.start, sentence, subjectAt) : role ? resolveRoleNoun(r, role[1]!.toLowerCase(), m.start, sentence, subjectAt) : undefined;
          if (prev && prev !== e) {
            addForm(r, prev, m.name, m);
            r.entities.splice(r.entities.indexOf(e), 1);
            // Called "the company": a body, not a person.
            if (!role) prev.person = false;
            e = prev;
          }
        }
      } else {
        e = resolvePronoun(r, m.start || cueAt, sentence, m.gender, subjectAt, false);
      }
      byCue.set(cueAt, e ?? null);
      if (e) {
        if (m.gender && !e.gender && m.kind !== 'pronoun' && m.kind !== 'drop') e.gender = m.gender;
        if (m.kind === 'drop' && m.gender && !e.gender && m.gender !== 'm') e.gender = m.gender;
        r.events.push({ pos: m.kind === 'drop' || m.kind === 'pronoun' ? cueAt : m.start, sentence, entity: e, ...(m.gender ? { gender: m.gender } : {}), speaker: true });
      }
    }
    if (!e) continue;
    resolved.push({ c, e, sentence: sentenceOf(sentences, c.start) });
  }
  // Quotations with no cue of their own continue a speaker's run.
  if (input.standalone.length) {
    const attributed = resolved.map((x) => ({ start: x.c.start, sentence: x.sentence, e: x.e })).sort((a, b) => a.start - b.start);
    // The sentence where the first quote starting at an offset ends (a quotation can run over several).
    const lastSentence = new Map<number, number>();
    for (const x of resolved) if (!lastSentence.has(x.c.start)) lastSentence.set(x.c.start, sentenceOf(sentences, Math.max(x.c.start, x.c.end - 1)));
    // Sentences that open with a quotation.
    const quoteSentences = new Set<number>();
    for (const st of input.standalone) quoteSentences.add(sentenceOf(sentences, st.start));
    for (const x of resolved) if (x.c.kind === 'direct') quoteSentences.add(x.sentence);
    for (const s of input.standalone) {
      const si = sentenceOf(sentences, s.start);
      let prev: (typeof attributed)[number] | undefined;
      let next: (typeof attributed)[number] | undefined;
      for (const a of attributed) {
        if (a.start < s.start) prev = a;
        else if (!next) next = a;
      }
      // "Tom Harlow was unrepentant: "..."": a quotation after a colon belongs to the subject of its sentence.
      let e: Entity | undefined = english ? colonSubject(r, s.start, si, subjectAt) : undefined;
      const prevLast = prev ? (lastSentence.get(prev.start) ?? -99) : -99;
      // A run of quoted sentences up to an attributed one: "...". "...". "...," she said.
      let runToNext = !!next;
      if (next) for (let q = si + 1; q < next.sentence; q++) if (!quoteSentences.has(q)) runToNext = false;
      if (e) {
        // Found above.
      } else if (prev && si - prevLast <= 1) e = prev.e;
      else if (next && runToNext && next.sentence - si <= 6) e = next.e;
      else if (prev && si - prevLast <= 3) e = prev.e;
      if (!e) continue;
      const cand: Candidate = { kind: 'direct', start: s.start, end: s.end, standalone: true };
      resolved.push({ c: cand, e, sentence: si });
      if (!lastSentence.has(s.start)) lastSentence.set(s.start, sentenceOf(sentences, Math.max(s.start, s.end - 1)));
      // Keep `attributed` in order: after every entry that starts at or before this one.
      let at = attributed.length;
      while (at > 0 && attributed[at - 1]!.start > s.start) at--;
      attributed.splice(at, 0, { start: s.start, sentence: si, e });
    }
  }
  resolved.sort((a, b) => a.c.start - b.c.start);
  const speakers = new Map<Entity, Speaker>();
  const out: Quote[] = [];
  for (const { c, e, sentence } of resolved) {
    let sp = speakers.get(e);
    if (!sp) {
      sp = speakerOf(r, e);
      speakers.set(e, sp);
    }
    const q: Quote = { text: text.slice(c.start, c.end), kind: c.kind, speaker: sp, start: c.start, end: c.end, sentence };
    if (c.cue) q.cue = c.cue;
    else if (c.standalone) {
      // The cue of the run: the nearest attributed quote of the same speaker (the first of equals).
      let near: Candidate | undefined;
      for (const x of resolved) if (x.e === e && x.c.cue && (!near || Math.abs(x.c.start - c.start) < Math.abs(near.start - c.start))) near = x.c;
      if (near?.cue) q.cue = near.cue;
    }
    out.push(q);
  }
  return out;
}
