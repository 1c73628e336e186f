// The who-said-what bars as tests: counts on annotated sets, no timing. In-sample sets (the rules were
// developed on them, tests/fixtures/seen included) guard against regressions; held-out sets
// (tests/fixtures/heldout/*.json, written by annotators who never saw the rules) carry the bars.

import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { evalArabic, evalEnglish, evalGoldDir, evalGoldFile, evalSeed, FIXTURES, HELDOUT_DIR, SEEN_DIR, speakerPR } from '../../src/eval/quotes.ts';

describe('quote bars, in-sample', () => {
  it('English (quotes-en.json): F1 ≥ 85 and speaker accuracy ≥ 87 %', () => {
    const { scores } = evalEnglish();
    expect(scores.gold).toBeGreaterThanOrEqual(250);
    expect(scores.f1).toBeGreaterThanOrEqual(85);
    expect(scores.speakerAccuracy).toBeGreaterThanOrEqual(87);
  });

  it('Arabic (quotes-ar.json): precision and recall ≥ 90', () => {
    const { scores } = evalArabic();
    expect(scores.gold).toBeGreaterThanOrEqual(120);
    expect(scores.precision).toBeGreaterThanOrEqual(90);
    expect(scores.recall).toBeGreaterThanOrEqual(90);
    expect(scores.speakerAccuracy).toBeGreaterThanOrEqual(90);
  });

  it('the seed: every required quote with an accepted speaker, none to Wang Yi or Lavrov, every question answered', () => {
    const seed = evalSeed();
    expect(seed.requiredFound).toBe(seed.required);
    expect(seed.mustNotViolations).toBe(0);
    expect(seed.questionsAnswered).toBe(seed.questions);
  });
});

// The blind development sets of sessions 18 and 19, written by annotators who never saw the rules and tuned on
// since (dev7/dev8: speaker P/R 0.785/0.740 and 0.850/0.807 on the session-18 start rules; dev9/dev10: 0.918/0.899
// and 0.899/0.853 on the session-19 start rules; dev11/dev12: 0.875/0.778 and 0.860/0.854 on the rules of 21:40 in
// session 19, when they landed). Floors at the end of session 19, just under: 0.957/0.927, 0.942/0.901, 0.972/0.946,
// 0.977/0.956, 0.942/0.843, 0.927/0.921.
describe('quote bars, blind dev sets of sessions 18 and 19 (in-sample)', () => {
  it.each([
    ['quotes-ar-dev7.json', 160, 0.95, 0.92],
    ['quotes-ar-dev8.json', 160, 0.93, 0.9],
    ['quotes-ar-dev9.json', 140, 0.96, 0.94],
    ['quotes-ar-dev10.json', 130, 0.97, 0.95],
    ['quotes-ar-dev11.json', 150, 0.94, 0.84],
    ['quotes-ar-dev12.json', 150, 0.92, 0.92],
  ])('%s: speaker precision and recall hold', (file, gold, p, r) => {
    const { scores } = evalGoldFile(path.join(FIXTURES, file));
    const pr = speakerPR(scores);
    expect(scores.gold).toBeGreaterThanOrEqual(gold);
    expect(pr.precision).toBeGreaterThanOrEqual(p);
    expect(pr.recall).toBeGreaterThanOrEqual(r);
  });
});

// The first held-out sets, tuned on since session 16: floors at their current in-sample figures.
describe('quote bars, seen sets (in-sample)', () => {
  it('seen/quotes-ar.json: quote F1 and speaker precision/recall hold', () => {
    const { scores } = evalGoldFile(path.join(SEEN_DIR, 'quotes-ar.json'));
    const pr = speakerPR(scores);
    expect(scores.gold).toBeGreaterThanOrEqual(260);
    expect(scores.f1).toBeGreaterThanOrEqual(98);
    expect(pr.precision).toBeGreaterThanOrEqual(0.97);
    expect(pr.recall).toBeGreaterThanOrEqual(0.97);
  });

  // Round s16's Arabic sets, held out until session 18 (speaker P/R 0.950/0.943 and 0.932/0.919 at the move,
  // 0.986/0.986 and 1.000/1.000 at the end of session 18).
  it.each([['quotes-ar-a.json', 0.97, 0.97], ['quotes-ar-b.json', 0.98, 0.98]])('seen/%s: speaker precision and recall hold', (file, p, r) => {
    const { scores } = evalGoldFile(path.join(SEEN_DIR, file));
    const pr = speakerPR(scores);
    expect(scores.gold).toBeGreaterThanOrEqual(135);
    expect(pr.precision).toBeGreaterThanOrEqual(p);
    expect(pr.recall).toBeGreaterThanOrEqual(r);
  });

  it('seen/quotes-en.json: quote F1 and speaker accuracy hold', () => {
    const { scores } = evalGoldFile(path.join(SEEN_DIR, 'quotes-en.json'));
    expect(scores.gold).toBeGreaterThanOrEqual(150);
    expect(scores.f1).toBeGreaterThanOrEqual(95);
    expect(scores.speakerAccuracy).toBeGreaterThanOrEqual(99);
  });
});

const HELDOUT = evalGoldDir(HELDOUT_DIR);
// Rounds and languages (heldout/rounds.json) whose held-out figures are below the bar (measured, never tuned on).
const BELOW_BAR = new Set<string>(['s17 ar', 's18 ar', 's19 ar', 's19b ar']);

describe('quote bars, held-out', () => {
  it.skipIf(HELDOUT.length > 0)('no held-out set is on main yet', () => {
    expect(HELDOUT).toEqual([]);
  });

  for (const { lang, round, files, scores } of HELDOUT) {
    // Below the bar when the set landed (figures in the README): the test records the bar and starts failing
    // the day the bar is met, to be turned into a plain test then. Never tuned on.
    const run = BELOW_BAR.has(`${round} ${lang}`) ? it.fails : it;
    run(`${round} ${lang} (${files.join(', ')}): the issue's bars (Arabic ≥ 150 quotes, speaker P ≥ 0.95 / R ≥ 0.90; English F1 ≥ 92, speaker ≥ 92 %)`, () => {
      if (lang === 'ar') {
        const pr = speakerPR(scores);
        expect(scores.gold).toBeGreaterThanOrEqual(150);
        expect(pr.precision).toBeGreaterThanOrEqual(0.95);
        expect(pr.recall).toBeGreaterThanOrEqual(0.9);
      } else {
        expect(scores.gold).toBeGreaterThan(0);
        expect(scores.f1).toBeGreaterThanOrEqual(92);
        expect(scores.speakerAccuracy).toBeGreaterThanOrEqual(92);
      }
    });
  }
});
