// Speaker resolution, definite nouns: "the company" is the body met last, "the minister" the person met
// last with that role.

import type { Mention, SubjectAt } from '../internal.ts';
import { ORG_WORDS, OWN_BODY } from '../words-en.ts';
import { agree, personLike, subjectGender } from './antecedents.ts';
import { type Entity, type Resolver, entityFor } from './entities.ts';

/**
 * English "the company", "the firm": the body that spoke last, else the nearest name that reads as a body
 * (an organisation word, a neuter subject), else the subject of this or the previous sentence when it does
 * not read as a person's ("Acme Holdings reported a loss. ... the firm said").
 */
export function resolveBody(r: Resolver, head: string, pos: number, sentence: number, subjectAt: SubjectAt): Entity | undefined {
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

export const OWNER_AFTER = /^\s+(?:in|at|of|for|from)\s+([A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3})/;

export const ORG_WORDS_G = new RegExp(ORG_WORDS.source, 'gi');

/** An organisation word with a capital: "Holdings Group", "the BBC" (a name that reads as a body). */
export function capitalizedOrgWord(s: string): boolean {
  ORG_WORDS_G.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ORG_WORDS_G.exec(s))) {
    const c = s.charCodeAt(m.index);
    if (c >= 0x41 && c <= 0x5a) return true;
  }
  return false;
}

export const HEADS = new Map<string, { word: RegExp; named: RegExp }>();

/**
 * For a head noun ("party", "minister"): the word anywhere, and the word where it can be part of a name or
 * a role before a name ("Labour Party", "Minister Ivo Tamm", "magazine Mobile PC", "the transport minister,").
 */
export function headPatterns(head: string): { word: RegExp; named: RegExp } {
  let p = HEADS.get(head);
  if (!p) {
    const first = `[${head[0]!.toUpperCase()}${head[0]!}]${head.slice(1)}`;
    p = { word: new RegExp(`\\b${head}\\b`, 'i'), named: new RegExp(`\\b(?:${head[0]!.toUpperCase()}${head.slice(1)}\\b|${first}(?:\\s+\\p{Lu}|\\s*[,)]))`, 'u') };
    HEADS.set(head, p);
  }
  return p;
}

/** "the company", "a spokesman": a common noun phrase, unless it names a body ("the Commission"). */
export function genericNoun(name: string): boolean {
  return !name || (/^(?:the|a|an)\s/i.test(name) && !ORG_WORDS.test(name));
}

/**
 * English "the minister", "the chairman": the person named last before it whose role or title holds that
 * word ("Transport Minister Ivo Tamm ... the minister said").
 */
export function resolveRoleNoun(r: Resolver, head: string, pos: number, sentence: number, subjectAt: SubjectAt): Entity | undefined {
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
