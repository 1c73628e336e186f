// `newsbot quotes <file|dir> [--json]`: who said what in documents, as one JSON array or a readable table.
// Reading goes through the content parser (src/news/parse.ts), so titles, front matter and JSON documents
// are handled the same way as at ingest.

import fs from 'node:fs';
import path from 'node:path';
import { parseDocument, SUPPORTED_EXTENSIONS } from '../parse.ts';
import { splitSentences } from '../sentences.ts';
import type { NewsDocument } from '../types.ts';
import { extractQuotes } from './extract.ts';
import type { Quote } from './types.ts';

export interface QuotesReportOptions {
  json: boolean;
}

export interface QuoteRecord {
  /** The document path, as given or below the folder given. */
  doc: string;
  speaker: { name: string; aliases: string[] };
  text: string;
  kind: 'direct' | 'reported';
  cue: string | null;
  /** The whole sentence the quote starts in. */
  sentence: string;
}

function listFiles(target: string): string[] {
  const stat = fs.statSync(target);
  if (stat.isFile()) return [target];
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.name.startsWith('.')) continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile() && (SUPPORTED_EXTENSIONS as readonly string[]).includes(path.extname(e.name).toLowerCase())) out.push(full);
    }
  };
  walk(target);
  return out;
}

function readDocument(file: string): NewsDocument {
  const stat = fs.statSync(file);
  return parseDocument(path.basename(file), fs.readFileSync(file), stat.mtime);
}

/** Quote records of the documents under the given paths, in path order. Unreadable files are skipped. */
export function quoteRecords(paths: string[]): { records: QuoteRecord[]; skipped: string[] } {
  const records: QuoteRecord[] = [];
  const skipped: string[] = [];
  for (const target of paths) {
    let files: string[];
    try {
      files = listFiles(target);
    } catch (e) {
      skipped.push(`${target}: ${(e as Error).message}`);
      continue;
    }
    for (const file of files) {
      let doc: NewsDocument;
      try {
        doc = readDocument(file);
      } catch (e) {
        skipped.push((e as Error).message);
        continue;
      }
      const lang = doc.lang === 'other' ? 'en' : doc.lang;
      const sentences = splitSentences(doc.text, lang);
      const quotes: Quote[] = extractQuotes(doc.text, sentences, doc.lang);
      for (const q of quotes) {
        records.push({
          doc: file,
          speaker: { name: q.speaker.name, aliases: q.speaker.aliases },
          text: q.text,
          kind: q.kind,
          cue: q.cue ?? null,
          sentence: sentences[q.sentence]?.text ?? '',
        });
      }
    }
  }
  return { records, skipped };
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** The report: a JSON array (json) or a table; a direct quote in marks, a reported one labelled, never in marks. */
export function quotesReport(paths: string[], options: QuotesReportOptions): string {
  const { records, skipped } = quoteRecords(paths);
  if (options.json) return JSON.stringify(records, null, 2);
  const lines: string[] = [];
  let lastDoc = '';
  for (const r of records) {
    if (r.doc !== lastDoc) {
      if (lines.length) lines.push('');
      lines.push(r.doc);
      lastDoc = r.doc;
    }
    const shown = r.kind === 'direct' ? `“${clip(r.text, 100)}”` : `(reported) ${clip(r.text, 100)}`;
    lines.push(`  ${clip(r.speaker.name, 28).padEnd(28)}  ${(r.cue ?? '').padEnd(12)}  ${shown}`);
  }
  if (!records.length) lines.push('No quotes found.');
  lines.push('', `${records.length} quote${records.length === 1 ? '' : 's'} in ${new Set(records.map((r) => r.doc)).size} document(s).`);
  for (const s of skipped) lines.push(`skipped: ${s}`);
  return lines.join('\n');
}
