import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBotkit, wholeLoaded } from '../../../src/channels/web/botkit-loader.ts';
import { WebSocketAdapter } from '../../../src/channels/web/web-adapter.ts';

const NO_STORAGE = { read: async () => ({}), write: async () => undefined, delete: async () => undefined };

/** One webhook-style turn through the adapter and the controller: what the adapter would send. */
function turn(adapter: WebSocketAdapter, handle: Parameters<WebSocketAdapter['processActivity']>[2], body: Record<string, unknown>): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const res = { status: () => res, json: resolve, end: () => resolve(null) };
    adapter.processActivity({ body } as never, res as never, handle).catch(reject);
  });
}

describe('Botkit for the web chat (botkit-loader)', () => {
  const adapter = new WebSocketAdapter();
  afterAll(() => adapter.close());

  it('routes a message to the controller’s handler without loading the dialog prompts or the Bot Framework service adapters', async () => {
    const { Botkit } = loadBotkit();
    const controller = new Botkit({ adapter, disable_webserver: true, disable_console: true, storage: NO_STORAGE });
    controller.on('message', async (bot, message) => {
      await bot.reply(message, { type: 'message', text: `got ${message.text}`, channelData: { locale: message.locale, quick_replies: [{ title: 'Yes', payload: 'consent:yes' }] } });
    });
    controller.on('hello', async (bot, message) => {
      await bot.reply(message, { type: 'transcript', channelData: { messages: [], user: message.user } });
    });

    const handle = controller.handleTurn.bind(controller);
    expect(await turn(adapter, handle, { type: 'message', user: 'u1', text: 'hi', locale: 'en' })).toEqual([
      { type: 'message', text: 'got hi', locale: 'en', quick_replies: [{ title: 'Yes', payload: 'consent:yes' }] },
    ]);
    expect(await turn(adapter, handle, { type: 'hello', user: 'u1' })).toEqual([{ type: 'transcript', messages: [], user: 'u1' }]);
    expect(wholeLoaded()).toEqual([]);
  });

  it('still hands out the rest of botbuilder-dialogs, whole, when something asks for it', () => {
    loadBotkit();
    const dialogs = createRequire(createRequire(import.meta.url).resolve('botkit'))('botbuilder-dialogs') as Record<string, unknown>;
    const slimDialogSet = dialogs.DialogSet;
    expect(typeof dialogs.TextPrompt).toBe('function');
    // The class the controller already holds is the whole package's own (same file, same module).
    expect(dialogs.DialogSet).toBe(slimDialogSet);
    expect(wholeLoaded()).toEqual(['botbuilder-dialogs']);
  });
});
