#!/usr/bin/env node
// The installed `newsbot` command: runs the TypeScript CLI through tsx, which ships as a dependency.
import { register } from 'tsx/esm/api';

register();
const { cli } = await import('../cli.ts');
await cli(process.argv.slice(2));
