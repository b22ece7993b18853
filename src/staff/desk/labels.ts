/** The registration desk's texts (console and printed receipt), Chinese with English beside it. */
import type { DeskOrigin } from '../../domain/case/registration.ts';
import type { PriorPetition } from '../../app/desk/registration-input.ts';

export const DESK = {
  title: '来信来访来电登记 Register a letter, visit or call',
  nav: '登记 Register',
  origin: '来源 Received by',
  receivedAt: '收到日期 Date received',
  receivedHint: '默认今天；不能晚于今天 Today by default; not in the future',
  name: '信访人姓名 Name',
  phone: '联系电话 Phone',
  idNumber: '身份证号（可不填） ID number (optional)',
  anonymousHint: '检举控告（干部作风）可匿名：姓名和电话都不填 A report against officials may be anonymous: leave name and phone empty',
  township: '乡镇 Township',
  address: '村（社区）及详细地址 Village and address',
  category: '事项类别 Category',
  respondent: '被反映人或单位 Respondent',
  facts: '事实与理由 Facts',
  demands: '诉求 Demands',
  peopleCount: '人数 Number of people',
  priorPetition: '此前是否反映过 Raised before',
  locale: '通知语言 Language of notices',
  understandingsTold: '已向信访人告知「三个明白」（程序、行为规范、权利义务），信访人同意登记 The three understandings were told and the petitioner agreed to the registration',
  understandingsHow: '来访当面告知，来电电话告知，来信随回执书面告知 In person for a visit, on the phone for a call, in writing with the receipt for a letter',
  submit: '登记并打印回执 Register and print the receipt',
  refused: '未能登记 Not registered',
  fromBooking: '预约接访来访登记：登记后预约即标为已到访并关联本案。A visit from a reception-day booking: the booking is linked to the case once registered.',
  bookingPhone: '预约时留的电话（已遮蔽）随登记保存，来访人换了号码才需填写 The phone given with the booking (masked) is registered unless you type another:',
} as const;

export const ORIGIN_LABELS: Record<DeskOrigin, string> = {
  letter: '来信 Letter',
  visit: '来访 Visit',
  call: '来电 Call',
};

export const PRIOR_LABELS: Record<PriorPetition, string> = {
  none: '没有 No',
  earlier_petition: '以前信访过 An earlier petition',
  litigation: '已在诉讼中 In court',
  arbitration: '已申请仲裁 In arbitration',
  reconsideration: '已申请行政复议 In administrative reconsideration',
  lower_level: '已向下级机关反映 Raised with a lower level',
  recheck_closed: '已复核终结 Closed after re-examination',
};

export const RECEIPT = {
  title: '信访事项登记回执 Receipt of registration',
  intro: '您反映的事项已登记，请妥善保管本回执。 Your petition is registered. Please keep this receipt.',
  caseNumber: '案件编号 Case number',
  queryCode: '查询码 Query code',
  queryCodeOnce: '查询码只在此显示一次，工作人员不会保存，请勿告诉他人。 The query code is shown only here, staff do not keep it; do not share it.',
  queryCodeGone: '这张表已提交过；查询码在第一次提交时已显示，不能再显示。 This form was already submitted; the query code was shown then and cannot be shown again.',
  received: '收到日期 Received',
  origin: '来源 Received by',
  category: '事项类别 Category',
  township: '乡镇 Township',
  unit: '承办单位 Handled by',
  acceptDue: '受理告知期限 Decision on acceptance by',
  followTitle: '如何查询办理进度 How to follow your case',
  followZh: '在县信访局网站的在线对话或 Telegram 信访机器人里发送「查询进度」，再按提示输入案件编号和查询码，就能看到办理状态、责任单位、期限和答复；也可以补充材料、评价答复、申请复查。',
  followEn: 'In the web chat on the County Letters and Visits Bureau site, or with the petition bot on Telegram, say "case status", then give the case number and the query code: you see the status, the unit in charge, the deadlines and the reply, and can add material, rate the reply or ask for a review.',
  understandings: '信访须知（三个明白） What every petitioner should know',
  print: '打印 Print',
  another: '再登记一件 Register another',
  open: '查看案件 Open the case',
} as const;
