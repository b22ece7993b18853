/** The push channels the server runs; each factory returns null when not configured. */
import type { ChannelFactory } from './channel.ts';
import { webChannel } from './web/web-channel.ts';
import { telegramChannel } from './telegram/telegram-channel.ts';

export const CHANNELS: readonly ChannelFactory[] = [webChannel, telegramChannel];
