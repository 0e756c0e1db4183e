import * as fs from 'fs';

/** Writes through a temporary file and a rename, which replaces the target in one step. */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, content);
  fs.renameSync(tmp, file);
}
