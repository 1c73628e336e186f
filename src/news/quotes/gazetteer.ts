// The editable name list (config/names.json): names that do not transliterate, in both scripts. Other
// words of a question cross languages through the glossary (glossary.ts).

import fs from 'node:fs';
import nodePath from 'node:path';
import { z } from 'zod';
import { normalizeForMatch } from '../normalize.ts';

const entrySchema = z.object({
  name: z.string().trim().min(1, 'name must not be empty'),
  aliases: z.array(z.string().trim().min(1, 'an alias must not be empty')).default([]),
  kind: z.enum(['person', 'org', 'place']).optional(),
});

const fileSchema = z.object({
  note: z.string().optional(),
  entries: z.array(entrySchema),
});

export type GazetteerEntry = z.infer<typeof entrySchema>;

export interface Gazetteer {
  entries: GazetteerEntry[];
  /** The entry whose name or alias is exactly this (normalized) form. */
  lookup(name: string): GazetteerEntry | undefined;
  /** Entries by the normalized first word of one of their forms, for scanning token sequences. */
  byFirstWord: Map<string, { words: string[]; entry: GazetteerEntry }[]>;
}

export class GazetteerError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'GazetteerError';
  }
}

const keyCache = new Map<string, string>();
const ASCII = /^[\x20-\x7e]*$/;

/** The match form of a name: normalized, punctuation and quotation marks out, spaces single. */
export function nameKey(name: string): string {
  const hit = keyCache.get(name);
  if (hit !== undefined) return hit;
  const base = ASCII.test(name) ? name.toLowerCase() : normalizeForMatch(name);
  const key = base
    .replace(/[«»“”„"'‘’()[\]،,.:;!?؟]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (name.length <= 200) {
    if (keyCache.size > 20_000) keyCache.clear();
    keyCache.set(name, key);
  }
  return key;
}

export function buildGazetteer(entries: GazetteerEntry[]): Gazetteer {
  const byKey = new Map<string, GazetteerEntry>();
  const byFirstWord = new Map<string, { words: string[]; entry: GazetteerEntry }[]>();
  for (const entry of entries) {
    for (const form of [entry.name, ...entry.aliases]) {
      const key = nameKey(form);
      if (!key) continue;
      if (!byKey.has(key)) byKey.set(key, entry);
      const words = key.split(' ');
      const first = words[0]!;
      const list = byFirstWord.get(first) ?? [];
      list.push({ words, entry });
      byFirstWord.set(first, list);
    }
  }
  // Longest forms first, so a scan takes "دونالد ترامب" before "ترامب".
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  return {
    entries,
    lookup: (name) => byKey.get(nameKey(name)),
    byFirstWord,
  };
}

/** Reads and validates a gazetteer file; a bad file throws an error naming the file and the key. */
export function loadGazetteer(path: string): Gazetteer {
  let raw: string;
  try {
    raw = fs.readFileSync(path, 'utf8');
  } catch (e) {
    throw new GazetteerError(path, `cannot read the file (${(e as Error).message})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (e) {
    throw new GazetteerError(path, `not valid JSON (${(e as Error).message})`);
  }
  const parsed = fileSchema.safeParse(data);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`).join('; ');
    throw new GazetteerError(path, detail);
  }
  return buildGazetteer(parsed.data.entries);
}

// Relative to the working directory, like config/newsbot.json: the built bundle lives elsewhere than the sources.
export const DEFAULT_GAZETTEER_PATH = nodePath.resolve('config', 'names.json');

let cached: Gazetteer | undefined;

/** The project gazetteer (config/names.json), loaded once. */
export function defaultGazetteer(): Gazetteer {
  cached ??= loadGazetteer(DEFAULT_GAZETTEER_PATH);
  return cached;
}

/** Replaces the gazetteer used by extraction and the registry (tests, or a reloaded config). */
export function setDefaultGazetteer(g: Gazetteer): void {
  cached = g;
}
