import { describe, expect, it } from 'vitest';
import { buildBrief } from '../../src/news/brief.ts';
import { createLibrary } from '../../src/news/library.ts';
import type { NewsDocument } from '../../src/news/types.ts';

const doc = (id: string, title: string, text: string, date: string): NewsDocument => ({ id, file: `${id}.txt`, title, text, date: new Date(date), lang: 'en', tags: [] });

const library = createLibrary(
  [
    doc('old', 'Oil prices fall', 'Oil prices fell on Monday. Traders were worried.', '2024-01-01'),
    doc('new', 'Football cup final', 'The final was played on Sunday. Fans cheered.', '2024-03-01'),
    doc('mid', 'Gas and oil deal', 'A gas deal was signed. Oil exports will rise.', '2024-02-01'),
  ].map((d) => buildBrief(d, { summarySentences: 1 })),
);

describe('library', () => {
  it('numbers documents newest first', () => {
    expect(library.briefs.map((b) => b.doc.id)).toEqual(['new', 'mid', 'old']);
    expect(library.byNumber(1)?.doc.id).toBe('new');
    expect(library.numberOf(library.byId('old')!)).toBe(3);
    expect(library.byNumber(0)).toBeUndefined();
    expect(library.byNumber(4)).toBeUndefined();
  });

  it('gives each document a short stable key for buttons', () => {
    const key = library.keyOf(library.byId('mid')!);
    expect(key.length).toBeLessThanOrEqual(8);
    expect(library.byKey(key)?.doc.id).toBe('mid');
    const again = createLibrary([...library.briefs].reverse());
    expect(again.keyOf(again.byId('mid')!)).toBe(key);
  });

  it('ranks title matches above summary matches and rarer words above common ones', () => {
    // Both titles say oil: a tie goes to the newer document.
    expect(library.search('oil').map((b) => b.doc.id)).toEqual(['mid', 'old']);
    expect(library.search('prices oil')[0]?.doc.id).toBe('old');
    expect(library.search('gas oil')[0]?.doc.id).toBe('mid');
    expect(library.search('football final')[0]?.doc.id).toBe('new');
    expect(library.search('nothing here at all')).toEqual([]);
  });
});
