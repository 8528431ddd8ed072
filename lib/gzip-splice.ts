import { constants, crc32, deflateRawSync } from "node:zlib";

/**
 * A text compressed once, served many times with one short value (a nonce) put in at fixed places,
 * without compressing it again (docs/decisions/0042). The parts between the places are each
 * compressed on their own and ended with a sync flush (byte-aligned, not final), so they can be
 * joined: the value goes between them as an uncompressed ("stored") deflate block, and an empty
 * final block ends the stream. Only the gzip trailer's CRC-32 is computed per response.
 */
export interface SplicedText {
  parts: Buffer[];
  deflated: Buffer[];
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff]);
/** BFINAL=1, stored, length 0. */
const FINAL_EMPTY_BLOCK = Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff]);

export function prepareSplice(text: string, placeholder: string): SplicedText {
  const parts = text.split(placeholder).map((p) => Buffer.from(p, "utf8"));
  return { parts, deflated: parts.map((p) => deflateRawSync(p, { finishFlush: constants.Z_SYNC_FLUSH })) };
}

function storedBlock(data: Buffer): Buffer {
  if (data.length > 0xffff) throw new Error("a spliced value must be shorter than 64 KiB");
  const head = Buffer.alloc(5);
  head[0] = 0x00;
  head.writeUInt16LE(data.length, 1);
  head.writeUInt16LE(~data.length & 0xffff, 3);
  return Buffer.concat([head, data]);
}

/** The text with `value` at every place, gzip-compressed. */
export function gzipSpliced(spliced: SplicedText, value: string): Buffer {
  const v = Buffer.from(value, "utf8");
  const out: Buffer[] = [GZIP_HEADER];
  let crc = 0;
  let size = 0;
  spliced.parts.forEach((part, i) => {
    if (i > 0) {
      out.push(storedBlock(v));
      if (v.length) crc = crc32(v, crc);
      size += v.length;
    }
    out.push(spliced.deflated[i]!);
    // Not for an empty part: zlib.crc32 of nothing answers 0, not the CRC it was given.
    if (part.length) crc = crc32(part, crc);
    size += part.length;
  });
  out.push(FINAL_EMPTY_BLOCK);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(size >>> 0, 4);
  out.push(trailer);
  return Buffer.concat(out);
}

/** The text with `value` at every place, uncompressed. */
export function plainSpliced(spliced: SplicedText, value: string): Buffer {
  const v = Buffer.from(value, "utf8");
  const out: Buffer[] = [];
  spliced.parts.forEach((part, i) => {
    if (i > 0) out.push(v);
    out.push(part);
  });
  return Buffer.concat(out);
}
