import { describe, expect, it } from 'vitest';
import { createSpeakerRegistry } from '../../../src/news/quotes/registry.ts';
import { extractQuotes } from '../../../src/news/quotes/extract.ts';
import { splitSentences } from '../../../src/news/sentences.ts';
import type { Brief, NewsDocument } from '../../../src/news/types.ts';

function brief(id: string, text: string, lang: 'ar' | 'en', date: string): Brief {
  const doc: NewsDocument = { id, file: `${id}.txt`, title: id, text, date: new Date(date), lang, tags: [] };
  const sentences = splitSentences(text, lang);
  return { doc, sentences, summary: [], quotes: extractQuotes(text, sentences, lang) };
}

const briefs = [
  brief('ar-1', 'وقال ترامب: “هناك كراهية هائلة” بين الزعيمين.', 'ar', '2025-03-20'),
  brief('ar-2', 'في مؤتمر صحفي، قال المتحدث باسم وزارة الخارجية الصينية Guo Jiakun إن العلاقة جيدة. وقال قو: “نعتقد دائمًا أن الحوار والتفاوض هما الطريقة الوحيدة”.', 'ar', '2025-03-21'),
  brief('ar-3', 'وقال وزير الخارجية الروسي سيرجي لافروف إن المحادثات كانت مفيدة.', 'ar', '2025-03-22'),
  brief('en-1', 'Donald Trump said the talks were going well.\n"We are making a lot of progress," he said.', 'en', '2025-03-23'),
  brief('en-2', 'Patricia Hewitt said the plans would be paid for by taxpayers.', 'en', '2025-01-01'),
];

describe('speaker registry', () => {
  const registry = createSpeakerRegistry(briefs);

  it('keeps one speaker across documents and scripts with quote counts', () => {
    const trump = registry.find('Trump');
    expect(trump?.name).toBe('Donald Trump');
    expect(trump?.count).toBe(3);
    expect(trump?.aliases).toEqual(expect.arrayContaining(['ترامب']));
  });

  it('finds Arabic-script speakers from Latin names and the reverse', () => {
    expect(registry.find('ترامب')?.name).toBe('Donald Trump');
    expect(registry.find('Guo')?.name).toBe('Guo Jiakun');
    expect(registry.find('قو')?.name).toBe('Guo Jiakun');
    expect(registry.find('Lavrov')?.name).toBe('Sergei Lavrov');
    expect(registry.find('لافروف')?.name).toBe('Sergei Lavrov');
    expect(registry.find('Hewitt')?.name).toBe('Patricia Hewitt');
  });

  it('matches a transliteration it has never seen through the skeleton', () => {
    // Not in the gazetteer: "Hewitt" ↔ «هيويت».
    expect(registry.find('هيويت')?.name).toBe('Patricia Hewitt');
  });

  it('lists words a document gives twice once, and the same words from another document apart', () => {
    const twice = 'قالت الوزيرة سلمى الراشد إن الخطة «جاهزة». وأكدت الراشد أن الخطة «جاهزة».';
    const r = createSpeakerRegistry([brief('tw-1', twice, 'ar', '2025-04-01'), brief('tw-2', 'قالت الوزيرة سلمى الراشد إن الخطة «جاهزة».', 'ar', '2025-04-02')]);
    const refs = r.quotesBy('سلمى الراشد');
    const jahiza = refs.filter((x) => x.quote.text === 'الخطة «جاهزة»');
    expect(jahiza.map((x) => x.doc.id).sort()).toEqual(['tw-1', 'tw-2']);
  });

  it('suggests near names for an unknown one', () => {
    expect(registry.find('Zorro')).toBeUndefined();
    expect(registry.suggest('Trumpp', 3).map((s) => s.name)).toContain('Donald Trump');
    expect(registry.suggest('Hewit', 3).map((s) => s.name)).toContain('Patricia Hewitt');
  });

  it('lists quotes newest first', () => {
    const dates = registry.quotesBy('Trump').map((r) => r.doc.date.toISOString().slice(0, 10));
    expect(dates).toEqual([...dates].sort().reverse());
    expect(registry.quotesBy('Trump')[0]!.doc.id).toBe('en-1');
  });

  it('searches quote words, Arabic-normalized with proclitics stripped', () => {
    const hits = registry.searchQuotes('الحوار والتفاوض هما الطريقة الوحيدة');
    expect(hits[0]?.quote.speaker.name).toBe('Guo Jiakun');
    // Without the article and conjunction, and without hamza or diacritics.
    expect(registry.searchQuotes('حوار تفاوض')[0]?.quote.speaker.name).toBe('Guo Jiakun');
    expect(registry.searchQuotes('progress')[0]?.quote.speaker.name).toBe('Donald Trump');
  });

  it('matches an English paraphrase against Arabic quotes through the keyword list', () => {
    const hits = registry.searchQuotes('dialogue and negotiation are the only way out of the crisis');
    expect(hits[0]?.quote.speaker.name).toBe('Guo Jiakun');
  });
});

describe('who-said search as documents come and go', () => {
  it('finds a document added after the first question and forgets a removed one', () => {
    const registry = createSpeakerRegistry(briefs.slice(0, 3));
    expect(registry.searchQuotes('plans paid for by taxpayers')).toEqual([]);
    registry.add([briefs[4]!]);
    expect(registry.searchQuotes('plans paid for by taxpayers')[0]?.quote.speaker.name).toBe('Patricia Hewitt');
    // Many small additions, each followed by a question, end in one rebuilt index that still answers.
    for (let i = 0; i < 10; i++) {
      registry.add([brief(`en-extra-${i}`, `Minister Sam Doe${i} said the harbour number ${i} would reopen.`, 'en', '2025-02-01')]);
      expect(registry.searchQuotes(`harbour number ${i} would reopen`)[0]?.quote.speaker.name).toBe(`Sam Doe${i}`);
    }
    registry.remove(['en-2']);
    expect(registry.searchQuotes('plans paid for by taxpayers')).toEqual([]);
    expect(registry.searchQuotes('الحوار والتفاوض هما الطريقة الوحيدة')[0]?.quote.speaker.name).toBe('Guo Jiakun');
  });
});
