import { constants, crc32, deflateRawSync } from 'node:zlib';
import { crc32Combine, crc32ShiftFor } from './crc32-combine';

// Gzip for pages that are the same for every visitor except for one short value spliced in at known places (the
// page cache's CSP nonce): the fixed parts are compressed once, when the page is stored, and each response only
// joins them around its own value — no per-response compression of the whole page.
//
// Why this is a valid gzip stream (RFC 1951/1952): each part is raw DEFLATE ending in a sync flush, so it stops on
// a byte boundary with no final-block bit set. The spliced value goes in as a stored (uncompressed) block, which also
// starts and ends on a byte boundary. An empty final block closes the stream, and the gzip trailer carries the CRC-32
// and length of the whole joined text: per response, the value's CRC combined with the parts' CRCs computed once.
//
// Back-references across parts: each part is compressed with the text before it as its preset dictionary, the value
// stood in for by NUL bytes of the same length, so distances are those of the real stream. A match never covers a
// stand-in byte — the parts contain no NUL, so no copy of one can equal them — and therefore never depends on the
// value. Every value spliced in must have that length (gzipSplice checks). Compressed this way, a page is about as
// small as when gzipped whole.

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff]);
/** BFINAL=1, BTYPE=01 (fixed Huffman), then the end-of-block code: an empty last block. */
const FINAL_EMPTY_BLOCK = Buffer.from([0x03, 0x00]);
const MAX_STORED = 0xffff;

const WINDOW = 32 * 1024;

export type CompressedParts = {
  /** Each part raw-DEFLATEd and sync-flushed: views of one buffer. */
  chunks: Buffer[];
  /** Each part's CRC-32 and the shift its length makes (lib/server/crc32-combine.ts), for the trailer. */
  crcs: number[];
  shifts: number[];
  /** The parts' total length. */
  length: number;
  valueLength: number;
  valueShift: number;
};

/**
 * The buffers as views into one buffer of exactly their total size. Kept for long (the page cache), many small
 * buffers would each pin far more memory than they hold: zlib's output is a slice of its 16 KiB work buffer, and a
 * small Buffer.from() is a slice of a shared 8 KiB pool slab.
 */
export function packed(buffers: readonly Buffer[]): Buffer[] {
  const whole = Buffer.alloc(buffers.reduce((sum, buffer) => sum + buffer.length, 0));
  let offset = 0;
  return buffers.map((buffer) => {
    buffer.copy(whole, offset);
    offset += buffer.length;
    return whole.subarray(offset - buffer.length, offset);
  });
}

/**
 * Compresses each fixed part once (raw DEFLATE, sync-flushed), for values of `valueLength` bytes. Everything a
 * response needs is in the result: the parts themselves need not be kept.
 */
export function compressParts(parts: readonly Buffer[], valueLength: number): CompressedParts {
  const standIn = Buffer.alloc(valueLength);
  const withDictionary = !parts.some((part) => part.includes(0));
  let before = Buffer.alloc(0);
  const compressed = parts.map((part, i) => {
    if (i > 0) before = Buffer.concat([before, parts[i - 1]!, standIn]).subarray(-WINDOW);
    const dictionary = withDictionary && before.length > 0 ? { dictionary: before } : {};
    return deflateRawSync(part, { level: 6, finishFlush: constants.Z_SYNC_FLUSH, ...dictionary });
  });
  return {
    chunks: packed(compressed),
    // Before compressing nothing is read twice; an empty part's CRC is 0.
    crcs: parts.map((part) => (part.length > 0 ? crc32(part) : 0)),
    shifts: parts.map((part) => crc32ShiftFor(part.length)),
    length: parts.reduce((sum, part) => sum + part.length, 0),
    valueLength,
    valueShift: crc32ShiftFor(valueLength),
  };
}

function storedBlock(value: Buffer): Buffer {
  if (value.length > MAX_STORED) throw new RangeError('a spliced value must be under 64 KiB');
  const header = Buffer.alloc(5);
  header[0] = 0; // BFINAL=0, BTYPE=00; the rest of the byte is padding
  header.writeUInt16LE(value.length, 1);
  header.writeUInt16LE(~value.length & 0xffff, 3);
  return Buffer.concat([header, value]);
}

/** The gzip encoding of parts[0] + value + parts[1] + … + value + parts[n-1], from their compressed forms. */
export function gzipSplice(compressed: CompressedParts, value: Buffer): Buffer {
  if (value.length !== compressed.valueLength) throw new RangeError(`a spliced value must be ${compressed.valueLength} bytes`);
  const stored = storedBlock(value);
  const valueCrc = value.length > 0 ? crc32(value) : 0;
  const chunks: Buffer[] = [GZIP_HEADER];
  let crc = 0;
  compressed.chunks.forEach((chunk, i) => {
    if (i > 0) {
      chunks.push(stored);
      crc = crc32Combine(crc, valueCrc, compressed.valueShift);
    }
    chunks.push(chunk);
    crc = crc32Combine(crc, compressed.crcs[i]!, compressed.shifts[i]!);
  });
  const length = compressed.length + value.length * (compressed.chunks.length - 1);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(length >>> 0, 4);
  chunks.push(FINAL_EMPTY_BLOCK, trailer);
  return Buffer.concat(chunks);
}

/** Whether an Accept-Encoding header allows gzip (a `q=0` refuses it). */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  if (!acceptEncoding) return false;
  let wildcard = false;
  for (const item of acceptEncoding.split(',')) {
    const [coding = '', ...params] = item.split(';').map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    const allowed = q === undefined || Number(q.slice(2)) > 0;
    if (coding === 'gzip' || coding === 'x-gzip') return allowed;
    if (coding === '*') wildcard = allowed;
  }
  return wildcard;
}
