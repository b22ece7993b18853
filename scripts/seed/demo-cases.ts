/**
 * Realistic demo cases, generated in memory: categories, townships and channels in
 * varied proportions, statuses along the lifecycle with consistent dates, ratings,
 * flags and repeat petitioners, spread over the past year. Shared by
 * `npm run seed:demo` and the benchmark's 100,000-case lookups (scripts/bench).
 */
import { randomUUID } from 'node:crypto';
import type { CountyConfig } from '../../src/domain/county/schema.ts';
import { acceptDue, replyDue, reviewRequestDue, type DeadlineContext } from '../../src/domain/deadlines.ts';
import { reviewAnswerDue } from '../../src/domain/case/review.ts';
import { idNumberCheckChar } from '../../src/domain/petitioner/id-number.ts';
import { routeCase } from '../../src/domain/routing.ts';

const DAY = 86_400_000;
// A small deterministic-free generator: Math.random is fine for demo data.
export const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;
export const chance = (p: number) => Math.random() < p;
export const between = (a: number, b: number) => a + Math.floor(Math.random() * (b - a + 1));
function weighted<T>(xs: readonly [T, number][]): T {
  let r = Math.random() * xs.reduce((a, [, w]) => a + w, 0);
  for (const [x, w] of xs) if ((r -= w) < 0) return x;
  return xs[xs.length - 1]![0];
}

export const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
export const GIVEN = ['建国', '秀英', '桂兰', '志强', '丽', '伟', '芳', '军', '敏', '静', '海燕', '德明', '春梅', '国华', '玉兰', '小红', '文斌', '金凤', '永福', '淑珍'];
export const VILLAGES = ['李家村', '王庄村', '河湾村', '新华社区', '柳树村', '石桥村', '东风社区', '杨树沟村'];

export const FACTS: Record<string, [string, string][]> = {
  land: [['村里征地补偿款至今没有发放到户', '尽快发放补偿款'], ['承包地被占用修路，没有任何补偿', '依法补偿']],
  housing: [['旧房拆迁后安置房迟迟不能交付', '按期交付安置房'], ['小区房屋质量问题，墙体开裂漏水', '维修并赔偿']],
  labor: [['工地老板拖欠工资三个月', '追回欠薪'], ['单位没有给缴纳社保', '补缴社保']],
  environment: [['附近工厂夜间排放刺鼻废气', '查处并停止排污'], ['养殖场污水流进河里', '整治污染']],
  rural: [['耕地地力保护补贴没有到账', '发放补贴'], ['土地确权面积与实际不符', '重新核实']],
  security: [['邻里纠纷多次报警没有处理结果', '依法处理'], ['村口经常有人聚众赌博', '打击赌博']],
  education: [['孩子入学被要求交赞助费', '取消违规收费'], ['学校食堂饭菜质量差', '改善伙食']],
  health: [['在卫生院看病被多收费', '退还多收费用'], ['医疗纠纷协商不成', '组织调解']],
  civil: [['家庭困难申请低保一直没有批', '重新审核低保'], ['残疾人补贴被停发', '恢复补贴']],
  market: [['超市出售过期食品', '查处商家'], ['购买的电器有质量问题商家不退货', '退货退款']],
  urban: [['楼下烧烤店噪音扰民到深夜', '整治噪音'], ['占道经营堵塞道路', '规范摊点']],
  conduct: [['村干部优亲厚友，低保名额分配不公', '调查处理'], ['工作人员办事推诿，态度恶劣', '批评教育']],
  other: [['咨询退役军人优待政策', '答复政策'], ['反映公交线路设置不合理', '调整线路']],
};

const CATEGORY_WEIGHT: Record<string, number> = { land: 14, housing: 12, labor: 16, environment: 8, rural: 10, security: 7, education: 5, health: 5, civil: 8, market: 5, urban: 7, conduct: 3, other: 4 };

export interface Person { id: string; name: string; phone: string; idNumber: string }

export function newPerson(): Person {
  const birth = new Date(Date.now() - between(20, 80) * 365.25 * DAY).toISOString().slice(0, 10).replace(/-/g, '');
  const first17 = `4${between(10000, 99999)}${birth}${between(100, 999)}`;
  return {
    id: randomUUID(),
    name: pick(SURNAMES) + pick(GIVEN),
    phone: `1${pick(['3', '5', '7', '8', '9'])}${String(between(0, 999_999_999)).padStart(9, '0')}`,
    idNumber: first17 + idNumberCheckChar(first17),
  };
}

/** Mostly working hours on weekdays; some evenings and weekends (online channels). */
function receivedAt(now: number, utcOffset: number): Date {
  for (;;) {
    const t = now - Math.random() * 365 * DAY;
    const local = new Date(t + utcOffset * 60_000);
    const dow = local.getUTCDay();
    const h = local.getUTCHours();
    const weight = (dow === 0 || dow === 6 ? 0.35 : 1) * (h >= 8 && h < 18 ? 1 : h >= 6 && h < 23 ? 0.35 : 0.05);
    if (Math.random() < weight) return new Date(t);
  }
}

const rating = () => weighted<string>([['satisfied', 55], ['basically_satisfied', 30], ['dissatisfied', 15]]);
const clampPast = (d: number, now: number) => Math.min(d, now - 60_000);

export interface Seeded {
  person: Person;
  newPerson: boolean;
  kase: Record<string, unknown> & { id: string; createdAt: Date; status: string };
  events: { caseId: string; at: Date; actorType: string; kind: string; public: boolean; fromStatus: string | null; toStatus: string | null; note: string | null }[];
}

export function makeCase(county: CountyConfig, ctx: DeadlineContext, now: number, people: Person[]): Seeded {
  const repeat = people.length > 0 && chance(0.08);
  const person = repeat ? pick(people) : newPerson();
  const category = weighted(county.categories.map((c) => [c.code, CATEGORY_WEIGHT[c.code] ?? 3] as [string, number]));
  const township = chance(0.9) ? pick(county.townships).name : null;
  const respondentUnits = category === 'conduct' && township && chance(0.5) ? [`town:${township}`] : [];
  const { unit, coUnit } = routeCase(county, { category, township, respondentUnits });
  const [facts, demands] = pick(FACTS[category] ?? FACTS.other!);
  const peopleCount = chance(0.07) ? between(county.rules.groupThreshold, 60) : chance(0.1) ? between(2, county.rules.groupThreshold - 1) : 1;
  const created = receivedAt(now, county.utcOffsetMinutes);
  const id = randomUUID();
  const flags = new Set<string>();
  if (repeat) flags.add('repeat');
  if (peopleCount >= county.rules.groupThreshold) flags.add('group');
  if (chance(0.03)) flags.add('risk');

  const events: Seeded['events'] = [];
  let status = 'submitted';
  const move = (at: number, kind: string, to: string, actorType = 'staff', note: string | null = null) => {
    events.push({ caseId: id, at: new Date(at), actorType, kind, public: true, fromStatus: status, toStatus: to, note });
    status = to;
  };
  events.push({ caseId: id, at: created, actorType: 'citizen', kind: 'submitted', public: true, fromStatus: null, toStatus: 'submitted', note: null });
  const acceptDueAt = acceptDue(created, ctx);
  const f: Record<string, unknown> = {};
  let ratingAcceptance: string | null = null;
  let ratingHandling: string | null = null;
  const decideAt = created.getTime() + between(1, 16) * DAY * (chance(0.9) ? 0.6 : 1.1);
  if (decideAt < now) {
    if (chance(0.06)) {
      move(decideAt, 'not_accept', 'not_accepted', 'staff', '属于诉讼途径解决的事项，已告知');
      f.closedAt = new Date(decideAt);
    } else {
      if (chance(0.04)) move(decideAt - DAY / 2, 'transfer', 'transferred');
      move(decideAt, 'accept', 'accepted');
      f.acceptedAt = new Date(decideAt);
      if (chance(0.6)) ratingAcceptance = rating();
      const rDue = replyDue(new Date(decideAt), ctx);
      f.replyDueAt = rDue;
      const startAt = decideAt + between(0, 3) * DAY;
      if (startAt < now) move(startAt, 'start_handling', 'in_progress');
      let due = rDue.getTime();
      if (status === 'in_progress' && chance(0.1) && due - 5 * DAY < now) {
        move(due - 5 * DAY, 'extend', 'extended', 'staff', '情况复杂，依法延期');
        f.extensionDays = 30;
        due = replyDue(new Date(decideAt), ctx).getTime() + 30 * DAY;
        f.replyDueAt = new Date(due);
      }
      const replyAt = startAt + between(7, 62) * DAY;
      if (status !== 'accepted' && replyAt < now) {
        move(replyAt, 'reply', 'replied', 'staff', '已书面答复');
        f.repliedAt = new Date(replyAt);
        if (replyAt > due) flags.add('overdue');
        const reviewDue = reviewRequestDue(new Date(replyAt), ctx);
        f.reviewDueAt = reviewDue;
        if (chance(0.55)) ratingHandling = rating();
        const dissatisfied = ratingHandling === 'dissatisfied';
        if (chance(dissatisfied ? 0.5 : 0.05)) {
          const reqAt = clampPast(replyAt + between(1, 25) * DAY, now);
          if (reqAt < reviewDue.getTime()) {
            move(reqAt, 'request_review', 'review_requested', 'citizen');
            f.reviewRequestedAt = new Date(reqAt);
            f.reviewAnswerDueAt = reviewAnswerDue(new Date(reqAt), ctx);
          }
        }
        if (status === 'replied' && reviewDue.getTime() < now) {
          move(reviewDue.getTime() + DAY, 'close', 'closed', 'system', '复查申请期满，办结');
          f.closedAt = new Date(reviewDue.getTime() + DAY);
          f.followUpResolved = chance(0.8);
        }
      } else if (due < now) {
        flags.add('overdue');
      }
    }
  } else if (acceptDueAt.getTime() < now) {
    flags.add('overdue');
  }
  return {
    person,
    newPerson: !repeat,
    kase: {
      id,
      status,
      origin: 'petition',
      category,
      township,
      unit,
      coUnit,
      respondent: respondentUnits.length ? `${township}政府工作人员` : null,
      respondentUnits,
      facts,
      demands,
      address: township ? `${township}${pick(VILLAGES)}` : null,
      peopleCount,
      priorPetition: repeat ? '此前已反映过' : null,
      channel: weighted([['web', 55], ['telegram', 35], ['terminal', 10]]),
      petitionerId: person.id,
      flags: [...flags],
      locale: 'zh',
      consentAt: created,
      consentVersion: county.guide.version,
      acceptDueAt,
      ratingAcceptance,
      ratingHandling,
      createdAt: created,
      ...f,
    },
    events,
  };
}

/**
 * n cases, oldest first, so that repeats follow their first petition and case
 * numbers ascend with the date.
 */
export function generateCases(county: CountyConfig, n: number, now: number): Seeded[] {
  const ctx: DeadlineContext = { rules: county.deadlines, utcOffsetMinutes: county.utcOffsetMinutes };
  const people: Person[] = [];
  const all = Array.from({ length: n }, () => {
    const s = makeCase(county, ctx, now, people);
    if (s.newPerson) people.push(s.person);
    return s;
  });
  all.sort((a, b) => a.kase.createdAt.getTime() - b.kase.createdAt.getTime());
  const seen = new Set<string>();
  for (const s of all) {
    // After sorting by date, a person's earliest case is the first petition; later ones repeat it.
    s.newPerson = !seen.has(s.person.id);
    seen.add(s.person.id);
    const flags = (s.kase.flags as string[]).filter((f) => f !== 'repeat');
    s.kase.flags = s.newPerson ? flags : [...flags, 'repeat'];
    s.kase.priorPetition = s.newPerson ? null : '此前已反映过';
  }
  return all;
}
