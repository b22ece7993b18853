/**
 * Text → the form the risk screen reads: NFKC (full-width → half-width), lower
 * case, traditional → simplified for the characters the screen cares about,
 * apostrophes dropped (won't → wont). Clause punctuation is kept: negation only
 * reaches inside its own clause (features.ts).
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
    '紅红', '幫帮', '辦办', '証证', '證证', '費费', '資资', '補补', '償偿', '遺遗', '囑嘱', '別别', '見见', '憑凭', '廠厂',
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
