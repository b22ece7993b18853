/** The audit log: who did what to which record, and why; written with the change it records. */
export interface AuditEntry {
  actorId: string | null;
  action: string;
  target: string | null;
  reason: string | null;
  data?: Record<string, unknown>;
}

export interface AuditLog {
  write(entry: AuditEntry): Promise<void>;
}
