/**
 * Text → the form the risk screen reads: NFKC (full-width → half-width), lower
 * case, traditional → simplified for the characters the screen cares about,
 * apostrophes dropped (won't → wont). Clause punctuation is kept: negation only
 * reaches inside its own clause.
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
  ].map((p) => [p[0]!, p[1]!]),
);

export function normalizeForRisk(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\p{Script=Han}/gu, (c) => T2S[c] ?? c)
    .replace(/['’‘`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Clauses: negation and a question about the rules only reach inside their own clause. */
export function clauses(normalized: string): string[] {
  return normalized
    .split(/[，。！？；、,.!?;\n]+/u)
    .map((c) => c.trim())
    .filter((c) => c !== '');
}

const HAN_RUN = /(\p{Script=Han}+)/u;

/** Features for the classifier: English words, Chinese character unigrams and bigrams. */
export function riskTokens(normalized: string): string[] {
  const out = new Set<string>();
  for (const word of normalized.replace(/[^\p{L}\p{N}\s]/gu, ' ').split(' ')) {
    for (const part of word.split(HAN_RUN)) {
      if (!part) continue;
      if (/\p{Script=Han}/u.test(part)) {
        const cs = [...part];
        cs.forEach((c, i) => {
          out.add(c);
          if (i + 1 < cs.length) out.add(c + cs[i + 1]);
        });
      } else if (/^\d+$/.test(part)) out.add(part.length >= 2 ? 'NUM2' : 'NUM1');
      else out.add(part);
    }
  }
  return [...out];
}
