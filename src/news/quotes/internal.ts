// Shapes passed between the quote finders (english/*, arabic/*) and speaker resolution (speakers/*).

export type Gender = 'm' | 'f' | 'p' | 'n';

/** A phrase that names (or stands for) whoever speaks. Offsets are in the original text. */
export interface Mention {
  kind: 'name' | 'noun' | 'pronoun' | 'drop';
  /** The name part: "Guo Jiakun", "Ms Hewitt", "the company", "he"; empty for a dropped subject. */
  name: string;
  /** A role or apposition kept with the name: «المتحدث باسم وزارة الخارجية الصينية», "director general of ...". */
  role?: string;
  /** Grammatical hints: from a title, a role word, a pronoun or verb agreement. */
  gender?: Gender;
  start: number;
  end: number;
}

export interface Candidate {
  kind: 'direct' | 'reported';
  start: number;
  end: number;
  cue?: string;
  /** Offset of the cue; quotes that share a cue share a speaker. */
  cueAt?: number;
  mention?: Mention;
  /** A direct quote with no cue of its own: it takes the speaker of the run it continues. */
  standalone?: boolean;
}

export interface Token {
  /** The token in its matching form (folded for Arabic). */
  t: string;
  /** Offsets in the original text. */
  s: number;
  e: number;
}

/** The subjects of a sentence's clauses, in order (computed on demand), for pronouns and dropped subjects. */
export type SubjectAt = (sentence: number) => Mention[];
