/** The grid worker's menu buttons. */
import { button } from '../../replies.ts';
import type { Button, Locale } from '../../types.ts';

export const gridButtons = (l: Locale): Button[] => [button(l, 'scrBtnReport', 'grid:report'), button(l, 'scrBtnReports', 'grid:reports')];
