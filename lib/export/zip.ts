/**
 * A minimal ZIP writer (PKWARE APPNOTE 4.3): stored or raw-deflated entries, no ZIP64 (entries
 * and archive under 4 GiB). Entries are produced as a list of byte chunks (Blob parts); each
 * local header is placed in front of its data once the data's CRC and sizes are known, so no
 * data descriptors are needed and every reader (Excel, exceljs, unzip) accepts the archive.
 */

/** A raw-deflate transform (the browser's `new CompressionStream('deflate-raw')`). */
export type Compressor = () => TransformStream<Uint8Array, Uint8Array>;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array, crc = 0): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** DOS date and time of `at` (local fields as given). */
function dosTime(at: Date): { time: number; date: number } {
  return {
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | (at.getSeconds() >> 1),
    date: (Math.max(at.getFullYear() - 1980, 0) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
  };
}

interface Entry {
  name: Uint8Array;
  crc: number;
  compressedSize: number;
  size: number;
  method: 0 | 8;
  offset: number;
}

/** One entry being written: feed it bytes, then close it. */
export interface ZipEntryWriter {
  write(bytes: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

export class ZipWriter {
  /** The archive so far, in order (local headers are spliced in when an entry closes). */
  readonly parts: Uint8Array[] = [];
  private readonly entries: Entry[] = [];
  private offset = 0;
  private readonly encoder = new TextEncoder();
  private readonly dos: { time: number; date: number };

  constructor(
    private readonly compressor: Compressor | null,
    at: Date = new Date(),
  ) {
    this.dos = dosTime(at);
  }

  /** A whole entry at once. */
  async add(name: string, content: string | Uint8Array): Promise<void> {
    const entry = this.open(name);
    await entry.write(typeof content === 'string' ? this.encoder.encode(content) : content);
    await entry.close();
  }

  /** An entry written piece by piece (the worksheet of a large export). */
  open(name: string): ZipEntryWriter {
    const nameBytes = this.encoder.encode(name);
    const headerIndex = this.parts.length;
    this.parts.push(new Uint8Array(0)); // placeholder for the local header
    let crc = 0;
    let size = 0;
    let compressedSize = 0;
    const collect = (chunk: Uint8Array) => {
      compressedSize += chunk.length;
      this.parts.push(chunk);
    };
    let writer: WritableStreamDefaultWriter<Uint8Array> | null = null;
    let drained: Promise<void> = Promise.resolve();
    if (this.compressor) {
      const stream = this.compressor();
      writer = stream.writable.getWriter();
      const reader = stream.readable.getReader();
      drained = (async () => {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          collect(value);
        }
      })();
    }
    return {
      write: async (bytes) => {
        crc = crc32(bytes, crc);
        size += bytes.length;
        if (writer) await writer.write(bytes);
        else collect(bytes);
      },
      close: async () => {
        if (writer) {
          await writer.close();
          await drained;
        }
        const method = writer ? 8 : 0;
        const entry: Entry = { name: nameBytes, crc, compressedSize, size, method, offset: this.offset };
        const header = this.localHeader(entry);
        this.parts[headerIndex] = header;
        this.offset += header.length + compressedSize;
        this.entries.push(entry);
      },
    };
  }

  private localHeader(e: Entry): Uint8Array {
    const out = new Uint8Array(30 + e.name.length);
    const v = new DataView(out.buffer);
    v.setUint32(0, 0x04034b50, true);
    v.setUint16(4, 20, true);
    v.setUint16(6, 0x0800, true); // UTF-8 names
    v.setUint16(8, e.method, true);
    v.setUint16(10, this.dos.time, true);
    v.setUint16(12, this.dos.date, true);
    v.setUint32(14, e.crc, true);
    v.setUint32(18, e.compressedSize, true);
    v.setUint32(22, e.size, true);
    v.setUint16(26, e.name.length, true);
    out.set(e.name, 30);
    return out;
  }

  /** Writes the central directory; `parts` is then the complete archive. */
  finish(): Uint8Array[] {
    const start = this.offset;
    let dirSize = 0;
    for (const e of this.entries) {
      const out = new Uint8Array(46 + e.name.length);
      const v = new DataView(out.buffer);
      v.setUint32(0, 0x02014b50, true);
      v.setUint16(4, 20, true);
      v.setUint16(6, 20, true);
      v.setUint16(8, 0x0800, true);
      v.setUint16(10, e.method, true);
      v.setUint16(12, this.dos.time, true);
      v.setUint16(14, this.dos.date, true);
      v.setUint32(16, e.crc, true);
      v.setUint32(20, e.compressedSize, true);
      v.setUint32(24, e.size, true);
      v.setUint16(28, e.name.length, true);
      v.setUint32(42, e.offset, true);
      out.set(e.name, 46);
      this.parts.push(out);
      dirSize += out.length;
    }
    const end = new Uint8Array(22);
    const v = new DataView(end.buffer);
    v.setUint32(0, 0x06054b50, true);
    v.setUint16(8, this.entries.length, true);
    v.setUint16(10, this.entries.length, true);
    v.setUint32(12, dirSize, true);
    v.setUint32(16, start, true);
    this.parts.push(end);
    return this.parts;
  }
}
