/**
 * Headers of an attachment download: always a download (Content-Disposition
 * attachment), the stored type when it is a plain media type, and a sandboxing CSP,
 * so a file can never run as a page of the console.
 */
import type { AttachmentMeta } from '../../ports/case-action-ports.ts';

const MEDIA_TYPE = /^[a-z]+\/[a-z0-9][a-z0-9.+-]*$/i;
const ACTIVE = /html|xml|javascript|ecmascript/i;

export function attachmentHeaders(meta: Pick<AttachmentMeta, 'fileName' | 'mime'>, length: number): Record<string, string> {
  const type = MEDIA_TYPE.test(meta.mime) && !ACTIVE.test(meta.mime) ? meta.mime : 'application/octet-stream';
  const ascii = meta.fileName.replace(/[^A-Za-z0-9._-]/g, '_') || 'attachment';
  return {
    'Content-Type': type,
    'Content-Length': String(length),
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(meta.fileName)}`,
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  };
}
