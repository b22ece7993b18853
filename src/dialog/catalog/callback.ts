import { defineMessages } from './define.ts';

/**
 * Messages answering the citizen's reply to the 30-day callback question (回访; the
 * question itself is the jobs catalog's `jobCallbackAsk`). Keys start with `callback`.
 */
export const callback = defineMessages(
  {
    callbackThanks: '谢谢您的答复！已记录：案件 {caseNumber} 反映的问题已经解决。今后有需要，随时可以再找我们。',
    callbackNoted: '已记录：案件 {caseNumber} 反映的问题还没有解决。谢谢您告诉我们，这会作为督查督办的依据。',
    callbackReviewOffer: '如果您对处理意见不服，现在还可以申请复查。',
    callbackWindowPassed: '申请复查的期限已于{date}届满，不能再申请复查了。如果您愿意，可以请工作人员和您联系，听听下一步怎么办。',
    callbackPerson: '如果您愿意，可以请工作人员和您联系，听听下一步怎么办。',
    callbackAlready: '您已经答复过案件 {caseNumber} 的回访了，以第一次的答复为准，不会重复记录。谢谢！',
    callbackNotFound: '抱歉，没有找到需要您答复回访的这件案件。如需查询案件，请点“查询进度”。',
  },
  {
    callbackThanks: 'Thank you for answering! Recorded: the matter of case {caseNumber} is resolved. You are welcome to contact us again whenever you need.',
    callbackNoted: 'Recorded: the matter of case {caseNumber} is not resolved yet. Thank you for telling us; it is taken into account in the supervision of this work.',
    callbackReviewOffer: 'If you disagree with the reply, you can still request a review.',
    callbackWindowPassed: 'The period for requesting a review ended on {date}, so a review can no longer be requested. If you like, a member of staff can talk with you about what can be done next.',
    callbackPerson: 'If you like, a member of staff can talk with you about what can be done next.',
    callbackAlready: 'You have already answered the follow-up question on case {caseNumber}; your first answer stands and nothing is recorded twice. Thank you!',
    callbackNotFound: 'Sorry, I could not find this case among those waiting for your answer to a follow-up question. To look up a case, use "Check my case".',
  },
);
