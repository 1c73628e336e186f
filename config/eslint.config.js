import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The core (news/, bot/) stays platform-free: only adapters may import platform libraries.
const platformLibraries = ['telegraf', 'telegraf/*', 'discord.js', '@discordjs/*'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Who-said-what reads in stages: files and functions stay small enough to change with confidence.
    files: ['src/news/quotes/**'],
    rules: {
      'max-lines': ['error', { max: 400, skipBlankLines: false, skipComments: false }],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: false, skipComments: false, IIFEs: true }],
    },
  },
  {
    files: ['src/news/**', 'src/bot/**', 'src/briefings/**', 'src/storage/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: platformLibraries, message: 'The core is platform-free: platform code belongs in src/adapters.' }] }],
    },
  },
);
