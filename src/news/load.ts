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

/** Supported files below `dir`, relative, sorted; hidden files and folders are left out. */
export async function listFiles(dir: string, prefix = ''): Promise<string[]> {
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

export function isContentFile(file: string): boolean {
  return (SUPPORTED_EXTENSIONS as readonly string[]).includes(path.extname(file).toLowerCase()) && !file.split(/[\\/]/).some((part) => part.startsWith('.'));
}

/** Reads and parses one file (`file` relative to `dir`); throws ContentError. */
export async function readDocument(dir: string, file: string, stat: { size: number; mtime: Date }, maxBytes: number): Promise<NewsDocument> {
  if (stat.size > maxBytes) {
    throw new ContentError(file, `the file is ${(stat.size / 1e6).toFixed(1)} MB, over the ${(maxBytes / 1e6).toFixed(1)} MB limit (content.maxFileBytes)`);
  }
  return parseDocument(file, await fs.readFile(path.join(dir, file)), stat.mtime);
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
      const doc = await readDocument(dir, file, await fs.stat(full), options.maxBytes);
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
