import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGlossary, DEFAULT_GLOSSARY_PATH, GlossaryError, loadGlossary } from '../../../src/news/quotes/glossary.ts';
import { stem, words } from '../../../src/news/tokens.ts';

function write(content: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-'));
  const file = path.join(dir, 'glossary.json');
  fs.writeFileSync(file, content);
  return file;
}

const header = { about: 'test glossary', license: 'CC0-1.0' };

describe('the bilingual news glossary', () => {
  const raw = JSON.parse(fs.readFileSync(DEFAULT_GLOSSARY_PATH, 'utf8')) as { about: string; license: string; entries: { en: string; also?: string[]; ar: string[] }[] };

  it('loads, says where it comes from, and has at least 1,000 entries', () => {
    expect(loadGlossary(DEFAULT_GLOSSARY_PATH).size).toBe(raw.entries.length);
    expect(raw.entries.length).toBeGreaterThanOrEqual(1000);
    expect(raw.license).toBe('CC0-1.0');
    expect(raw.about).toMatch(/compiled for newsbot by its developers/);
  });

  it('has no empty or duplicate keys and only unvocalized Arabic forms', () => {
    const keys = raw.entries.map((e) => e.en.trim().toLowerCase());
    expect(keys.filter((k) => !k)).toEqual([]);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    for (const e of raw.entries) {
      expect(e.ar.length, e.en).toBeGreaterThan(0);
      for (const a of e.ar) {
        expect(a.trim(), e.en).not.toBe('');
        expect(a, e.en).not.toMatch(/[\u064B-\u0652]/);
      }
    }
  });

  it('gives several Arabic forms for common words and covers every news field', () => {
    const g = loadGlossary(DEFAULT_GLOSSARY_PATH);
    const arabicOf = (en: string): string[] => {
      const m = g.matchAt(words(en), 0);
      return m ? m.entries.flatMap((e) => g.forms(e, 'ar').map((f) => f.join(' '))) : [];
    };
    for (const w of ['government', 'prices', 'ceasefire', 'hospital', 'goal', 'court', 'internet', 'drought', 'rising', 'warned']) {
      expect(arabicOf(w).length, w).toBeGreaterThanOrEqual(2);
    }
    // A verb form meets its entry through the loose form: سترتفع and the verbal noun share "rise".
    const rise = g.matchAt(words('سترتفع'), 0);
    expect(rise?.entries.some((e) => g.forms(e, 'en').some((f) => f[0] === 'rise'))).toBe(true);
  });

  it('joins the Arabic near-synonyms a paraphrase uses and keeps apart words that only share letters', () => {
    const g = loadGlossary(DEFAULT_GLOSSARY_PATH);
    const entriesOf = (ar: string): number[] => g.matchAt(words(ar), 0)?.entries ?? [];
    const share = (a: string, b: string): boolean => entriesOf(a).some((e) => entriesOf(b).includes(e));
    for (const [a, b] of [['مضطرا', 'مجبرا'], ['الرغيف', 'الخبز'], ['الإفراج', 'إطلاق سراح'], ['التلاميذ', 'الطلاب'], ['ينبغي', 'يجب']] as const) {
      expect(share(a, b), `${a} ~ ${b}`).toBe(true);
    }
    // A novel is no flight (فروا), and نريد is no vein (وريدي).
    expect(share('الرواية', 'هربوا')).toBe(false);
    expect(share('نريد', 'الوريدية')).toBe(false);
  });

  it('finds a word under a clitic ل or ب, an accusative alif, and a first و or ف that is not a clitic', () => {
    const g = buildGlossary([
      { en: 'sell', ar: ['بيع', 'يبيع'] },
      { en: 'fail', also: ['failure'], ar: ['فشل'] },
      { en: 'final', ar: ['أخير', 'نهائي'] },
    ]);
    const english = (ar: string): string[] => (g.matchAt(words(ar), 0)?.entries ?? []).flatMap((e) => g.forms(e, 'en').map((f) => f.join(' ')));
    expect(english('لبيع')).toContain('sell');
    expect(english('فشلا')).toContain('fail');
    expect(english('أخيرا')).toContain('final');
  });

  it('meets a root و or ف with and without the article, and never makes a form of a lone letter', () => {
    const g = buildGlossary([
      { en: 'job', also: ['jobs'], ar: ['وظيفة', 'وظائف'] },
      { en: 'email', also: ['e-mail'], ar: ['البريد الإلكتروني'] },
    ]);
    const english = (ar: string): string[] => (g.matchAt(words(ar), 0)?.entries ?? []).flatMap((e) => g.forms(e, 'en').map((f) => f.join(' ')));
    // الوظائف stems to وظايف, وظائف to ظايف (the stemmer reads its و as «and»): both find the entry.
    expect(english('الوظائف')).toContain('job');
    expect(english('وظائف')).toContain('job');
    // The Arabic forms come in both stems, so a statement with the article is met too.
    expect(g.forms(0, 'ar').map((f) => f.join(' '))).toEqual(expect.arrayContaining([words('الوظائف').map(stem)[0]]));
    // e-mail is the words e and mail: the e is no term of its own (it would match nothing, or everything).
    expect(g.forms(1, 'en')).toContainEqual(['mail']);
    expect(g.forms(1, 'en').flat().every((t) => t.length > 1)).toBe(true);
  });

  it('stops with the file, the entry and the key named when the file is broken', () => {
    const notJson = write('{ "entries": [');
    expect(() => loadGlossary(notJson)).toThrow(GlossaryError);
    expect(() => loadGlossary(notJson)).toThrow(new RegExp(`${notJson}: not valid JSON`));
    const empty = write(JSON.stringify({ ...header, entries: [{ en: 'war', ar: ['حرب'] }, { en: 'peace', ar: [''] }] }));
    expect(() => loadGlossary(empty)).toThrow(/glossary\.json: entries\.1\.ar\.0/);
    const dup = write(JSON.stringify({ ...header, entries: [{ en: 'War', ar: ['حرب'] }, { en: 'war', ar: ['الحرب'] }] }));
    expect(() => loadGlossary(dup)).toThrow(/entries\.1\.en: "war" repeats entries\.0\.en/);
    const swapped = write(JSON.stringify({ ...header, entries: [{ en: 'حرب', ar: ['war'] }] }));
    expect(() => loadGlossary(swapped)).toThrow(/entries\.0\.en/);
    const noHeader = write(JSON.stringify({ entries: [{ en: 'war', ar: ['حرب'] }] }));
    expect(() => loadGlossary(noHeader)).toThrow(/about/);
    expect(() => loadGlossary(path.join(os.tmpdir(), 'no-such-glossary.json'))).toThrow(/no-such-glossary\.json: cannot read/);
  });
});
