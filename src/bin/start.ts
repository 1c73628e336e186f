// Entry of the built bot (dist/bin/start.js): `npm start`.
import { main } from '../main.ts';

await main();
