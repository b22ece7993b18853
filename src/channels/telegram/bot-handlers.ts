/**
 * The thin adapter: each kind of Telegram update becomes one call into the app
 * (a dialogue turn or an attachment). Nothing here replies directly: replies are
 * committed to the outbox and the sender delivers them. Errors are not caught here;
 * the update processor is the one error boundary.
 */
import type { Context, Telegraf } from 'telegraf';
import { message } from 'telegraf/filters';
import type { PhotoSize } from 'telegraf/types';
import type { ChatDeps } from '../../app/chat-turn/handle-chat-turn.ts';
import type { Logger } from '../../log.ts';
import { COMMAND_PAYLOADS, setChatCommands, type CommandName } from './commands.ts';
import { inboundKey, localeOf, runInboundTurn } from './inbound-turn.ts';
import { receiveAttachment, type ReceiveAttachmentDeps } from './receive-attachment.ts';

export interface BotHandlerDeps {
  chat: ChatDeps;
  attachments: ReceiveAttachmentDeps;
  log: Logger;
}

export function registerHandlers(bot: Telegraf, deps: BotHandlerDeps): void {
  const turn = async (ctx: Context, text: string | null, payload: string | null, keyPart?: string) => {
    const out = await runInboundTurn(deps.chat, { updateId: ctx.update.update_id, chatId: ctx.chat!.id, text, payload, languageCode: ctx.from?.language_code }, keyPart);
    // A grid worker's chat gets the grid commands in its menu once bound.
    if (out.staffBinding) await setChatCommands(ctx.telegram, ctx.chat!.id, out.staffBinding === 'bound', localeOf(ctx.from?.language_code), deps.log);
    return out;
  };
  const file = async (ctx: Context, f: { file_id: string; file_size?: number }, fileName: string | null, caption: string | undefined) => {
    const key = inboundKey(ctx.update.update_id);
    await receiveAttachment(deps.attachments, { key, chatId: ctx.chat!.id, fileId: f.file_id, fileName, size: f.file_size, defaultLocale: localeOf(ctx.from?.language_code) });
    // A caption is the citizen's words about the file: a turn of its own, deduplicated on its own key.
    if (caption?.trim()) await turn(ctx, caption, null, 'caption');
  };

  // Petitions carry personal data: the bot talks in private chats only.
  bot.use(async (ctx, next) => {
    if (ctx.chat?.type === 'private') return next();
    if (ctx.callbackQuery) await ctx.answerCbQuery().catch(() => undefined);
    deps.log.debug({ chatType: ctx.chat?.type ?? null }, 'telegram update outside a private chat ignored');
  });

  // A deep link t.me/<bot>?start=bind-<code> binds a grid worker's chat like "/bind <code>".
  bot.command('start', (ctx, next) => (/^bind-\w+$/.test(ctx.payload) ? turn(ctx, `/start ${ctx.payload}`, null) : next()));
  for (const name of Object.keys(COMMAND_PAYLOADS) as CommandName[]) {
    bot.command(name, (ctx) => turn(ctx, null, COMMAND_PAYLOADS[name]));
  }
  bot.on('callback_query', async (ctx) => {
    // Always answered (stops the button's spinner), also when the turn fails.
    const answered = ctx.answerCbQuery().catch(() => undefined);
    try {
      if ('data' in ctx.callbackQuery) await turn(ctx, null, ctx.callbackQuery.data);
    } finally {
      await answered;
    }
  });
  bot.on(message('photo'), (ctx) => file(ctx, largest(ctx.message.photo), null, ctx.message.caption));
  bot.on(message('document'), (ctx) => file(ctx, ctx.message.document, ctx.message.document.file_name ?? null, ctx.message.caption));
  bot.on(message('text'), (ctx) => turn(ctx, ctx.message.text, null));
  // A shared contact card is a phone number typed by Telegram.
  bot.on(message('contact'), (ctx) => turn(ctx, ctx.message.contact.phone_number, null));
  // Voice, stickers, locations…: the dialogue says it cannot read them and asks for words.
  // Service messages (a pinned message, …) are not the citizen speaking and get no answer.
  bot.on('message', async (ctx) => {
    if (WORDLESS.some((k) => k in ctx.message)) await turn(ctx, null, 'cmd:unsupported');
  });
}

const WORDLESS = ['voice', 'audio', 'video', 'video_note', 'sticker', 'animation', 'location', 'venue', 'poll', 'dice', 'story'];

function largest(sizes: PhotoSize[]): PhotoSize {
  return sizes.reduce((a, b) => (b.width * b.height > a.width * a.height ? b : a));
}
