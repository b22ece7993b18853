/**
 * Telegram's slash commands as the dialogue's button payloads, and the command menu
 * Telegram shows (descriptions from the catalogs, zh by default, en for English users).
 */
import type { Telegram } from 'telegraf';
import { allMessages, type Locale } from '../../app/chat-turn/messages.ts';
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

/** A bound grid worker's chat also lists the grid commands (typed as text, the engine reads them). */
const GRID_COMMANDS: { command: string; key: string }[] = [
  { command: 'report', key: 'scrCmdReport' },
  { command: 'reports', key: 'scrCmdReports' },
  { command: 'unbind', key: 'scrCmdUnbind' },
];

export function gridCommandMenu(locale: Locale): { command: string; description: string }[] {
  const messages = allMessages(locale);
  return [...commandMenu(locale), ...GRID_COMMANDS.map(({ command, key }) => ({ command, description: (messages[key] ?? command).slice(0, 256) }))];
}

/**
 * Best effort, after a chat was bound or unbound: that chat's own menu (scope chat)
 * gets the grid commands, or loses them again.
 */
export async function setChatCommands(telegram: Telegram, chatId: number, bound: boolean, locale: Locale, log: Logger): Promise<void> {
  const scope = { type: 'chat' as const, chat_id: chatId };
  try {
    if (bound) await telegram.setMyCommands(gridCommandMenu(locale), { scope });
    else await telegram.deleteMyCommands({ scope });
  } catch (err) {
    log.warn({ err }, 'telegram chat command menu not set');
  }
}
