// English reported speech and attribution: a reporting verb, its speaker (before it, after it, across an
// apposition) and its complement (after it, before it, or around it). Rules over tokens, no parser.

import type { Sentence } from '../sentences.ts';
import type { Candidate, Gender, Mention, SubjectAt, Token } from './internal.ts';
import { FEMALE_NAMES, MALE_NAMES } from './firstnames.ts';
import { isLabel } from './labels.ts';
import { spanIndexAt, type MarkedSpan } from './marks.ts';

type VerbClass = 'say' | 'tell' | 'directive' | 'clause' | 'frag' | 'deny';

interface CueInfo {
  lemma: string;
  cls: VerbClass;
  form: 'base' | 's' | 'past' | 'ing';
}

const CUES = new Map<string, CueInfo>();
/** Registers the forms of a verb: base, -s, past, -ing; "-" (or nothing) where a form is left out. */
function cue(cls: VerbClass, lemma: string, forms: string): void {
  const [base, s, past, ing] = forms.split(' ').map((f) => (f === '-' ? '' : f));
  if (base) CUES.set(base, { lemma, cls, form: 'base' });
  if (s) CUES.set(s, { lemma, cls, form: 's' });
  if (past) CUES.set(past, { lemma, cls, form: 'past' });
  if (ing) CUES.set(ing, { lemma, cls, form: 'ing' });
}
cue('say', 'say', 'say says said saying');
cue('tell', 'tell', 'tell tells told telling');
cue('say', 'add', 'add adds added adding');
cue('clause', 'claim', 'claim claims claimed claiming');
cue('directive', 'warn', 'warn warns warned warning');
cue('clause', 'insist', 'insist insists insisted insisting');
cue('clause', 'argue', 'argue argues argued arguing');
cue('deny', 'deny', 'deny denies denied denying');
cue('deny', 'admit', 'admit admits admitted admitting');
cue('clause', 'suggest', 'suggest suggests suggested suggesting');
cue('clause', 'explain', 'explain explains explained explaining');
cue('clause', 'reveal', 'reveal reveals revealed revealing');
cue('clause', 'concede', 'concede concedes conceded conceding');
cue('directive', 'urge', 'urge urges urged urging');
cue('directive', 'ask', 'ask asks asked asking');
cue('clause', 'note', 'note notes noted noting');
cue('clause', 'stress', 'stress stresses stressed stressing');
cue('clause', 'recall', 'recall recalls recalled recalling');
cue('clause', 'remember', 'remember remembers remembered remembering');
cue('clause', 'reply', 'reply replies replied replying');
cue('clause', 'confess', 'confess confesses confessed confessing');
cue('clause', 'believe', 'believe believes believed believing');
cue('clause', 'feel', '- feels felt');
cue('clause', 'announce', 'announce announces announced announcing');
cue('clause', 'write', 'write writes wrote writing');
cue('clause', 'estimate', 'estimate estimates estimated estimating');
cue('clause', 'report', 'report reports reported reporting');
cue('clause', 'agree', 'agree agrees agreed agreeing');
cue('clause', 'point', 'point points pointed pointing');
// Less frequent reporting verbs: a clause or an adjacent quotation makes them a report. Only their past and
// -s forms: the others are mostly nouns or other senses ("the state", "comments", "continue to rise").
cue('clause', 'state', '- - stated');
cue('clause', 'declare', '- declares declared');
cue('clause', 'comment', '- - commented');
cue('clause', 'remark', '- - remarked');
cue('clause', 'observe', '- - observed');
cue('clause', 'respond', '- - responded');
cue('clause', 'joke', '- jokes joked');
cue('clause', 'quip', '- quips quipped');
cue('clause', 'fume', '- fumes fumed');
cue('clause', 'boast', '- boasts boasted');
cue('clause', 'complain', '- complains complained');
cue('clause', 'acknowledge', '- acknowledges acknowledged');
cue('clause', 'predict', '- predicts predicted');
cue('clause', 'vow', '- vows vowed');
cue('clause', 'pledge', '- pledges pledged');
cue('clause', 'caution', '- - cautioned');
cue('clause', 'assert', '- asserts asserted');
cue('clause', 'conclude', '- concludes concluded');
cue('clause', 'emphasise', '- emphasises emphasised');
cue('clause', 'emphasize', '- emphasizes emphasized');
cue('clause', 'retort', '- retorts retorted');
cue('clause', 'exclaim', '- exclaims exclaimed');
cue('directive', 'call', 'call calls called calling');
// Verbs that attribute a quoted fragment to their subject but take no clause: `brands it "rubbish"`.
cue('frag', 'describe', 'describe describes described describing');
cue('frag', 'brand', 'brand brands branded branding');
cue('frag', 'attack', 'attack attacks attacked attacking');
cue('frag', 'dismiss', 'dismiss dismisses dismissed dismissing');
cue('frag', 'accuse', 'accuse accuses accused accusing');
cue('frag', 'blame', 'blame blames blamed blaming');

const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", 'am']);
const MODAL = new Set(['to', 'would', 'will', 'could', 'can', 'should', 'might', 'may', 'must', 'did', 'does', 'do', "didn't", "doesn't", "don't", "won't", "wouldn't", 'cannot', "couldn't", 'shall', "can't", 'not', 'never']);
const AUX_SKIP = new Set(['has', 'have', 'had', "'s", "'ve", "'d", 'also', 'previously', 'later', 'then', 'recently', 'further', 'repeatedly', 'earlier', 'yesterday', 'today', 'now', 'once', 'again', 'always', 'often', 'still', 'reportedly', 'apparently', 'simply', 'even', 'just', 'privately', 'publicly', 'openly', 'strongly', 'firmly', 'flatly', 'clearly', 'however', 'himself', 'herself', 'itself', 'themselves', 'is', 'was', 'are', 'were', 'has', 'been', 'had', 'indeed', 'already', 'subsequently', 'angrily', 'famously', 'immediately', 'quickly', 'frankly', 'candidly', 'bluntly', 'confidently', 'insistently']);
const PRONOUNS = new Map<string, Gender>([
  ['he', 'm'],
  ['she', 'f'],
  ['they', 'p'],
  ['it', 'n'],
  ['we', 'p'],
  ['i', 'm'],
]);
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'this', 'that', 'one', 'another']);
const SPEAKER_NOUNS = new Set(
  `spokesman spokeswoman spokesperson official minister secretary chairman chairwoman chair chief executive director president
  leader head boss manager coach captain company firm group government department ministry commission committee council
  agency union party club bank report statement study survey ruling court judge judges organisers organizers wife husband
  mother father son daughter brother sister friend partner lawyer lawyers author writer singer actor actress star player
  striker keeper winger chancellor premier governor mayor mp senator ambassador editor source spokesmen officials police
  regulator watchdog airline carrier retailer group authority board inquiry tribunal bishop pope king queen prince princess
  campaigner campaigners 29-year-old 25-year-old teenager veteran founder owner producer director-general analyst economist
  professor expert researcher organisation organization charity institute association federation businessman adviser
  advisor aide envoy counterpart opposition prosecutor prosecutors magazine newspaper broadcaster publisher website
  channel station studio carmaker manufacturer insurer lender supermarket brewer`
    .split(/\s+/)
    .filter(Boolean),
);
// Bare plural or vague sources are not speakers (analysts said, critics claim, people who said).
const VAGUE = new Set(['analysts', 'critics', 'experts', 'observers', 'people', 'researchers', 'some', 'many', 'most', 'others', 'officials', 'sources', 'campaigners', 'economists', 'commentators', 'insiders', 'residents', 'fans', 'voters', 'users', 'customers', 'consumers', 'parents', 'teachers', 'doctors', 'scientists', 'airlines', 'firms', 'companies', 'reports', 'figures', 'studies', 'they', 'those', 'both', 'all', 'half', 'few', 'several', 'one', 'none']);
const ROLE_TITLES = new Set(
  `secretary minister chancellor leader president chairman chairwoman director commissioner spokesman spokeswoman officer
  executive chief prime deputy shadow home foreign tory labour conservative liberal democrat democrats lib dem mp mep senator governor
  mayor general judge justice coach manager captain professor prof king queen prince princess bishop archbishop pope rev
  sheikh vice attorney ambassador editor treasurer sen rep gov cabinet office chairperson founder head skipper striker
  midfielder defender goalkeeper boss ceo cfo chief-executive md coo first party spokesperson shadow-chancellor councillor
  inspector superintendent constable sergeant detective commander colonel lieutenant major admiral marshal brigadier
  novelist writer author actor actress singer playwright producer presenter broadcaster journalist economist analyst
  athlete sprinter hurdler runner champion star designer artist sculptor comedian musician lawyer campaigner chairwoman
  poet composer director-general spokesperson`
    .split(/\s+/)
    .filter(Boolean),
);
const HONORIFICS = new Map<string, Gender | undefined>([
  ['mr', 'm'],
  ['mrs', 'f'],
  ['ms', 'f'],
  ['miss', 'f'],
  ['sir', 'm'],
  ['lord', 'm'],
  ['lady', 'f'],
  ['dame', 'f'],
  ['dr', undefined],
  ['prof', undefined],
  ['professor', undefined],
  ['baroness', 'f'],
  ['baron', 'm'],
]);
const NAME_JOINERS = new Set(['of', 'de', 'van', 'von', 'der', 'den', 'da', 'di', 'du', 'la', 'le', 'al', 'bin', 'and', 'for', 'the', "'s", 'del', 'dos', 'el']);
const FUNCTION_CAPS = new Set(['The', 'A', 'An', 'But', 'And', 'However', 'In', 'On', 'At', 'For', 'If', 'When', 'While', 'As', 'After', 'Before', 'Since', 'So', 'Yet', 'Or', 'Meanwhile', 'Earlier', 'Later', 'Now', 'Then', 'This', 'That', 'These', 'Those', 'It', 'He', 'She', 'They', 'We', 'I', 'There', 'His', 'Her', 'Its', 'Their', 'Our', 'My', 'Your', 'Speaking', 'Asked', 'According', 'Last', 'Next', 'Both', 'Some', 'Many', 'Most', 'All', 'Other', 'Others', 'One', 'Two', 'Three', 'With', 'Without', 'From', 'To', 'By', 'Of', 'Despite', 'Although', 'Though', 'Because', 'Also', 'Still', 'Even', 'Instead', 'Yesterday', 'Today', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'Mr', 'Mrs', 'Ms', 'Dr', 'Sir', 'Lord', 'Lady']);
const CONNECTIVES = new Set(['however', 'but', 'and', 'so', 'meanwhile', 'yet', 'also', 'still', 'now', 'indeed', 'instead', 'moreover', 'furthermore', 'nevertheless', 'nonetheless', 'earlier', 'later', 'separately', 'elsewhere', 'overall', 'thus']);
const CLAUSE_AUX = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'had', 'has', 'have', 'would', 'could', 'will', 'can', 'should', 'might', 'may', 'must', 'did', 'does', 'do', "didn't", "doesn't", "don't", "won't", "wouldn't", "couldn't", "isn't", "wasn't", "aren't", "weren't", "hasn't", "haven't", "hadn't", 'cannot', "can't", 'shall', "it's", "he's", "she's", "they're", "there's", "we're", "i'm", 'needed', 'needs', 'wanted', 'wants']);
const CLAUSE_START = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'there', 'this', 'these', 'those', 'that', 'you', 'what', 'how', 'why', 'whether', 'if', 'when', 'where', 'who']);
const ADVERBIAL_HEADS = new Set(['on', 'in', 'at', 'last', 'this', 'earlier', 'later', 'yesterday', 'today', 'recently', 'during', 'after', 'before', 'late', 'early', 'on', 'via', 'through', 'from']);
const TIME_WORDS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'week', 'weekend', 'month', 'year', 'night', 'morning', 'afternoon', 'evening', 'statement', 'interview', 'speech', 'letter', 'e-mail', 'email', 'report', 'conference', 'briefing', 'radio', 'television', 'tv', 'programme', 'program', 'broadcast', 'documentary', 'article', 'column', 'blog', 'message', 'debate', 'meeting', 'summit', 'seminar', 'rally', 'time', 'day', 'days', 'weeks', 'months', 'years', 'ago', 'club', 'website', 'newspaper', 'paper']);
const FIRST_NAMES: ReadonlySet<string> = new Set([...MALE_NAMES, ...FEMALE_NAMES]);
const WRITTEN = new Set(['e-mail', 'email', 'letter', 'statement', 'report', 'ruling', 'memo', 'message', 'note', 'blog', 'website', 'article', 'column', 'book', 'diary', 'post', 'tweet', 'judgment', 'judgement', 'verdict', 'submission', 'manifesto']);
const QUANTIFIERS = new Set(['many', 'some', 'most', 'few', 'all', 'several', 'other', 'both', 'numerous', 'two', 'three', 'four', 'five']);
const NOT_PAST = new Set(['need', 'speed', 'seed', 'breed', 'feed', 'hundred']);
const PRE_VERB = new Set(['also', 'often', 'widely', 'repeatedly', 'previously', 'not', 'never', 'being', 'been', 'reportedly']);
const NAME_PARTICLES = new Set(['de', 'van', 'von', 'da', 'den', 'der', 'al', 'bin', 'di', 'du', 'la', 'le', 'del']);
const STOP_AFTER = new Set(['that', 'to', 'who', 'which', 'when', 'on', 'in', 'at', 'of', 'and', 'but', 'as', 'for', 'with', 'by', 'from', 'if', 'because', 'after', 'before']);
const TAIL_OK = new Set(['of', 'from', 'at', 'who', 'in', 'on', 'when', 'after', 'before', 'during', 'last', 'yesterday', 'today', 'earlier', 'later', 'recently', 'and', 'while', 'as', 'adding', 'saying', 'told', 'said', 'says', 'that', 'to', 'this', 'for', 'with', 'about']);
const GERUND_CUE_SEP = new Set([',', 'and', '-', ';', 'while', 'but']);

// Every form of every cue, as one regex: finding the sentences worth reading costs one scan.
const CUE_SCAN = new RegExp(`\\b(?:${[...CUES.keys()].sort((a, b) => b.length - a.length).join('|')}|according)\\b`, 'gi');

interface EToken extends Token {
  /** Lower case, curly apostrophe straightened. */
  l: string;
  cap: boolean;
  word: boolean;
}

const CAP = /^\p{Lu}/u;

function isWordCode(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

function isSpaceCode(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0xa0 || (c >= 0x2000 && c <= 0x200f) || c === 0x3000 || c === 0xfeff;
}

/** Words (with inner apostrophes, hyphens, ampersands) and single punctuation marks, in one pass. */
function tokenize(text: string, from: number, to: number): EToken[] {
  const out: EToken[] = [];
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) {
      i++;
      continue;
    }
    let j = i + 1;
    const word = isWordCode(c);
    let upper = (c >= 0x41 && c <= 0x5a) || c >= 0xc0;
    if (word) {
      for (;;) {
        while (j < to) {
          const d = text.charCodeAt(j);
          if (d >= 0x61 && d <= 0x7a) {
            j++;
            continue;
          }
          if (!isWordCode(d)) break;
          if ((d >= 0x41 && d <= 0x5a) || d >= 0xc0) upper = true;
          j++;
        }
        const d = j < to ? text.charCodeAt(j) : 0;
        if ((d === 0x27 || d === 0x2019 || d === 0x2d || d === 0x26) && j + 1 < to && isWordCode(text.charCodeAt(j + 1))) {
          if (d === 0x2019) upper = true;
          j++;
          continue;
        }
        break;
      }
      // An initial keeps its full stop when a name goes on: "George W. Bush", "J.K. Rowling".
      if (j === i + 1 && c >= 0x41 && c <= 0x5a && j + 1 < to && text.charCodeAt(j) === 0x2e) {
        const d = text.charCodeAt(j + 1);
        if ((d >= 0x41 && d <= 0x5a) || (d === 0x20 && j + 2 < to && text.charCodeAt(j + 2) >= 0x41 && text.charCodeAt(j + 2) <= 0x5a)) j++;
      }
    } else if (c >= 0xd800 && c <= 0xdbff && j < to) j++;
    const t = text.substring(i, j);
    let l = upper ? t.toLowerCase() : t;
    if (word && upper && l.includes('’')) l = l.replace(/’/g, "'");
    const cap = word && ((c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0xde && c !== 0xd7) || (c > 0xff && CAP.test(t)));
    out.push({ t, s: i, e: j, l, cap, word });
    i = j;
  }
  return out;
}

const isQuoteMark = (t: string): boolean => t === '"' || t === '“' || t === '”' || t === '«' || t === '»' || t === '„' || t === "'" || t === '‘' || t === '’';

interface Ctx {
  text: string;
  toks: EToken[];
  spans: MarkedSpan[];
  /** Per token: index of the marked span it is inside, or -1. */
  inSpan: number[];
  initial?: { mention: Mention; relative: boolean; comma: number } | null;
}

/** For each token, the marked span it stands in (or -1): one merge walk over both sorted lists. */
function spanIndexes(toks: Token[], spans: MarkedSpan[]): number[] {
  const out = new Array<number>(toks.length).fill(-1);
  if (!spans.length || !toks.length) return out;
  let j = spanIndexAt(spans, toks[0]!.s);
  if (j < 0) {
    j = 0;
    while (j < spans.length && spans[j]!.close < toks[0]!.s) j++;
  }
  for (let k = 0; k < toks.length; k++) {
    const pos = toks[k]!.s;
    while (j < spans.length && spans[j]!.close < pos) j++;
    if (j >= spans.length) break;
    const sp = spans[j]!;
    if (pos >= sp.open) out[k] = j;
  }
  return out;
}

/** A capitalized name run ending at token index `end` (inclusive), walking left; returns its first index. */
function nameRunStart(toks: EToken[], end: number, floor: number): number {
  let i = end;
  while (i - 1 >= floor) {
    const pt = toks[i - 1]!;
    const p = pt.l;
    if (pt.cap && pt.word) {
      i--;
      continue;
    }
    // Joiners inside names and organisations: "Chambers of Commerce", "Department for Trade", "Leonardo da Vinci".
    if (NAME_JOINERS.has(p) && i - 2 >= floor && toks[i - 2]!.cap && toks[i - 2]!.word && p !== 'the') {
      i -= 2;
      continue;
    }
    // A chain of lower-case particles: "Pieter van der Berg".
    if (NAME_PARTICLES.has(p) && i - 3 >= floor && NAME_PARTICLES.has(toks[i - 2]!.l) && toks[i - 3]!.cap && toks[i - 3]!.word) {
      i -= 3;
      continue;
    }
    break;
  }
  // Drop sentence-initial function words ("But Mr X", "The").
  while (i < end && FUNCTION_CAPS.has(toks[i]!.t) && !HONORIFICS.has(toks[i]!.l)) i++;
  return i;
}

/** Splits a capitalized run into role and name: "Trade and Industry Secretary Patricia Hewitt". */
function splitRole(toks: EToken[], a: number, b: number): { nameStart: number } {
  let last = a - 1;
  for (let i = a; i <= b; i++) {
    const l = toks[i]!.l;
    if (ROLE_TITLES.has(l) && !HONORIFICS.has(l)) last = i;
  }
  return { nameStart: last + 1 };
}

function genderOfName(toks: EToken[], a: number, b: number): Gender | undefined {
  for (let i = a; i <= b; i++) {
    const l = toks[i]!.l;
    const h = HONORIFICS.get(l);
    if (h) return h;
  }
  return undefined;
}

function genderOfNoun(word: string): Gender | undefined {
  if (/^(spokeswoman|chairwoman|wife|mother|daughter|sister|actress|queen|princess|woman|girl|lady|businesswoman|baroness|grandmother|aunt|niece|widow|mum|mrs|ms)$/.test(word)) return 'f';
  if (/^(spokesman|chairman|husband|father|son|brother|actor|king|prince|man|boy|businessman|grandfather|uncle|nephew|widower|dad|mr)$/.test(word)) return 'm';
  if (/^(company|firm|group|government|department|ministry|commission|committee|council|agency|union|party|club|bank|report|statement|study|survey|ruling|court|regulator|watchdog|airline|carrier|retailer|authority|board|inquiry|tribunal|organisation|organization|charity|institute|association|federation)$/.test(word)) return 'n';
  if (word.endsWith('s') && !word.endsWith('ss')) return 'p';
  return undefined;
}

function mentionText(text: string, s: number, e: number): string {
  const t = text.slice(s, e);
  return /\s\s|[\n\t\u00a0]/.test(t) ? t.replace(/\s+/g, ' ').trim() : t.trim();
}

/** The lower-case role words right before a name run: "chairman and chief executive" Richard Parsons. */
function rolePrefix(ctx: Ctx, nameFirst: number): string | undefined {
  const { toks } = ctx;
  let i = nameFirst;
  let n = 0;
  while (i - 1 >= 0 && n < 8) {
    const t = toks[i - 1]!;
    if (!t.word && t.t !== "'s" && t.t !== '’s') break;
    const l = t.l;
    if (DETERMINERS.has(l) && l !== 'one') {
      i--;
      break;
    }
    if (CUES.has(l) || CLAUSE_AUX.has(l) || l === 'that' || l === 'by' || l === 'to' || l === 'with' || l === 'as' || l === 'said') break;
    i--;
    n++;
  }
  if (i >= nameFirst) return undefined;
  const role = mentionText(ctx.text, toks[i]!.s, toks[nameFirst - 1]!.e);
  if (!/\p{L}/u.test(role)) return undefined;
  // Only keep it when it reads like a role.
  const words = role.toLowerCase().split(/\s+/);
  if (!words.some((w) => SPEAKER_NOUNS.has(w) || ROLE_TITLES.has(w))) return undefined;
  return role;
}

// Words that end a role phrase walking left: prepositions, conjunctions, relatives.
const PHRASE_STOP = new Set(['but', 'while', 'as', 'when', 'after', 'before', 'because', 'if', 'although', 'though', 'since', 'until', 'in', 'on', 'at', 'of', 'for', 'with', 'by', 'from', 'to', 'into', 'about', 'than', 'where', 'whereas', 'so', 'yet', 'or', 'nor', 'not', 'which', 'whose', 'whom', 'who', 'said']);

/**
 * The start of a subject phrase whose name begins at token i: role words, owners and a determiner before
 * it ("chairman and chief executive Richard Parsons", "the company's boss Jane Doe"), when a clause
 * boundary (a comma, a dash, a colon or a closing quotation mark) stands right before them.
 */
function phraseStart(ctx: Ctx, i: number): number {
  const { toks } = ctx;
  let w = i;
  let role = false;
  while (w - 1 >= 0 && i - w < 8) {
    const x = toks[w - 1]!;
    if (ctx.inSpan[w - 1]! >= 0 || !x.word) break;
    const l = x.l;
    // A joiner inside a capitalized name: "Bank of England governor Mervyn King".
    if (NAME_JOINERS.has(l) && l !== 'the' && w - 2 >= 0 && toks[w - 2]!.cap && toks[w - 2]!.word && toks[w]!.cap) {
      w--;
      continue;
    }
    if (CUES.has(l) || CLAUSE_AUX.has(l) || PRONOUNS.has(l) || CLAUSE_START.has(l) || PHRASE_STOP.has(l)) break;
    const head = l.includes('-') && !l.endsWith('-old') ? l.slice(l.lastIndexOf('-') + 1) : l;
    if (ROLE_TITLES.has(head) || SPEAKER_NOUNS.has(head) || l.endsWith('-old') || /['’]s$/.test(l)) role = true;
    w--;
  }
  // Or a determiner with adjectives: "a defiant Mr Tamm".
  if (!role && (toks[w]!.l === 'a' || toks[w]!.l === 'an' || toks[w]!.l === 'the')) role = true;
  if (w === i || w === 0 || !role) return i;
  const b = toks[w - 1]!;
  return b.t === ',' || b.t === '-' || b.t === '—' || b.t === '–' || b.t === ':' || ctx.inSpan[w - 1]! >= 0 ? w : i;
}

// Prepositions whose object is never the subject of the verb that follows: "sources close to the minister said".
const PP_OBJECT = new Set(['of', 'for', 'at', 'from', 'with', 'to', 'by', 'about', 'against', 'near', 'like', 'into', 'towards', 'between', 'among', 'behind', 'under']);
// Of these, the ones that attach a body to a role-holder: "a spokesman for the Department of Health".
const PP_OWNER = new Set(['of', 'for', 'at', 'from', 'with']);

/**
 * A speaker phrase ending at token j (inclusive), walking left. A phrase that is the object of a
 * preposition is no subject: it belongs to the role or the name before it ("a spokesman for the
 * Department of Health", "Dr Jane Doe of the University of Leeds"), or it is no speaker at all.
 */
function subjectBefore(ctx: Ctx, j: number, floor: number): Mention | undefined {
  const m = subjectBeforeCore(ctx, j, floor);
  if (!m || m.kind === 'pronoun') return m;
  const { toks } = ctx;
  let s0 = j;
  while (s0 > floor && toks[s0]!.s > m.start) s0--;
  const p = s0 - 1;
  if (p < floor || p < 1 || !PP_OBJECT.has(toks[p]!.l) || ctx.inSpan[p]! >= 0) return m;
  const owner = PP_OWNER.has(toks[p]!.l);
  // Between capitalized words the preposition is part of a name: "the Committee to Protect Bloggers".
  const inName = toks[p - 1]!.cap && toks[p - 1]!.word;
  if (!owner) return inName ? m : undefined;
  const inner = subjectBeforeCore(ctx, p - 1, floor) ?? roleOf(ctx, p - 1, floor);
  if (!inner || inner.kind === 'pronoun') return inName ? m : undefined;
  if (inName && !(inner.role || inner.gender === 'm' || inner.gender === 'f' || FIRST_NAMES.has(inner.name.split(' ')[0]!.toLowerCase()))) return m;
  const tail = mentionText(ctx.text, toks[p]!.s, m.end);
  if (inner.kind === 'name') return { ...inner, role: inner.role ? `${inner.role} ${tail}` : tail };
  return { ...inner, name: mentionText(ctx.text, inner.start, m.end), end: m.end };
}

/** "a spokesman" before "for the Department of Health": a role noun back to its determiner. */
function roleOf(ctx: Ctx, j: number, floor: number): Mention | undefined {
  const { toks } = ctx;
  const h = toks[j]!;
  if (!h.word || h.cap || !(SPEAKER_NOUNS.has(h.l) || ROLE_TITLES.has(h.l)) || VAGUE.has(h.l)) return undefined;
  let d = j;
  while (d - 1 >= floor && j - d < 4 && toks[d - 1]!.word && !DETERMINERS.has(toks[d - 1]!.l) && !toks[d - 1]!.cap && (SPEAKER_NOUNS.has(toks[d - 1]!.l) || ROLE_TITLES.has(toks[d - 1]!.l))) d--;
  if (d - 1 < floor || !DETERMINERS.has(toks[d - 1]!.l)) return undefined;
  d--;
  const g = genderOfNoun(h.l);
  return { kind: 'noun', name: mentionText(ctx.text, toks[d]!.s, h.e), ...(g ? { gender: g } : {}), start: toks[d]!.s, end: h.e };
}

function subjectBeforeCore(ctx: Ctx, j: number, floor: number): Mention | undefined {
  const { toks, text } = ctx;
  if (j < floor) return undefined;
  const t = toks[j]!;
  if (ctx.inSpan[j]! >= 0) return undefined;
  const l = t.l;
  const pg = PRONOUNS.get(l);
  if (pg !== undefined) {
    if (l === 'i' || l === 'we') return undefined;
    return { kind: 'pronoun', name: l, gender: pg, start: t.s, end: t.e };
  }
  if (t.cap && t.word && !FUNCTION_CAPS.has(t.t)) {
    const a = nameRunStart(toks, j, floor);
    if (a > j) return undefined;
    const { nameStart } = splitRole(toks, a, j);
    if (nameStart > j) {
      // Only role words: "the Prime Minister", "Tory leader".
      const s0 = a > floor && toks[a - 1]!.l === 'the' ? a - 1 : a;
      return { kind: 'noun', name: mentionText(text, toks[s0]!.s, t.e), start: toks[s0]!.s, end: t.e };
    }
    const roleWords = nameStart > a ? mentionText(text, toks[a]!.s, toks[nameStart - 1]!.e) : undefined;
    const prefix = rolePrefix(ctx, a);
    let role = [prefix, roleWords].filter(Boolean).join(' ') || undefined;
    // "analyst Mike Powell of Dresdner Kleinwort Wasserstein": a person of a body.
    for (let o = nameStart + 1; o < j; o++) {
      if (toks[o]!.l !== 'of' && toks[o]!.l !== 'from') continue;
      const len = o - nameStart;
      const first = toks[nameStart]!.l;
      if (len >= 2 && len <= 4 && (role || HONORIFICS.has(first) || FIRST_NAMES.has(first))) {
        const tail = mentionText(text, toks[o]!.s, t.e);
        role = role ? `${role} ${tail}` : tail;
        const g = genderOfName(toks, nameStart, o - 1) ?? genderOfRole(role);
        return { kind: 'name', name: mentionText(text, toks[nameStart]!.s, toks[o - 1]!.e), role, ...(g ? { gender: g } : {}), start: toks[nameStart]!.s, end: toks[o - 1]!.e };
      }
      break;
    }
    if (nameStart === j && VAGUE.has(t.l)) return undefined;
    // "many Britons", "female MPs": a generic plural, not a named source.
    if (a > 0 && nameStart === a) {
      const before = toks[a - 1]!;
      if (QUANTIFIERS.has(before.l) || (nameStart === j && /s$/.test(t.t) && before.word && !before.cap && !DETERMINERS.has(before.l))) return undefined;
    }
    // "the Tories", "the Equal Opportunities Commission": keep the article with a name that took it.
    let s0 = nameStart;
    if (nameStart === a && a > floor && toks[a - 1]!.l === 'the') s0 = a - 1;
    const gender = genderOfName(toks, nameStart, j) ?? (role ? genderOfRole(role) : undefined);
    const nm = mentionText(text, toks[s0]!.s, t.e).replace(/['’]s$/, '');
    return { kind: 'name', name: nm, ...(role ? { role } : {}), ...(gender ? { gender } : {}), start: toks[s0]!.s, end: t.e };
  }
  // A written source speaks for its author: "Mr Campbell's e-mail", "the council's ruling".
  if (t.word && WRITTEN.has(l) && j - 1 >= floor && /['’]s$/.test(toks[j - 1]!.l)) {
    const owner = subjectBefore(ctx, j - 1, floor);
    if (owner && owner.kind !== 'pronoun') return { ...owner, name: owner.name.replace(/['’]s$/, ''), end: t.e };
  }
  const head = l.includes('-') && !l.endsWith('-old') ? l.slice(l.lastIndexOf('-') + 1) : l;
  if (t.word && (SPEAKER_NOUNS.has(head) || l.endsWith('-old'))) {
    // A noun phrase back to its determiner: "a Cabinet Office spokeswoman", "the prime minister's spokesman".
    let i = j;
    let found = -1;
    while (i - 1 >= floor && j - i < 7) {
      const p = toks[i - 1]!.l;
      if (DETERMINERS.has(p)) {
        found = i - 1;
        break;
      }
      if (!toks[i - 1]!.word && p !== "'s" && p !== '’s') break;
      if (CUES.has(p) || CLAUSE_AUX.has(p) || p === 'that' || p === 'who' || p === 'which' || p === 'and' || p === 'but') break;
      i--;
    }
    if (found < 0) {
      if (VAGUE.has(l)) return undefined;
      // Bare singular role words with a capitalized modifier: "Tory leader", "Liberal Democrat spokeswoman";
      // only capitalized words and role words, not "refused to discuss weekend newspaper".
      let m = j;
      while (m - 1 >= i && toks[m - 1]!.word && (toks[m - 1]!.cap || SPEAKER_NOUNS.has(toks[m - 1]!.l) || ROLE_TITLES.has(toks[m - 1]!.l) || /['’]s$/.test(toks[m - 1]!.l))) m--;
      if (m === j || !toks.slice(m, j).some((x) => x.cap)) return undefined;
      found = m;
    }
    const det = toks[found]!.l;
    if (det === 'a' || det === 'an' || det === 'one' || det === 'another') {
      // "a spokeswoman" is specific enough only with a named body: "a Cabinet Office spokeswoman".
      if (!toks.slice(found + 1, j).some((x) => x.cap)) return undefined;
    }
    if (VAGUE.has(l) && (det === 'some' || det === 'many')) return undefined;
    const g = genderOfNoun(l);
    return { kind: 'noun', name: mentionText(text, toks[found]!.s, t.e), ...(g ? { gender: g } : {}), start: toks[found]!.s, end: t.e };
  }
  return undefined;
}

function genderOfRole(role: string): Gender | undefined {
  for (const w of role.toLowerCase().split(/\s+/)) {
    const g = genderOfNoun(w);
    if (g === 'm' || g === 'f') return g;
  }
  return undefined;
}

/** A speaker phrase starting at token i (after an inverted verb): "said Mr Stone", "said his wife, Sheila". */
function subjectAfter(ctx: Ctx, i: number, limit: number): { mention: Mention; next: number } | undefined {
  const { toks, text } = ctx;
  if (i >= limit || ctx.inSpan[i]! >= 0) return undefined;
  let j = i;
  let sawName = false;
  while (j < limit && j - i < 10 && ctx.inSpan[j]! < 0) {
    const t = toks[j]!;
    if (!t.word) {
      if (t.l === "'s" || t.l === '’s') {
        j++;
        continue;
      }
      break;
    }
    if (t.cap) {
      sawName = true;
      j++;
      continue;
    }
    const l = t.l;
    if (sawName) {
      if (NAME_PARTICLES.has(l) && j + 1 < limit && toks[j + 1]!.cap) {
        j++;
        continue;
      }
      // "the club's manager" after a capitalized owner; "AK chief Isaiah Kiplagat".
      if ((SPEAKER_NOUNS.has(l) || ROLE_TITLES.has(l)) && (toks[j - 1]!.l.endsWith("'s") || (j + 1 < limit && toks[j + 1]!.cap))) {
        j++;
        continue;
      }
      break;
    }
    if (PRONOUNS.has(l) || CLAUSE_AUX.has(l) || (CUES.has(l) && j > i) || STOP_AFTER.has(l)) break;
    j++;
  }
  if (j === i) return undefined;
  // The phrase must close the clause (or run into an apposition or an "of ..." tail).
  if (j < limit && toks[j]!.word && ctx.inSpan[j]! < 0 && !TAIL_OK.has(toks[j]!.l)) return undefined;
  const last = j - 1;
  // Apposition after a comma: "his wife, Sheila", "the club's manager, Arsene Wenger".
  if (j + 1 < limit && toks[j]!.t === ',' && toks[j + 1]!.cap && !toks[i]!.cap) {
    let k = j + 1;
    while (k < limit && toks[k]!.cap && toks[k]!.word) k++;
    const endOk = k >= limit || !toks[k]!.word;
    if (endOk) {
      const role = mentionText(text, toks[i]!.s, toks[last]!.e);
      const g = genderOfRole(role);
      return { mention: { kind: 'name', name: mentionText(text, toks[j + 1]!.s, toks[k - 1]!.e), role, ...(g ? { gender: g } : {}), start: toks[j + 1]!.s, end: toks[k - 1]!.e }, next: k };
    }
  }
  const m = subjectBefore(ctx, last, i);
  if (!m) return undefined;
  return { mention: m, next: j };
}

/** The noun phrase that opens the sentence, when a comma follows it (an apposition or a relative clause). */
function initialSubject(ctx: Ctx): { mention: Mention; relative: boolean; comma: number } | undefined {
  if (ctx.initial === undefined) ctx.initial = computeInitialSubject(ctx) ?? null;
  return ctx.initial ?? undefined;
}

function computeInitialSubject(ctx: Ctx): { mention: Mention; relative: boolean; comma: number } | undefined {
  const { toks } = ctx;
  const n = toks.length;
  const s0 = trimStart(ctx, 0, n);
  if (s0 >= n || ctx.inSpan[s0]! >= 0 || !toks[s0]!.word) return undefined;
  let e = s0;
  if ((toks[s0]!.cap && !FUNCTION_CAPS.has(toks[s0]!.t)) || HONORIFICS.has(toks[s0]!.l)) {
    while (e + 1 < n && toks[e + 1]!.word && (toks[e + 1]!.cap || (NAME_JOINERS.has(toks[e + 1]!.l) && e + 2 < n && toks[e + 2]!.cap))) e++;
  } else if (DETERMINERS.has(toks[s0]!.l)) {
    while (e + 1 < n && e - s0 < 9 && toks[e + 1]!.word && !CLAUSE_AUX.has(toks[e + 1]!.l) && !CUES.has(toks[e + 1]!.l) && toks[e + 1]!.l !== 'who') e++;
  } else return undefined;
  if (e + 1 >= n || toks[e + 1]!.t !== ',') return undefined;
  const m = subjectBefore(ctx, e, s0);
  if (!m || m.kind === 'pronoun') return undefined;
  const after = e + 2 < n ? toks[e + 2]!.l : '';
  return { mention: m, relative: after === 'who' || after === 'whose' || after === 'which', comma: e + 1 };
}

/**
 * The speaker before a comma that stands right before the verb:
 * "David Frost, director general of ..., warned", "The Shadow Secretary ..., Theresa May, said",
 * "the play's organiser in Uganda, Sarah Mukasa, told", "The actor, whose films include ..., said".
 */
function appositionSubject(ctx: Ctx, a: number): { mention: Mention; start: number } | undefined {
  const { toks, text } = ctx;
  let c = a - 1;
  while (c >= 0 && toks[c]!.t !== ',' && ctx.inSpan[c]! < 0 && a - c < 20) c--;
  // A name alone between the commas: the role stands before it.
  if (c >= 0 && toks[c]!.t === ',' && a - c - 1 >= 1 && a - c - 1 <= 4) {
    let pure = true;
    for (let m = c + 1; m < a; m++) {
      const x = toks[m]!;
      if (!(x.word && (x.cap || NAME_PARTICLES.has(x.l)))) pure = false;
    }
    let nameFrom = c + 1;
    if (!pure) {
      // "the work's author, US playwright Eve Ensler, says": a role then a full name inside the commas.
      let q = a - 1;
      while (q > c && toks[q]!.word && toks[q]!.cap) q--;
      if (a - 1 - q >= 2 && q > c && !toks[q]!.cap && (SPEAKER_NOUNS.has(toks[q]!.l) || ROLE_TITLES.has(toks[q]!.l) || /(?:ist|er|or|ian|ant|ent)$/.test(toks[q]!.l))) {
        pure = true;
        nameFrom = q + 1;
      }
    }
    if (pure && !FUNCTION_CAPS.has(toks[nameFrom]!.t) && ctx.inSpan[nameFrom]! < 0) {
      // The role: back from the first comma to the clause start.
      let r = c - 1;
      while (r >= 0 && (toks[r]!.word || toks[r]!.l === "'s") && ctx.inSpan[r]! < 0 && c - r <= 10) r--;
      let role = r + 1 <= c - 1 ? mentionText(text, toks[r + 1]!.s, toks[c - 1]!.e) : undefined;
      if (role && nameFrom > c + 1) role = `${role}, ${mentionText(text, toks[c + 1]!.s, toks[nameFrom - 1]!.e)}`;
      const nameText = mentionText(text, toks[nameFrom]!.s, toks[a - 1]!.e);
      if (role && /\p{L}/u.test(role)) {
        const g = genderOfRole(role) ?? genderOfName(toks, nameFrom, a - 1);
        return { mention: { kind: 'name', name: nameText, role, ...(g ? { gender: g } : {}), start: toks[nameFrom]!.s, end: toks[a - 1]!.e }, start: r + 1 };
      }
    }
  }
  // The sentence opens with the speaker, then an apposition or a relative clause.
  const init = initialSubject(ctx);
  if (init && init.comma < a) {
    const appos = mentionText(text, toks[init.comma + 1]!.s, toks[a - 1]!.e);
    const m = init.mention;
    return { mention: { ...m, role: m.role ? `${m.role}, ${appos}` : appos }, start: toks.findIndex((x) => x.s === m.start) };
  }
  // Otherwise the phrase before a comma, when what follows reads like an apposition; up to three of them:
  // "Tom Hagen, 23, of Leeds, told the court".
  for (let tries = 0; tries < 3 && c >= 1 && toks[c]!.t === ','; tries++) {
    const first = toks[c + 1]!.l;
    const appos = mentionText(text, toks[c + 1]!.s, toks[a - 1]!.e);
    const m = subjectBefore(ctx, c - 1, 0);
    const ageOrRole = /^\d+$/.test(first) || first === 'who' || first === 'whose' || DETERMINERS.has(first) || !toks[c + 1]!.cap;
    if (m && m.kind !== 'pronoun' && ageOrRole) return { mention: { ...m, role: m.role ? `${m.role}, ${appos}` : appos }, start: toks.findIndex((x) => x.s === m.start) };
    if (m || !ageOrRole) break;
    let d = c - 1;
    while (d >= 0 && toks[d]!.t !== ',' && ctx.inSpan[d]! < 0 && c - d < 12) d--;
    c = d;
  }
  return undefined;
}

/** Skips adverbials after a verb: "on Monday", "in a statement", "last week", "earlier". */
function skipAdverbials(ctx: Ctx, i: number, limit: number): number {
  const { toks } = ctx;
  let k = i;
  for (let guard = 0; guard < 4 && k < limit; guard++) {
    const l = toks[k]!.l;
    if (l === 'yesterday' || l === 'today' || l === 'earlier' || l === 'later' || l === 'recently' || l === 'also' || l === 'again' || l === 'previously' || l === 'repeatedly' || l === 'now' || l === 'once') {
      k++;
      continue;
    }
    if (ADVERBIAL_HEADS.has(l)) {
      // A short phrase ending with a time or medium word.
      let m = k + 1;
      let ok = false;
      while (m < limit && m - k <= 6 && toks[m]!.word) {
        const w = toks[m]!.l;
        if (TIME_WORDS.has(w)) {
          ok = true;
          m++;
          break;
        }
        if (w === 'that' || CLAUSE_AUX.has(w)) break;
        m++;
      }
      if (ok) {
        // Swallow "'s Today programme" tails.
        while (m < limit && (toks[m]!.t === "'s" || TIME_WORDS.has(toks[m]!.l))) m++;
        k = m;
        continue;
      }
    }
    break;
  }
  return k;
}

const PREPOSITIONS = new Set(['in', 'at', 'on', 'of', 'about', 'during', 'after', 'before', 'with', 'from', 'via', 'through', 'outside', 'inside', 'near', 'amid', 'over', 'for', 'following', 'ahead', 'to']);

/**
 * Skips prepositional phrases after the verb that close the clause or stand before its complement: "said of
 * the merger.", "said at a press conference in Geneva.", "said in an interview with the BBC that ...".
 * A phrase is only skipped up to a boundary (punctuation, "that", a quotation, a pronoun subject); a
 * determiner that does not follow a preposition starts a new noun phrase, the subject of a complement.
 */
function skipPrepPhrases(ctx: Ctx, i: number, limit: number): number {
  const { toks } = ctx;
  if (i >= limit || !PREPOSITIONS.has(toks[i]!.l) || toks[i]!.l === 'to' || ctx.inSpan[i]! >= 0) return i;
  let m = i + 1;
  while (m < limit && m - i <= 10 && toks[m]!.word && ctx.inSpan[m]! < 0) {
    const l = toks[m]!.l;
    const prev = toks[m - 1]!.l;
    if (l === 'that' || CLAUSE_AUX.has(l) || CUES.has(l) || PRONOUNS.has(l) || CLAUSE_START.has(l)) break;
    if (DETERMINERS.has(l) && !PREPOSITIONS.has(prev)) return i;
    m++;
  }
  if (m === i + 1) return i;
  if (m >= limit) return m;
  const t = toks[m]!;
  if (ctx.inSpan[m]! >= 0 || t.l === 'that' || (!t.word && t.t !== "'s") || PRONOUNS.has(t.l)) return m;
  return i;
}

/** Does the token stretch look like a clause (not a bare noun phrase)? */
function looksClausal(ctx: Ctx, i: number, limit: number): boolean {
  const { toks } = ctx;
  for (let k = i; k < limit && k < i + 9; k++) {
    const t = toks[k]!;
    if (ctx.inSpan[k]! >= 0) return true;
    if (!t.word) {
      if (t.t === ',' && k - i > 1) return false;
      continue;
    }
    const l = t.l;
    if (k === i && CLAUSE_START.has(l)) return true;
    if (CLAUSE_AUX.has(l)) return k > i;
    if (k > i && /^[a-z]+ed$/.test(l) && l.length > 4 && !NOT_PAST.has(l)) return true;
  }
  return false;
}

/** End of a complement: the sentence end, or a comma before another reporting verb (", adding that"). */
function clauseEnd(ctx: Ctx, from: number, limit: number): number {
  const { toks } = ctx;
  for (let k = from; k < limit; k++) {
    if (ctx.inSpan[k]! >= 0) continue;
    const l = toks[k]!.l;
    if (GERUND_CUE_SEP.has(l) && k + 1 < limit) {
      const n = toks[k + 1]!.l;
      const info = CUES.get(n);
      if (info && (info.form === 'ing' || (l === 'and' && (info.form === 'past' || info.form === 's')))) return k;
      if (l === ',' && k + 2 < limit && PRONOUNS.has(n)) {
        const info2 = CUES.get(toks[k + 2]!.l);
        if (info2 && info2.cls !== 'frag' && k + 3 >= limit - 1) return k;
      }
    }
  }
  return limit;
}

function trimEnd(text: string, s: number, e: number): number {
  while (e > s && /[\s.,;:!?\-–—]/.test(text[e - 1]!)) e--;
  return e;
}

function trimStart(ctx: Ctx, k: number, limit: number): number {
  const { toks } = ctx;
  // A leading connective is dropped: "However, ...", "But ...".
  while (k < limit && (CONNECTIVES.has(toks[k]!.l) || toks[k]!.t === ',')) k++;
  return k;
}

export interface EnglishResult {
  candidates: Candidate[];
  subjectAt: SubjectAt;
  /** Every name of a sentence, subject or not, with its role: for pronouns and definite nouns. */
  namesAt: SubjectAt;
}

/** The subject of a sentence, when it opens with a name, a role or a pronoun. */
function sentenceSubject(ctx: Ctx, a: number, b: number): Mention | undefined {
  const { toks } = ctx;
  let k = a;
  // Skip a leading adverbial ending with a comma: "Earlier, she ...", "In a statement, the company ...",
  // "Realising his error, Mr Campbell ..." (not a name in apposition: "Ms Robinson, a friend of ...").
  const lead = a < b ? toks[a]! : undefined;
  const adverbial = !!lead && lead.word && ((FUNCTION_CAPS.has(lead.t) && !DETERMINERS.has(lead.l) && !PRONOUNS.has(lead.l) && !HONORIFICS.has(lead.l)) || /(?:ing|ed)$/.test(lead.l) || /^\d/.test(lead.l) || !lead.cap);
  for (let m = a; adverbial && m < Math.min(b, a + 8); m++) {
    if (toks[m]!.t === ',') {
      k = m + 1;
      break;
    }
  }
  for (let tries = 0; tries < 2; tries++) {
    const start = trimStart(ctx, k, b);
    if (start >= b || ctx.inSpan[start]! >= 0) return undefined;
    // Walk to the end of the first noun phrase.
    let e = start;
    while (e + 1 < b && toks[e + 1]!.word && (toks[e + 1]!.cap || (NAME_JOINERS.has(toks[e + 1]!.l) && e + 2 < b && toks[e + 2]!.cap))) e++;
    const first = toks[start]!.l;
    if (PRONOUNS.has(first)) return subjectBefore(ctx, start, start);
    if (DETERMINERS.has(first)) {
      let m = start + 1;
      while (m < b && m - start < 10 && toks[m]!.word && !CLAUSE_AUX.has(toks[m]!.l) && !CUES.has(toks[m]!.l)) m++;
      const mm = subjectBefore(ctx, m - 1, start);
      if (mm) return mm;
      return undefined;
    }
    if (toks[start]!.cap) {
      // "TV presenter Anne Robinson", "Tory leader Michael Howard": role words between capitalized runs.
      let r = e + 1;
      while (r < b && r - e <= 3 && toks[r]!.word && !toks[r]!.cap && (ROLE_TITLES.has(toks[r]!.l) || SPEAKER_NOUNS.has(toks[r]!.l))) r++;
      if (r > e + 1 && r < b && toks[r]!.cap && toks[r]!.word) {
        e = r;
        while (e + 1 < b && toks[e + 1]!.word && toks[e + 1]!.cap) e++;
      }
      // "Low-cost airlines", "Many analysts": a capitalized modifier of a generic noun is no subject.
      const after = e + 1 < b ? toks[e + 1]! : undefined;
      if (after && after.word && !after.cap && VAGUE.has(after.l)) return undefined;
      const mm = subjectBefore(ctx, e, start);
      if (mm) return mm;
    }
    if (k === a) break;
    k = a;
  }
  return undefined;
}

export function englishCandidates(text: string, sentences: Sentence[], spans: MarkedSpan[]): EnglishResult {
  const candidates: Candidate[] = [];
  const n = sentences.length;
  const ctxs: (Ctx | undefined)[] = new Array<Ctx | undefined>(n);
  const subjects: (Mention[] | undefined)[] = new Array<Mention[] | undefined>(n);
  const firstSubject: (Mention | null | undefined)[] = new Array<Mention | null | undefined>(n);
  const ctxAt = (si: number): Ctx => {
    let c = ctxs[si];
    if (!c) {
      const sent = sentences[si]!;
      const tk = tokenize(text, sent.start, sent.end);
      c = { text, toks: tk, spans, inSpan: spanIndexes(tk, spans) };
      ctxs[si] = c;
    }
    return c;
  };
  const subjectOf = (si: number): Mention | undefined => {
    let m = firstSubject[si];
    if (m === undefined) {
      // The subject stands near the start: the first words are enough unless the sentence is read anyway.
      let c = ctxs[si];
      if (!c) {
        const sent = sentences[si]!;
        const tk = tokenize(text, sent.start, Math.min(sent.end, sent.start + 160));
        c = { text, toks: tk, spans, inSpan: spanIndexes(tk, spans) };
      }
      m = c.toks.length ? (sentenceSubject(c, 0, c.toks.length) ?? null) : null;
      firstSubject[si] = m;
    }
    return m ?? undefined;
  };
  const subjectAt = (si: number): Mention[] => {
    if (si < 0 || si >= n) return [];
    let list = subjects[si];
    if (!list) {
      const first = subjectOf(si);
      const later = clauseSubjects(text, sentences[si]!, spans, first);
      list = first ? [first, ...later] : later;
      subjects[si] = list;
    }
    return list;
  };
  // Sentences holding a cue word outside quotation marks: the text between quotations is scanned, and the
  // rest of a sentence once it is read.
  let si = 0;
  let last = -1;
  let pos = 0;
  let sp = 0;
  const len = text.length;
  while (pos < len && si < n) {
    while (sp < spans.length && spans[sp]!.close < pos) sp++;
    let end = len;
    if (sp < spans.length) {
      const q = spans[sp]!;
      if (q.open <= pos) {
        pos = q.close + 1;
        continue;
      }
      end = q.open;
    }
    const seg = pos === 0 && end === len ? text : text.slice(pos, end);
    CUE_SCAN.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = CUE_SCAN.exec(seg))) {
      const at = pos + m.index;
      while (si < n && sentences[si]!.end <= at) si++;
      if (si >= n) break;
      if (si === last || at < sentences[si]!.start) continue;
      last = si;
      const here = si;
      analyzeSentence(ctxAt(si), candidates, si, () => subjectOf(here));
      if (sentences[si]!.end - pos > CUE_SCAN.lastIndex) CUE_SCAN.lastIndex = sentences[si]!.end - pos;
    }
    pos = end;
  }
  const names: (Mention[] | undefined)[] = new Array<Mention[] | undefined>(n);
  const namesAt = (si: number): Mention[] => {
    if (si < 0 || si >= n) return [];
    let list = names[si];
    if (!list) {
      list = sentenceNames(ctxAt(si));
      names[si] = list;
    }
    return list;
  };
  return { candidates, subjectAt, namesAt };
}

const CAP_AFTER_THE = /^(?:[Tt]he\s+)?\p{Lu}/u;

/** The capitalized names of a sentence outside quotations, each with the role words before it. */
function sentenceNames(ctx: Ctx): Mention[] {
  const { toks } = ctx;
  const n = toks.length;
  const out: Mention[] = [];
  for (let k = 0; k < n; k++) {
    const t = toks[k]!;
    if (!t.cap || !t.word || ctx.inSpan[k]! >= 0) continue;
    let e = k;
    while (e + 1 < n && toks[e + 1]!.word && ctx.inSpan[e + 1]! < 0 && (toks[e + 1]!.cap || (NAME_PARTICLES.has(toks[e + 1]!.l) && e + 2 < n && toks[e + 2]!.cap))) e++;
    const m = subjectBefore(ctx, e, k);
    // Names, and capitalized noun phrases ("the Labour Party", "the Prime Minister").
    if (m && (m.kind === 'name' || (m.kind === 'noun' && CAP_AFTER_THE.test(m.name)))) out.push(m);
    k = e;
  }
  return out;
}

const CLAUSE_SUBJECT = /\b(?:but|and|while|whereas|although|though|as|so|yet) ((?:Mr |Mrs |Ms |Dr |Sir |Lord )?[A-Z\u00C0-\u00DE][\w'’-]*(?: [A-Z\u00C0-\u00DE][\w'’-]*){0,3}) ([a-z]+)/g;

/** Subjects of later clauses, from the raw sentence: "... but McIlroy is unfazed". */
function clauseSubjects(text: string, sent: Sentence, spans: MarkedSpan[], first: Mention | undefined): Mention[] {
  const out: Mention[] = [];
  const slice = text.slice(sent.start, sent.end);
  if (!/\b(?:but|and|while|whereas|although|though|as|so|yet) [A-Z\u00C0-\u00DE]/.test(slice)) return out;
  CLAUSE_SUBJECT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CLAUSE_SUBJECT.exec(slice))) {
    const name = m[1]!;
    const verb = m[2]!;
    const start = sent.start + m.index + m[0].indexOf(name);
    if (first && start <= first.start) continue;
    if (spans.length && spanIndexAt(spans, start) >= 0) continue;
    if (FUNCTION_CAPS.has(name.split(' ')[0]!) && !HONORIFICS.has(name.split(' ')[0]!.toLowerCase())) continue;
    if (!(CLAUSE_AUX.has(verb) || CUES.has(verb) || /(?:ed|s)$/.test(verb))) continue;
    const g = HONORIFICS.get(name.split(' ')[0]!.toLowerCase());
    out.push({ kind: 'name', name, ...(g ? { gender: g } : {}), start, end: start + name.length });
  }
  return out;
}

function directsIn(ctx: Ctx, s: number, e: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < ctx.spans.length; i++) {
    const sp = ctx.spans[i]!;
    if (sp.start >= s && sp.end <= e) out.push(i);
  }
  return out;
}

function analyzeSentence(ctx: Ctx, out: Candidate[], _si: number, sentenceSubj: () => Mention | undefined): void {
  const { toks, text } = ctx;
  const n = toks.length;
  let lastSubject: Mention | undefined;
  let subjectKnown = false;
  const subjectNow = (): Mention | undefined => {
    if (!subjectKnown) {
      lastSubject = sentenceSubj();
      subjectKnown = true;
    }
    return lastSubject;
  };
  for (let k = 0; k < n; k++) {
    if (ctx.inSpan[k]! >= 0) continue;
    const tok = toks[k]!;
    const l = tok.l;
    // "according to X, ..." / "..., according to X."
    if (l === 'according' && k + 1 < n && toks[k + 1]!.l === 'to') {
      accordingTo(ctx, out, k);
      continue;
    }
    const info = CUES.get(l);
    if (!info) continue;
    // Lower-case verbs only, except at the start of the sentence.
    if (tok.cap && k > 0) continue;
    // A participle opening the sentence is an adverbial: "Writing in the Guardian, X argued ...".
    if (info.form === 'ing' && trimStart(ctx, 0, n) === k) continue;
    // Passive or hearsay: "is said to", "were told", "it has been claimed".
    let p = k - 1;
    while (p >= 0 && PRE_VERB.has(toks[p]!.l)) p--;
    const prev = p >= 0 ? toks[p]!.l : '';
    if ((info.form === 'past' || info.form === 'base') && (BE.has(prev) || prev === 'been' || prev === 'get' || prev === 'got')) continue;
    if (info.form === 'base' && MODAL.has(prev)) continue;
    if (info.form === 'ing' && BE.has(prev) && info.cls !== 'directive' && l !== 'saying' && l !== 'telling') continue;
    if (prev === 'the' || prev === 'a' || prev === 'an' || prev === 'his' || prev === 'her' || prev === 'their' || prev === 'its') continue;
    if (info.form === 'ing' && (prev === 'of' || prev === 'for' || prev === 'about' || prev === 'from' || prev === 'without' || prev === 'against')) continue;
    if (l === 'said' && prev === 'that' && k + 1 < n && toks[k + 1]!.t === ',') continue;
    if (l === 'told' && prev === 'all') continue;
    // Verbs used for other things.
    const next = k + 1 < n ? toks[k + 1]!.l : '';
    if (info.lemma === 'point' && next !== 'out') continue;
    if (info.lemma === 'call' && next !== 'on' && next !== 'for' && !(k + 2 < n && ctx.inSpan[k + 2]! >= 0 && !ctx.spans[ctx.inSpan[k + 2]!]!.single)) continue;
    if (info.lemma === 'ask' && (next === 'for' || next === 'about')) continue;
    if ((info.lemma === 'comment' || info.lemma === 'respond') && !(next === ':' || next === ',' || next === '.' || next === 'that' || isQuoteMark(toks[k + 1]?.t ?? '') || k + 1 >= n)) continue;
    if (info.lemma === 'add' && !(next === 'that' || next === ':' || next === ',' || next === '.' || isQuoteMark(toks[k + 1]?.t ?? '') || k + 1 >= n || PRONOUNS.has(next) || next === 'the' || next === 'it' || (toks[k + 1]!.cap && toks[k + 1]!.word))) continue;
    if (info.lemma === 'feel' && !(next === 'that' || PRONOUNS.has(next) || next === 'the')) continue;
    if ((info.lemma === 'remember' || info.lemma === 'recall') && !(next === 'that' || next === 'how' || next === ':' || next === '.' || next === ',' || next === '' || isQuoteMark(toks[k + 1]?.t ?? ''))) continue;
    if (info.lemma === 'note' && !(next === 'that' || next === ':' || next === ',' || next === '.')) continue;
    if (info.lemma === 'state' && !(next === 'that' || next === ':' || next === ',' || next === '.')) continue;
    if (info.lemma === 'agree' && next !== 'that') continue;
    if (info.lemma === 'accept' && next !== 'that') continue;
    if (info.lemma === 'report' && !(next === 'that' || next === ':' || next === ',' || next === '.')) continue;
    if (info.lemma === 'write' && !(next === 'that' || next === ':' || next === ',' || next === '.' || next === 'in')) continue;
    if (info.lemma === 'promise' && !(next === 'that' || next === 'to')) continue;
    analyzeCue(ctx, out, k, info, subjectNow, (m) => {
      lastSubject = m;
      subjectKnown = true;
    });
  }
  void text;
}

function accordingTo(ctx: Ctx, out: Candidate[], k: number): void {
  const { toks, text } = ctx;
  const n = toks.length;
  const j = k + 2;
  // The source: up to the next comma or the end.
  let e = j;
  while (e < n && toks[e]!.t !== ',' && toks[e]!.t !== '.' && toks[e]!.t !== ';' && ctx.inSpan[e]! < 0) e++;
  if (e === j) return;
  // "according to their figures" / "according to the survey": the source is its owner only when named.
  let last = e - 1;
  while (last > j && toks[last]!.t === ')') last--;
  // Drop a parenthesis: "the Equal Opportunities Commission (EOC)".
  for (let m = j; m <= last; m++) {
    if (toks[m]!.t === '(') {
      last = m - 1;
      break;
    }
  }
  // "according to figures gathered by X": the author of the source is the source.
  const m = subjectBefore(ctx, last, j) ?? subjectBeforeCore(ctx, last, j);
  let mention: Mention | undefined = m;
  if (!m) {
    const phrase = mentionText(text, toks[j]!.s, toks[last]!.e);
    const first = toks[j]!.l;
    if (first === 'their' || first === 'its' || first === 'his' || first === 'her') mention = { kind: 'pronoun', name: first === 'her' ? 'she' : first === 'his' ? 'he' : first === 'its' ? 'it' : 'they', gender: first === 'her' ? 'f' : first === 'his' ? 'm' : first === 'its' ? 'n' : 'p', start: toks[j]!.s, end: toks[last]!.e };
    else if (/^(a|an)\b/i.test(phrase) || VAGUE.has(first)) return;
    else return;
  }
  if (!mention) return;
  const cueText = 'according to';
  // Preposed: "According to X, CLAUSE."
  const before = trimStart(ctx, 0, k);
  if (before >= k && e < n && toks[e]!.t === ',') {
    const s = trimStart(ctx, e + 1, n);
    if (s < n) pushReported(ctx, out, toks[s]!.s, trimEnd(text, toks[s]!.s, toks[n - 1]!.e), cueText, toks[k]!.s, mention);
    return;
  }
  // Postposed: "CLAUSE, according to X."
  if (k > 0 && toks[k - 1]!.t === ',') {
    const s = trimStart(ctx, 0, k - 1);
    if (s < k - 1) pushReported(ctx, out, toks[s]!.s, trimEnd(text, toks[s]!.s, toks[k - 2]!.e), cueText, toks[k]!.s, mention);
  }
}

function pushReported(ctx: Ctx, out: Candidate[], s: number, e: number, cue: string, cueAt: number, mention: Mention | undefined): void {
  if (e <= s) return;
  const span = ctx.text.slice(s, e);
  if (!/\p{L}{2}/u.test(span)) return;
  // Direct wins: marked fragments inside the complement are the quotes, unless they are only labels.
  const inner = directsIn(ctx, s, e);
  // Speech is in double marks; single marks inside reported speech are scare quotes ('on the move').
  const spoken = inner.filter((i) => !ctx.spans[i]!.single && !isLabel(ctx.text, ctx.spans[i]!));
  if (spoken.length > 0) {
    for (const i of spoken) {
      const sp = ctx.spans[i]!;
      out.push({ kind: 'direct', start: sp.start, end: sp.end, cue, cueAt, mention });
    }
    return;
  }
  // A complement that is only a marked span, with its closing punctuation.
  out.push({ kind: 'reported', start: s, end: e, cue, cueAt, mention });
}

function analyzeCue(ctx: Ctx, out: Candidate[], k: number, info: CueInfo, subjectNow: () => Mention | undefined, setSubject: (m: Mention) => void): void {
  const { toks, text } = ctx;
  const n = toks.length;
  let cueText = toks[k]!.t;
  let verbEnd = k + 1;
  const nextL = verbEnd < n ? toks[verbEnd]!.l : '';
  if ((info.lemma === 'point' && nextL === 'out') || (info.lemma === 'call' && (nextL === 'on' || nextL === 'for'))) {
    cueText = `${cueText} ${toks[verbEnd]!.t}`;
    verbEnd++;
  }
  // Auxiliaries before the verb belong to the cue: "has said", "is calling on".
  let a = k - 1;
  while (a >= 0 && AUX_SKIP.has(toks[a]!.l) && ctx.inSpan[a]! < 0) a--;
  // A time or medium adverbial between the subject and the verb: "X on Monday said", "X in a statement said".
  if (a >= 2 && ctx.inSpan[a]! < 0 && TIME_WORDS.has(toks[a]!.l)) {
    let h = a - 1;
    while (h > 0 && a - h < 4 && toks[h]!.word && !ADVERBIAL_HEADS.has(toks[h]!.l)) h--;
    if (h > 0 && ADVERBIAL_HEADS.has(toks[h]!.l) && toks[h - 1]!.word && ctx.inSpan[h - 1]! < 0) {
      a = h - 1;
      while (a >= 0 && AUX_SKIP.has(toks[a]!.l) && ctx.inSpan[a]! < 0) a--;
    }
  }
  // Subject before the verb.
  let mention: Mention | undefined;
  let clusterStart = k;
  let clusterEnd = verbEnd; // first token after the attribution
  if (a >= 0) {
    const t = toks[a]!;
    if (info.form === 'ing' && (t.t === ',' || t.word) && subjectNow()) {
      // ", saying ...", "e-mailed Mr X pointing out ..., but suggesting ...": the subject of the clause (below).
    } else if (t.t === ',' && a >= 1) {
      const ap = appositionSubject(ctx, a);
      if (ap) {
        mention = ap.mention;
        clusterStart = ap.start;
      }
    } else if (t.l === 'and' || t.l === 'but' || t.l === 'then' || t.l === 'before' || t.l === 'after') {
      // "X won ... and then claimed ...": the subject of the sentence.
      const last = subjectNow();
      if (last && last.kind !== 'drop') mention = { ...last };
    } else {
      const m = subjectBefore(ctx, a, 0);
      if (m) {
        // Inside a relative clause after the sentence subject ("Ms Robinson, who presents The Weakest Link
        // tells ..."), the speaker is the sentence subject.
        const init = initialSubject(ctx);
        const chosen = init && init.relative && init.mention.end < m.start ? init.mention : m;
        mention = chosen;
        clusterStart = toks.findIndex((x) => x.s === chosen.start);
      }
    }
  }
  if (clusterStart < 0) clusterStart = k;
  // The whole subject phrase belongs to the attribution: "chairman and chief executive Richard Parsons said",
  // "the company's boss Jane Doe said".
  if (mention && clusterStart < k) clusterStart = phraseStart(ctx, clusterStart);
  // "what they have said", "the things he said": a relative clause, not a report.
  if (mention && clusterStart > 0 && clusterStart <= k) {
    const before = toks[clusterStart - 1]!.l;
    if (before === 'what' || before === 'whatever' || before === 'which' || before === 'whom') return;
  }
  // Gerunds and participles take the subject of their clause: ", adding that ...", "saying ...".
  if (!mention && info.form === 'ing') {
    const last = subjectNow();
    if (last) mention = { ...last };
    else mention = { kind: 'drop', name: '', start: toks[k]!.s, end: toks[k]!.e };
  }
  // Subject after the verb: "said Claxton", "says Cara Diemont of IT firm Dimension Data".
  let inverted = false;
  // "told the court" names the addressee, never the speaker.
  const invertible = info.cls !== 'tell' && (a < 0 || toks[a]!.t === ',' || isQuoteMark(toks[a]!.t) || ctx.inSpan[a]! >= 0);
  if (!mention && invertible) {
    const after = subjectAfter(ctx, verbEnd, n);
    if (after) {
      mention = after.mention;
      clusterEnd = after.next;
      inverted = true;
      // "of IT firm Dimension Data, which commissioned the survey": the tail belongs to the speaker.
      while (clusterEnd < n && toks[clusterEnd]!.word && ctx.inSpan[clusterEnd]! < 0 && (toks[clusterEnd]!.l === 'of' || toks[clusterEnd]!.l === 'from' || toks[clusterEnd]!.l === 'at')) {
        let m = clusterEnd + 1;
        while (m < n && toks[m]!.word && ctx.inSpan[m]! < 0) m++;
        clusterEnd = m;
      }
    }
  }
  if (!mention) {
    // A subject further left in the same clause: "X also announced a new drive ..., saying".
    return;
  }
  if (mention.kind !== 'drop') setSubject(mention);
  clusterEnd = skipPrepPhrases(ctx, skipAdverbials(ctx, inverted ? clusterEnd : verbEnd, n), n);
  const cueAt = toks[k]!.s;
  // What follows the attribution?
  let c = clusterEnd;
  // The addressee of "tell" and the object of a directive.
  let objectStart = -1;
  if (info.cls === 'tell' || info.cls === 'directive') {
    objectStart = c;
    let m = c;
    let thatAt = -1;
    while (m < n && m - c < 10 && ctx.inSpan[m]! < 0 && toks[m]!.t !== ':' && toks[m]!.t !== '.') {
      const l = toks[m]!.l;
      if (l === 'that') {
        thatAt = m;
        break;
      }
      if (l === 'to' && info.cls === 'directive') break;
      if (info.cls === 'tell' && m > c && (PRONOUNS.has(l) || CLAUSE_AUX.has(l))) break;
      if (toks[m]!.t === ',') break;
      m++;
    }
    if (info.cls === 'tell') {
      if (thatAt >= 0) c = thatAt;
      else if (m < n && (toks[m]!.t === ':' || toks[m]!.t === '.' || toks[m]!.t === ',' || ctx.inSpan[m]! >= 0)) c = m;
      else if (m < n && CLAUSE_AUX.has(toks[m]!.l)) {
        // "told the BBC the plan was wrong": the clause starts at its subject, before the auxiliary.
        let s = m - 1;
        while (s > c && !DETERMINERS.has(toks[s]!.l) && toks[s]!.word && !toks[s]!.cap) s--;
        c = s > c ? s : m;
      } else c = m;
      c = skipAdverbials(ctx, c, n);
    } else if (thatAt >= 0) {
      // "warned investors that ...": the clause after the addressee.
      c = thatAt;
    } else if ((m >= n || toks[m]!.t === '.' || toks[m]!.t === ':' || toks[m]!.t === ',' || toks[m]!.t === ';') && !looksClausal(ctx, c, m)) {
      // ""...," X urged the government.": the addressee closes the clause (or a colon follows it).
      c = skipPrepPhrases(ctx, skipAdverbials(ctx, m, n), n);
    } else if (m < n && toks[m]!.l === 'to') {
      // Directive: the quote is the object plus the infinitive.
      const e = clauseEnd(ctx, m, n);
      if (c < e) pushReported(ctx, out, toks[c]!.s, trimEnd(text, toks[c]!.s, toks[e - 1]!.e), cueText, cueAt, mention);
      return;
    }
  }
  const tc = c < n ? toks[c]! : undefined;
  // Direct quotation right after: "said: "..."", "told the seminar: "..."".
  if (tc && (tc.t === ':' || ctx.inSpan[c]! >= 0 || (tc.t === ',' && c + 1 < n && ctx.inSpan[c + 1]! >= 0))) {
    const m = tc.t === ':' || tc.t === ',' ? c + 1 : c;
    if (m < n && ctx.inSpan[m]! >= 0) {
      const sp = ctx.spans[ctx.inSpan[m]!]!;
      if (sp.open >= toks[m]!.s - 1 || sp.open <= toks[m]!.s) {
        if (!isLabel(text, sp)) {
          out.push({ kind: 'direct', start: sp.start, end: sp.end, cue: cueText, cueAt, mention });
          // A further clause after the quotation with its own verb is another act (handled by its verb).
        }
        attachBefore(ctx, out, clusterStart, cueText, cueAt, mention);
        return;
      }
    }
    if (tc.t === ':' && m < n) {
      // An unmarked colon complement.
      const e = clauseEnd(ctx, m, n);
      pushReported(ctx, out, toks[m]!.s, trimEnd(text, toks[m]!.s, toks[e - 1]!.e), cueText, cueAt, mention);
      return;
    }
  }
  // A complement before the attribution: "CLAUSE, X said." or ""...," said X."
  let restPunct = true;
  for (let q = c; q < n; q++) if (toks[q]!.word) restPunct = false;
  const atEnd = c >= n || restPunct || toks[c]!.t === ';' || (toks[c]!.t === ',' && c + 1 < n && isClauseBreak(ctx, c + 1));
  if (atEnd || (toks[c]?.t === ',' && clusterStart > 0)) {
    if (attachBefore(ctx, out, clusterStart, cueText, cueAt, mention)) return;
    if (clusterStart > 0) {
      const before = toks[clusterStart - 1]!;
      if (before.t === ',' || before.t === '-' || before.t === '—') {
        const s = trimStart(ctx, 0, clusterStart - 1);
        if (s < clusterStart - 1) {
          // Interrupting attribution: "One possible reason ..., Ms Diemont says, is the fact that ...".
          if (toks[c]?.t === ',' && !atEnd) {
            const e = clauseEnd(ctx, c + 1, n);
            pushReported(ctx, out, toks[s]!.s, trimEnd(text, toks[s]!.s, toks[e - 1]!.e), cueText, cueAt, mention);
          } else {
            pushReported(ctx, out, toks[s]!.s, trimEnd(text, toks[s]!.s, toks[clusterStart - 2]!.e), cueText, cueAt, mention);
          }
        }
      }
    }
    if (atEnd) return;
  }
  // A complement after the verb.
  if (c >= n) return;
  let s = c;
  if (toks[s]!.l === 'that') s++;
  else if (info.cls === 'frag') {
    // Verbs without a clause: only quoted fragments in the rest of the clause count.
    const e = clauseEnd(ctx, s, n);
    for (const i of directsIn(ctx, toks[s]!.s, toks[e - 1]!.e)) {
      const sp = ctx.spans[i]!;
      if (!isLabel(text, sp)) out.push({ kind: 'direct', start: sp.start, end: sp.end, cue: cueText, cueAt, mention });
    }
    return;
  } else if (info.cls === 'deny') {
    if (!(/ing$/.test(toks[s]!.l) || looksClausal(ctx, s, n))) return;
  } else if (info.cls !== 'say' && info.cls !== 'tell' && !looksClausal(ctx, s, n)) {
    return;
  } else if (info.cls === 'say' && !looksClausal(ctx, s, n) && ctx.inSpan[s]! < 0) {
    // "said nothing", "said so": require something clause-like unless the verb is plain "said".
    const l = toks[s]!.l;
    if (l === 'nothing' || l === 'so' || l === 'goodbye' || l === 'sorry' || l === 'yes' || l === 'no') return;
  }
  if (s >= n) return;
  s = trimStart(ctx, s, n);
  if (s >= n) return;
  const e = clauseEnd(ctx, s, n);
  if (e <= s) return;
  // A whole complement that is one quotation: `said "these are not as big as ..."`.
  pushReported(ctx, out, toks[s]!.s, trimEnd(text, toks[s]!.s, toks[e - 1]!.e), cueText, cueAt, mention);
  void objectStart;
}

function isClauseBreak(ctx: Ctx, i: number): boolean {
  const l = ctx.toks[i]!.l;
  const info = CUES.get(l);
  return !!info && info.form === 'ing';
}

/** A quotation that closes right before the attribution: `"...," he said` / `"..." said X`. */
function attachBefore(ctx: Ctx, out: Candidate[], clusterStart: number, cue: string, cueAt: number, mention: Mention | undefined): boolean {
  const { toks, text } = ctx;
  let b = clusterStart - 1;
  if (b >= 0 && (toks[b]!.t === ',' || toks[b]!.t === '-')) b--;
  if (b < 0) {
    // The quotation closed the previous sentence on the same line: "'...' Hailey later recalled."
    const at = toks[clusterStart]?.s ?? 0;
    let p = at - 1;
    while (p >= 0 && (text[p] === ' ' || text[p] === '\t')) p--;
    for (let i = ctx.spans.length - 1; i >= 0; i--) {
      const sp = ctx.spans[i]!;
      if (sp.close === p && !sp.single && !isLabel(text, sp)) {
        out.push({ kind: 'direct', start: sp.start, end: sp.end, cue, cueAt, mention });
        return true;
      }
      if (sp.close < p) break;
    }
    return false;
  }
  const idx = ctx.inSpan[b]!;
  if (idx < 0) return false;
  const sp = ctx.spans[idx]!;
  // The token must be the closing mark itself (or the last word when the mark is glued).
  if (sp.close < toks[b]!.s - 1) return false;
  if (isLabel(text, sp)) return false;
  out.push({ kind: 'direct', start: sp.start, end: sp.end, cue, cueAt, mention });
  return true;
}
