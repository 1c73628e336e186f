import { describe, expect, it } from 'vitest';
import { ContentError, documentId, parseDocument } from '../../src/news/parse.ts';

const mtime = new Date('2025-03-01T10:00:00Z');
const bytes = (s: string) => new TextEncoder().encode(s);

describe('parseDocument', () => {
  it('takes a .txt title from a first line set off by a blank line', () => {
    const doc = parseDocument('a.txt', bytes('Ad sales boost Time Warner profit\n\nQuarterly profits jumped. Sales rose.'), mtime);
    expect(doc.title).toBe('Ad sales boost Time Warner profit');
    expect(doc.text).toBe('Quarterly profits jumped. Sales rose.');
    expect(doc.date).toEqual(mtime);
    expect(doc.lang).toBe('en');
  });

  it('uses the first sentence as title when the first line is a full sentence', () => {
    const doc = parseDocument('000_x.txt', bytes('بينما حافظت بكين علنا على موقف محايد ، تواصل الصين توفير الدعم.\nوصل وزير الخارجية.'), mtime);
    expect(doc.title).toBe('بينما حافظت بكين علنا على موقف محايد ، تواصل الصين توفير الدعم');
    expect(doc.text.startsWith('بينما')).toBe(true);
    expect(doc.lang).toBe('ar');
  });

  it('reads Markdown front matter', () => {
    const doc = parseDocument('b.md', bytes('---\ntitle: Hello\ndate: 2024-05-06\nsource: Agency\nurl: https://example.org/a\nlang: en\ntags: [a, b]\n---\nBody text here.'), mtime);
    expect(doc).toMatchObject({ id: 'b', title: 'Hello', source: 'Agency', url: 'https://example.org/a', lang: 'en', tags: ['a', 'b'], text: 'Body text here.' });
    expect(doc.date.toISOString()).toBe('2024-05-06T00:00:00.000Z');
  });

  it('reads JSON documents and validates them', () => {
    const doc = parseDocument('c.json', bytes(JSON.stringify({ title: 'T', text: 'Some text.', date: '2024-01-02T03:04:05Z' })), mtime);
    expect(doc).toMatchObject({ id: 'c', title: 'T', text: 'Some text.' });
    expect(() => parseDocument('d.json', bytes('{"title": 3}'), mtime)).toThrow(/d\.json: expected \{title\?, text.*text/);
    expect(() => parseDocument('e.json', bytes('{oops'), mtime)).toThrow(/e\.json: not valid JSON/);
  });

  it('refuses empty, binary and non-UTF-8 files with a reason naming the file', () => {
    expect(() => parseDocument('empty.txt', bytes(''), mtime)).toThrow(ContentError);
    expect(() => parseDocument('empty.txt', bytes(''), mtime)).toThrow(/empty\.txt: the file is empty/);
    expect(() => parseDocument('bin.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]), mtime)).toThrow(/bin\.txt: the file looks binary/);
    expect(() => parseDocument('latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]), mtime)).toThrow(/latin1\.txt: the file is not valid UTF-8/);
    expect(() => parseDocument('blank.txt', bytes('  \n\n '), mtime)).toThrow(/blank\.txt: the file has no text/);
  });

  it('rejects a bad front matter date with the expected form', () => {
    expect(() => parseDocument('f.md', bytes('---\ndate: someday\n---\nText.'), mtime)).toThrow(/f\.md: date "someday" is not a date/);
  });

  it('gives stable ids from file names', () => {
    expect(documentId('000_242677af3c996c0f.txt')).toBe('000_242677af3c996c0f');
    expect(documentId('news/2024 report.md')).toBe('news-2024-report');
    expect(documentId('أخبار اليوم.txt')).toBe('أخبار-اليوم');
  });
});
