import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { crc32, inflateRawSync } from "node:zlib";

/** One file of a zip archive, as its central directory describes it. */
export interface ZipEntry {
  /** The path inside the archive, with `/`; directories end with `/`. */
  readonly name: string;
  /** 0 (stored) or 8 (deflated); anything else is not supported. */
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly crc32: number;
  /** Offset of the entry's local file header. */
  readonly localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_MIN_SIZE = 22;
const MAX_COMMENT = 0xffff;

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buffer, done, length - done, position + done);
    if (n === 0) throw new Error(`zip: unexpected end of file at ${position + done}`);
    done += n;
  }
  return buffer;
}

/**
 * A minimal zip reader over a file descriptor: enough for the kubectl layer archive (stored or deflated entries,
 * no zip64, no encryption). Reads only the central directory and the entries asked for.
 */
export class ZipFile {
  readonly entries: readonly ZipEntry[];
  private readonly fd: number;

  private constructor(fd: number) {
    this.fd = fd;
    this.entries = this.readCentralDirectory();
  }

  /** Opens `path`; call {@link close} when done. */
  static open(path: string): ZipFile {
    const fd = openSync(path, "r");
    try {
      return new ZipFile(fd);
    } catch (error) {
      closeSync(fd);
      throw error;
    }
  }

  close(): void {
    closeSync(this.fd);
  }

  /** The entry named `name`, or undefined. */
  entry(name: string): ZipEntry | undefined {
    return this.entries.find((e) => e.name === name);
  }

  /** The uncompressed bytes of `entry`, checked against its size and CRC-32. */
  read(entry: ZipEntry): Buffer {
    const header = readAt(this.fd, entry.localHeaderOffset, 30);
    if (header.readUInt32LE(0) !== LOCAL_SIGNATURE) throw new Error(`zip: bad local header for ${entry.name}`);
    const dataStart = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    const raw = readAt(this.fd, dataStart, entry.compressedSize);
    let data: Buffer;
    if (entry.method === 0) data = raw;
    else if (entry.method === 8) data = inflateRawSync(raw);
    else throw new Error(`zip: ${entry.name}: compression method ${entry.method} not supported`);
    if (data.length !== entry.size) throw new Error(`zip: ${entry.name}: ${data.length} bytes, expected ${entry.size}`);
    if (crc32(data) !== entry.crc32) throw new Error(`zip: ${entry.name}: CRC-32 mismatch`);
    return data;
  }

  private readCentralDirectory(): ZipEntry[] {
    const fileSize = fstatSync(this.fd).size;
    const tailLength = Math.min(fileSize, EOCD_MIN_SIZE + MAX_COMMENT);
    const tail = readAt(this.fd, fileSize - tailLength, tailLength);
    let eocd = -1;
    for (let i = tailLength - EOCD_MIN_SIZE; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new Error("zip: end of central directory not found");
    const count = tail.readUInt16LE(eocd + 10);
    const directorySize = tail.readUInt32LE(eocd + 12);
    const directoryOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
      throw new Error("zip: zip64 archives are not supported");
    }
    const directory = readAt(this.fd, directoryOffset, directorySize);
    const entries: ZipEntry[] = [];
    let p = 0;
    for (let i = 0; i < count; i++) {
      if (directory.readUInt32LE(p) !== CENTRAL_SIGNATURE) throw new Error(`zip: bad central directory entry ${i}`);
      const nameLength = directory.readUInt16LE(p + 28);
      const extraLength = directory.readUInt16LE(p + 30);
      const commentLength = directory.readUInt16LE(p + 32);
      entries.push({
        name: directory.toString("utf8", p + 46, p + 46 + nameLength),
        method: directory.readUInt16LE(p + 10),
        crc32: directory.readUInt32LE(p + 16),
        compressedSize: directory.readUInt32LE(p + 20),
        size: directory.readUInt32LE(p + 24),
        localHeaderOffset: directory.readUInt32LE(p + 42),
      });
      p += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  }
}
