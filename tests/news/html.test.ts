import { describe, expect, it } from 'vitest';
import { extractArticle, htmlToText, langOf } from '../../src/news/html.ts';
import { parseDocument } from '../../src/news/parse.ts';
import { decodeBody } from '../../src/sources/charset.ts';
import { canonicalLink, itemKeys, parseFeedText } from '../../src/sources/items.ts';
import { railPage, waterPageAr } from '../fakes/feed-fixtures.ts';

describe('htmlToText', () => {
  it('keeps paragraphs and line breaks, drops scripts and tags, decodes entities', () => {
    expect(htmlToText('<p>One &amp; two.</p><script>x()</script><p>Three<br>four <b>five</b></p>')).toBe('One & two.\n\nThree\nfour five');
    expect(htmlToText('plain   text')).toBe('plain text');
  });
});

describe('extractArticle', () => {
  it('reads the main text and the meta tags of an English page', () => {
    const a = extractArticle(railPage, 'https://news.example/articles/rail-timetable')!;
    expect(a.title).toBe('Rail line gets a new timetable | Example News');
    expect(a.author).toBe('Priya Shah');
    expect(a.date?.toISOString()).toBe('2026-12-01T07:00:00.000Z');
    expect(a.lang).toBe('en-GB');
    expect(a.siteName).toBe('Example News');
    expect(a.canonicalUrl).toBe('https://news.example/en/rail-timetable');
    expect(a.text).toContain('operations manager Lucy Chen said.');
    expect(a.text).not.toMatch(/Home|Privacy|All rights reserved/);
    expect(a.text.split('\n\n').length).toBeGreaterThanOrEqual(4);
  });

  it('reads an Arabic right-to-left page with its JSON-LD', () => {
    const a = extractArticle(waterPageAr)!;
    expect(a.title).toBe('هيئة المياه تعلن خطة لتحلية مياه البحر');
    expect(a.author).toBe('ريم العلي');
    expect(a.date?.toISOString()).toBe('2026-12-01T03:00:00.000Z');
    expect(langOf(a.lang)).toBe('ar');
    expect(a.dir).toBe('rtl');
    expect(a.siteName).toBe('أخبار المثال');
    expect(a.canonicalUrl).toBe('https://news.example/ar/tahlia');
    expect(a.text).toContain('وقالت وزيرة المياه ليلى منصور: «ستوفر المحطات الجديدة مياه الشرب لمليون شخص إضافي بحلول عام 2030».');
    expect(a.text).not.toContain('جميع الحقوق محفوظة');
  });

  it('gives nothing for a page without text', () => {
    expect(extractArticle('<html><body></body></html>')).toBeUndefined();
  });
});

describe('.html content files', () => {
  it('become documents with the page metadata', () => {
    const doc = parseDocument('web/tahlia.html', new TextEncoder().encode(waterPageAr), new Date('2026-01-01'));
    expect(doc).toMatchObject({ id: 'web-tahlia', lang: 'ar', title: 'هيئة المياه تعلن خطة لتحلية مياه البحر', author: 'ريم العلي', url: 'https://news.example/ar/tahlia', source: 'أخبار المثال' });
    expect(doc.date.toISOString()).toBe('2026-12-01T03:00:00.000Z');
    const en = parseDocument('rail.htm', new TextEncoder().encode(railPage), new Date('2026-01-01'));
    expect(en).toMatchObject({ lang: 'en', author: 'Priya Shah' });
    expect(en.text).toContain('Lucy Chen');
  });
});

describe('feed text helpers', () => {
  it('drops tracking parameters and fragments from links', () => {
    expect(canonicalLink('https://a.example/x?id=3&utm_source=rss&fbclid=1&gclid=2#top')).toBe('https://a.example/x?id=3');
  });

  it('identity: guid, else link, else title and date', () => {
    const keys = itemKeys([
      { guid: 'a', link: 'https://a.example/1', text: '', tags: [] },
      { link: 'https://a.example/2?utm_medium=x', text: '', tags: [] },
      { title: 'T', date: new Date(0), text: '', tags: [] },
    ]);
    expect(keys.map((k) => k.map((x) => x.split(':')[0]))).toEqual([['guid', 'link'], ['link'], ['title']]);
    expect(itemKeys([{ link: 'https://a.example/2', text: '', tags: [] }])[0]).toEqual(keys[1]);
  });

  it('decodes by BOM, Content-Type, then XML declaration; refuses bytes that are not the named charset', () => {
    const bytes = new Uint8Array([0xe3, 0xd1, 0xcd, 0xc8, 0xc7]); // «مرحبا» in windows-1256
    expect(decodeBody(bytes, 'text/xml; charset=windows-1256')).toBe('مرحبا');
    expect(decodeBody(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), 'text/xml; charset=windows-1256')).toBe('a');
    expect(() => decodeBody(bytes, 'text/xml; charset=utf-8')).toThrow(/not valid utf-8/);
    expect(() => decodeBody(bytes, 'text/xml; charset=klingon')).toThrow(/unknown character encoding "klingon"/);
  });

  it('parses a feed with a bare ampersand', () => {
    const feed = parseFeedText('<rss version="2.0"><channel><title>A & B</title><item><title>Q & A</title><link>https://a.example/q</link><description>Text.</description></item></channel></rss>');
    expect(feed.items[0]).toMatchObject({ title: 'Q & A', link: 'https://a.example/q', text: 'Text.' });
  });
});
