import { leadingSurname } from './surnames.ts';
import { foldWidth, matchAll, pickNonOverlapping } from './text.ts';
import type { Entity, ExtractContext } from './types.ts';
import { extractPersonNameEn } from './person-name-en.ts';

/** Self-introductions; `sur` captures the surname of 我姓刘，叫… */
const ZH_TRIGGER_RE =
  /(?:我的名字(?:叫|是)|我名字(?:叫|是)|名字(?:叫|是)|姓名\s*[:：]?\s*(?:是|叫)?|本人(?:姓名|名字)?\s*[:：]?\s*(?:叫|是)?|我姓(?<sur>[\u4e00-\u9fff]{1,2})\s*[,，、]?\s*(?:名)?叫|[我俺]叫|[我俺]是)\s*[:：]?\s*/g;

/** Cut before these anywhere after the first character. */
const HARD_STOP_CHARS = new Set('的了是吗呢吧啊呀哦嘛们您你他她我俺');
/** Words that follow a name ("张三电话…", "王书记"); cut after the first character. */
const STOP_WORDS = [
  '电话', '手机', '号码', '住在', '住址', '家住', '今年', '现年', '反映', '投诉', '举报', '来自', '想要', '身份证',
  '书记', '主任', '老师', '师傅', '先生', '女士', '同志', '大爷', '大妈', '阿姨', '老板', '村长', '镇长', '组长',
  '谢谢', '你好', '您好', '今天', '明天', '昨天', '后天', '请问', '一家',
];
/** Single characters that may be a given name's first character, so they only cut later. */
const LATE_STOP_CHARS = new Set('想要在住来去从到跟和与向给被把再也就还都说村镇乡县市区省');
/** Things people are, not called, that start with a surname character. */
export const NOT_NAMES = [
  '马上', '万一', '常常', '常住', '高中', '高兴', '高龄', '方便', '方面', '白天', '金额', '安置', '安全', '于是',
  '关于', '包工', '包括', '管理', '文化', '文盲', '向您', '向你', '向领导', '许多', '任何', '程序', '姓名', '名字',
  '申请', '申诉', '房东', '房主', '卫生', '华侨', '江边', '石头', '田里', '余下', '宁可', '尚未', '纪委', '欧洲',
  // Words of a story that open with a surname: the mud in the water, a colour, a road.
  '黄泥', '黄土', '黄色', '黄水', '黄汤', '白色', '黑色', '马路', '江水', '石子', '金子', '钱款', '林地', '孔洞', '高速', '高压', '高楼', '高温', '高价', '毛病', '方向', '司机', '程度', '房子', '房屋', '房间', '房租', '房产', '房价', '屋顶', '钱财', '包括', '车子', '车辆', '时间',
];

function cutAtStops(run: string, lateStops: readonly string[]): string {
  let end = run.length;
  for (let i = 1; i < run.length; i++) {
    const c = run[i] ?? '';
    if (HARD_STOP_CHARS.has(c) || (i >= 2 && LATE_STOP_CHARS.has(c))) {
      end = i;
      break;
    }
  }
  for (const w of STOP_WORDS) {
    const at = run.indexOf(w, 1);
    if (at >= 1 && at < end) end = at;
  }
  // A township right after the surname is a given name (王青石), later it is where they live.
  for (const w of lateStops) {
    const at = run.indexOf(w, 2);
    if (at >= 2 && at < end) end = at;
  }
  return run.slice(0, end);
}

function isChineseName(name: string): boolean {
  const surname = leadingSurname(name);
  if (!surname || name.length <= surname.length || name.length > 4) return false;
  // 江西人, 本地人: where someone is from, not who.
  return !name.endsWith('人') && !NOT_NAMES.some((w) => name.startsWith(w));
}

function townshipWordsOf(ctx: ExtractContext): string[] {
  return ctx.townships.flatMap((t) => [t.name, ...t.aliases]).filter((w) => /[\u4e00-\u9fff]/.test(w));
}

/**
 * Chinese names after 我叫/我是/本人/姓名：…: 2–4 characters starting with a
 * common surname, cut at punctuation, digits and the words that follow a name.
 */
function extractChinese(text: string, ctx: ExtractContext): Entity[] {
  const townshipWords = townshipWordsOf(ctx);
  const out: Entity[] = [];
  for (const m of matchAll(ZH_TRIGGER_RE, text)) {
    const start = m.index + m[0].length;
    const run = /^[\u4e00-\u9fff]{1,8}/.exec(text.slice(start))?.[0] ?? '';
    const written = cutAtStops(run, townshipWords);
    // 我是王小明的妈妈: a relation to someone else, not the speaker's name.
    if (run[written.length] === '的') continue;
    // 俺是李庄镇王楼村的: a place (a township, village or county follows), not a name.
    if (/^[镇乡村庄屯县市区寨堡]/.test(run.slice(written.length))) continue;
    const sur = m.groups?.['sur'];
    // 我姓刘，叫德华: the given name alone still makes 刘德华.
    const name = sur && written !== '' && !written.startsWith(sur) ? sur + written : written;
    if (!isChineseName(name)) continue;
    out.push({ type: 'person_name', value: name, start, end: start + written.length });
  }
  // 我是东湖镇李家村的李德旺，电话…: the name after where the speaker is from, when a clause ends right after it.
  for (const m of matchAll(PLACE_THEN_NAME_RE, text)) {
    const start = m.index + m[0].length;
    const name = /^[\u4e00-\u9fff]{2,4}?(?=[，,。；;\s]|电话|手机|身份证|$)/.exec(text.slice(start))?.[0];
    if (!name || cutAtStops(name, []) !== name || !isChineseName(name) || out.some((e) => e.start === start)) continue;
    out.push({ type: 'person_name', value: name, start, end: start + name.length });
  }
  // 我是老兵王富贵 七九年上过前线的: who the speaker is, then the name.
  for (const m of matchAll(ROLE_THEN_NAME_RE, text)) {
    const start = m.index + m[0].length;
    const name = /^[\u4e00-\u9fff]{2,4}?(?=[，,。；;\s]|电话|手机|身份证|$)/.exec(text.slice(start))?.[0];
    if (!name || cutAtStops(name, []) !== name || !isChineseName(name) || out.some((e) => e.start === start)) continue;
    out.push({ type: 'person_name', value: name, start, end: start + name.length });
  }
  return out;
}

/** 我是/俺是 + who the speaker is (老兵, 退伍军人, 村民…): a name may follow. */
const ROLE_THEN_NAME_RE = /[我俺]是(?:一个|个|一名)?(?:老兵|退伍老兵|退伍军人|复员军人|老军人|老战士|老党员|党员|村民|居民|农民|老农民|工人|农民工|司机|老师|教师|老人|残疾人|低保户|五保户|军属|烈属)/g;

/** 我是/俺是 + a village, township or community + 的: a name may follow. */
const PLACE_THEN_NAME_RE = /[我俺]是[\u4e00-\u9fff]{1,14}?(?:(?:村|镇|乡|屯|庄|组|社区|街道|小区)|(?:养蜂|养鸡|养猪|养鱼|种地|种菜|开店|开车|跑车|打工|卖菜|卖水果|摆摊|教书|退休))的/g;

/** The citizen's name from a self-introduction, zh or en; value = the name. */
export function extractPersonName(text: string, ctx: ExtractContext): Entity[] {
  const folded = foldWidth(text);
  return pickNonOverlapping([...extractChinese(folded, ctx), ...extractPersonNameEn(folded, ctx)]);
}
