import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDocuments } from '../../src/news/load.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-load-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('loadDocuments', () => {
  it('skips each bad file with one reason naming it and loads the rest', async () => {
    fs.writeFileSync(path.join(dir, 'good.txt'), 'Title\n\nA good article. It has sentences.');
    fs.writeFileSync(path.join(dir, 'empty.txt'), '');
    fs.writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x10]));
    fs.writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from('caf\xe9 cr\xe8me', 'latin1'));
    // 50 MB, over the limit: refused by size before it is read.
    const fd = fs.openSync(path.join(dir, 'huge.txt'), 'w');
    fs.ftruncateSync(fd, 50 * 1024 * 1024);
    fs.closeSync(fd);
    fs.writeFileSync(path.join(dir, 'notes.docx'), 'ignored: not a content type');
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'sub', 'inner.md'), '---\ntitle: Inner\n---\nNested text.');

    const { docs, skipped } = await loadDocuments(dir, { maxBytes: 5_000_000 });
    expect(docs.map((d) => d.id).sort()).toEqual(['good', 'sub-inner']);
    expect(skipped.map((s) => s.file).sort()).toEqual(['binary.txt', 'empty.txt', 'huge.txt', 'latin1.txt']);
    expect(skipped.find((s) => s.file === 'huge.txt')?.message).toMatch(/huge\.txt: the file is 52\.4 MB, over the 5\.0 MB limit/);
  });

  it('refuses two files that would share one id', async () => {
    fs.writeFileSync(path.join(dir, 'a.txt'), 'One text.');
    fs.writeFileSync(path.join(dir, 'a.md'), 'Other text.');
    const { docs, skipped } = await loadDocuments(dir, { maxBytes: 1e6 });
    expect(docs).toHaveLength(1);
    expect(skipped[0]?.message).toMatch(/already taken/);
  });

  it('loads the shipped content: the Arabic seed and the English articles', async () => {
    const { docs, skipped } = await loadDocuments(new URL('../../content', import.meta.url).pathname, { maxBytes: 5e6 });
    expect(skipped).toEqual([]);
    expect(docs.filter((d) => d.lang === 'ar').map((d) => d.id)).toEqual(['000_242677af3c996c0f']);
    expect(docs.filter((d) => d.lang === 'en').length).toBeGreaterThanOrEqual(10);
  });
});
