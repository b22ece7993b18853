/**
 * Carries out the grid effects of a dialogue turn (binding, reports) and returns the
 * event that answers each; null for effects that are not the grid's. Effects that
 * need a grid worker run only when the chat is bound (the engine emits them only then).
 */
import type { Effect, EffectEvent } from '../../dialog/types.ts';
import type { GridWorkerContext } from '../../dialog/forms/screening/types.ts';
import type { ChatIdentity, GridBindingStore } from '../../ports/grid-ports.ts';
import { submitScreeningReport, type ScreeningReportDeps } from './submit-screening-report.ts';
import { bindChatAccount, unbindChatAccount, type BindDeps } from './bind-chat-account.ts';
import { listGridReports, openGridReport, type GridReportDeps } from './grid-reports.ts';

export interface GridChatDeps extends BindDeps, GridReportDeps, ScreeningReportDeps {
  bindings: GridBindingStore;
}

export interface GridCaller extends ChatIdentity {
  conversationId: string;
  /** The client network of a web request (per-network bind limits); null when the channel has none. */
  network?: string | null;
}

/** The grid worker bound to the chat, for the turn's context. */
export async function gridWorkerOf(deps: GridChatDeps, chat: ChatIdentity): Promise<GridWorkerContext | null> {
  return deps.bindings.workerFor(chat);
}

export async function runGridEffect(deps: GridChatDeps, effect: Effect, who: GridCaller, worker: GridWorkerContext | null, now: Date): Promise<EffectEvent | null> {
  switch (effect.type) {
    case 'bind_staff':
      return bindChatAccount(deps, who, effect.code, now);
    case 'unbind_staff':
      return unbindChatAccount(deps, who, now);
    case 'submit_screening':
      return worker ? submitScreeningReport(deps, effect.draft, { worker, conversationId: who.conversationId, channel: who.channel }, now) : null;
    case 'list_grid_reports':
      return worker ? listGridReports(deps, worker) : null;
    case 'open_grid_report':
      return worker ? openGridReport(deps, worker, effect.caseNumber) : null;
    default:
      return null;
  }
}
