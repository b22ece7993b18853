import { defineMessages } from './define.ts';

/**
 * Messages pushed to a citizen when staff work on the case (accepted, transferred,
 * a public progress note, an extension, the written reply…). The status names come
 * from the case lookup catalog (`st_*`). Keys start with `cn`.
 */
export const caseNotices = defineMessages(
  {
    cnHeader: '您反映的事项（案件编号 {caseNumber}）有了新进展。',
    cnAccepted: '{unit}已经受理，会在{date}前给您书面答复。',
    cnNotAccepted: '不予受理的原因：{reason}',
    cnNotAcceptedChannel: '这件事可以通过以下途径解决：{channel}',
    cnTransferred: '这件事已转交{unit}办理，转交原因：{reason}\n{unit}会在{date}前告诉您是否受理。',
    cnInProgress: '承办单位已经开始办理。',
    cnNote: '办理进展：{note}',
    cnStaffRemark: '工作人员说明：{note}',
    cnExtended: '办理期限延长 {days} 天，新的答复期限是{date}。延长的原因：{reason}',
    cnReplied: '书面处理意见如下：\n{answer}',
    cnReviewAnswered: '{body}的复查意见如下：\n{answer}',
    cnRecheckOpen: '如果您对复查意见不服，可以在{date}前申请复核。{body}',
    cnReviewDue: '复查意见最迟在{date}前答复您。',
    cnReviewRequested: '已为您登记复查申请。复查机关应当自收到申请之日起 {days} 日内提出复查意见，并书面答复您。',
    cnClosed: '这件事项已经办结。感谢您的信任与配合。',
    cnWrittenNotice: '书面《{title}》已经出具。',
    cnWrittenNoticeLink: '书面《{title}》已经出具，可以在这里查看、打印：{link}',
    cnFooter: '想随时查看进度，可以发送“查询进度”。',
  },
  {
    cnHeader: 'There is news on your matter (case number {caseNumber}).',
    cnAccepted: '{unit} has accepted it and will reply to you in writing by {date}.',
    cnNotAccepted: 'Reason for not accepting it: {reason}',
    cnNotAcceptedChannel: 'This matter can be pursued this way: {channel}',
    cnTransferred: 'It has been passed to {unit}, because: {reason}\n{unit} will tell you by {date} whether it accepts the matter.',
    cnInProgress: 'The responsible unit has started handling it.',
    cnNote: 'Progress: {note}',
    cnStaffRemark: 'Note from staff: {note}',
    cnExtended: 'The time limit has been extended by {days} days; you will receive a reply by {date}. Reason for the extension: {reason}',
    cnReplied: 'The written reply:\n{answer}',
    cnReviewAnswered: 'The review decision of {body}:\n{answer}',
    cnRecheckOpen: 'If you disagree with the review decision, you may request a re-examination until {date}. {body}',
    cnReviewDue: 'You will receive the review decision by {date} at the latest.',
    cnReviewRequested: 'Your request for a review has been registered. The reviewing body must give its decision within {days} days of receiving it and answer you in writing.',
    cnClosed: 'This matter is now closed. Thank you for your trust and cooperation.',
    cnWrittenNotice: 'The written notice ("{title}") has been issued.',
    cnWrittenNoticeLink: 'The written notice ("{title}") has been issued; view or print it here: {link}',
    cnFooter: 'To check on progress at any time, send "check progress".',
  },
);
