/**
 * The only reader of process.env. Every setting of the contract is parsed here once;
 * the rest of the code receives a typed AppConfig.
 */
import path from 'node:path';
import { z } from 'zod';

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());

const EnvSchema = z.object({
  PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(3000)),
  HOST: z.preprocess(emptyToUndefined, z.string().default('0.0.0.0')),
  DATABASE_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
  ),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('./data')),
  TELEGRAM_BOT_TOKEN: optionalString,
  TELEGRAM_API_ROOT: optionalString,
  TELEGRAM_WEBHOOK_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).optional()),
  TELEGRAM_WEBHOOK_SECRET: optionalString,
  /** A Telegram chat (group id like -100…, or @channel) that gets staff alerts. */
  TELEGRAM_STAFF_CHAT_ID: z.preprocess(emptyToUndefined, z.string().regex(/^(-?\d+|@\w{5,})$/, 'must be a numeric chat id or @channelname').optional()),
  SECRET_KEY: z.preprocess(emptyToUndefined, z.string().min(32, 'must be at least 32 characters').optional()),
  ADMIN_PASSWORD: z.preprocess(emptyToUndefined, z.string().min(8, 'must be at least 8 characters').optional()),
  COUNTY_CONFIG: optionalString,
  /** Where the trained NLU model is cached (default DATA_DIR/nlu). */
  NLU_CACHE_DIR: optionalString,
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  NODE_ENV: optionalString,
  /** Days after a case is closed before its personal data is erased (the retention job). */
  RETENTION_DAYS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(30).max(36_500).default(1825)),
  /** Chromium for the monthly report's PDF (playwright-core drives it; nothing is downloaded). */
  CHROMIUM_PATH: z.preprocess(emptyToUndefined, z.string().default('/usr/bin/chromium')),
});

export interface AppConfig {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  telegram: {
    token: string | undefined;
    apiRoot: string | undefined;
    webhookUrl: string | undefined;
    webhookSecret: string | undefined;
    /** Where new waiting chats and new material are announced to staff (off when unset). */
    staffChatId: string | undefined;
  };
  secretKey: string | undefined;
  adminPassword: string | undefined;
  countyConfigPath: string | undefined;
  nluCacheDir: string;
  logLevel: string;
  production: boolean;
  /** Days after closing before a case is anonymised (RETENTION_DAYS, default 1825 = 5 years). */
  retentionDays: number;
  /** Chromium executable for PDF reports; the PDF route answers 503 when it is missing. */
  chromiumPath: string;
}

export class ConfigError extends Error {}

/** Parses an environment (process.env by default); throws ConfigError naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid environment:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  if (e.TELEGRAM_WEBHOOK_URL && !e.TELEGRAM_WEBHOOK_SECRET) {
    throw new ConfigError('invalid environment:\n  TELEGRAM_WEBHOOK_SECRET: required when TELEGRAM_WEBHOOK_URL is set');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    telegram: {
      token: e.TELEGRAM_BOT_TOKEN,
      apiRoot: e.TELEGRAM_API_ROOT,
      webhookUrl: e.TELEGRAM_WEBHOOK_URL,
      webhookSecret: e.TELEGRAM_WEBHOOK_SECRET,
      staffChatId: e.TELEGRAM_STAFF_CHAT_ID,
    },
    secretKey: e.SECRET_KEY,
    adminPassword: e.ADMIN_PASSWORD,
    countyConfigPath: e.COUNTY_CONFIG,
    nluCacheDir: path.resolve(e.NLU_CACHE_DIR ?? path.join(e.DATA_DIR, 'nlu')),
    logLevel: e.LOG_LEVEL,
    production: e.NODE_ENV === 'production',
    retentionDays: e.RETENTION_DAYS,
    chromiumPath: e.CHROMIUM_PATH,
  };
}
