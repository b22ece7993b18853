/**
 * The model cache: `nlu-model-<hash>.json` in the cache directory, written through
 * a temp file and a rename so a crash or a second starting server never leaves a
 * half-written model behind.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { IntentModelData, ModelLog } from './intent-model.ts';

const FILE_RE = /^nlu-model-[0-9a-f]+\.json$/;
const TEMP_RE = /^nlu-model-.*\.tmp$/;

export const modelFileName = (hash: string) => `nlu-model-${hash}.json`;

/** The cached model for `hash`, or null when absent or unreadable (then it is retrained). */
export function readCachedModel(cacheDir: string, hash: string, log?: ModelLog): IntentModelData | null {
  const file = path.join(cacheDir, modelFileName(hash));
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const data = JSON.parse(text) as IntentModelData;
    if (data.hash === hash && data.network && typeof data.t2s === 'string' && data.memory) return data;
  } catch {
    // fall through: a damaged file is replaced by a fresh training
  }
  log?.info({ file }, 'nlu model cache unreadable; retraining');
  return null;
}

/** Writes atomically, then removes other model files (and temp files older than a minute). */
export function writeCachedModel(cacheDir: string, data: IntentModelData): string {
  fs.mkdirSync(cacheDir, { recursive: true });
  const file = path.join(cacheDir, modelFileName(data.hash));
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(data));
  fs.renameSync(temp, file);
  for (const name of fs.readdirSync(cacheDir)) {
    const other = path.join(cacheDir, name);
    const stale = TEMP_RE.test(name) && Date.now() - fs.statSync(other).mtimeMs > 60_000;
    if ((FILE_RE.test(name) && other !== file) || stale) fs.rmSync(other, { force: true });
  }
  return file;
}
