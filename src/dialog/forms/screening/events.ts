/** What the grid worker is told when the app comes back with the outcome of an effect. */
import { caseViewText, formatDate, statusName } from '../case-lookup/citizen-case-view.ts';
import { t } from '../../catalog/catalog.ts';
import { button, result, say } from '../../replies.ts';
import type { ConversationState, EffectEvent, Reply, TurnContext, TurnResult } from '../../types.ts';
import { gridButtons } from './menu.ts';

export function gridEventReply(state: ConversationState, event: EffectEvent, ctx: TurnContext): TurnResult | null {
  const l = state.locale;
  switch (event.type) {
    case 'staff_bound':
      // The chat now acts for staff: a citizen's open petition or case lookup does not carry over.
      return result({ ...state, forms: [], parked: null, verified: null, expecting: null, misunderstood: 0 }, [
        say(l, 'scrBound', { username: event.username, township: event.township }, gridButtons(l)),
      ]);
    case 'bind_refused':
      return result(state, [say(l, event.reason === 'locked' ? 'scrBindLocked' : 'scrBindInvalid')]);
    case 'staff_unbound':
      return result({ ...state, forms: state.forms.filter((f) => f.form !== 'screening') }, [say(l, event.wasBound ? 'scrUnbound' : 'scrNotBound')]);
    case 'grid_reports':
      return result(state, [reportList(state, event.items, ctx)]);
    case 'grid_report_opened': {
      // No review window for a report: the remedies are the citizen's, not the reporter's.
      const text = caseViewText({ ...event.view, repliedAt: null }, ctx.now, ctx.county, l);
      return result(state, [{ text, buttons: [button(l, 'scrBtnReports', 'grid:reports')] }]);
    }
    case 'grid_report_not_found':
      return result(state, [say(l, 'scrReportNotFound', undefined, gridButtons(l))]);
    default:
      return null;
  }
}

function reportList(state: ConversationState, items: Extract<EffectEvent, { type: 'grid_reports' }>['items'], ctx: TurnContext): Reply {
  const l = state.locale;
  if (items.length === 0) return say(l, 'scrNoReports', undefined, [button(l, 'scrBtnReport', 'grid:report')]);
  const category = (code: string) => {
    const c = ctx.county.categories.find((x) => x.code === code);
    return c ? (l === 'zh' ? c.nameZh : c.nameEn) : code;
  };
  const lines = items.map((i) =>
    t(l, 'scrReportLine', { caseNumber: i.caseNumber, date: formatDate(i.createdAt, ctx.county, l), status: statusName(i.status, l), category: category(i.category) }),
  );
  return { text: [t(l, 'scrReportsTitle'), ...lines].join('\n'), buttons: items.map((i) => ({ label: i.caseNumber, payload: `grid:open:${i.caseNumber}` })) };
}
