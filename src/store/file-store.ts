/** Attachment bytes on disk under DATA_DIR/attachments, addressed by their SHA-256. */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

export class FileStore {
  constructor(private readonly root: string) {}

  /** Writes atomically (temp file, fsync, rename); the same content is stored once. */
  async put(bytes: Uint8Array): Promise<{ sha256: string; relativePath: string }> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const relativePath = path.join(sha256.slice(0, 2), sha256);
    const target = path.join(this.root, relativePath);
    await fs.mkdir(path.dirname(target), { recursive: true });
    const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    const fh = await fs.open(tmp, 'wx', 0o600);
    try {
      await fh.writeFile(bytes);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await fs.rename(tmp, target);
    return { sha256, relativePath };
  }

  read(relativePath: string): Promise<Buffer> {
    return fs.readFile(this.resolve(relativePath));
  }

  /** Deletes a stored file (retention); a file already gone is fine. */
  async remove(relativePath: string): Promise<void> {
    await fs.rm(this.resolve(relativePath), { force: true });
  }

  private resolve(relativePath: string): string {
    const full = path.resolve(this.root, relativePath);
    if (!full.startsWith(path.resolve(this.root) + path.sep)) throw new Error('path outside the attachment store');
    return full;
  }
}
