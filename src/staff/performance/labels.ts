/** Console wording of unit performance (zh with en), shared by the performance page and the monthly report. */
import type { UnitPerformance } from '../../app/stats/get-unit-stats.ts';

export type MetricKey = Exclude<keyof UnitPerformance, 'unit'>;

export const METRIC_LABELS: Record<MetricKey, string> = {
  received: '受理量 Received',
  acceptedOnTime: '按期受理 Accepted on time',
  repliedOnTime: '按期答复 Replied on time',
  overdue: '当前超期 Overdue now',
  extensions: '延期 Extensions',
  satisfactionRate: '满意率 Satisfaction',
  settlementRate: '息诉率 Settlement',
  repeat: '重复信访 Repeat',
  superviseNotices: '督办通知 Notices',
  superviseAnswered: '已答复督办 Notices answered',
  group: '集体访 Group',
  risk: '风险 Risk',
};

/** Columns of the performance tables, in order. */
export const TABLE_METRICS: readonly MetricKey[] = [
  'received',
  'acceptedOnTime',
  'repliedOnTime',
  'overdue',
  'extensions',
  'satisfactionRate',
  'settlementRate',
  'repeat',
  'superviseNotices',
  'superviseAnswered',
];

export const PERFORMANCE_LABELS = {
  title: '单位绩效 Unit performance',
  units: '职能部门 Units',
  townships: '乡镇 Townships',
  unit: '单位 Unit',
  from: '自 From',
  to: '至 To',
  show: '查询 Show',
  period: '统计期间 Period',
  sortBy: '排序 Sort by',
  monthly: '月度报告 Monthly report',
  noData: '—',
  definitions:
    '受理量：期间内登记、由该单位承办或属地协办的案件。按期受理/答复：在受理期限/答复期限（含延期）内完成。当前超期：未办结且已过当前期限。满意率、息诉率的口径与统计页相同；无数据时显示“—”。' +
    ' Received: cases filed in the period that the unit handles or co-handles (township). On time: within the acceptance / reply deadline (extension included). Overdue now: open and past its current deadline. Satisfaction and settlement as on the dashboard; “—” when there is nothing to rate.',
} as const;

export const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

/** A metric's cell text: rates as percentages, counts as they are. */
export const metricText = (row: UnitPerformance, k: MetricKey) => {
  const v = row[k];
  return k === 'satisfactionRate' || k === 'settlementRate' ? pct(v as number | null) : String(v);
};
