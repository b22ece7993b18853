/**
 * Telegram's slash commands as the dialogue's button payloads, and the command menu
 * Telegram shows (descriptions from the catalogs, zh by default, en for English users).
 */
import type { Telegram } from 'telegraf';
import { allMessages } from '../../dialog/catalog/index.ts';
import type { Locale } from '../../dialog/types.ts';
import type { Logger } from '../../log.ts';

/** Slash commands as the engine's payloads (/start gives the welcome with the main menu). */
export const COMMAND_PAYLOADS = {
  start: 'cmd:start',
  help: 'cmd:help',
  status: 'cmd:status',
  cancel: 'cmd:cancel',
  human: 'cmd:human',
} as const;

export type CommandName = keyof typeof COMMAND_PAYLOADS;

/** Catalog keys of the menu descriptions; a command whose key is missing is left off the menu (it still works). */
const DESCRIPTION_KEYS: Record<CommandName, string> = {
  start: 'cmdStart',
  help: 'cmdHelp',
  status: 'btnStatus',
  cancel: 'btnCancel',
  human: 'btnHuman',
};

export function commandMenu(locale: Locale): { command: string; description: string }[] {
  const messages = allMessages(locale);
  return (Object.keys(DESCRIPTION_KEYS) as CommandName[]).flatMap((command) => {
    const description = messages[DESCRIPTION_KEYS[command]]?.trim();
    return description ? [{ command, description: description.slice(0, 256) }] : [];
  });
}

/** Best effort: a bot without a menu still answers every command. */
export async function registerCommands(telegram: Telegram, log: Logger): Promise<void> {
  try {
    await telegram.setMyCommands(commandMenu('zh'));
    await telegram.setMyCommands(commandMenu('en'), { language_code: 'en' });
  } catch (err) {
    log.warn({ err }, 'telegram command menu not set');
  }
}
