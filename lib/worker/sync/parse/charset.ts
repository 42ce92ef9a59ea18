/**
 * Bytes to text in the charset the response declares: the Content-Type header first, then a byte-order
 * mark, then the XML declaration's `encoding` (GB2312 feeds say so only there), else UTF-8. TextDecoder
 * knows GB2312/GBK, Windows-125x, ISO-8859-x, Shift_JIS ... in browsers and in Node.
 */
function decoderFor(label: string | undefined): TextDecoder | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label.trim().toLowerCase());
  } catch {
    return undefined; // a label TextDecoder does not know: fall through to the next clue
  }
}

function charsetOf(contentType: string | null | undefined): string | undefined {
  return /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
}

export function decodeBody(bytes: Uint8Array, contentType?: string | null): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const declared = /<\?\w*xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1];
  // The header wins, as HTTP says, except that servers often send a default UTF-8 that the document contradicts.
  const header = charsetOf(contentType);
  const label = header && !(declared && /^utf-?8$/i.test(header)) ? header : (declared ?? header);
  return (decoderFor(label) ?? new TextDecoder('utf-8')).decode(bytes);
}
