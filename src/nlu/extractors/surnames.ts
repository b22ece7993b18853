/**
 * Common Chinese surnames (roughly the 200 most frequent, covering ~90% of
 * people). Characters that mostly open ordinary words after 我是 (全, 和, 明,
 * 时, 成, 单, 应, 党…) are left out on purpose: a missed rare surname costs one
 * question, a false name costs a wrong record.
 */
const SINGLE =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许邓韩冯曹彭曾萧肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜' +
  '崔谭陆范汪廖石金韦贾夏付傅方邹熊白孟秦邱侯江尹薛闫严段雷龙黎史陶贺毛郝顾龚邵万钱覃武戴莫孔向常汤康易乔赖文施' +
  '洪辛柯庄樊牛葛邢安齐伍庞颜倪聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮纪梅童凌毕季裴霍涂苗谷盛曲翁冉' +
  '骆蓝靳管柴蒙鲍华喻祁蒲房滕屈饶牟艾尤穆卓缪简芦麦褚娄窦戚岑晏卫柏瞿桂佟臧闵苟邬卞姬仇栾隋刁巫寇桑郎甄虞敖巩佘' +
  '苑迟邝温卜冷蔺池芮车谌荆阎鄢揭晁嵇钮米';

/** The same surnames as typed in traditional characters (Hong Kong, Taiwan, older writers): 黃志明, 陳立. */
const SINGLE_TRADITIONAL = '劉陳楊黃趙吳孫馬許羅鄭謝鄧韓馮蕭葉蘇呂盧鍾蔣譚陸賈鄒閆嚴龍賀郝顧龔萬錢湯喬賴齊顏聶魯岳詹歐關蘭鮑滕饒繆蘆褚婁竇衛臧閔鄔欒鄺藺';

const COMPOUND = [
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙',
  '宇文', '司徒', '夏侯', '令狐', '端木', '独孤', '南宫', '西门', '轩辕', '澹台',
] as const;

const SINGLE_SET = new Set(SINGLE + SINGLE_TRADITIONAL);

/** The surname a candidate name starts with, or null. Compound surnames first. */
export function leadingSurname(name: string): string | null {
  const compound = COMPOUND.find((s) => name.startsWith(s));
  if (compound) return compound;
  const first = name[0];
  return first !== undefined && SINGLE_SET.has(first) ? first : null;
}

export const SURNAME_COUNT = SINGLE_SET.size + COMPOUND.length;
