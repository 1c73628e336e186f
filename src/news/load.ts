import fs from 'node:fs/promises';
import path from 'node:path';
import { ContentError, parseDocument, SUPPORTED_EXTENSIONS } from './parse.ts';
import type { NewsDocument } from './types.ts';

export interface LoadResult {
  docs: NewsDocument[];
  /** One entry per skipped file: the file and why. */
  skipped: ContentError[];
}

export interface LoadOptions {
  /** Files larger than this are skipped unread. */
  maxBytes: number;
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await fs.readdir(path.join(dir, prefix), { withFileTypes: true });
  const out: string[] = [];
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name.startsWith('.')) continue;
    const rel = prefix ? path.join(prefix, e.name) : e.name;
    if (e.isDirectory()) out.push(...(await listFiles(dir, rel)));
    else if (e.isFile() && (SUPPORTED_EXTENSIONS as readonly string[]).includes(path.extname(e.name).toLowerCase())) out.push(rel);
  }
  return out;
}

/** Loads every supported file below `dir`; a bad file is skipped and reported, the rest load. */
export async function loadDocuments(dir: string, options: LoadOptions): Promise<LoadResult> {
  const files = await listFiles(dir);
  const docs: NewsDocument[] = [];
  const skipped: ContentError[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    try {
      const full = path.join(dir, file);
      const stat = await fs.stat(full);
      if (stat.size > options.maxBytes) {
        throw new ContentError(file, `the file is ${(stat.size / 1e6).toFixed(1)} MB, over the ${(options.maxBytes / 1e6).toFixed(1)} MB limit (content.maxFileBytes)`);
      }
      const doc = parseDocument(file, await fs.readFile(full), stat.mtime);
      const clash = seen.get(doc.id);
      if (clash) throw new ContentError(file, `its id "${doc.id}" is already taken by ${clash}; rename one of them`);
      seen.set(doc.id, file);
      docs.push(doc);
    } catch (e) {
      skipped.push(e instanceof ContentError ? e : new ContentError(file, (e as Error).message));
    }
  }
  return { docs, skipped };
}
