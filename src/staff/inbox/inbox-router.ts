/**
 * The escalated-chat inbox: its JSON API, console pages and live events, wired
 * from the staff context. Roles and scoping are the use cases' (src/app/chats).
 */
import { Router } from 'express';
import type { InboxDeps } from '../../app/chats/inbox-access.ts';
import { requireStaff } from '../api-routes.ts';
import type { StaffRouterOf } from '../staff-routers.ts';
import { inboxApi } from './inbox-api.ts';
import { InboxWatch } from './inbox-events.ts';
import { inboxPages } from './inbox-pages.ts';

export const inboxRouter: StaffRouterOf<'inbox' | 'conversations' | 'cases' | 'audit' | 'signals' | 'staff' | 'sessions'> = ({ core, log }) => {
  const { store } = core;
  const inbox = store.inbox;
  const deps: InboxDeps = { inbox, conversations: store.conversations, cases: store.cases, county: core.county, clock: core.clock, audit: store.audit };
  const authDeps = { staff: store.staff, sessions: store.sessions, clock: core.clock };
  const watch = new InboxWatch(() => inbox.fingerprint(), log, undefined, (wake) => store.signals.listen('inbox', wake));
  const r = Router();
  r.use(inboxApi(deps, requireStaff(authDeps)));
  r.use(inboxPages(deps, requireStaff(authDeps, { onMissing: 'redirect' }), watch));
  return r;
};
