/**
 * Which files a citizen may attach, decided by their content (magic bytes), never by
 * the name or the type a client declares.
 */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** A file no case has taken within this time expires: it never joins a case, and the prune job deletes it. */
export const UNATTACHED_UPLOAD_TTL_MS = 24 * 3600_000;

export type AttachmentKind = { mime: string; ext: string };

const SIGNATURES: { mime: string; ext: string; test: (b: Uint8Array) => boolean }[] = [
  { mime: 'image/jpeg', ext: 'jpg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: 'image/png', ext: 'png', test: (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 },
  { mime: 'image/gif', ext: 'gif', test: (b) => b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38 },
  { mime: 'image/webp', ext: 'webp', test: (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP' },
  { mime: 'application/pdf', ext: 'pdf', test: (b) => ascii(b, 0, 5) === '%PDF-' },
  // OOXML (docx/xlsx) are zip containers; older Office files are OLE compound documents.
  { mime: 'application/vnd.openxmlformats-officedocument', ext: 'docx', test: (b) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04 },
  { mime: 'application/msword', ext: 'doc', test: (b) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0 },
];

function ascii(b: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...b.subarray(from, to));
}

export type AttachmentCheck = { ok: true; kind: AttachmentKind } | { ok: false; reason: 'empty' | 'too_large' | 'type' };

export function checkAttachment(bytes: Uint8Array, maxBytes = ATTACHMENT_MAX_BYTES): AttachmentCheck {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  if (bytes.length > maxBytes) return { ok: false, reason: 'too_large' };
  const sig = SIGNATURES.find((s) => s.test(bytes));
  return sig ? { ok: true, kind: { mime: sig.mime, ext: sig.ext } } : { ok: false, reason: 'type' };
}

/** A safe display name: no path, no control characters, bounded length. */
export function safeFileName(name: string | null | undefined, fallback: string): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- strips control characters from file names
  const clean = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '').trim().slice(0, 120);
  return clean || fallback;
}
