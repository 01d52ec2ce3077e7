/**
 * Text files come in whatever encoding the exporting program chose: UTF-8 with or without a
 * BOM, UTF-16 (Excel's "Unicode text"), or Windows-1252/Latin-1 (older Excel "CSV"). Detected
 * from the BOM, then NUL-byte patterns (UTF-16 without BOM), then whether the bytes are valid
 * UTF-8; anything else is read as Windows-1252, which decodes every byte.
 */
export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
}

export function detectEncoding(bytes: Uint8Array): { encoding: Decoded['encoding']; bom: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  const sample = bytes.subarray(0, 4096);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2) oddZeros++;
    else evenZeros++;
  }
  // Text in UTF-8 or a single-byte code page has no NUL bytes; UTF-16 has one in every ASCII
  // character (comma, newline, digits), on the odd byte in little-endian, the even one in
  // big-endian. Mostly-CJK rows have few ASCII characters, and a CJK character whose low byte is
  // 0 (一 is U+4E00) puts a NUL on the other side: so the side that dominates decides.
  const enough = Math.max(2, sample.length / 64);
  if (oddZeros >= enough && oddZeros >= 4 * evenZeros) return { encoding: 'utf-16le', bom: 0 };
  if (evenZeros >= enough && evenZeros >= 4 * oddZeros) return { encoding: 'utf-16be', bom: 0 };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { encoding: 'utf-8', bom: 0 };
  } catch {
    return { encoding: 'windows-1252', bom: 0 };
  }
}

export function decodeText(bytes: Uint8Array): Decoded {
  const { encoding, bom } = detectEncoding(bytes);
  return { text: new TextDecoder(encoding).decode(bytes.subarray(bom)), encoding };
}
