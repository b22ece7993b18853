/**
 * What channels and jobs may use of the dialog (the import rule: they see src/app, never
 * src/dialog): the neutral message model (Reply, Button), the texts they print
 * themselves (say, the menu, Telegram's command list, the callback question, the
 * deadline wording, the guide on a desk receipt) and a fresh conversation's state.
 */
export { menuButtons, say } from '../../dialog/replies.ts';
export { allMessages, t } from '../../dialog/catalog/catalog.ts';
export { initialState, type Button, type Expecting, type Locale, type Reply } from '../../dialog/types.ts';
export { deadlineContext } from '../../dialog/forms/case-lookup/citizen-case-view.ts';
export { guideText } from '../../dialog/guide.ts';
