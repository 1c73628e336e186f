import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GAZETTEER_PATH, loadGazetteer } from '../../../src/news/quotes/gazetteer.ts';
import { sameNameWord, skeleton } from '../../../src/news/quotes/translit.ts';

function write(content: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'names-'));
  const file = path.join(dir, 'names.json');
  fs.writeFileSync(file, content);
  return file;
}

describe('gazetteer', () => {
  it('loads the project file', () => {
    const g = loadGazetteer(DEFAULT_GAZETTEER_PATH);
    expect(g.lookup('قو')?.name).toBe('Guo Jiakun');
    expect(g.lookup('دونالد  ترامب')?.name).toBe('Donald Trump');
  });

  it('names the file and the key of a bad entry', () => {
    const file = write(JSON.stringify({ entries: [{ name: 'Ok', aliases: [] }, { name: '', aliases: ['x'] }] }));
    expect(() => loadGazetteer(file)).toThrow(file);
    expect(() => loadGazetteer(file)).toThrow(/entries\.1\.name/);
    const wrongType = write(JSON.stringify({ entries: [{ name: 'A', aliases: 'B' }] }));
    expect(() => loadGazetteer(wrongType)).toThrow(/entries\.0\.aliases/);
    const notJson = write('{ entries: ');
    expect(() => loadGazetteer(notJson)).toThrow(/not valid JSON/);
  });
});

describe('transliteration skeleton', () => {
  it('gives both scripts of a name the same skeleton', () => {
    expect(skeleton('Trump')).toBe(skeleton('ترامب'));
    expect(skeleton('Lavrov')).toBe(skeleton('لافروف'));
    expect(skeleton('Guo')).toBe(skeleton('قو'));
    expect(sameNameWord('Macron', 'ماكرون')).toBe(true);
    expect(sameNameWord('Eriksson', 'إريكسون')).toBe(true);
    expect(sameNameWord('Trump', 'بوتين')).toBe(false);
  });
});
