import { defineMessages } from './define.ts';

/** Calm words when a message screens as a risk (early warning), and the words for a life at stake otherwise. Keys start with `risk`. */
export const risk = defineMessages(
  {
    riskSelfHarmCare: '我们很在意您，请您一定不要伤害自己。您遇到的问题，我们会认真对待、依法处理。',
    riskMedical: '有人呼吸困难、昏迷或情况危急，请先马上拨打120急救电话，照顾好病人。您说的情况都记着，急事处理完再接着登记。',
    riskHazard: '这可能危及人身安全。请先让所有人马上离开危险的地方，也告诉附近的人远离，到了安全处立即拨打{call}；有人受伤请拨打120急救。您说的情况都记着，险情处理完再接着登记。',
    riskHazardGas: '闻到燃气味时：不要开关电灯和电器，不要点火，不要在屋里打电话；能关燃气阀门就关上，打开门窗，人到室外再打电话。',
    riskCall119: '119消防救援',
    riskCall110: '110报警',
    riskCalm:
      '我们理解您的着急和不满，您反映的问题我们会认真对待、依法处理。请您保持冷静，不要采取过激的做法，那样可能伤害到您和别人，也可能触犯法律。我马上请工作人员和您联系。',
  },
  {
    riskSelfHarmCare: 'We care about you; please do not harm yourself. We take your problem seriously and will deal with it according to the law.',
    riskMedical: 'If someone cannot breathe, is unconscious or is in danger, call 120 for an ambulance right now and stay with them. What you told me is kept; we can go on once the emergency is dealt with.',
    riskHazard: 'People may be in danger. Get everyone away from the danger right now and warn those nearby to keep clear; once you are safe, call {call}. If anyone is hurt, call 120 for an ambulance. What you told me is kept; we can go on once the danger is dealt with.',
    riskHazardGas: 'If you smell gas: do not switch lights or appliances on or off, make no flame and do not phone from inside; turn off the gas valve if you can, open doors and windows, and call from outside.',
    riskCall119: '119 (fire and rescue)',
    riskCall110: '110 (police)',
    riskCalm:
      'We understand that you are worried and upset, and we will take your matter seriously and handle it according to the law. Please stay calm and do not take any drastic step: it could hurt you or others and could break the law. I am asking a member of staff to contact you now.',
  },
);
