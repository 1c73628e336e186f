import { stripControls } from '../news/normalize.ts';
import { spanText, type Inline, type Post } from './post.ts';

// Isolate each line so a right-to-left paragraph does not reorder the punctuation of the next one.
const FSI = '\u2068';
const PDI = '\u2069';

function inline(parts: Inline[]): string {
  return parts.map((p) => (typeof p === 'string' ? stripControls(p) : p.link ? `${stripControls(spanText(p))} <${p.link}>` : stripControls(p.text))).join('');
}

/** Plain text for terminals and logs: headings underlined, quotes in guillemets-free indented blocks. */
export function renderPlain(post: Post, options: { isolate?: boolean } = {}): string {
  const lines: string[] = [];
  for (const block of post.blocks) {
    switch (block.type) {
      case 'heading':
        lines.push(stripControls(block.text), '─'.repeat(Math.min(40, Math.max(3, block.text.length))));
        break;
      case 'paragraph':
        lines.push(inline(block.content));
        break;
      case 'quote':
        lines.push(`  │ ${stripControls(block.text).replace(/\n/g, '\n  │ ')}`);
        if (block.cite) lines.push(`  — ${inline(block.cite)}`);
        break;
      case 'list':
        block.items.forEach((item, i) => lines.push(`${block.ordered ? `${block.numbers?.[i] ?? (block.start ?? 1) + i}.` : '•'} ${inline(item)}`));
        break;
    }
    lines.push('');
  }
  if (post.buttons?.length) {
    lines.push(post.buttons.map((row) => row.map((b) => `[${b.label}]`).join(' ')).join('\n'));
  }
  const text = lines.join('\n').replace(/\n+$/, '');
  return options.isolate ? text.split('\n').map((l) => (l ? FSI + l + PDI : l)).join('\n') : text;
}
