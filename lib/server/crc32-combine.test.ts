import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32Combine, crc32ShiftFor } from './crc32-combine';

describe('crc32Combine', () => {
  it('gives the CRC-32 of a concatenation from the pieces’ CRCs, for any lengths, empty included', () => {
    for (const [a, b] of [
      [0, 0],
      [0, 5],
      [5, 0],
      [1, 1],
      [24, 3_000],
      [70_000, 24],
      [123_457, 98_765],
    ] as const) {
      const left = randomBytes(a);
      const right = randomBytes(b);
      const combined = crc32Combine(a ? crc32(left) : 0, b ? crc32(right) : 0, crc32ShiftFor(b));
      expect(combined, `${a} + ${b}`).toBe(crc32(Buffer.concat([left, right])));
    }
  });

  it('chains over many pieces', () => {
    const pieces = Array.from({ length: 17 }, (_, i) => randomBytes(i * 997 % 4096));
    let crc = 0;
    for (const piece of pieces) crc = crc32Combine(crc, piece.length ? crc32(piece) : 0, crc32ShiftFor(piece.length));
    expect(crc).toBe(crc32(Buffer.concat(pieces)));
  });
});
