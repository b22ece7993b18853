/** The channels the server runs; each factory returns null when not configured. */
import type { ChannelFactory } from './channel.ts';
import { webChannel } from './web/web-channel.ts';
import { telegramChannel } from './telegram/telegram-channel.ts';
import { noticeLinks } from './http/notice-link-routes.ts';

/** Besides the push channels: the citizens' signed links to their written notices. */
export const CHANNELS: readonly ChannelFactory[] = [webChannel, telegramChannel, noticeLinks];
