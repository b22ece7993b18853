/**
 * Someone's body in acute danger, told in a message: breathless, unconscious, lips
 * turning blue, "should I call 120?". Not a threat and no risk of unrest, so the risk
 * screen does not score it; but a life may be at stake, and the answer is the ambulance
 * first. High precision: the signs themselves, of a person now, not negated.
 */

const SIGNS_ZH =
  /喘不上气|喘不过气|上不来气|透不过气|呼吸困难|没(?:有)?呼吸了|嘴唇(?:都)?(?:发紫|发青|紫了)|脸(?:都)?(?:发紫|发青|憋紫)|昏迷|晕过去|昏过去|不省人事|叫不醒|抽搐|口吐白沫|大出血|血止不住|心脏病(?:犯了|发作)|(?:要|该|得|是不是该|要不要)打\s*120|叫(?:个)?救护车|(?:老人|婆婆|公公|奶奶|爷爷|姥姥|姥爷|老伴|孩子|娃|他|她|妈|爸|母亲|父亲|病人)[^，,。！!？?]{0,8}快不行了/;
const SIGNS_EN =
  /\b(?:can'?t|cannot|could ?n[o']t|struggling to|hard to) breathe\b|\bnot breathing\b|\bunconscious\b|\bpassed out\b|\bfainted\b|\b(?:lips|face) (?:are |is )?(?:turning |gone )?(?:blue|purple)\b|\bheart attack\b|\bseizure\b|\bbleeding (?:heavily|badly|a lot)\b|\b(?:should|do) (?:i|we) call (?:an? )?(?:ambulance|120)\b|\bcall(?:ing)? (?:an? )?ambulance\b/i;
/** "没有昏迷", "不是喘不上气", "isn't unconscious", "去年晕过去一回": not a person in danger now. */
const NOT_NOW_ZH = /(?:没|没有|不是|不会|并没|别)\s*$|(?:去年|前年|以前|那年|上个月|上回|那次)[^，,。]{0,6}$/;
/** "the smell is so bad we can't breathe": a nuisance told, no body in danger. */
const NUISANCE_EN = /\b(?:smell|smoke|dust|stink|stench|fumes|odou?r|noise)\b/i;
/** "化工厂的烟熏得人喘不上气": the same, in Chinese. */
const NUISANCE_ZH = /熏|呛|臭|味道|气味|烟尘|粉尘|噪音|吵得/;
/** "走两步就喘不上气 医生说这病治不好", "I get breathless when I climb stairs": an illness lived with, told — no crisis now. */
const CHRONIC_ZH = /走(?:两|几|一)步|一(?:动|走|干活|上楼|爬坡)就|(?:医生|大夫)说|治不好|好不了|只能养|尘肺|矽肺|老毛病|慢性|常年|这些年|这几年|吃药|药钱|药费|病根/;
const CHRONIC_EN = /\b(?:when (?:i|he|she) (?:walk|climb|work)s?|(?:climb|walk)ing (?:the )?stairs|chronic|for years|doctors? (?:says?|said)|can'?t be cured|medicine|pneumoconiosis|silicosis|black lung)\b/i;
const NOT_NOW_EN = /\b(?:not|never|no longer|isn'?t|wasn'?t|didn'?t|last (?:year|month))\b[^.,;]{0,12}$/i;

export function medicalEmergency(text: string): boolean {
  for (const [re, notNow] of [[SIGNS_ZH, NOT_NOW_ZH], [SIGNS_EN, NOT_NOW_EN]] as const) {
    const g = new RegExp(re.source, `${re.flags.replace('g', '')}g`);
    for (const m of text.matchAll(g)) {
      if (notNow.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
      const sentence = /[^.!?。！？]*$/.exec(text.slice(0, m.index))![0] + /^[^.!?。！？]*/.exec(text.slice(m.index))![0];
      if ((re === SIGNS_EN ? NUISANCE_EN : NUISANCE_ZH).test(sentence)) continue;
      if ((re === SIGNS_EN ? CHRONIC_EN : CHRONIC_ZH).test(sentence)) continue;
      return true;
    }
  }
  return false;
}
