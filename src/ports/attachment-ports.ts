/** A citizen's attachments: metadata in the store, the bytes in a file store. */

export interface NewAttachment {
  conversationId: string;
  caseNumber: string | null;
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
  storagePath: string;
  at: Date;
}

export interface AttachmentRepository {
  /** Stores the attachment; with a case number it joins that case with a public timeline event. */
  add(a: NewAttachment): Promise<{ id: string; caseNumber: string | null }>;
  /** What a conversation has sent since `since`: files and bytes (the per-conversation quota). */
  usage(conversationId: string, since: Date): Promise<{ files: number; bytes: number }>;
}

/** Attachment bytes, sealed at rest and named by a keyed hash of their content (src/store/file-store.ts). */
export interface AttachmentFiles {
  /** Seals and writes atomically; the same content is stored once. */
  put(bytes: Uint8Array): Promise<{ sha256: string; relativePath: string }>;
  /** The file's bytes as the citizen sent them. */
  read(relativePath: string): Promise<Buffer>;
  /** Deletes a stored file; a file already gone is fine. */
  remove(relativePath: string): Promise<void>;
}
