// Who said what: the public API of quote extraction, speakers, the registry and quote questions.

export type { Quote, Speaker } from './types.ts';
export { extractQuotes, type ExtractOptions } from './extract.ts';
export { findMarkedSpans, type MarkedSpan } from './marks.ts';
export { resolveSpeakers } from './speakers/resolve.ts';
export { createSpeakerRegistry, type MutableSpeakerRegistry, type QuoteHit, type QuoteRef, type RegistrySpeaker, type SpeakerRegistry } from './registry.ts';
export { parseQuestion, whoSaid, WHOSAID_ANSWERS, type QuoteQuestion } from './questions.ts';
export { buildGlossary, defaultGlossary, loadGlossary, setDefaultGlossary, GlossaryError, DEFAULT_GLOSSARY_PATH, type Glossary, type GlossaryEntry } from './glossary.ts';
export { buildGazetteer, defaultGazetteer, loadGazetteer, nameKey, setDefaultGazetteer, GazetteerError, DEFAULT_GAZETTEER_PATH, type Gazetteer, type GazetteerEntry } from './gazetteer.ts';
export { editDistance, nameSkeletons, sameNameWord, skeleton } from './translit.ts';
export { quoteRecords, quotesReport, type QuoteRecord, type QuotesReportOptions } from './report.ts';
