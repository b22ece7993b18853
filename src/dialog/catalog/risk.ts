import { defineMessages } from './define.ts';

/** Calm words when a message screens as a risk (early warning). Keys start with `risk`. */
export const risk = defineMessages(
  {
    riskSelfHarmCare: '我们很在意您，请您一定不要伤害自己。您遇到的问题，我们会认真对待、依法处理。',
    riskMedical: '有人呼吸困难、昏迷或情况危急，请先马上拨打120急救电话，照顾好病人。您说的情况都记着，急事处理完再接着登记。',
    riskCalm:
      '我们理解您的着急和不满，您反映的问题我们会认真对待、依法处理。请您保持冷静，不要采取过激的做法，那样可能伤害到您和别人，也可能触犯法律。我马上请工作人员和您联系。',
  },
  {
    riskSelfHarmCare: 'We care about you; please do not harm yourself. We take your problem seriously and will deal with it according to the law.',
    riskMedical: 'If someone cannot breathe, is unconscious or is in danger, call 120 for an ambulance right now and stay with them. What you told me is kept; we can go on once the emergency is dealt with.',
    riskCalm:
      'We understand that you are worried and upset, and we will take your matter seriously and handle it according to the law. Please stay calm and do not take any drastic step: it could hurt you or others and could break the law. I am asking a member of staff to contact you now.',
  },
);
