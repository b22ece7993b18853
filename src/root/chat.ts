/**
 * `npm run chat`: the terminal channel (src/channels/terminal/chat.ts) on the
 * configured store. Options: --locale en, --user <id>.
 */
import { loadConfig } from '../config.ts';
import { createLogger } from '../log.ts';
import { runTerminalChat } from '../channels/terminal/chat.ts';
import { createCore } from './core.ts';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const cfg = loadConfig();
  const locale = arg('locale') === 'en' ? 'en' : arg('locale') === 'zh' ? 'zh' : null;
  await runTerminalChat({
    port: cfg.port,
    dataDir: cfg.dataDir,
    locale,
    user: arg('user'),
    openLocal: async () => {
      const core = await createCore(cfg, createLogger('warn'));
      return { chat: core.chat, hashUserId: core.hashUserId, close: () => core.close(), where: `store in ${cfg.databaseUrl ? 'PostgreSQL' : cfg.dataDir}` };
    },
  });
}

void main().then(
  () => process.exit(0),
  (err) => {
    console.error((err as Error).message);
    process.exit(1);
  },
);
