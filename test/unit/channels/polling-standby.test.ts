/**
 * Two processes long-polling one bot: Telegram answers the second getUpdates with
 * 409. The loop then stands by for a minute (its process still sends) and polls again,
 * taking over when the other poller is gone.
 */
import { TelegramError } from 'telegraf';
import type { Update } from 'telegraf/types';
import { expect, it } from 'vitest';
import { PollingLoop, STANDBY_MS } from '../../../src/channels/telegram/polling-loop.ts';
import { createLogger } from '../../../src/log.ts';

it('stands by after a 409 from getUpdates and takes over polling later', async () => {
  const sleeps: number[] = [];
  const handled: number[] = [];
  let calls = 0;
  let loop: PollingLoop | undefined = undefined;
  const conflict = new TelegramError({ error_code: 409, description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running' });
  const callApi = async (method: string): Promise<unknown> => {
    expect(method).toBe('getUpdates'); // never deleteWebhook: a 409 from a poller is not a webhook
    calls++;
    if (calls <= 2) throw conflict;
    if (calls === 3) return [{ update_id: 7, message: { message_id: 1, date: 1, chat: { id: 1, type: 'private', first_name: 'C' }, text: 'hi' } } as Update];
    void loop!.stop();
    return [];
  };
  loop = new PollingLoop({
    callApi,
    process: async (u) => {
      handled.push(u.update_id);
      return 'done';
    },
    log: createLogger('silent'),
    sleep: async (ms) => void sleeps.push(ms),
  });
  loop.start();
  await new Promise<void>((resolve) => {
    const check = () => (calls >= 4 ? resolve() : setTimeout(check, 5));
    check();
  });
  await loop.stop();
  expect(sleeps.slice(0, 2)).toEqual([STANDBY_MS, STANDBY_MS]);
  expect(handled).toEqual([7]);
});
