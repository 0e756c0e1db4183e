/**
 * The IDX format of the MNIST files: a 4-byte magic number (two zero bytes, an element type code,
 * the number of dimensions), one big-endian uint32 per dimension, then the elements row-major.
 */

/** IDX type code of unsigned bytes, the only element type MNIST uses. */
const IDX_UBYTE = 0x08;

export interface IdxArray {
  dims: number[];
  /** A view into the file's buffer (no copy). */
  data: Uint8Array;
}

/** Parses an unsigned-byte IDX file with `expectedRank` dimensions; throws on any header mismatch. */
export function parseIdx(bytes: Uint8Array, expectedRank: number, fileName: string): IdxArray {
  const fail = (why: string): never => {
    throw new Error(`${fileName} is not a valid IDX file: ${why}`);
  };
  if (bytes.length < 4) fail(`only ${bytes.length} bytes`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes[0] !== 0 || bytes[1] !== 0) fail(`bad magic number 0x${view.getUint32(0).toString(16).padStart(8, '0')}`);
  if (bytes[2] !== IDX_UBYTE) fail(`element type 0x${bytes[2].toString(16)}, expected unsigned bytes (0x08)`);
  const rank = bytes[3];
  if (rank !== expectedRank) fail(`${rank} dimensions, expected ${expectedRank}`);
  const headerSize = 4 + 4 * rank;
  if (bytes.length < headerSize) fail('truncated header');
  const dims: number[] = [];
  for (let i = 0; i < rank; i++) dims.push(view.getUint32(4 + 4 * i));
  const size = dims.reduce((a, b) => a * b, 1);
  if (bytes.length !== headerSize + size) {
    fail(`header says ${dims.join('x')} = ${size} bytes of data, the file holds ${bytes.length - headerSize}`);
  }
  // A plain Uint8Array view (not a Buffer), so later subarray() calls give plain Uint8Arrays too.
  return { dims, data: new Uint8Array(bytes.buffer, bytes.byteOffset + headerSize, size) };
}
