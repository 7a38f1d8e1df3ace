/**
 * Crash-safe file writes for the emulator's persisted state.
 *
 * writeFileAtomic writes the data to a temp file in the target's directory, fsyncs it and renames it
 * over the target, so a process killed at any moment leaves either the complete old file or the
 * complete new one (plus, at worst, a stray `.<name>.<pid>.<rand>.tmp` file nobody reads).
 */
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

/** The temp-file name used for `target`; exported so tests and cleanup code can recognise them. */
export function tempPathFor(target: string): string {
  const dir = path.dirname(target);
  const base = path.basename(target);
  return path.join(dir, `.${base}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/** True for a name produced by tempPathFor (any target, any process). */
export function isTempFileName(name: string): boolean {
  return /^\..+\.\d+\.[0-9a-f]{12}\.tmp$/.test(path.basename(name));
}

export function writeFileAtomic(target: string, data: string | Buffer): void {
  const tmp = tempPathFor(target);
  const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let fd: number | undefined = openSync(tmp, 'wx', 0o644);
  try {
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, target);
  } catch (e) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        /* already failing */
      }
    }
    try {
      unlinkSync(tmp);
    } catch {
      /* may not exist */
    }
    throw e;
  }
  fsyncDir(path.dirname(target));
}

/** Make the rename itself durable; not possible (nor needed) on every platform. */
function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    /* Windows and some file systems refuse to fsync a directory */
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** An Error with `cause` set (ES2020 typings have no ErrorOptions). */
export function errorWithCause(message: string, cause: unknown): Error {
  const err = new Error(message);
  (err as Error & { cause?: unknown }).cause = cause;
  return err;
}

export function writeJsonAtomic(target: string, value: unknown): void {
  writeFileAtomic(target, JSON.stringify(value, null, 2) + '\n');
}

/**
 * Reads and parses a JSON file. A missing file gives `fallback`; a file that exists but does not parse
 * throws an Error naming the file (state is never silently reset).
 */
export function readJson<T>(file: string, fallback: T): T {
  if (!existsSync(file)) return fallback;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return fallback;
    throw errorWithCause(`Не удалось прочитать файл ${file}: ${(e as Error).message}`, e);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as T;
  } catch (e) {
    throw errorWithCause(`Файл ${file} повреждён (некорректный JSON): ${(e as Error).message}`, e);
  }
}
