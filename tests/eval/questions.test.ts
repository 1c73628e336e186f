import { describe, expect, it } from 'vitest';
import { evalDev, evalDev2, evalDev3, evalDev4, evalDev5, evalHeldout, evalSeen } from '../../src/eval/questions.ts';

// The in-sample development pairs (tests/fixtures/questions-dev.json) as a bar: counts, not timings.
describe('who-said-what questions, development pairs', () => {
  it('answers cross-language, paraphrase and distractor questions with the right speaker', () => {
    const s = evalDev();
    expect(s.questions).toBe(36);
    expect(s.correct).toBeGreaterThanOrEqual(34);
    expect(s.quoteFound).toBeGreaterThanOrEqual(35);
    expect(s.distractorsAvoided).toBe(s.distractors);
    expect(s.byType['cross-language en→ar']?.correct).toBe(12);
    expect(s.byType['cross-language ar→en']?.correct).toBeGreaterThanOrEqual(6);
  });
});

// The second development pairs (tests/fixtures/questions-dev2.json, session 17, in-sample): a floor at
// their figures (36/51 when written, before the session's question work; 47/51 after it, every pair whose
// gold quote is extracted with its speaker answered right).
describe('who-said-what questions, development pairs 2', () => {
  it('keeps at least the answers it gives today', () => {
    const s = evalDev2();
    expect(s.questions).toBe(51);
    expect(s.correct).toBeGreaterThanOrEqual(46);
    expect(s.answerableCorrect).toBeGreaterThanOrEqual(s.answerable - 1);
    expect(s.byType['cross-language ar→en']?.correct).toBeGreaterThanOrEqual(16);
    expect(s.byType['cross-language en→ar']?.correct).toBeGreaterThanOrEqual(14);
    expect(s.distractorsAvoided).toBe(s.distractors);
  });
});

// The third, fourth and fifth development pairs (session 18: questions-dev3.json over quotes-ar-dev4/5/6, 46/56 when
// first measured; questions-dev4.json over quotes-ar-dev7/8, 45/57 when first measured), in-sample since:
// floors a little under their figures at the end of the session's question work (55/56 and 50/57, every
// dev4 pair whose gold quote is extracted with its speaker answered right).
describe('who-said-what questions, development pairs 3 and 4', () => {
  it('keeps at least the answers it gives today', () => {
    const d3 = evalDev3();
    expect(d3.questions).toBe(56);
    expect(d3.correct).toBeGreaterThanOrEqual(53);
    expect(d3.byType['cross-language en→ar']?.correct).toBeGreaterThanOrEqual(42);
    expect(d3.distractorsAvoided).toBe(d3.distractors);
    const d4 = evalDev4();
    expect(d4.questions).toBe(57);
    expect(d4.correct).toBeGreaterThanOrEqual(48);
    expect(d4.quoteFound).toBeGreaterThanOrEqual(53);
    expect(d4.answerableCorrect).toBeGreaterThanOrEqual(d4.answerable - 1);
    expect(d4.distractorsAvoided).toBe(d4.distractors);
  });

  it('answers Arabic questions about English quotes (dev5: 30/32 when first measured, 32/32 after)', () => {
    const d5 = evalDev5();
    expect(d5.questions).toBe(32);
    expect(d5.correct).toBeGreaterThanOrEqual(30);
  });
});

// The held-out pairs of earlier rounds, tuned on since (in-sample): session 16's first blind pairs (37/70 when
// held out, 70/70 after session 16) and, since session 18, round s16's Arabic pairs (seen/questions-ar-a/b.json;
// 104/112 in all at the move, 111/112 after session 18's question work). A floor a little under, raised as the work goes.
describe('who-said-what questions, seen pairs', () => {
  it('keeps at least the answers it gives today', () => {
    const s = evalSeen();
    expect(s.questions).toBe(112);
    expect(s.correct).toBeGreaterThanOrEqual(108);
    expect(s.quoteFound).toBeGreaterThanOrEqual(107);
    expect(s.answerableCorrect).toBeGreaterThanOrEqual(107);
    expect(s.byType['cross-language en→ar']?.correct).toBeGreaterThanOrEqual(40);
    expect(s.byType['cross-language ar→en']?.correct).toBeGreaterThanOrEqual(16);
    expect(s.byType['paraphrase ar→ar']?.correct).toBeGreaterThanOrEqual(21);
    expect(s.distractorsAvoided).toBeGreaterThanOrEqual(18);
  });
});

// The held-out pairs (tests/fixtures/heldout/questions*.json: round s16's English pairs, rounds s17, s18, s19 and
// s19b, written blind, never tuned on): a floor at the figure measured at the end of session 19 (157/229; 91/136
// without rounds s19 and s19b at the end of session 18), so a change
// that loses answers shows. No bar of the is on this count; the figures are in the README. Whoever
// tunes the rules runs with EVAL_NO_HELDOUT=1 and does not see even this count.
describe.skipIf(!!process.env.EVAL_NO_HELDOUT)('who-said-what questions, held-out pairs', () => {
  it('answers at least as many as at the last measurement', () => {
    const s = evalHeldout();
    expect(s?.questions).toBe(229);
    expect(s?.correct).toBeGreaterThanOrEqual(157);
  });
});
