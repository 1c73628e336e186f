export interface Speaker {
  /** Canonical name: the fullest form found. */
  name: string;
  aliases: string[];
  roles: string[];
}

export interface Quote {
  /** Exactly as it stands in the document (for direct quotes, without the quotation marks). */
  text: string;
  kind: 'direct' | 'reported';
  speaker: Speaker;
  /** The reporting verb or cue ("said", «قال», «بحسب»), when one was found. */
  cue?: string;
  /** Offsets of `text` in the document body. */
  start: number;
  end: number;
  /** Index of the sentence the quote starts in. */
  sentence: number;
}
