import { defineMessages } from './define.ts';

/** Messages the periodic jobs push to citizens. Keys start with `job`. */
export const jobs = defineMessages(
  {
    jobCallbackAsk: '您好！您的案件 {caseNumber} 已于{date}出具处理意见。请问您反映的问题解决了吗？',
    jobCallbackYes: '已解决',
    jobCallbackNo: '还没有解决',
  },
  {
    jobCallbackAsk: 'Hello! A written reply on your case {caseNumber} was issued on {date}. Has the matter you raised been resolved?',
    jobCallbackYes: 'Resolved',
    jobCallbackNo: 'Not resolved yet',
  },
);
