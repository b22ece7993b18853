/**
 * Attachment bytes on disk under DATA_DIR/attachments, sealed with the personal-data
 * key (AES-256-GCM: ID card photos are among them) and named by a keyed hash of their
 * content, so the same file is stored once and a file name says nothing about what it
 * holds. Files written before sealing (plain, named by their SHA-256) are still read;
 * the attachment sweep seals them (sealed names end in SEALED_SUFFIX).
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { AttachmentFiles } from '../ports/attachment-ports.ts';
import { PersonalDataCipher } from './personal-data-cipher.ts';

export const SEALED_SUFFIX = '.xfa';

export class FileStore implements AttachmentFiles {
  constructor(
    private readonly root: string,
    private readonly cipher: PersonalDataCipher,
  ) {}

  /** Seals and writes atomically (temp file, fsync, rename); the same content is stored once. */
  async put(bytes: Uint8Array): Promise<{ sha256: string; relativePath: string }> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const name = this.cipher.hash('attachment-file', sha256).replace(/[^A-Za-z0-9]/g, '').slice(0, 40);
    const relativePath = path.join(name.slice(0, 2), `${name}${SEALED_SUFFIX}`);
    const target = path.join(this.root, relativePath);
    await fs.mkdir(path.dirname(target), { recursive: true });
    const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    const fh = await fs.open(tmp, 'wx', 0o600);
    try {
      await fh.writeFile(this.cipher.sealBytes(bytes));
      await fh.sync();
    } finally {
      await fh.close();
    }
    await fs.rename(tmp, target);
    return { sha256, relativePath };
  }

  /** The file's bytes as the citizen sent them (opened, or as is for a file from before sealing). */
  async read(relativePath: string): Promise<Buffer> {
    const raw = await fs.readFile(this.resolve(relativePath));
    return PersonalDataCipher.isSealed(raw) ? this.cipher.openBytes(raw) : raw;
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
