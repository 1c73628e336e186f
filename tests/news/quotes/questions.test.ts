import { describe, expect, it } from 'vitest';
import { parseQuestion } from '../../../src/news/quotes/questions.ts';

describe('parseQuestion', () => {
  it('reads Arabic who-questions', () => {
    expect(parseQuestion('ماذا قال ترامب؟')).toEqual({ kind: 'who', name: 'ترامب' });
    expect(parseQuestion('ماذا قالت وزيرة الخارجية؟')).toEqual({ kind: 'who', name: 'وزيرة الخارجية' });
    expect(parseQuestion('ما الذي قاله قو؟')).toEqual({ kind: 'who', name: 'قو' });
    expect(parseQuestion('وماذا قال لافروف')).toEqual({ kind: 'who', name: 'لافروف' });
  });

  it('reads Arabic who-said questions', () => {
    expect(parseQuestion('من قال إن الحوار والتفاوض هما الطريقة الوحيدة؟')).toEqual({ kind: 'whosaid', words: 'الحوار والتفاوض هما الطريقة الوحيدة' });
    expect(parseQuestion('من قال هناك كراهية هائلة')).toEqual({ kind: 'whosaid', words: 'هناك كراهية هائلة' });
  });

  it('reads English questions', () => {
    expect(parseQuestion('what did Trump say?')).toEqual({ kind: 'who', name: 'Trump' });
    expect(parseQuestion('What has Patricia Hewitt said about maternity pay?')).toEqual({ kind: 'who', name: 'Patricia Hewitt' });
    expect(parseQuestion('quotes from Guo')).toEqual({ kind: 'who', name: 'Guo' });
    expect(parseQuestion('Who said dialogue is the only way?')).toEqual({ kind: 'whosaid', words: 'dialogue is the only way' });
  });

  it('leaves other messages and slash commands alone', () => {
    expect(parseQuestion('/who Trump')).toBeNull();
    expect(parseQuestion('summarize the latest news')).toBeNull();
    expect(parseQuestion('')).toBeNull();
    expect(parseQuestion('what did he say?')).toBeNull();
  });

  it('survives hostile input quickly', () => {
    const inputs = [
      'what did '.repeat(12_000) + 'say',
      'ماذا قال '.repeat(12_000),
      '<script>alert(1)</script> what did <b>Trump</b> say?',
      '\u202Eماذا قال ترامب؟\u202C',
      'who said ' + 'a'.repeat(100_000),
      'what did ' + ' '.repeat(100_000) + 'x say',
    ];
    const t0 = performance.now();
    for (const s of inputs) expect(() => parseQuestion(s)).not.toThrow();
    expect(performance.now() - t0).toBeLessThan(200);
    expect(parseQuestion('\u202Eماذا قال ترامب؟\u202C')).toEqual({ kind: 'who', name: 'ترامب' });
  });
});
