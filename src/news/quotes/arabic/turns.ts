// Arabic transcripts and interviews: «الخزعلي: الخزين المائي أقل …». A paragraph opened by a speaker's label
// (one to three words and a colon) is that speaker's turn, a reported quote up to the paragraph's end. The label
// must name someone the text named before (a surname, a first name or a whole name), so datelines and headings
// («ملاحظة:», «عاجل:») are no speakers. A turn that asks (ends in ?) is the interviewer's question: no quote. In a
// س/ج interview, «ج:» answers for the person the interview is with («في حوار مع وزير الزراعة NAME»).

import { fold, foldString } from '../fold.ts';
import type { Gazetteer } from '../gazetteer.ts';
import type { Candidate, Mention } from '../internal.ts';
import { STOP_WORDS, TIME_WORDS } from '../words-ar.ts';
import { parseNP } from './names.ts';
import { tokenize } from './tokens.ts';

const TURN = /^(\p{Script=Arabic}+(?:[ \t]+\p{Script=Arabic}+){0,2})[ \t]*:[ \t]*(\S[^\n]*)$/u;

/** The turns of a transcript in `text`, as reported candidates whose speaker is the label. */
export function transcriptTurns(text: string, gaz: Gazetteer): Candidate[] {
  const out: Candidate[] = [];
  const foldedBefore = (at: number): string => ` ${foldString(text.slice(0, at)).replace(/\s+/gu, ' ')} `;
  let at = 0;
  for (const line of text.split('\n')) {
    const start = at;
    at += line.length + 1;
    const m = TURN.exec(line.trim());
    if (!m) continue;
    const label = m[1]!;
    const body = m[2]!.trimEnd();
    if (/[?؟]\s*$/u.test(body) || body.length < 12) continue;
    const words = foldString(label).split(/\s+/u);
    if (words.some((w) => STOP_WORDS.has(w) || TIME_WORDS.has(w)) || words[0] === 'س') continue;
    const lead = line.length - line.trimStart().length;
    const labelAt = start + lead;
    const answer = words.length === 1 && (words[0] === 'ج' || words[0] === 'الجواب') ? interviewee(text, labelAt, gaz) : undefined;
    // Named before, as a word or words of the text (a proclitic allowed): the person the label stands for.
    if (!answer && !new RegExp(`\\s[وبلف]?${words.join(' ')}[\\s،.,:؛]`, 'u').test(foldedBefore(labelAt))) continue;
    const bodyAt = start + lead + line.trim().indexOf(m[2]!);
    let end = bodyAt + body.length;
    while (end > bodyAt && /[\s.،,:;!]/u.test(text[end - 1]!)) end--;
    if (end <= bodyAt) continue;
    out.push({ kind: 'reported', start: bodyAt, end, cue: label, cueAt: labelAt, mention: answer ?? { kind: 'name', name: label, start: labelAt, end: labelAt + label.length } });
  }
  return out;
}

/** Whom an interview before `at` is with: the speaker phrase after «حوار/مقابلة/لقاء … مع». */
function interviewee(text: string, at: number, gaz: Gazetteer): Mention | undefined {
  const m = /(?:حوار|مقابلة|لقاء|حديث)[^\n.]{0,40}?\sمع\s+([^\n،.:(«"]+)/u.exec(text.slice(0, at));
  if (!m) return undefined;
  const phrase = m[1]!.trimEnd();
  const offset = m.index + m[0].length - m[1]!.length;
  const f = fold(phrase);
  const toks = tokenize(f.text, 0, f.text.length);
  if (toks.length === 0) return undefined;
  const np = parseNP({ text: phrase, f, toks, spans: [], inSpan: new Int32Array(toks.length).fill(-1), gaz }, 0, toks.length);
  if (!np || np.mention.kind === 'pronoun' || np.mention.kind === 'drop') return undefined;
  return { ...np.mention, start: np.mention.start + offset, end: np.mention.end + offset };
}
