import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildBrief, type BriefOptions } from '../../src/news/brief.ts';
import { createNewsStore, type DocumentsEvent } from '../../src/news/store.ts';
import type { DocumentPersistence } from '../../src/news/stored.ts';
import type { NewsDocument } from '../../src/news/types.ts';
import type { Storage } from '../../src/storage/db.ts';
import { openTestStorage } from '../helpers/storage.ts';
import { createDocumentPersistence } from '../../src/storage/documents.ts';
import { tempDir } from '../briefings/helpers.ts';
import { memoryLogger } from '../helpers/services.ts';

const OIL = 'Oil prices climb\n\nOil prices rose on Monday after OPEC agreed to cut output. "Supply will tighten," said Amin Nasser, the chief executive of Aramco.\n';
const CUP = 'Cup final tonight\n\nThe final is played tonight in Riyadh. Fans travelled from across the region.\n';
const RAIN = 'Rain in Cairo\n\nHeavy rain fell on Cairo on Tuesday. Roads were closed for hours.\n';

let open: Storage[] = [];
afterEach(async () => {
  for (const s of open) await s.close();
  open = [];
});

function write(dir: string, file: string, text: string, date = '2025-03-01T06:00:00Z'): void {
  const full = path.join(dir, file);
  fs.writeFileSync(full, text);
  const t = new Date(date);
  fs.utimesSync(full, t, t);
}

/** A store over a real SQLite file whose brief builder counts the documents it processes. */
async function openStore(dataDir: string, contentDir: string, now = () => Date.parse('2025-03-05T07:00:00Z')) {
  const storage = await openTestStorage({ dataDir });
  open.push(storage);
  const built: string[] = [];
  const log = memoryLogger();
  const counting = (doc: NewsDocument, options: BriefOptions) => {
    built.push(doc.id);
    return buildBrief(doc, options);
  };
  const store = await createNewsStore({ dir: contentDir, summarySentences: 2, log, persistence: createDocumentPersistence(storage.db), buildBrief: counting, now });
  return { store, storage, built, log };
}

function folders() {
  const dataDir = tempDir('newsbot-store-');
  const contentDir = tempDir('newsbot-content-');
  write(contentDir, 'oil.txt', OIL, '2025-03-01T06:00:00Z');
  write(contentDir, 'cup.txt', CUP, '2025-03-02T06:00:00Z');
  return { dataDir, contentDir };
}

describe('document store', () => {
  it('adds, changes and removes documents in place, processing only what changed', async () => {
    const { dataDir, contentDir } = folders();
    const { store, built } = await openStore(dataDir, contentDir);
    expect(built.sort()).toEqual(['cup', 'oil']);
    const library = store.library();
    const oil = library.byId('oil');
    const speakers = store.speakers();
    expect(speakers.find('Nasser')?.count).toBe(1);
    const events: DocumentsEvent[] = [];
    store.onDocuments((e) => events.push(e));

    write(contentDir, 'rain.txt', RAIN, '2025-03-03T06:00:00Z');
    await store.reload();
    expect(built.slice(2)).toEqual(['rain']);
    expect(store.library()).toBe(library);
    expect(library.byId('oil')).toBe(oil);
    expect(library.briefs.map((b) => b.doc.id)).toEqual(['rain', 'cup', 'oil']);
    expect(library.numberOf(oil!)).toBe(3);
    expect(library.search('rain cairo')[0]?.doc.id).toBe('rain');
    expect(events.at(-1)).toMatchObject({ added: [{ doc: { id: 'rain' } }], changed: [], removed: [], announce: true });

    write(contentDir, 'oil.txt', OIL.replace('Amin Nasser', 'Khalid Falih'), '2025-03-01T06:00:00Z');
    await store.reload();
    expect(built.slice(3)).toEqual(['oil']);
    expect(library.byId('oil')).not.toBe(oil);
    expect(library.byId('cup')?.doc.id).toBe('cup');
    expect(store.speakers()).toBe(speakers);
    expect(speakers.find('Falih')?.count).toBe(1);
    expect(speakers.quotesBy('Nasser')).toEqual([]);

    fs.rmSync(path.join(contentDir, 'cup.txt'));
    await store.reload();
    expect(built).toHaveLength(4);
    expect(library.briefs.map((b) => b.doc.id)).toEqual(['rain', 'oil']);
    expect(library.byNumber(2)?.doc.id).toBe('oil');
    expect(library.search('final')).toEqual([]);
    expect(events.at(-1)).toMatchObject({ added: [], changed: [], removed: ['cup'] });
  });

  it('restarts from the stored briefs without processing anything again, and notices files removed meanwhile', async () => {
    const { dataDir, contentDir } = folders();
    const first = await openStore(dataDir, contentDir);
    const before = first.store.library().byId('oil')!;
    await first.storage.close();
    open = [];
    fs.rmSync(path.join(contentDir, 'cup.txt'));

    const again = await openStore(dataDir, contentDir);
    // Answers come from the stored briefs at once; the folder pass runs behind.
    expect(again.store.library().byId('cup')).toBeDefined();
    await again.store.whenIdle();
    expect(again.built).toEqual([]);
    const oil = again.store.library().byId('oil')!;
    expect(again.store.library().briefs.map((b) => b.doc.id)).toEqual(['oil']);
    expect(oil.summary).toEqual(before.summary);
    expect(oil.sentences).toEqual(before.sentences);
    expect(oil.quotes).toEqual(before.quotes);
    expect(oil.doc).toMatchObject({ sourceId: `folder:${path.basename(contentDir)}`, file: 'oil.txt', title: 'Oil prices climb' });
    const rows = await again.storage.db.selectFrom('documents').select('id').execute();
    expect(rows.map((r) => r.id)).toEqual(['oil']);
  });

  it('builds again, once, the stored briefs made with other settings, keeping them new or not as they were', async () => {
    const dataDir = tempDir('newsbot-store-');
    const storage = await openTestStorage({ dataDir });
    open.push(storage);
    const log = memoryLogger();
    const doc: NewsDocument = { id: 'long', file: '', title: 'Markets rally', text: 'Markets rallied on Friday. Traders cheered the news. Banks led the gains. Oil was flat.', date: new Date('2025-03-05T07:30:00Z'), lang: 'en', tags: [] };
    const first = await createNewsStore({ summarySentences: 3, log, persistence: createDocumentPersistence(storage.db) });
    await first.ingest([doc], { announce: false });
    expect(first.library().byId('long')?.summary).toHaveLength(3);

    const built: string[] = [];
    const counting = (d: NewsDocument, o: BriefOptions) => (built.push(d.id), buildBrief(d, o));
    const second = await createNewsStore({ summarySentences: 1, log, persistence: createDocumentPersistence(storage.db), buildBrief: counting });
    await second.whenIdle();
    expect(built).toEqual(['long']);
    expect(second.library().byId('long')?.summary).toHaveLength(1);
    expect(second.firstSeen('long')?.announce).toBe(false);
    const third = await createNewsStore({ summarySentences: 1, log, persistence: createDocumentPersistence(storage.db), buildBrief: counting });
    await third.whenIdle();
    expect(built).toEqual(['long']);
  });

  it('never runs two folder passes at once; requests during a pass make exactly one more', async () => {
    const { dataDir, contentDir } = folders();
    const storage = await openTestStorage({ dataDir });
    open.push(storage);
    const real = createDocumentPersistence(storage.db);
    let inFlight = 0;
    let most = 0;
    let saves = 0;
    const slow: DocumentPersistence = {
      ...real,
      async save(docs) {
        inFlight++;
        most = Math.max(most, inFlight);
        saves++;
        await new Promise((r) => setTimeout(r, 50));
        await real.save(docs);
        inFlight--;
      },
    };
    const log = memoryLogger();
    const store = await createNewsStore({ dir: contentDir, summarySentences: 2, log, persistence: slow });
    const passes = () => log.lines.filter((l) => l.msg.startsWith('content ')).length;
    expect(passes()).toBe(1);
    write(contentDir, 'rain.txt', RAIN);
    const a = store.reload();
    const b = store.reload();
    const c = store.reload();
    await Promise.all([a, b, c]);
    expect(most).toBe(1);
    expect(passes()).toBe(3);
    expect(saves).toBe(2);
    expect(store.library().briefs).toHaveLength(3);
  });

  it('skips a malformed file with one log line naming it and keeps its last good version', async () => {
    const { dataDir, contentDir } = folders();
    const { store, log } = await openStore(dataDir, contentDir);
    fs.writeFileSync(path.join(contentDir, 'cup.txt'), Buffer.from([0x43, 0x75, 0x70, 0xff, 0xfe, 0x0a]));
    write(contentDir, 'bad.json', '{"title": "no text"');
    await store.reload();
    await store.reload();
    const warnings = log.lines.filter((l) => l.level === 'warn').map((l) => l.msg);
    expect(warnings.filter((m) => m.includes('cup.txt'))).toHaveLength(1);
    expect(warnings.filter((m) => m.includes('bad.json'))).toHaveLength(1);
    expect(store.library().byId('cup')?.doc.title).toBe('Cup final tonight');
    expect(store.skipped().map((s) => s.file).sort()).toEqual(['bad.json', 'cup.txt']);
  });

  it('records arrivals: a new store backfills to the documents\u2019 dates, later documents arrive when first seen, unannounced ones never count as new', async () => {
    const { dataDir, contentDir } = folders();
    let t = Date.parse('2025-03-05T07:00:00Z');
    const { store } = await openStore(dataDir, contentDir, () => t);
    expect(store.firstSeen('oil')).toEqual({ at: Date.parse('2025-03-01T06:00:00Z'), announce: true });
    t = Date.parse('2025-03-05T08:00:00Z');
    write(contentDir, 'old.txt', RAIN, '2020-01-01T00:00:00Z');
    await store.reload();
    expect(store.firstSeen('old')).toEqual({ at: t, announce: true });
    const feedItem: NewsDocument = { id: 'feed-x-1', file: '', title: 'Markets rally', text: 'Markets rallied on Friday. Traders cheered.', date: new Date('2025-03-05T07:30:00Z'), lang: 'en', tags: [], sourceId: 'feed:x', source: 'Example News', url: 'https://example.com/1' };
    const result = await store.ingest([feedItem], { announce: false });
    expect(result.added.map((b) => b.doc.id)).toEqual(['feed-x-1']);
    expect(store.firstSeen('feed-x-1')).toEqual({ at: t, announce: false });
    expect((await store.ingest([feedItem])).unchanged).toBe(1);
    expect(store.library().byId('feed-x-1')?.doc).toMatchObject({ source: 'Example News', url: 'https://example.com/1', sourceId: 'feed:x' });
    await store.remove(['feed-x-1']);
    expect(store.library().byId('feed-x-1')).toBeUndefined();
    expect(store.firstSeen('feed-x-1')).toBeUndefined();
  });
});
