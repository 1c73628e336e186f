import type { Lang } from '../../news/language.ts';
import type { Post } from '../post.ts';
import type { BotServices } from '../types.ts';

/** Answers a plain who-said-what question, or undefined when the text is not one. */
export function plainQuestion(_services: BotServices, _text: string, _lang: Lang): Post | undefined {
  return undefined;
}
