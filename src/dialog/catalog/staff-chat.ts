import { defineMessages } from './define.ts';

/**
 * Messages a citizen receives when staff take over an escalated chat and when they
 * hand it back to the assistant. Keys start with `sc`.
 */
export const staffChat = defineMessages(
  {
    scJoined: '工作人员已接入，接下来由工作人员直接回复您。请把您想说的告诉我们。',
    scJoinedOffHours: '工作人员已接入。现在不是工作时间，回复可能会慢一些，最迟在下一个工作日回复您。{hours}',
    scHandedBack: '工作人员已结束本次对话，接下来由智能助手继续为您服务。需要人工时，随时说“转人工”。',
  },
  {
    scJoined: 'A member of staff has joined and will answer you directly from now on. Please tell us what you would like to say.',
    scJoinedOffHours: 'A member of staff has joined. It is outside office hours, so answers may take longer; you will have one by the next working day at the latest. {hours}',
    scHandedBack: 'The member of staff has finished this conversation; the assistant is back to help you. Say "human" any time you need a person again.',
  },
);
