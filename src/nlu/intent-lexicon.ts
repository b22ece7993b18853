/**
 * Concept features: words that mean the same thing to the intent model (人工,
 * 真人, staff, operator → @HUMAN). The corpus has ~40 lines an intent, so most
 * unseen messages use a synonym it never saw; a concept token lets one training
 * line speak for the whole word family, in both languages. The classifier still
 * weighs the concepts: nothing here decides an intent on its own.
 *
 * Patterns run on normalised text (lower case, simplified Chinese, masked entities,
 * single spaces). Chinese patterns match anywhere; English ones at word boundaries.
 */

const CONCEPTS: Record<string, { zh?: string[]; en?: string[] }> = {
  HELLO: {
    zh: [
      '你好', '您好', '哈[喽罗啰]', '^嗨', '^喂', '[早中晚]上好', '下午好', '^早[啊呀]?$', '在吗', '在不在', '在么', '^在不$', '有人(吗|在吗|没)',
      '[新过]年好', '^[^不]{1,3}好[啊呀]?$', '打扰',
    ],
    en: [
      'hi+', 'hel+o+', 'hey+', 'hiya', 'hallo', 'howdy', 'heya', 'yo', 'good (morning|afternoon|evening|day)',
      'greetings', 'ni ?hao', 'morning', 'anyone (there|here|home)', 'anybody (there|here|home)',
    ],
  },
  BYE: {
    zh: [
      '再见', '再会', '拜拜', '^88+6?$', '回见', '晚安', '告辞', '下线', '[我先]走了', '挂了', '[明改]天(见|再)', '回头聊', '回聊', '下次再', '不聊了',
      '溜了', '先这样', '就到这', '先下了', '去忙了',
    ],
    en: [
      '(bye)+', 'goodbye', 'b+ye', 'see (you|ya|u)', 'cya', 'good ?bye', 'have a (nice|good) (day|night|evening)',
      'farewell', 'good night', 'gotta go', 'talk later', 'ttyl', 'signing off', 'leaving', 'later', 'go now',
      'come back (tomorrow|later)', 'that\'?s all', 'i\'?m done', 'for today',
    ],
  },
  THANK: {
    zh: ['谢', '感谢', '感激', '3q', '辛苦', '多亏', '好人', '真好'],
    en: ['thank\\w*', 'thx', 'thanx', 'tnx', 'ty', 'appreciat\\w*', 'grateful', 'cheers'],
  },
  YES: {
    zh: [
      '^(是|对|好|行|嗯|中|可以|没错|正确|确认|确定|同意|当然|要得|得行|对头|ok|可|妥|是滴|好滴|明白|那必须|必须)+[的啊呀滴吧呢了哦嘛嘞]*( |$)', '没问题', '就这么办',
      '就是这样', '没错', '无误', '(?<![不没])同意',
    ],
    en: [
      'y', 'ya', 'k', 'yes+', 'yeah?', 'yep', 'yup', 'ok+(ay)?', 'sure', 'correct', 'right', 'true', 'confirm\\w*',
      'agree', 'agreed', 'of course', 'alright', 'fine', 'exactly', 'affirmative', 'go ahead', 'absolutely',
      'definitely', 'certainly', 'indeed', 'sounds good', 'uh huh', 'that\'?s it',
    ],
  },
  NO: {
    zh: [
      '^(啊|哦|也|都)?(不|没|否|莫得|冇|不对|不是|不用|不要|不需要|不必|错了|没有|没了|不[行中好了]|不得行)+[的啊呀了哦嘛]*( |$)', '^(不|没)\\S{0,3}$', '不对',
      '不用了', '不需要', '不必了', '没有(了|其他|别的|补充)',
    ],
    en: [
      'no+', 'nope', 'nah', 'not', 'never', 'wrong', 'incorrect', 'none', 'negative', 'don\'?t think so', 'disagree',
      'n', 'nothing (more|else)', 'not (right|me|yet|really)',
    ],
  },
  STOP: {
    zh: [
      '取消', '撤销', '撤回', '撤了', '作废', '不办了', '不弄了', '不搞了', '不填了', '别填了', '不提交', '不反映了', '不投诉了', '不举报了', '不上访了', '不告了',
      '重新(来|开始|填)', '重来', '从头', '退出', '放弃', '终止', '中止', '^停', '算了', '打住', '清空', '不想(继续|弄|反映|办)', '都不要了', '别问了',
    ],
    en: [
      'cancel\\w*', 'stop', 'quit', 'exit', 'abort', 'restart', 'reset', 'start over', 'begin again', 'from scratch',
      'back to the start', 'withdraw', 'discard', 'drop it', 'give up', 'undo', 'clear everything',
      'forget (it|everything)', 'never ?mind', 'changed my mind', 'anymore', 'don\'?t (submit|file)',
    ],
  },
  HOWTO_BOT: {
    zh: [
      '菜单', '帮助', '怎么用', '咋用', '如何使用', '使用', '功能', '你是谁', '你是干', '你能', '你会', '能干啥', '能干什么', '可以干什么', '能做', '能办哪些',
      '怎么操作', '咋整', '怎么弄', '咋弄', '教程', '教教我', '说明', '选项', '小程序', '干嘛的', '不会用', '看不懂', '按钮', '打字就行', '服务',
    ],
    en: [
      'help+', 'hel+p', 'menu', 'options?', 'commands?', 'instructions?', 'how (do i|to) use', 'what can (you|i)',
      'what (are|do) you', 'features?', 'services?', 'guide me', 'what is this', 'how (does )?this work',
      'what do i (type|do)', 'what kind of questions', 'what should i do here',
    ],
  },
  HUMAN: {
    zh: [
      '人工', '真人', '活人', '工作人员', '客服', '接访员', '值班', '领导', '局长', '主任', '负责人', '管事的', '同志(在|呢)', '找个人', '找人', '换个人',
      '叫个', '叫你们', '[叫喊][个一]?人', '有人能', '跟人', '当面', '打电话给我', '给我打', '回个电话', '联系我', '转接', '不(想|要)(跟)?机器', '跟机器',
      '人在线', '上班的人', '说不(清楚|明白)', '听不懂', 'rengong',
    ],
    en: [
      'human', 'real (person|man|people)', 'a person', 'someone', 'somebody', 'anybody working', 'staff', 'agent',
      'operator', 'officer', 'manager', 'director', 'leader', 'supervisor', 'in charge', 'transfer\\w*',
      'connect me', 'put me through', 'call me', 'contact me', 'not (a )?(machine|robot|bot)', 'no more bot',
      'useless', 'face to face', 'talk to', 'speak (to|with)', 'don\'?t understand me',
    ],
  },
  MY_CASE: {
    zh: [
      '我的(事|件|案|投诉|反映|信访|申请|问题|诉求)', '我(上次|上回|之前|前几天|上个月|上周|昨天|DATE)', '我.{0,8}(反映|投诉|举报|提交|报|告)(的|过)',
      '(那个|这个|我家|俺家|俺的|俺那)(事|件|案子)', '俺.{0,6}(反映|投诉|报)的', '我那个', '工单', '案子', 'CASENO',
    ],
    en: [
      'my (case|complaint|complain|petition|report|issue|application|file|matter)s?',
      'i (filed|reported|submitted|complained|sent|send)', 'the thing i reported', 'CASENO', 'query code',
    ],
  },
  PROGRESS: {
    zh: [
      '进度', '进展', '进渡', '办到', '到哪', '哪一步', '结果出来', '怎么样了', '咋样了', '怎么样拉', '管没管', '有没有人管', '消息', '回音', '动静', '信儿',
      '回信', '查一下', '查查', '查询', '受理了', '处理了没', '有回复吗', '回复了吗', '答复了吗', '批没批', '批下来', '石沉大海', '忘了', '没人理', '没人联系',
      '状态', '谁在(办|负责|管)', '哪个单位在办', '什么时候给', '啥时候给', '多久能',
    ],
    en: [
      'status', 'progress', 'update', 'news', 'track\\w*', 'check', 'result', 'accepted', 'handled', 'handling',
      'working on', 'investigat\\w*', 'what happen\\w*', 'whats happening', 'any (reply|answer|response)',
      'where is', 'lost', 'closed', 'is it done', 'look up', 'find it',
    ],
  },
  ADD_INFO: {
    zh: [
      '补充', '补交', '补上', '补个', '补冲', '补一', '补几', '补给', '补进', '补到', '追加', '加上', '加到', '加进', '更正', '改一下', '写错', '说错',
      '漏了', '漏说', '没写', '写进去', '没说', '忘了说', '忘记说', '还有个(情况|事)', '新情况', '新线索', '新证据', '新进展', '上传', '传个', '发给你们', '照片',
      '视频', '录音', '证据', '材料', '截图', '图片', '单据', '合同', '证明', '证人', '发票', '收据', '情况有变', '又(来|找)',
    ],
    en: [
      'add\\w*', 'attach\\w*', 'upload\\w*', 'supplement\\w*', 'evidence', 'proof', 'photos?', 'pictures?',
      'videos?', 'recording', 'documents?', 'receipts?', 'screenshots?', 'contract', 'witness\\w*', 'correction',
      'update my', 'forgot (to|that)', 'didn\'?t (say|mention|tell)',
      'new (information|info|facts?|evidence|details?)', 'more (information|info|details?|proof)', 'was wrong',
      'it should be', 'one more thing', 'put (this|it) in', 'again',
    ],
  },
  UNHAPPY_REPLY: {
    zh: [
      '不满意', '不服', '不认(?![识得])', '不接受', '不同意.{0,6}(处理|结果|答复|回复|意见|决定)',
      '(处理|结果|答复|回复|意见|办结).{0,10}(不同意|不对|不公|不合理|不是事实|不符|没解决|错|假|敷衍|走过场|糊弄)', '复查', '复核', '重新(处理|调查|办|查|弄)',
      '再(查|处理|调查|办)一', '申诉', '驳回', '敷衍', '走过场', '糊弄', '官官相护', '根本没解决', '说办结', '办结了', '不了了之',
    ],
    en: [
      'unhappy', 'not (happy|satisfied|ok|fair|acceptable)', 'dissatisf\\w*', 'don\'?t agree', 'do not agree',
      'unfair', 'review', 'appeal\\w*', 'reconsider\\w*', 're-?examin\\w*', 're-?investigat\\w*', 'recheck', 'redo',
      'reopen\\w*', 'lies', 'untrue', 'not true', 'reject\\w*', 'closed .{0,30}but',
      '(reply|answer|result|response|decision) (is|was) (wrong|bad|false|unfair|unacceptable)',
      'bad (answer|reply|result)',
    ],
  },
  HOW_PROCESS: {
    zh: [
      '流程', '程序', '步骤', '手续', '怎么(走|办理|申请|上访|信访|反映)', '如何(上访|信访|反映|申请)', '多久', '多少天', '几天', '期限', '时限', '哪个部门',
      '哪个单位', '归哪', '找哪', '去哪', '在哪', '越级', '逐级', '上班', '几点', '收费', '收不收', '花钱', '费用', '要带', '准备什么', '一般', '怎么处理',
      '谁来管', '不予受理', '受理', '有啥不一样', '区别', '接访日', '外地',
    ],
    en: [
      'how (does|do|long|many days|much|to file|is)', 'process', 'procedure', 'proceedure', 'steps?',
      'where (do|can|should) i', 'which (department|office|level|unit)', 'time limits?', 'deadline', 'days',
      'levels?', 'office hours', 'open', 'fee', 'cost', 'free', 'after (filing|submitting)', 'next',
      'what happens (after|if|when)', 'difference between', 'what documents', 'skip', 'provinc\\w*', 'city',
    ],
  },
  ALLOWED: {
    zh: [
      '犯法', '违法', '违规', '违反', '合规', '规矩', '允许', '禁止', '不能做', '注意(什么|些|啥)', '被抓', '拘', '抓起来', '判刑', '挨处理', '横幅', '条幅',
      '标语', '堵', '拦车', '静坐', '下跪', '跪', '闹', '聚集', '多少人', '几个人', '代表', '北京', '天安门', '省里', '喊', '骂', '打人', '刀', '自杀',
      '跳楼', '曝光', '抖音', '网上发', '录像', '拍', '过夜', '请人', '文明', '非访', '一直', '不走', '带着',
    ],
    en: [
      'allow\\w*', 'forbidden', 'illegal', 'banners?', 'posters?', 'slogans?', 'protest\\w*', 'block\\w*',
      'gather\\w*', 'sit[- ]?in', 'kneel', 'shout\\w*', 'insult\\w*', 'arrest\\w*', 'detain\\w*', 'police', 'catch',
      'beijing', 'how many (people|of us|representatives)', 'together', 'film', 'record', 'post', 'social media',
      'tiktok', 'knife', 'rules', 'conduct', 'behaviou?r', 'careful', 'watch out', 'punished', 'overnight',
      'refuse to leave', 'pay someone', 'bring (my|a|the)', 'disruptive',
    ],
  },
  RIGHTS: {
    zh: [
      '权利', '权益', '有权', '义务', '责任', '保密', '隐私', '个人信息', '泄露', '透露', '告诉', '看到', '知道是我', '报复', '打击', '穿小鞋', '使绊子',
      '找麻烦', '针对', '开除', '丢工作', '黑名单', '影响', '保护', '诬告', '坐牢', '不实', '实名', '书面', '知情', '回避', '律师', '安全', '风险', '害怕',
      '担心', '怕', '合法吗', '拿去干',
    ],
    en: [
      'rights', 'my right', 'the right', 'obligations?', 'responsib\\w*', 'privacy', 'private', 'personal',
      'confidential\\w*', 'leak\\w*', 'public', 'retaliat\\w*', 'revenge', 'punish (me|us)', 'protect\\w*',
      'blacklist\\w*', 'fired', 'lose my job', 'afraid', 'scared?', 'safe', 'real name', 'anonymous\\w*',
      'written reply', 'lawyer', 'false accusation', 'jail', 'data', 'know (it was|my name)', 'find out',
      'who can see', 'tell the truth', 'is that legal', 'affect my', 'id number',
    ],
  },
  FILE: {
    zh: [
      '我(要|想|得)(上访|信访|反映|反应|投诉|举报|告|检举|登记|伸冤|提交|上方|投拆)', '(要|想)(实名)?举报', '想(提交|找政府|让政府)', '登(个)?记',
      '有(个)?(事|问题|情况|冤情)要', '做主', '冤', '告状', '^(投诉|举报|上访|信访)$', '帮我反映', '新提',
    ],
    en: [
      'i (want|wanna|need|would like)( to)? (complain|complian|report|file|petition|raise|submit)', 'file a',
      'submit a', 'take my complaint', '^report$', 'register my', '^complain$', 'complaint about',
      'i have (a )?problem', 'make (a )?complaint', 'raise an issue', 'fanying',
    ],
  },
  GRIEVANCE: {
    zh: [
      '拖欠', '欠(我|钱|薪|款|了)', '工资', '工钱', '强拆', '拆迁', '拆了', '征地', '占地', '占了', '补偿', '赔偿', '污染', '噪音', '吵', '臭', '排放',
      '偷排', '粉尘', '油烟', '垃圾', '腐败', '贪', '受贿', '贿', '克扣', '侵占', '挪用', '村支书', '村干部', '村长', '村委', '低保', '补助', '补贴',
      '医保', '社保', '养老金', '学校', '欺负', '打了', '骗', '违建', '物业', '开发商', '房产证', '不动产', '漏水', '不给', '没人管', '混混', '保护费',
      '过期', '假', '车祸', '医院', '麻将', '公车', '骂人', '霸占', '塌', '裂',
    ],
    en: [
      'owe\\w*', 'unpaid', 'wages?', 'salary', 'not paid', 'no pay', 'compensation', 'demolish\\w*', 'demolition',
      'break my house', 'land', 'took', 'pollut\\w*', 'noise', 'noisy', 'smell\\w*', 'smoke', 'dust', 'corrupt\\w*',
      'bribe\\w*', 'secretary', 'village head', 'subsidy', 'allowance', 'pension', 'school', 'beaten', 'scam\\w*',
      'fraud', 'landlord', 'boss', 'hospital', 'no heating', 'mining', 'illegal \\w+ing', 'not approved',
      'landslides?', 'grievance', 'injustice',
    ],
  },
  OFFTOPIC: {
    zh: [
      '天气', '下雨', '股票', '基金', '彩票', '足球', '篮球', '世界杯', '电视剧', '电影', '明星', '翻译', '几点了', '星期几', '笑话', '讲个', '唱', '相声',
      '打麻将', '游戏', '红包', '我爱你', '喜欢你', '好吃', '餐厅', '饭店', '旅游', '好玩', '去哪玩', '菜谱', '减肥', '截屏', '火车票', '机票', '在干嘛',
      '无聊', '你几岁', '多大了', '等于', '乘以', '作文', '请假条', '四级',
    ],
    en: [
      'weather', 'stocks?', 'lottery', 'football', 'soccer', 'basketball', 'movie', 'tv', 'songs?', 'music',
      'jokes?', 'translate', 'capital of', 'what (time|day) is it', 'recipe', 'cook\\w*', 'lose weight',
      'screenshot', 'reset my phone', 'tickets?', 'tourist', 'restaurants?', 'bored', 'love you', 'how old are you',
      'play', 'games?', 'times', 'plus',
    ],
  },
};

const compiled: Array<[string, RegExp]> = Object.entries(CONCEPTS).map(([name, { zh = [], en = [] }]) => {
  const zhPart = zh.join('|');
  const enPart = en.map((p) => `(?<![a-z0-9])(?:${p})(?![a-z0-9])`).join('|');
  return [`@${name}`, new RegExp([zhPart, enPart].filter(Boolean).join('|'), 'u')];
});

/** Changes with any pattern, so an edited lexicon retrains the cached model (corpus.ts). */
export const LEXICON_FINGERPRINT = JSON.stringify(CONCEPTS);

/** Concept tokens present in a normalised text. */
export function conceptFeatures(normalized: string): string[] {
  return compiled.filter(([, re]) => re.test(normalized)).map(([name]) => name);
}
