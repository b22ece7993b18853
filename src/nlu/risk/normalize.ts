/**
 * Text → the form the risk screen reads: NFKC (full-width → half-width), lower
 * case, traditional → simplified for the characters the screen cares about,
 * apostrophes dropped (won't → wont). Clause punctuation is kept: negation only
 * reaches inside its own clause (features.ts).
 *
 * Then the ways people misspell what matters, so a typo reads like the word it
 * stands for: Cantonese function characters (唔想活 → 不想活, 佢 → 他), pinyin typed
 * inside Chinese (自sha, 喝yao, 弄si), homophone typos of a means (安眠要, 百草苦, 汽由),
 * English chat contractions (wanna, gonna) and English misspellings one edit away
 * from a word the screen weighs (myslef, suicde, pestiside, kil).
 */

/** Traditional → simplified, only for characters that occur in the risk lexicon and its context. */
const T2S: Readonly<Record<string, string>> = Object.fromEntries(
  [
    '殺杀', '樓楼', '藥药', '農农', '車车', '圍围', '進进', '燒烧', '體体', '訪访', '門门', '縣县', '攔拦', '鬧闹', '衝冲',
    '報报', '復复', '讓让', '們们', '會会', '個个', '麼么', '來来', '說说', '種种', '結结', '這这', '給给', '時时', '頭头',
    '動动', '過过', '對对', '還还', '點点', '齊齐', '隊队', '輛辆', '條条', '橋桥', '鐵铁', '軌轨', '廣广', '場场', '開开',
    '無无', '為为', '後后', '負负', '債债', '血血', '錢钱', '機机', '關关', '黨党', '觀观', '親亲', '團团', '組组', '織织',
    '幾几', '餘余', '萬万', '聯联', '繫系', '號号', '滅灭', '跳跳', '眠眠', '刀刀', '斷断', '撥拨', '潑泼', '彈弹', '槍枪',
    '傷伤', '害害', '處处', '決决', '絕绝', '別别', '擔担', '違违', '連连', '賬账', '帳账', '讎仇', '與与', '歸归', '盡尽',
    '堵堵', '擋挡', '撞撞', '臥卧', '鎮镇', '區区', '廳厅', '場场', '書书', '記记', '長长', '議议', '萬万', '喪丧', '屍尸',
    '買买', '賣卖', '經经', '繩绳', '鄉乡', '輕轻', '貨货', '見见', '問问', '題题', '應应', '該该', '嗎吗', '難难', '認认',
    '寫写', '將将', '從从', '邊边', '裡里', '裏里', '頂顶', '帶带', '準准', '備备', '誰谁', '讀读', '學学', '實实', '現现',
    '媽妈', '爺爷', '發发', '氣气', '鋼钢', '錘锤', '瓶瓶', '藥药', '湖湖', '條条', '橫横', '躺躺', '跪跪', '棚棚', '聚聚',
    '約约', '著着', '戶户', '遷迁', '塊块', '總总', '錯错', '鐘钟', '飯饭', '師师', '訴诉', '領领', '導导', '員员', '勞劳', '權权', '話话', '聽听', '覺觉', '錄录', '罰罚', '務务', '規规', '費费', '夠够', '攢攒', '壓压', '鬥斗', '兩两', '廢废', '殘残', '輛辆', '門门',
    '紅红', '幫帮', '辦办', '証证', '證证', '費费', '資资', '補补', '償偿', '遺遗', '囑嘱', '別别', '見见', '憑凭', '廠厂',
  ].map((p) => [p[0]!, p[1]!]),
);

/** Cantonese characters with a Mandarin twin (唔想再活 → 不想再活, 佢话 → 他话). */
const YUE: Readonly<Record<string, string>> = { 唔: '不', 冇: '没', 咗: '了', 佢: '他', 哋: '们', 係: '是', 喺: '在', 嘅: '的', 攞: '拿', 揾: '找', 睇: '看', 嚟: '来', 啲: '些' };

/** Pinyin typed for a word the screen weighs, read only beside a Chinese character (自sha, sha了他, 喝yao, 跳lou). */
const PINYIN: Readonly<Record<string, string>> = {
  sha: '杀', si: '死', yao: '药', tiao: '跳', lou: '楼', dao: '刀', diao: '吊', zisha: '自杀', tiaolou: '跳楼', heyao: '喝药',
  shangdiao: '上吊', nongyao: '农药', qingsheng: '轻生', shaoshi: '烧死', nongsi: '弄死', sile: '死了', qiang: '枪', zha: '炸',
  // 2026-12-08: "我真的bu想活了" — the negation typed in pinyin split 不想活 and the farewell was lost.
  bu: '不', huo: '活',
};

/**
 * Whole phrases of self-harm typed in pinyin with no Chinese character beside them ("wo bu xiang huo le",
 * "huo bu xia qu le"): read as English they were no words the screen weighs. Multi-syllable phrases only,
 * so a single syllable in an English sentence is never read as Chinese (not "zi sha": also 紫砂, a teapot).
 */
const PINYIN_PHRASES: readonly [RegExp, string][] = [
  [/\bbu ?xiang ?(?:zai ?)?huo\b/g, '不想活'], [/\bhuo ?bu ?xia ?qu\b/g, '活不下去'], [/\bbu ?huo ?le\b/g, '不活了'], [/\bhuo ?gou ?le\b/g, '活够了'],
  [/\btiao ?lou\b/g, '跳楼'], [/\btiao ?he\b/g, '跳河'], [/\bhe ?nong ?yao\b/g, '喝农药'], [/\bshang ?diao\b/g, '上吊'],
];

/** Homophone and look-alike typos of a means or an act. */
const ZH_TYPOS: readonly [RegExp, string][] = [
  [/安眠(?:要|约|瑶)/gu, '安眠药'], [/百草(?:苦|哭|库)/gu, '百草枯'], [/(?:敌敌|滴滴|笛笛)(?:味|喂|威|胃)/gu, '敌敌畏'], [/汽(?:由|邮)/gu, '汽油'],
  [/跳(?:娄|搂|喽)/gu, '跳楼'], [/自(?:沙|刹|煞|鲨)/gu, '自杀'], [/上掉(?=死|算了|自杀|绳)/gu, '上吊'], [/割(?:碗|婉)/gu, '割腕'], [/卧(?:规|鬼)/gu, '卧轨'],
  [/(农|老鼠|耗子)要(?![求是不钱账回去来说把给吃咬偷跑])/gu, '$1药'], [/氢生/gu, '轻生'],
];

/** English words the screen weighs, as they are misspelt in a hurry; a misspelling is one edit away. */
const EN_TARGETS = [
  'myself', 'himself', 'herself', 'suicide', 'suicidal', 'pesticide', 'poison', 'petrol', 'gasoline', 'weedkiller', 'paraquat', 'overdose',
  'beijing', 'blockade', 'barricade', 'goodbye', 'hanging', 'kill', 'want', 'pills', 'jump', 'knife',
];
const EN_CHAT: readonly [RegExp, string][] = [
  [/\bwanna\b/g, 'want to'], [/\bgon+a\b/g, 'going to'], [/\bgotta\b/g, 'got to'], [/\bkil\b/g, 'kill'], [/\bkils\b/g, 'kills'],
  [/\b(my|him|her|them|your)\s+(self|selves)\b/g, '$1$2'], [/\bim+a\b/g, 'im going to'], [/\bu\b/g, 'you'], [/\bur\b/g, 'your'],
];

/** True when `a` is one insertion, deletion or transposition from `b` (one substitution too for words of 8 letters or more). */
function oneEdit(a: string, b: string): boolean {
  if (a === b) return false;
  if (a.length === b.length) {
    let i = 0;
    while (a[i] === b[i]) i++;
    if (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)) return true;
    return b.length >= 8 && a.slice(i + 1) === b.slice(i + 1);
  }
  if (b.length < 6 || Math.abs(a.length - b.length) !== 1) return false;
  const [s, l] = a.length < b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < s.length && s[i] === l[i]) i++;
  return s.slice(i) === l.slice(i + 1);
}

function correctEnglish(word: string): string {
  if (word.length < 4 || word.length > 12) return word;
  for (const t of EN_TARGETS) if (Math.abs(t.length - word.length) <= 1 && oneEdit(word, t)) return t;
  return word;
}

export function normalizeForRisk(text: string): string {
  let s = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\p{Script=Han}/gu, (c) => YUE[c] ?? T2S[c] ?? c)
    .replace(/['’‘`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (/[a-z]{2}/.test(s)) for (const [re, to] of PINYIN_PHRASES) s = s.replace(re, to);
  if (/\p{Script=Han}/u.test(s)) {
    s = s.replace(/(?<=\p{Script=Han})[a-z]{2,9}(?![a-z])|(?<![a-z])[a-z]{2,9}(?=\p{Script=Han})/gu, (w) => PINYIN[w] ?? w);
    for (const [re, to] of ZH_TYPOS) s = s.replace(re, to);
    // "俺哪知道 你看着办": the choice left to the bureau, said as "you decide" (no veiled warning).
    s = s.replace(/(知道|晓得|清楚|不懂|随便|都行|都可以)([\s，,]{0,2})([你您]们?)(就)?看着办/gu, '$1$2$3定吧');
    // "不知道算哪类，你看着办": the kind of matter left to the bureau.
    s = s.replace(/((?:不知道|不清楚|不晓得)(?:该)?(?:算|归|属于)(?:哪|什么|啥)(?:类|一类|个部门|种)[\s，,]{0,2})([你您]们?)(就)?看着办/gu, '$1$2定吧');
    // "算民政吧 我也不知道归哪个部门管 你给看着办": right after talk of which department or kind, the choice is left
    // to the bureau; after a threat, a means or a deadline ("再不解决你们看着办") it stays a warning.
    // Also when the question is asked and the citizen guesses the kind before leaving it to the bureau:
    // "这算啥类？殡葬的事儿吧，你们看着办" (only a guess of a kind, "…的事儿吧", may stand between).
    s = s.replace(
      /((?:算|归|属于)(?:哪|什么|啥)(?:类|一类|种|个部门|个单位|部门)(?:管|的)?|归(?:哪|什么|啥)(?:个)?(?:部门|单位|口)管|哪个部门管|算(?:啥|什么)就算(?:啥|什么)|算(?:民政|教育|住建|城管|人社|劳动|卫健|公安|信访|残联|市场监管|环保|交通|水利|农业|医保|社保|街道|社区)[^，。！？\s]{0,3}?吧)([\s，,?？]{0,2}(?:[^，。！？,.!?\s]{1,8}?(?:的事儿?|的事情|那类|这类|一类|那块)吧[\s，,]{0,2})?)([你您]们?)(?:就|给|帮我|帮忙)?看着办/gu,
      '$1$2$3定吧',
    );
  }
  if (/[a-z]{2}/.test(s)) {
    for (const [re, to] of EN_CHAT) s = s.replace(re, to);
    s = s.replace(/[a-z]+/g, correctEnglish);
  }
  return s;
}
