// Arabic transcripts and interviews: «الخزعلي: الخزين المائي أقل …». A paragraph opened by a speaker's label
// (one to three words and a colon) is that speaker's turn, a reported quote up to the paragraph's end. The label
// must name someone the text named before (a surname, a first name or a whole name), so datelines and headings
// («ملاحظة:», «عاجل:») are no speakers. A turn that asks (ends in ?) is the interviewer's question: no quote.

import { foldString } from '../fold.ts';
import type { Candidate } from '../internal.ts';
import { STOP_WORDS, TIME_WORDS } from '../words-ar.ts';

const TURN = /^(\p{Script=Arabic}+(?:[ \t]+\p{Script=Arabic}+){0,2})[ \t]*:[ \t]*(\S[^\n]*)$/u;

/** The turns of a transcript in `text`, as reported candidates whose speaker is the label. */
export function transcriptTurns(text: string): Candidate[] {
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
    if (words.some((w) => STOP_WORDS.has(w) || TIME_WORDS.has(w))) continue;
    const lead = line.length - line.trimStart().length;
    const labelAt = start + lead;
    // Named before, as a word or words of the text (a proclitic allowed): the person the label stands for.
    if (!new RegExp(`\\s[وبلف]?${words.join(' ')}[\\s،.,:؛]`, 'u').test(foldedBefore(labelAt))) continue;
    const bodyAt = start + lead + line.trim().indexOf(m[2]!);
    let end = bodyAt + body.length;
    while (end > bodyAt && /[\s.،,:;!]/u.test(text[end - 1]!)) end--;
    if (end <= bodyAt) continue;
    out.push({ kind: 'reported', start: bodyAt, end, cue: label, cueAt: labelAt, mention: { kind: 'name', name: label, start: labelAt, end: labelAt + label.length } });
  }
  return out;
}
