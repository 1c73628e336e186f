// Entry of the built command line (dist/bin/cli.js): the `newsbot` command and `npm run newsbot`.
import { cli } from '../cli.ts';

await cli(process.argv.slice(2));
