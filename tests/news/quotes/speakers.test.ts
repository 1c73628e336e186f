import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/news/quotes/extract.ts';
import { splitSentences } from '../../../src/news/sentences.ts';
import type { Quote } from '../../../src/news/quotes/types.ts';

function quotes(text: string, lang: 'ar' | 'en' = 'en'): Quote[] {
  return extractQuotes(text, splitSentences(text, lang), lang);
}

const who = (qs: Quote[]): string[] => qs.map((q) => q.speaker.name);

describe('speakers across appositions', () => {
  it('keeps the role and names the person: Latin name inside Arabic text', () => {
    const [q] = quotes('في مؤتمر صحفي، قال المتحدث باسم وزارة الخارجية الصينية Guo Jiakun إن العلاقة “لا تستهدف طرفًا ثالثًا”.', 'ar');
    expect(q!.speaker.name).toBe('Guo Jiakun');
    expect(q!.speaker.roles).toContain('المتحدث باسم وزارة الخارجية الصينية');
  });

  it('finds the name after a role in Arabic and in English', () => {
    expect(who(quotes('وقال وزير الداخلية فادي منصور: «لن نسمح بأي إخلال بالأمن».', 'ar'))).toEqual(['فادي منصور']);
    const [q] = quotes('But David Frost, director general of the British Chambers of Commerce, warned that small firms could suffer.');
    expect(q!.speaker.name).toBe('David Frost');
    expect(q!.speaker.roles[0]).toMatch(/director general/);
    expect(who(quotes('The Shadow Secretary of State for the Family, Theresa May, said: "These plans were announced in December."'))).toEqual(['Theresa May']);
    expect(who(quotes('"The evidence is good," said AK chief Isaiah Kiplagat.'))).toEqual(['Isaiah Kiplagat']);
  });

  it('takes the speaker after an inverted verb, with its apposition', () => {
    expect(who(quotes('"He had a wonderful life," said his wife, Sheila.'))).toEqual(['Sheila']);
  });
});

describe('pronouns and dropped subjects', () => {
  it('gives «وأضاف» alone the nearest earlier speaker', () => {
    const qs = quotes('وقال وزير النقل فهد العتيبي إن المطار سيتوسع. وأضاف أن الأعمال ستكتمل نهاية العام.', 'ar');
    expect(who(qs)).toEqual(['فهد العتيبي', 'فهد العتيبي']);
  });

  it('skips a nearer speaker whose gender does not agree', () => {
    const text = 'أوضح مدير الأرصاد الجوية عادل الصافي أن موجة الحر ستستمر. في المقابل، قالت وزيرة الصحة ندى الكردي إن المستشفيات مستعدة. وأضاف أن الحرارة قد تتجاوز أربعين درجة.';
    expect(who(quotes(text, 'ar'))).toEqual(['عادل الصافي', 'ندى الكردي', 'عادل الصافي']);
  });

  it('takes the subject of the previous sentence, not its object', () => {
    const text = 'التقى وزير الخارجية العُماني سالم الهنائي نظيره الإيراني في طهران أمس. وأكد أنه نقل رسالة من الجانب الأمريكي.';
    expect(who(quotes(text, 'ar'))).toEqual(['سالم الهنائي']);
  });

  it('resolves "he" and "she" to the nearest fitting speaker', () => {
    const text = ['Ms Hewitt said: "We have already doubled the length of maternity pay."', 'Mr Thomas said the plans were wrong.', 'She said new mothers were entitled to 12 months leave.'].join('\n');
    expect(who(quotes(text))).toEqual(['Hewitt', 'Thomas', 'Hewitt']);
  });
});

describe('short forms join their full form', () => {
  it('joins «قو» to Guo Jiakun and «ترامب» to the full name in the document', () => {
    const seed = fs.readFileSync(new URL('../../../content/000_242677af3c996c0f.txt', import.meta.url), 'utf8');
    const qs = quotes(seed, 'ar');
    const dialogue = qs.find((q) => q.text.includes('الحوار والتفاوض'));
    expect(dialogue?.speaker.name).toBe('Guo Jiakun');
    expect(dialogue?.speaker.aliases).toContain('قو');
    const hatred = qs.find((q) => q.text.includes('كراهية هائلة'));
    expect(hatred?.speaker.name).toBe('دونالد ترامب');
    expect(hatred?.speaker.aliases).toEqual(expect.arrayContaining(['ترامب', 'Donald Trump', 'Trump']));
  });

  it('joins "Mr Blair" to Tony Blair', () => {
    const text = ['Tony Blair arrived in Brighton on Monday.', 'Mr Blair said the party would win.'].join('\n');
    const [q] = quotes(text);
    expect(q!.speaker.name).toBe('Tony Blair');
    expect(q!.speaker.aliases).toContain('Mr Blair');
  });

  it('never makes a speaker of someone only mentioned', () => {
    const seed = fs.readFileSync(new URL('../../../content/000_242677af3c996c0f.txt', import.meta.url), 'utf8');
    const names = quotes(seed, 'ar').flatMap((q) => [q.speaker.name, ...q.speaker.aliases]);
    for (const forbidden of ['وانغ يي', 'Wang Yi', 'وانغ', 'لافروف', 'Lavrov', 'سيرجي لافروف']) expect(names).not.toContain(forbidden);
  });
});
