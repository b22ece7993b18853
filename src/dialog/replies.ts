/** Small helpers for building replies and buttons from the catalog. */
import { t, type MessageKey } from './catalog/catalog.ts';
import type { Button, ConversationState, Locale, Reply, TurnResult } from './types.ts';

export const say = (locale: Locale, key: MessageKey, params?: Record<string, string | number>, buttons?: Button[]): Reply =>
  buttons && buttons.length > 0 ? { text: t(locale, key, params), buttons } : { text: t(locale, key, params) };

export const button = (locale: Locale, key: MessageKey, payload: string): Button => ({ label: t(locale, key), payload });

export const result = (state: ConversationState, replies: Reply[], effects: TurnResult['effects'] = []): TurnResult => ({
  state,
  replies,
  effects,
});

/** The main menu's buttons. */
export function menuButtons(locale: Locale): Button[] {
  return [
    button(locale, 'btnFile', 'cmd:petition'),
    button(locale, 'btnStatus', 'cmd:status'),
    button(locale, 'btnProcedure', 'guide:procedure'),
    button(locale, 'btnConduct', 'guide:conduct'),
    button(locale, 'btnRights', 'guide:rights'),
    button(locale, 'btnHuman', 'cmd:human'),
  ];
}
