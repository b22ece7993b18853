import { defineMessages } from './define.ts';

/** Messages of the form engine, shared by every form. */
export const form = defineMessages(
  {
    formNoted: '好的，我已记下：{fields}。',
    formHold: '您先问，问清楚了我们再接着来，您说的内容都保存着。',
    formNotUnderstood: '抱歉，这句我没能对上刚才的问题。',
    confirmAgain: '信息都在上面了。没问题请回复"提交"；要改哪一项，直接告诉我，比如"地点改成王庄村"。',
    confirmHelp: '我请工作人员来帮您核对，您填的内容都保存着。也可以直接点"确认提交"，或者告诉我要改什么。',
    cancelCheckAsk: '您是要停止这次登记吗？停止后，刚才说的内容不会提交。',
    cancelCheckStop: '不登记了',
    cancelCheckGoOn: '继续登记',
    cancelCheckResumed: '好的，我们接着登记，您说的都还在。',
    askWhichEdit: '请问要修改哪一项？也可以直接告诉我改成什么。',
    confirmEdit: '修改',
    corrected: '已更正：{fields}。',
    parkedFound: '刚才那件事的内容还在，要接着登记吗？',
    parkedResume: '接着登记刚才的事',
    parkedNew: '重新开始',
  },
  {
    formNoted: 'Thank you, I have noted: {fields}.',
    formHold: 'Ask away; once that is clear we will go on. Everything you told me is kept.',
    formNotUnderstood: 'Sorry, I could not match that to my question.',
    confirmAgain: 'Everything is listed above. If it is right, reply "submit"; to change something, just tell me, e.g. "the place is Wangzhuang village".',
    confirmHelp: 'I have asked a member of staff to help you check it; everything you told me is kept. You can also press "Submit", or tell me what to change.',
    cancelCheckAsk: 'Do you want to stop this petition? If you stop, what you told me will not be filed.',
    cancelCheckStop: 'Stop, do not file',
    cancelCheckGoOn: 'Go on with it',
    cancelCheckResumed: 'All right, let us go on; everything you told me is still here.',
    askWhichEdit: 'Which item would you like to change? You can also just tell me the new value.',
    confirmEdit: 'Edit',
    corrected: 'Corrected: {fields}.',
    parkedFound: 'What you told me a moment ago is still here. Shall we go on with it?',
    parkedResume: 'Go on with that petition',
    parkedNew: 'Start a new one',
  },
);
