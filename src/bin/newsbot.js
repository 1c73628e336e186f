#!/usr/bin/env node
// The installed `newsbot` command: the CLI as built into dist/ by `npm run build` (run on install).
await import('../../dist/bin/cli.js');
