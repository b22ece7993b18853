/**
 * The written notices' default wording, used where the county config gives none
 * (`noticeTemplates`). Placeholders: {petitioner} {caseNumber} {receivedOn} {unit}
 * {replyDue} {reason} {channel} {days} {newDue} {answer} {reviewBody} {reviewDue}
 * {recheckBody} {recheckDue}.
 */
import type { NoticeKind, NoticeTemplate } from './written-notice.ts';

export const DEFAULT_NOTICE_TEMPLATES: Record<NoticeKind, { zh: NoticeTemplate; en: NoticeTemplate }> = {
  accept: {
    zh: {
      title: '信访事项受理告知书',
      body: '{petitioner}：\n\n你于{receivedOn}提出的信访事项（编号{caseNumber}）已收悉。根据《信访工作条例》规定，经审查，本机关决定予以受理，由{unit}办理，并将于{replyDue}前作出书面答复。\n\n特此告知。',
    },
    en: {
      title: 'Notice of Acceptance of a Petition',
      body: 'Dear {petitioner},\n\nYour petition of {receivedOn} (case {caseNumber}) has been received. Under the Regulations on Letters and Visits it has been accepted and will be handled by {unit}, which will reply in writing by {replyDue}.',
    },
  },
  not_accept: {
    zh: {
      title: '信访事项不予受理告知书',
      body: '{petitioner}：\n\n你于{receivedOn}提出的信访事项（编号{caseNumber}）已收悉。经审查，本机关决定不予受理，理由是：{reason}\n\n你可以通过以下法定途径解决：{channel}\n\n特此告知。',
    },
    en: {
      title: 'Notice of Non-Acceptance of a Petition',
      body: 'Dear {petitioner},\n\nYour petition of {receivedOn} (case {caseNumber}) has been received. It has not been accepted, for this reason: {reason}\n\nThe lawful channel for this matter: {channel}',
    },
  },
  extend: {
    zh: {
      title: '信访事项延期办理告知书',
      body: '{petitioner}：\n\n你提出的信访事项（编号{caseNumber}），因{reason}，根据《信访工作条例》规定，办理期限延长{days}日，将于{newDue}前作出书面答复。\n\n特此告知。',
    },
    en: {
      title: 'Notice of Extension',
      body: 'Dear {petitioner},\n\nThe handling of your petition (case {caseNumber}) is extended by {days} days, for this reason: {reason}. You will receive a written reply by {newDue}.',
    },
  },
  reply: {
    zh: {
      title: '信访事项处理意见书',
      body: '{petitioner}：\n\n你提出的信访事项（编号{caseNumber}），经{unit}调查核实，现答复如下：\n\n{answer}\n\n如不服本处理意见，可以自收到本意见书之日起30日内，于{reviewDue}前向{reviewBody}请求复查。',
    },
    en: {
      title: 'Written Reply to a Petition',
      body: 'Dear {petitioner},\n\nYour petition (case {caseNumber}) has been looked into by {unit}. The reply:\n\n{answer}\n\nIf you disagree, you may ask {reviewBody} for a review by {reviewDue}.',
    },
  },
  review: {
    zh: {
      title: '信访事项复查意见书',
      body: '{petitioner}：\n\n你对信访事项（编号{caseNumber}）处理意见提出的复查请求，经{reviewBody}复查，意见如下：\n\n{answer}\n\n如不服本复查意见，可以于{recheckDue}前向{recheckBody}请求复核。',
    },
    en: {
      title: 'Review Decision on a Petition',
      body: 'Dear {petitioner},\n\nYour request for a review of the reply on case {caseNumber} has been reviewed by {reviewBody}. The decision:\n\n{answer}\n\nIf you disagree, you may ask {recheckBody} for a re-examination by {recheckDue}.',
    },
  },
};
