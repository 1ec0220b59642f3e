import { InputProblem } from './errors.js';

/** The offset of the first byte that breaks UTF-8, or -1 when the bytes are valid UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let n: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [n, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [n, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [n, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return -1;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes an input file to text. UTF-8 (with or without BOM) and UTF-16 with a BOM are accepted;
 * empty files, binary files (NUL bytes) and other encodings are refused with a message that says why.
 */
export function decodeBytes(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new InputProblem('empty file');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes);
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new InputProblem(`binary file (NUL byte at offset ${nul}), not text`);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const hex = at >= 0 ? ` (byte 0x${bytes[at].toString(16).padStart(2, '0')} at offset ${at})` : '';
    throw new InputProblem(
      `not valid UTF-8${hex}; convert it to UTF-8 first (e.g. iconv -f latin1 -t utf-8)`,
    );
  }
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new InputProblem('empty file (only whitespace)');
  return text;
}
