import { describe, expect, it } from 'vitest';
import { argsFromOptions, discordCommands, isValidCommandName } from '../../../src/adapters/discord/commands.ts';
import { documentChoices, speakerChoices } from '../../../src/adapters/discord/autocomplete.ts';
import { availableCommands, commands, type CommandSpec } from '../../../src/bot/commands.ts';
import { realServices } from '../../helpers/services.ts';
import { expectedBody } from './helpers.ts';

describe('slash commands from the command table', () => {
  it('every command and option name follows Discord naming rules; descriptions fit 1-100', () => {
    for (const c of discordCommands(commands)) {
      expect(isValidCommandName(c.name), c.name).toBe(true);
      expect(c.description.length).toBeGreaterThan(0);
      expect(c.description.length).toBeLessThanOrEqual(100);
      for (const o of c.options ?? []) {
        expect(isValidCommandName(o.name), `${c.name}.${o.name}`).toBe(true);
        expect(o.description.length).toBeLessThanOrEqual(100);
      }
    }
    expect(isValidCommandName('Summary')).toBe(false);
    expect(isValidCommandName('two words')).toBe(false);
    expect(isValidCommandName('x'.repeat(33))).toBe(false);
    expect(isValidCommandName('ملخص')).toBe(true);
  });

  it('the PUT body is the table: hidden commands out, typed options, no localizations (Discord has no Arabic locale)', () => {
    const body = discordCommands(commands);
    expect(body).toEqual(expectedBody(commands));
    expect(body.map((c) => c.name)).not.toContain('full');
    expect(JSON.stringify(body)).not.toMatch(/localizations/);
    expect(body.find((c) => c.name === 'list')?.options?.[0]).toMatchObject({ name: 'page', type: 4 });
    expect(body.find((c) => c.name === 'summary')?.options?.[0]).toMatchObject({ name: 'document', type: 3, autocomplete: true });
  });

  it('required options go first for Discord; args keep the declared order', () => {
    const spec: CommandSpec = {
      name: 'who',
      description: { en: 'Who said what', ar: 'من قال ماذا' },
      options: [
        { name: 'document', type: 'string', description: { en: 'Doc', ar: 'وثيقة' } },
        { name: 'name', type: 'string', description: { en: 'Speaker', ar: 'المتحدث' }, required: true, autocomplete: 'speakers' },
      ],
      run: () => ({ lang: 'en', blocks: [] }),
    };
    expect(discordCommands([spec])[0]?.options?.map((o) => o.name)).toEqual(['name', 'document']);
    const values: Record<string, string | number | undefined> = { name: 'Trump', document: '3' };
    expect(argsFromOptions(spec, (n) => values[n])).toBe('3 Trump');
    expect(argsFromOptions(spec, (n) => (n === 'name' ? ' Trump ' : undefined))).toBe('Trump');
    expect(argsFromOptions(undefined, () => 'x')).toBe('');
  });
});

describe('autocomplete choices', () => {
  it('documents: newest 25 when empty, partial Arabic or Latin titles, numbers; names ≤ 100', async () => {
    const services = await realServices();
    const library = services.library();
    const empty = documentChoices(services, '');
    expect(empty.map((c) => c.value)).toEqual(library.briefs.slice(0, 25).map((b) => b.doc.id));
    expect(documentChoices(services, 'Greens')[0]?.name).toMatch(/Dollar gains on Greenspan speech/);
    expect(documentChoices(services, 'labour')[0]?.name).toMatch(/Labour/);
    const arabic = documentChoices(services, 'بكي'); // a partial word: «بكين»
    expect(arabic[0]?.value).toBe('000_242677af3c996c0f');
    expect(documentChoices(services, '3')[0]?.value).toBe(library.briefs[2]?.doc.id);
    for (const input of ['', 'a', 'x'.repeat(100_000), '\u202E<@123>', 'ال']) {
      const choices = documentChoices(services, input);
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const c of choices) {
        expect(c.name.length).toBeGreaterThan(0);
        expect(c.name.length).toBeLessThanOrEqual(100);
        expect(c.value.length).toBeLessThanOrEqual(100);
        expect(c.name).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
      }
    }
  });

  it('speakers: Latin or Arabic input, the registry match first, ≤ 25 names within Discord limits', async () => {
    const services = await realServices();
    expect(speakerChoices(services, 'Trump')[0]).toEqual({ name: 'Donald Trump', value: 'Donald Trump' });
    expect(speakerChoices(services, 'ترامب')[0]?.value).toBe('Donald Trump');
    expect(speakerChoices(services, 'hewitt')[0]?.value).toBe('Patricia Hewitt');
    const all = speakerChoices(services, '');
    expect(all.length).toBeGreaterThan(3);
    expect(all.length).toBeLessThanOrEqual(25);
    for (const c of all) expect(c.name.length).toBeLessThanOrEqual(100);
    expect(speakerChoices(services, 'zzzz-no-one')).toEqual([]);
    expect(availableCommands(services).find((c) => c.name === 'who')?.options[0]?.autocomplete).toBe('speakers');
  });
});
