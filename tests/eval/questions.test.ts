import { describe, expect, it } from 'vitest';
import { evalDev } from '../../src/eval/questions.ts';

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
