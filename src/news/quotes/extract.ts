import type { DetectedLang } from '../language.ts';
import type { Sentence } from '../sentences.ts';
import type { Quote } from './types.ts';

/** Direct and reported quotes of a document, with their speakers. (Placeholder: filled in next.) */
export function extractQuotes(_text: string, _sentences: Sentence[], _lang: DetectedLang): Quote[] {
  return [];
}
