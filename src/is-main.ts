import { pathToFileURL } from 'node:url';

/**
 * True when the module at `url` is the file node was started with (`tsx src/bench/telegram.ts`).
 * Inside the dist/ bundle every module shares its chunk's URL, so the test is off there: the bundle's
 * entries (src/bin/) call what they run themselves.
 */
export function isMain(url: string): boolean {
  const script = process.argv[1];
  if (!script || url.includes('/dist/')) return false;
  return url === pathToFileURL(script).href;
}
