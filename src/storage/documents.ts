// The document store's persistence (src/news/stored.ts DocumentPersistence) in the `documents` table.
// Kysely only, no SQLite-only SQL, so the same queries run on PostgreSQL.
import type { Kysely, Selectable } from 'kysely';
import type { DetectedLang } from '../news/language.ts';
import type { DocumentPersistence, StoredDocument } from '../news/stored.ts';
import type { NewsDocument } from '../news/types.ts';
import type { Database, DocumentTable } from './schema.ts';

/** Rows per INSERT: 18 columns each stays far below every engine's bound-parameter limit. */
const CHUNK = 200;
/** Rows per page when loading at start-up. */
const PAGE = 1000;
const LANGS = new Set<string>(['ar', 'en', 'other']);

function toRow(d: StoredDocument, now: number): DocumentTable {
  const { doc } = d;
  return {
    id: doc.id,
    hash: d.hash,
    source_id: doc.sourceId ?? '',
    file: doc.file,
    title: doc.title,
    body: doc.text,
    date: doc.date.getTime(),
    lang: doc.lang,
    source: doc.source ?? null,
    url: doc.url ?? null,
    author: doc.author ?? null,
    canonical_url: doc.canonicalUrl ?? null,
    fetched_at: doc.fetchedAt?.getTime() ?? null,
    tags: JSON.stringify(doc.tags),
    brief: d.brief,
    announce: d.announce ? 1 : 0,
    first_seen_at: d.firstSeenAt,
    updated_at: now,
  };
}

function tagsOf(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
}

function fromRow(r: Selectable<DocumentTable>): StoredDocument {
  const doc: NewsDocument = {
    id: r.id,
    file: r.file,
    title: r.title,
    text: r.body,
    date: new Date(Number(r.date)),
    lang: (LANGS.has(r.lang) ? r.lang : 'other') as DetectedLang,
    tags: tagsOf(r.tags),
  };
  if (r.source_id) doc.sourceId = r.source_id;
  if (r.source !== null) doc.source = r.source;
  if (r.url !== null) doc.url = r.url;
  if (r.author !== null) doc.author = r.author;
  if (r.canonical_url !== null) doc.canonicalUrl = r.canonical_url;
  if (r.fetched_at !== null) doc.fetchedAt = new Date(Number(r.fetched_at));
  return { doc, hash: r.hash, brief: r.brief, firstSeenAt: Number(r.first_seen_at), announce: Number(r.announce) !== 0 };
}

export function createDocumentPersistence(db: Kysely<Database>, now: () => number = Date.now): DocumentPersistence {
  return {
    async *load() {
      // Keyset pages by id: the same query on every engine, and no OFFSET rescans.
      let after: string | undefined;
      for (;;) {
        let q = db.selectFrom('documents').selectAll().orderBy('id').limit(PAGE);
        if (after !== undefined) q = q.where('id', '>', after);
        const rows = await q.execute();
        if (rows.length === 0) return;
        after = rows[rows.length - 1]!.id;
        yield rows.map(fromRow);
        if (rows.length < PAGE) return;
      }
    },
    async loadSome(ids) {
      const out: StoredDocument[] = [];
      for (let i = 0; i < ids.length; i += 500) out.push(...(await db.selectFrom('documents').selectAll().where('id', 'in', ids.slice(i, i + 500)).execute()).map(fromRow));
      return out;
    },
    async save(docs) {
      if (docs.length === 0) return;
      const t = now();
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < docs.length; i += CHUNK) {
          const rows = docs.slice(i, i + CHUNK).map((d) => toRow(d, t));
          await trx
            .insertInto('documents')
            .values(rows)
            .onConflict((oc) =>
              oc.column('id').doUpdateSet((eb) => ({
                hash: eb.ref('excluded.hash'),
                source_id: eb.ref('excluded.source_id'),
                file: eb.ref('excluded.file'),
                title: eb.ref('excluded.title'),
                body: eb.ref('excluded.body'),
                date: eb.ref('excluded.date'),
                lang: eb.ref('excluded.lang'),
                source: eb.ref('excluded.source'),
                url: eb.ref('excluded.url'),
                author: eb.ref('excluded.author'),
                canonical_url: eb.ref('excluded.canonical_url'),
                fetched_at: eb.ref('excluded.fetched_at'),
                tags: eb.ref('excluded.tags'),
                brief: eb.ref('excluded.brief'),
                announce: eb.ref('excluded.announce'),
                first_seen_at: eb.ref('excluded.first_seen_at'),
                updated_at: eb.ref('excluded.updated_at'),
              })),
            )
            .execute();
        }
      });
    },
    async remove(ids) {
      if (ids.length === 0) return;
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < ids.length; i += 500) await trx.deleteFrom('documents').where('id', 'in', ids.slice(i, i + 500)).execute();
      });
    },
  };
}
