/**
 * Downloads a citizen's file through the Bot API (getFile, then the file URL), never
 * reading more than `maxBytes`: the declared size is checked before, the stream
 * while reading. A local Bot API server answers with a path on its disk instead.
 */
import fs from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Telegram } from 'telegraf';

export type DownloadResult = { ok: true; bytes: Uint8Array } | { ok: false; reason: 'too_large' };

export type FileDownloader = (fileId: string, maxBytes: number) => Promise<DownloadResult>;

const TIMEOUT_MS = 60_000;

export function botApiDownloader(telegram: Telegram): FileDownloader {
  return async (fileId, maxBytes) => {
    const file = await telegram.getFile(fileId);
    if ((file.file_size ?? 0) > maxBytes) return { ok: false, reason: 'too_large' };
    const url = await telegram.getFileLink(file);
    if (url.protocol === 'file:') {
      const local = fileURLToPath(url);
      if ((await fs.stat(local)).size > maxBytes) return { ok: false, reason: 'too_large' };
      return { ok: true, bytes: await fs.readFile(local) };
    }
    return fetchCapped(url, maxBytes);
  };
}

async function fetchCapped(url: URL, maxBytes: number): Promise<DownloadResult> {
  const res = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'error' });
  if (!res.ok || !res.body) throw new Error(`file download failed: HTTP ${res.status}`);
  if (Number(res.headers.get('content-length') ?? 0) > maxBytes) {
    await res.body.cancel();
    return { ok: false, reason: 'too_large' };
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    size += chunk.length;
    if (size > maxBytes) return { ok: false, reason: 'too_large' };
    chunks.push(chunk);
  }
  return { ok: true, bytes: Buffer.concat(chunks) };
}
