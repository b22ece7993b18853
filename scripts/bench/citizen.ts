/**
 * A simulated citizen for the load driver: a persona (name, phone, checksum-valid ID
 * number, township, matter) and, for each `expecting` of the contract, the next
 * message to send. Texts vary in zh and en, some citizens say everything at once,
 * others answer slot by slot, some press the offered buttons, others type. A tenth
 * ask a string of questions before filing (20+ turns); the facts are alike, not
 * identical, across citizens of one township and matter, so the repeat and related
 * step works on real candidates. `newFloodPersona` is one villager of a group incident.
 */
import { randomBytes } from 'node:crypto';
import { idNumberCheckChar } from '../../src/domain/petitioner/id-number.ts';

export type Locale = 'zh' | 'en';
export interface ChatBody {
  text?: string;
  payload?: string;
}
export interface ChatReply {
  conversationId: string;
  replies: { text: string; buttons?: { label: string; payload: string }[] }[];
  expecting: string | null;
  caseNumber: string | null;
}

const pick = <T>(xs: readonly T[], rand: () => number = Math.random): T => xs[Math.floor(rand() * xs.length)]!;
const between = (a: number, b: number) => a + Math.floor(Math.random() * (b - a + 1));

interface Matter {
  category: string;
  facts: Record<Locale, string>;
  demands: Record<Locale, string>;
}

const MATTERS: readonly Matter[] = [
  { category: 'labor', facts: { zh: '工地老板拖欠我们工资三个月了，一直不给', en: 'My boss at the construction site has not paid my wages for three months' }, demands: { zh: '要求追回欠薪', en: 'I want the company to pay all my wages' } },
  { category: 'land', facts: { zh: '村里征地补偿款至今没有发放到户', en: 'The village took our land but the compensation was never paid to us' }, demands: { zh: '要求尽快发放补偿款', en: 'Please pay the land compensation' } },
  { category: 'environment', facts: { zh: '养猪场天天往河里排污水，河里的鱼都死了', en: 'A pig farm dumps waste water into the river every day and the fish died' }, demands: { zh: '要求关停养猪场', en: 'Close the polluting pig farm' } },
  { category: 'urban', facts: { zh: '楼下烧烤店油烟噪音扰民到深夜', en: 'The barbecue shop downstairs makes noise and smoke until midnight' }, demands: { zh: '要求整治噪音', en: 'Stop the noise at night' } },
  { category: 'education', facts: { zh: '学校乱收补课费，每个学生收两千元', en: 'The school charges every pupil 2000 yuan for extra classes' }, demands: { zh: '要求退还费用', en: 'Refund the fees' } },
  { category: 'civil', facts: { zh: '家庭困难申请低保一直没有批下来', en: 'My family is poor but my application for the minimum living allowance was never approved' }, demands: { zh: '要求重新审核低保', en: 'Review my allowance application again' } },
  { category: 'housing', facts: { zh: '旧房拆迁后安置房迟迟不能交付', en: 'After our old house was demolished the resettlement flat was never delivered' }, demands: { zh: '要求按期交付安置房', en: 'Deliver the resettlement flat' } },
];

const TOWNSHIPS: readonly { zh: string; en: string }[] = [
  { zh: '城关镇', en: 'Chengguan' },
  { zh: '东湖镇', en: 'Donghu' },
  { zh: '西山乡', en: 'Xishan' },
  { zh: '南河镇', en: 'Nanhe' },
  { zh: '北岭乡', en: 'Beiling' },
  { zh: '青石镇', en: 'Qingshi' },
  { zh: '桃源乡', en: 'Taoyuan' },
  { zh: '河口镇', en: 'Hekou' },
];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '周'];
const GIVEN = ['建国', '秀英', '桂兰', '志强', '德明', '春梅', '国华', '玉兰'];
const EN_NAMES = ['Li Wei', 'Wang Fang', 'Zhang Min', 'Liu Yang', 'Chen Jing', 'Zhao Lei'];
// (Not 李家村: that is the flood's village, and an ordinary citizen filing land there would join its count.)
const VILLAGES = ['杨家湾村', '王庄村', '河湾村', '新华社区', '柳树村'];

/** An 18-digit resident ID number with a valid GB 11643 check character. */
export function randomIdNumber(): string {
  const birth = `${between(1950, 2000)}${String(between(1, 12)).padStart(2, '0')}${String(between(1, 28)).padStart(2, '0')}`;
  const first17 = `${pick(['110105', '320102', '440304', '510107', '420111'])}${birth}${String(between(0, 999)).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

export const randomPhone = () => `1${pick(['3', '5', '7', '8', '9'])}${String(between(0, 999_999_999)).padStart(9, '0')}`;
/** A web userId: 128 random bits, like the widget's. */
export const newUserId = () => randomBytes(16).toString('hex');

export interface Persona {
  userId: string;
  locale: Locale;
  name: string;
  phone: string;
  idNumber: string;
  township: { zh: string; en: string };
  village: string;
  matter: Matter;
  /** This citizen's wording of the matter's facts. */
  facts: string;
  people: number;
  /** Asks this many questions before filing (0 for most). */
  questions: number;
  /** Says everything in the first message (zh only: the rich opener). */
  rich: boolean;
  /** Prefers buttons where offered. */
  presses: boolean;
}

const LEADS: Record<Locale, readonly string[]> = { zh: ['', '我们', '我想反映一下，', '请帮帮忙，'], en: ['', 'I want to report that ', 'Please help: '] };
const TAILS: Record<Locale, readonly string[]> = { zh: ['', '，已经很久了', '，一直没人管', '，希望尽快处理'], en: ['', ', for a long time now', ', and nobody does anything'] };
/** The matter in this citizen's words: alike, not identical, to others'. */
const alike = (facts: string, l: Locale, rand: () => number = Math.random) => `${pick(LEADS[l], rand)}${facts}${pick(TAILS[l], rand)}`;

const QUESTIONS: Record<Locale, readonly string[]> = {
  zh: ['信访要走什么程序？', '多长时间能有答复？', '信访的时候要注意什么？', '不满意答复怎么办？', '可以匿名反映吗？', '需要带什么材料？', '信访人有哪些权利？', '能不能越级上访？'],
  en: ['What is the procedure for a petition?', 'How long until I get an answer?', 'What should I not do when petitioning?', 'What if I am not satisfied with the answer?', 'What are my rights as a petitioner?'],
};
export const questionText = (p: Persona) => pick(QUESTIONS[p.locale]);

export function newPersona(): Persona {
  const locale: Locale = Math.random() < 0.7 ? 'zh' : 'en';
  const matter = pick(MATTERS);
  return {
    userId: newUserId(),
    locale,
    name: locale === 'zh' ? pick(SURNAMES) + pick(GIVEN) : pick(EN_NAMES),
    phone: randomPhone(),
    idNumber: randomIdNumber(),
    township: pick(TOWNSHIPS),
    village: pick(VILLAGES),
    matter,
    facts: alike(matter.facts[locale], locale),
    questions: Math.random() < 0.1 ? between(18, 24) : 0,
    people: Math.random() < 0.15 ? between(6, 40) : Math.random() < 0.3 ? between(2, 4) : 1,
    rich: locale === 'zh' && Math.random() < 0.4,
    presses: Math.random() < 0.5,
  };
}

const FLOOD_FACTS = ['李家村的征地补偿款到现在一直没有发放', '李家村三百多户的征地补偿款拖了一年没有发放', '我们李家村征地补偿款一直没发，村里说上面没拨款'];

/** A flood villager's words for the matter: alike, not identical, to the others' (`rand` seeds them in tests). */
export const floodFacts = (rand: () => number = Math.random) => alike(pick(FLOOD_FACTS, rand), 'zh', rand);

/** One villager of a group incident (群体性事件): 李家村 in 东湖镇, the land compensation of the whole village. */
/** A villager of the flood; `sameFacts`: all tell the matter in the same words (a reproducible grouping). */
export function newFloodPersona(sameFacts = false): Persona {
  return {
    ...newPersona(),
    locale: 'zh',
    name: pick(SURNAMES) + pick(GIVEN),
    township: TOWNSHIPS[1]!,
    village: '李家村',
    matter: MATTERS[1]!,
    facts: sameFacts ? FLOOD_FACTS[0]! : floodFacts(),
    questions: 0,
    people: between(200, 400),
    rich: Math.random() < 0.5,
  };
}

export function opener(p: Persona): ChatBody {
  if (p.rich) {
    return { text: `你好，我叫${p.name}，电话${p.phone}，身份证${p.idNumber}，${p.township.zh}${p.village}的，${p.facts}，${peopleText(p)}，${p.matter.demands.zh}` };
  }
  return { text: p.locale === 'zh' ? pick(['我要反映问题', '我想反映个事情', '你好，我要信访']) : pick(['hello, I want to make a complaint', 'I want to file a petition']) };
}

function peopleText(p: Persona): string {
  if (p.locale === 'en') return p.people === 1 ? 'just me' : `${p.people} people`;
  return p.people === 1 ? '就我自己' : `我们${p.people}户`;
}

const offered = (r: ChatReply) => r.replies.flatMap((x) => x.buttons ?? []).map((b) => b.payload);

/** The answer to what the bot is waiting for; null when the petition cannot go on. */
export function answer(p: Persona, r: ChatReply, repeats: number): ChatBody | null {
  const exp = r.expecting;
  const zh = p.locale === 'zh';
  // Asked the same thing again: take the offered way out (a skip or the first choice).
  if (repeats >= 2) {
    const buttons = offered(r);
    const out = buttons.find((b) => b.startsWith('skip:')) ?? buttons[0];
    if (out) return { payload: out };
  }
  switch (exp) {
    case 'consent':
      return p.presses ? { payload: 'consent:yes' } : { text: zh ? '同意' : 'yes I agree' };
    case 'facts':
      return { text: p.facts };
    case 'township':
      return p.presses ? { payload: `township:${p.township.zh}` } : { text: zh ? p.township.zh : p.township.en };
    case 'address':
      return { text: zh ? `${p.township.zh}${p.village}` : 'skip' };
    case 'category':
      return { payload: `category:${p.matter.category}` };
    case 'respondent':
      return { text: zh ? '村委会' : 'the village committee' };
    case 'demands':
      return { text: p.matter.demands[p.locale] };
    case 'peopleCount':
      return p.people === 1 && p.presses ? { payload: 'count:1' } : { text: peopleText(p) };
    case 'representatives':
      return { text: `王建国 ${randomPhone()}，李大山 ${randomPhone()}` };
    case 'priorPetition':
      return p.presses ? { payload: 'prior:none' } : { text: zh ? '没有' : 'no' };
    case 'name':
      return { text: zh ? p.name : `my name is ${p.name}` };
    case 'phone':
      return { text: p.phone };
    case 'idNumber':
      return Math.random() < 0.2 ? { payload: 'skip:idNumber' } : { text: p.idNumber };
    case 'confirm':
      return p.presses ? { payload: 'confirm:yes' } : { text: zh ? '确认' : 'yes' };
    default:
      // null (free talk), staff (a person took over) or a follow-up question: not a petition path.
      return null;
  }
}

/** The 8-digit query code shown with the case number. */
export function queryCodeOf(r: ChatReply): string | null {
  const text = r.replies.map((x) => x.text).join('\n').replace(r.caseNumber ?? '', '');
  return /(?<!\d)(\d{8})(?!\d)/.exec(text)?.[1] ?? null;
}

export function lookupText(p: Persona, caseNumber: string): string {
  return p.locale === 'zh' ? pick([`查询 ${caseNumber}`, `查一下 ${caseNumber} 的进度`]) : `status of ${caseNumber}`;
}
