import { normalizeForMatch } from './normalize.ts';

const EN = `a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having he her
here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of
off on once only or other our ours ourselves out over own same she should so some such than that the their theirs
them themselves then there these they this those through to too under until up very was we were what when where
which while who whom why will with would you your yours yourself yourselves may might must shall
upon yet however also per via its it's can't won't don't i'm he's she's we're they're there's that's what's`;

// News-domain words: frequent enough in news to drop from search, but they carry meaning (who said it, which
// year, the US), so the summarizer keeps them as terms.
const EN_DOMAIN = `said says say told mr mrs ms one two new year years us`;

// Written unnormalized for readability; normalized below the same way tokens are.
const AR = `في من إلى الى على عن مع هذا هذه ذلك تلك التي الذي الذين اللذين اللتين هو هي هم هن أنا نحن أنت أنتم
كان كانت يكون تكون كانوا قد لقد لم لن لا ما ماذا متى أين كيف هل إن أن إنه أنه إنها أنها ان انه لكن بل أو ثم حتى إذا
إذ كل بعض غير بين عند عندما منذ خلال بعد قبل حيث أي أيضا أيضًا كما وقد وكان وهو وهي التى فى عليه عليها فيه فيها
منه منها به بها له لها لهم هناك هنا ذات نحو دون ضمن لدى ليس ليست سوف سيكون التي وفي ومن وعلى وإلى
والتي والذي وأن وإن فإن فقد
إلا فقط جدا مثل نفس أكثر بسبب رغم برغم أمام لأن بينما حين كي لكي`;

const AR_DOMAIN = `يوم اليوم وقال قال قالت يقول تقول`;

function build(words: string): Set<string> {
  return new Set(words.split(/\s+/).filter(Boolean).map((w) => normalizeForMatch(w)));
}

/** Everything search leaves out: function words and news-domain words. */
export const STOPWORDS = { en: build(`${EN}\n${EN_DOMAIN}`), ar: build(`${AR}\n${AR_DOMAIN}`) } as const;

/** Function words only (pronouns, articles, prepositions, auxiliaries): a subset of STOPWORDS. */
export const FUNCTION_WORDS = { en: build(EN), ar: build(AR) } as const;

export function isStopword(normalizedToken: string): boolean {
  return STOPWORDS.en.has(normalizedToken) || STOPWORDS.ar.has(normalizedToken);
}

/** True for function words; unlike isStopword, false for news-domain words such as "said" or "year". */
export function isFunctionWord(normalizedToken: string): boolean {
  return FUNCTION_WORDS.en.has(normalizedToken) || FUNCTION_WORDS.ar.has(normalizedToken);
}
