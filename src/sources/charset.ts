/**
 * Decodes a fetched body to text. Order: a byte-order mark, the Content-Type charset, the XML
 * declaration or an HTML <meta charset>, else UTF-8. Node's TextDecoder knows the legacy encodings
 * (windows-1256, iso-8859-6...) that Arabic feeds still use.
 */

export class CharsetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CharsetError';
  }
}

function fromBom(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

export function charsetOfContentType(contentType: string): string | undefined {
  return /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1]?.toLowerCase();
}

/** The encoding named inside the document's first bytes (ASCII-compatible encodings only). */
function fromDeclaration(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1];
  if (xml) return xml.toLowerCase();
  return /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1]?.toLowerCase();
}

function decoderFor(label: string): { decode(bytes: Uint8Array): string } {
  try {
    return new TextDecoder(label, { fatal: true });
  } catch {
    throw new CharsetError(`unknown character encoding "${label}"`);
  }
}

export function decodeBody(bytes: Uint8Array, contentType = ''): string {
  const label = fromBom(bytes) ?? charsetOfContentType(contentType) ?? fromDeclaration(bytes) ?? 'utf-8';
  const decoder = decoderFor(label);
  try {
    return decoder.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    // A server that says UTF-8 and sends something else: the declaration inside may know better.
    const declared = fromDeclaration(bytes);
    if (declared && declared !== label) return decoderFor(declared).decode(bytes);
    throw new CharsetError(`the body is not valid ${label}`);
  }
}
