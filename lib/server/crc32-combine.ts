// CRC-32 of a concatenation from the CRC-32s of its pieces, without reading the pieces again: zlib's
// crc32_combine_gen / crc32_combine_op (zlib 1.2.12+, crc32.c), which Node's zlib does not expose. It lets the page
// cache keep a page only gzipped: the gzip trailer of each response's spliced page (lib/server/gzip-splice.ts) needs
// the CRC of the whole text, and the parts' own CRCs are computed once when the page is stored.
//
// Polynomials over GF(2) in the reflected bit order zlib uses: bit 31 is x^0.

const POLY = 0xedb88320;
const ONE = 0x80000000;

/** a(x) · b(x) modulo the CRC-32 polynomial. */
function multModP(a: number, b: number): number {
  let m = ONE;
  let product = 0;
  for (;;) {
    if (a & m) {
      product ^= b;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    b = b & 1 ? (b >>> 1) ^ POLY : b >>> 1;
  }
  return product >>> 0;
}

/** x^(2^k) mod p, for k = 0…31. */
const X2N: number[] = [];
for (let k = 0, p = ONE >>> 1; k < 32; k += 1) {
  X2N.push(p);
  p = multModP(p, p);
}

/** The operator that appends `length` bytes' worth of shift to a CRC: x^(8·length) mod p. */
export function crc32ShiftFor(length: number): number {
  let p = ONE;
  let k = 3;
  for (let n = length; n > 0; n = Math.floor(n / 2), k += 1) {
    if (n % 2 === 1) p = multModP(X2N[k & 31]!, p);
  }
  return p;
}

/** CRC-32 of A‖B from crc(A), crc(B) and crc32ShiftFor(length of B). */
export function crc32Combine(crcA: number, crcB: number, shiftB: number): number {
  return (multModP(shiftB, crcA) ^ crcB) >>> 0;
}
