// English word lists, one home each: the attribution rules (english/*), speaker resolution (speakers/*)
// and the eval read them from here.

import { FEMALE_NAMES, MALE_NAMES } from './firstnames.ts';
import type { Gender } from './internal.ts';

export const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", 'am']);

export const MODAL = new Set(['to', 'would', 'will', 'could', 'can', 'should', 'might', 'may', 'must', 'did', 'does', 'do', "didn't", "doesn't", "don't", "won't", "wouldn't", 'cannot', "couldn't", 'shall', "can't", 'not', 'never']);

export const AUX_SKIP = new Set(['has', 'have', 'had', "'s", "'ve", "'d", 'also', 'previously', 'later', 'then', 'recently', 'further', 'repeatedly', 'earlier', 'yesterday', 'today', 'now', 'once', 'again', 'always', 'often', 'still', 'reportedly', 'apparently', 'simply', 'even', 'just', 'privately', 'publicly', 'openly', 'strongly', 'firmly', 'flatly', 'clearly', 'however', 'himself', 'herself', 'itself', 'themselves', 'is', 'was', 'are', 'were', 'has', 'been', 'had', 'indeed', 'already', 'subsequently', 'angrily', 'famously', 'immediately', 'quickly', 'frankly', 'candidly', 'bluntly', 'confidently', 'insistently']);

export const PRONOUNS = new Map<string, Gender>([
  ['he', 'm'],
  ['she', 'f'],
  ['they', 'p'],
  ['it', 'n'],
  ['we', 'p'],
  ['i', 'm'],
]);

export const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'this', 'that', 'one', 'another']);

export const SPEAKER_NOUNS = new Set(
  `spokesman spokeswoman spokesperson official minister secretary chairman chairwoman chair chief executive director president
  leader head boss manager coach captain company firm group government department ministry commission committee council
  agency union party club bank report statement study survey ruling court judge judges organisers organizers wife husband
  mother father son daughter brother sister friend partner lawyer lawyers author writer singer actor actress star player
  striker keeper winger chancellor premier governor mayor mp senator ambassador editor source spokesmen officials police
  regulator watchdog airline carrier retailer group authority board inquiry tribunal bishop pope king queen prince princess
  campaigner campaigners teenager veteran champion winner medallist founder owner producer director-general analyst economist
  professor expert researcher organisation organization charity institute association federation businessman adviser
  advisor aide envoy counterpart opposition prosecutor prosecutors magazine newspaper broadcaster publisher website
  channel station studio carmaker manufacturer insurer lender supermarket brewer panel taskforce coalition consortium
  alliance think-tank office embassy palace band team family orchestra army military agent representative publicist
  solicitor barrister colleague neighbour teammate doctor witness eyewitness relative delegation negotiator critic
  reviewer columnist`
    .split(/\s+/)
    .filter(Boolean),
);

// Kinds of firm that stand between a modifier and a name ("Smartphone maker Tellus", "Supermarket chain
// Hollins"); as a subject alone ("the car maker") they are left to the body named before.
export const FIRM_KINDS = new Set(['maker', 'chain', 'giant', 'operator', 'start-up', 'startup', 'firm', 'group', 'company', 'bank', 'retailer', 'carrier']);

// Bare plural or vague sources are not speakers (analysts said, critics claim, people who said).
export const VAGUE = new Set(['analysts', 'critics', 'experts', 'observers', 'people', 'researchers', 'some', 'many', 'most', 'others', 'officials', 'sources', 'campaigners', 'economists', 'commentators', 'insiders', 'residents', 'fans', 'voters', 'users', 'customers', 'consumers', 'parents', 'teachers', 'doctors', 'scientists', 'airlines', 'firms', 'companies', 'reports', 'figures', 'studies', 'they', 'those', 'both', 'all', 'half', 'few', 'several', 'one', 'none']);

export const ROLE_TITLES = new Set(
  `secretary minister chancellor leader president chairman chairwoman director commissioner spokesman spokeswoman officer
  executive chief prime deputy shadow home foreign tory labour conservative liberal democrat democrats lib dem mp mep senator governor
  mayor general judge justice coach manager captain professor prof king queen prince princess bishop archbishop pope rev
  sheikh vice attorney ambassador editor treasurer sen rep gov cabinet office chairperson founder head skipper striker
  midfielder defender goalkeeper boss ceo cfo chief-executive md coo first party spokesperson shadow-chancellor councillor
  inspector superintendent constable sergeant detective commander colonel lieutenant major admiral marshal brigadier
  novelist writer author actor actress singer playwright producer presenter broadcaster journalist economist analyst
  athlete sprinter hurdler runner champion star designer artist sculptor comedian musician lawyer campaigner chairwoman
  poet composer director-general spokesperson rabbi imam cardinal pastor reverend cllr dean vicar rector provost
  archdeacon headmaster headmistress coroner sheriff`
    .split(/\s+/)
    .filter(Boolean),
);

export const NAME_JOINERS = new Set(['of', 'de', 'van', 'von', 'der', 'den', 'da', 'di', 'du', 'la', 'le', 'al', 'bin', 'and', 'for', 'the', "'s", 'del', 'dos', 'el']);

export const FUNCTION_CAPS = new Set(['The', 'A', 'An', 'But', 'And', 'However', 'In', 'On', 'At', 'For', 'If', 'When', 'While', 'As', 'After', 'Before', 'Since', 'So', 'Yet', 'Or', 'Meanwhile', 'Earlier', 'Later', 'Now', 'Then', 'This', 'That', 'These', 'Those', 'It', 'He', 'She', 'They', 'We', 'I', 'There', 'His', 'Her', 'Its', 'Their', 'Our', 'My', 'Your', 'Speaking', 'Asked', 'According', 'Last', 'Next', 'Both', 'Some', 'Many', 'Most', 'All', 'Other', 'Others', 'One', 'Two', 'Three', 'With', 'Without', 'From', 'To', 'By', 'Of', 'Despite', 'Although', 'Though', 'Because', 'Also', 'Still', 'Even', 'Instead', 'Yesterday', 'Today', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'Mr', 'Mrs', 'Ms', 'Dr', 'Sir', 'Lord', 'Lady',
  // Prepositions, conjunctions and sentence adverbs that open a sentence with a capital.
  'During', 'Under', 'Over', 'Through', 'Throughout', 'Within', 'Among', 'Amid', 'Following', 'Until', 'Unlike', 'Like', 'Beyond', 'Across', 'Against', 'Around', 'Between', 'Into', 'Upon', 'Towards', 'Regarding', 'Including', 'Unless', 'Whether', 'Where', 'Why', 'How', 'What', 'Which', 'Whose', 'Here', 'Perhaps', 'Indeed', 'Moreover', 'Furthermore', 'Nevertheless', 'Nonetheless', 'Thus', 'Therefore', 'Overall', 'Elsewhere', 'Separately', 'Finally', 'Initially', 'Eventually', 'Similarly', 'Currently', 'Recently', 'Previously', 'Such', 'Every', 'Each', 'No', 'Not', 'Only']);

export const CONNECTIVES = new Set(['however', 'but', 'and', 'so', 'meanwhile', 'yet', 'also', 'still', 'now', 'indeed', 'instead', 'moreover', 'furthermore', 'nevertheless', 'nonetheless', 'earlier', 'later', 'separately', 'elsewhere', 'overall', 'thus']);

export const CLAUSE_AUX = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'had', 'has', 'have', 'would', 'could', 'will', 'can', 'should', 'might', 'may', 'must', 'did', 'does', 'do', "didn't", "doesn't", "don't", "won't", "wouldn't", "couldn't", "isn't", "wasn't", "aren't", "weren't", "hasn't", "haven't", "hadn't", 'cannot', "can't", 'shall', "it's", "he's", "she's", "they're", "there's", "we're", "i'm", 'needed', 'needs', 'wanted', 'wants']);

export const CLAUSE_START = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'there', 'this', 'these', 'those', 'that', 'you', 'what', 'how', 'why', 'whether', 'if', 'when', 'where', 'who']);

export const ADVERBIAL_HEADS = new Set(['on', 'in', 'at', 'last', 'this', 'earlier', 'later', 'yesterday', 'today', 'recently', 'during', 'after', 'before', 'late', 'early', 'on', 'via', 'through', 'from']);

export const TIME_WORDS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'week', 'weekend', 'month', 'year', 'night', 'morning', 'afternoon', 'evening', 'statement', 'interview', 'speech', 'letter', 'e-mail', 'email', 'report', 'conference', 'briefing', 'radio', 'television', 'tv', 'programme', 'program', 'broadcast', 'documentary', 'article', 'column', 'blog', 'message', 'debate', 'meeting', 'summit', 'seminar', 'rally', 'time', 'day', 'days', 'weeks', 'months', 'years', 'ago', 'club', 'website', 'newspaper', 'paper']);

export const FIRST_NAMES: ReadonlySet<string> = new Set([...MALE_NAMES, ...FEMALE_NAMES]);

export const WRITTEN = new Set(['e-mail', 'email', 'letter', 'statement', 'report', 'ruling', 'memo', 'message', 'note', 'blog', 'website', 'article', 'column', 'book', 'diary', 'post', 'tweet', 'judgment', 'judgement', 'verdict', 'submission', 'manifesto']);

export const QUANTIFIERS = new Set(['many', 'some', 'most', 'few', 'all', 'several', 'other', 'both', 'numerous', 'two', 'three', 'four', 'five']);

export const NOT_PAST = new Set(['need', 'speed', 'seed', 'breed', 'feed', 'hundred']);

export const PRE_VERB = new Set(['also', 'often', 'widely', 'repeatedly', 'previously', 'not', 'never', 'being', 'been', 'reportedly']);

export const NAME_PARTICLES = new Set(['de', 'van', 'von', 'da', 'den', 'der', 'al', 'bin', 'di', 'du', 'la', 'le', 'del']);

export const STOP_AFTER = new Set(['that', 'to', 'who', 'which', 'when', 'on', 'in', 'at', 'of', 'and', 'but', 'as', 'for', 'with', 'by', 'from', 'if', 'because', 'after', 'before']);

export const TAIL_OK = new Set(['of', 'from', 'at', 'who', 'in', 'on', 'when', 'after', 'before', 'during', 'last', 'yesterday', 'today', 'earlier', 'later', 'recently', 'and', 'while', 'as', 'adding', 'saying', 'told', 'said', 'says', 'that', 'to', 'this', 'for', 'with', 'about']);

export const GERUND_CUE_SEP = new Set([',', 'and', '-', ';', 'while', 'but']);

// Words that end a role phrase walking left: prepositions, conjunctions, relatives.
export const PHRASE_STOP = new Set(['but', 'while', 'as', 'when', 'after', 'before', 'because', 'if', 'although', 'though', 'since', 'until', 'in', 'on', 'at', 'of', 'for', 'with', 'by', 'from', 'to', 'into', 'about', 'than', 'where', 'whereas', 'so', 'yet', 'or', 'nor', 'not', 'which', 'whose', 'whom', 'who', 'said']);

// Prepositions whose object is never the subject of the verb that follows: "sources close to the minister said".
export const PP_OBJECT = new Set(['of', 'for', 'at', 'from', 'with', 'to', 'by', 'about', 'against', 'near', 'like', 'into', 'towards', 'between', 'among', 'behind', 'under']);

// Of these, the ones that attach a body to a role-holder: "a spokesman for the Department of Health".
export const PP_OWNER = new Set(['of', 'for', 'at', 'from', 'with']);

export const PREPOSITIONS = new Set(['in', 'at', 'on', 'of', 'about', 'during', 'after', 'before', 'with', 'from', 'via', 'through', 'outside', 'inside', 'near', 'amid', 'over', 'for', 'following', 'ahead', 'to']);

export const ORG_WORDS = /\b(?:commission|council|office|party|ltd|plc|inc|group|bank|airways|airlines|executive|department|ministry|association|federation|union|club|university|institute|agency|authority|board|committee|corporation|company|foundation|trust|society|bbc|fa|court|government|police|service|services|network|television|radio|news|times|post|guardian|telegraph|newspaper|conservatives|tories|democrats|labour|watchdog|forum|network|centre|center|theatre|theater|museum|gallery|hospital|school|college|academy|church|cathedral|orchestra|opera|stadium|festival|organisation|organization|ofcom|uefa|fifa|iaaf|nato|eu|un)\b/i;

// The last word of a body's name: "the Home Affairs Committee", "the Labour Party".
export const ORG_HEAD = /^(?:Commission|Council|Committee|Party|Group|Bank|Association|Federation|Union|Club|University|Institute|Agency|Authority|Board|Corporation|Company|Foundation|Trust|Society|Court|Government|Police|Service|Network|Forum|Centre|Center|Organisation|Organization|Department|Ministry|Office)$/;

// Definite nouns that stand for a body named before: "the company", "the firm", "the magazine".
export const BODY_NOUN = /^[Tt]he\s+(?:[a-z][a-z-]*\s+){0,2}(company|firm|group|bank|airline|carrier|club|retailer|corporation|business|broadcaster|carmaker|manufacturer|maker|giant|operator|insurer|lender|chain|studio|label|network|publisher|magazine|newspaper|paper|website|channel|station|supermarket|brewer|party|government|union|council|commission|organisation|organization|watchdog|regulator|agency|ministry|department|authority|charity)$/;

// Of these, the ones that are usually a body of their own ("the government", "the council"): they take a
// body named before only when its name has the same head ("Leeds City Council ... the council").
export const OWN_BODY = new Set(['party', 'government', 'union', 'council', 'commission', 'organisation', 'organization', 'watchdog', 'regulator', 'agency', 'ministry', 'department', 'authority', 'charity']);

// Nouns for a person by the office they hold: "the minister" is the person named before with that role.
export const OFFICE_NOUNS = new Set(
  `minister president leader chairman chairwoman chair secretary chancellor governor mayor senator judge bishop director
  editor founder owner premier coach manager captain boss executive spokesman spokeswoman spokesperson economist analyst
  chief king queen prince princess mp mep ambassador commissioner professor lawyer prosecutor headteacher treasurer
  councillor inspector superintendent dean archbishop vicar rector provost headmaster headmistress principal coroner`
    .split(/\s+/)
    .filter(Boolean),
);

// Nouns that describe a person by what they do or did rather than by an office: "the striker", "the world
// champion". With no one of that role named before, they stand for the person named last.
export const DESCRIPTIVE_NOUNS = new Set(
  `champion winner medallist veteran teenager youngster rookie newcomer debutant finalist runner-up title-holder
  striker midfielder defender goalkeeper keeper winger forward sprinter hurdler runner athlete player star actor actress
  singer rapper musician artist novelist author writer poet playwright director-general comedian presenter designer
  entrepreneur billionaire businessman businesswoman`
    .split(/\s+/)
    .filter(Boolean),
);

const NUMBER_WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred';

/** An age used as a noun, by its shape: "the 31-year-old", "a five-year-old", "the 18-month-old", "the twenty-two-year-old". */
export const AGE_NOUN = new RegExp(`^(?:\\d+|(?:${NUMBER_WORDS})(?:-(?:${NUMBER_WORDS}))?)(?:-and-a-half)?-(?:year|month|week)s?-old$`);

/** The last word of a noun phrase, and its head when hyphenated ("co-founder" → "founder"; ages kept whole). */
function headOf(phrase: string): string {
  const last = phrase.trim().split(/\s+/).pop()!.toLowerCase();
  return AGE_NOUN.test(last) || !last.includes('-') || OFFICE_NOUNS.has(last) || DESCRIPTIVE_NOUNS.has(last) ? last : last.slice(last.lastIndexOf('-') + 1);
}

/** A word that stands for a person: an office, a description or an age. */
export function personNoun(word: string): boolean {
  const w = headOf(word);
  return OFFICE_NOUNS.has(w) || DESCRIPTIVE_NOUNS.has(w) || AGE_NOUN.test(w);
}

/** A role phrase or a noun phrase held by a person: its last word is an office, a description or an age. */
export function personRole(phrase: string): boolean {
  return phrase.trim() !== '' && personNoun(phrase);
}

const DEFINITE_LOWER = /^[Tt]he\s+((?:[a-z0-9][a-z0-9-]*\s+){0,1})([a-z][a-z-]*)$/;

/**
 * "the minister", "the transport minister": a definite office noun in lower case (so "the Scottish Executive",
 * a name, is none); its head noun, else undefined.
 */
export function officeNoun(name: string): string | undefined {
  // "the Bishop", "the Chancellor": one capitalized office word is the office too (not "the Executive", a body).
  const c4 = name.charCodeAt(4);
  const cap = c4 >= 0x41 && c4 <= 0x5a ? /^[Tt]he ([A-Z][a-z]+)$/.exec(name) : null;
  if (cap) {
    const w = cap[1]!.toLowerCase();
    return OFFICE_NOUNS.has(w) && w !== 'executive' && w !== 'chief' ? w : undefined;
  }
  const m = DEFINITE_LOWER.exec(name);
  if (!m) return undefined;
  const head = headOf(m[2]!);
  return OFFICE_NOUNS.has(head) || DESCRIPTIVE_NOUNS.has(head) ? head : undefined;
}

// People by their family or their walk of life, for descriptions whose head no list of offices or deeds holds.
const LIFE_NOUNS = new Set(
  `mother father grandmother grandfather grandparent parent wife husband widow widower partner son daughter sister
  brother mum dad nurse doctor patient resident student pupil victim survivor neighbour colleague friend pensioner
  volunteer veteran mother-of-two father-of-two local`
    .split(/\s+/)
    .filter(Boolean),
);

// Agent nouns by their ending ("the retired postwoman", "the keen gardener", "the former councillor"), less the
// things and bodies that share an ending.
const AGENT_SHAPE = /(?:[a-z]{3}(?:er|or|ist|ian|eer)|[a-z]woman|[a-z]{3}man|person)$/;
const AGENT_NOT = /^(?:paper|letter|order|number|matter|water|power|centre|theatre|border|quarter|chapter|corner|river|computer|poster|register|sector|factor|corridor|mirror|error|director-general|german|roman|human|ottoman|woman|man)$/;

/** Does a noun stand for a person (an office, a deed, an age, a walk of life or an agent's ending)? */
export function describesPersonNoun(word: string): boolean {
  const w = word.toLowerCase();
  return personNoun(w) || LIFE_NOUNS.has(w) || (AGENT_SHAPE.test(w) && !AGENT_NOT.test(w) && !WRITTEN.has(w));
}

/**
 * A description that stands for a person named before: "the world indoor champion", "the 31-year-old", "the
 * 45-year-old mother of two", "the retired postwoman".
 */
export function descriptionNoun(name: string): boolean {
  const m = /^[Tt]he\s+(?:[A-Za-z0-9-]+\s+){0,3}([A-Za-z0-9-]+)$/.exec(name.replace(/\s+of\s+(?:two|three|four|five|six|\d+)$/, ''));
  if (!m) return false;
  const head = headOf(m[1]!);
  return DESCRIPTIVE_NOUNS.has(head) || AGE_NOUN.test(head) || (!OFFICE_NOUNS.has(head) && describesPersonNoun(head));
}

export const NOT_FIRST = /^(?:The|A|An|But|And|However|In|On|At|For|If|When|While|As|After|Before|So|Meanwhile|Earlier|Later|Now|This|That|It|He|She|They|We|I|His|Her|Its|Their|Our|Speaking|Asked|According|Last|Both|With|From|To|By|Of|Despite|Although|Because|Also|Yesterday|Today|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Secretary|Minister|Chancellor|Leader|President|Chairman|Director|Commissioner|Spokesman|Spokeswoman|Officer|Executive|Chief|Prime|Deputy|Shadow|Home|Foreign|Tory|Labour|Conservative|Liberal|Democrat|Lib|Dem|MP|Senator|Governor|Mayor|General|Coach|Manager|Captain|Trade|Industry|State|Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Lord|Lady|Dame)$/;

/** A role or speaker noun, ages included by their shape rather than listed. */
export function speakerNoun(word: string): boolean {
  return SPEAKER_NOUNS.has(word) || AGE_NOUN.test(word);
}
