/** The staff member's own account page: two-step verification on and off. */
import type { EnrolmentState } from '../../app/staff-accounts/enrol-totp.ts';
import { csrfField, html, layout } from '../html.ts';
import { recoveryCodesBlock, secretBlock } from './login-views.ts';

export interface AccountView {
  staff: { username: string; role: string; unit: string | null; township: string | null; displayName: string | null };
  csrfToken: string;
  enrolment: EnrolmentState;
  recoveryCodesLeft: number;
  error?: string | undefined;
  notice?: string | undefined;
  /** Just enabled: shown this once. */
  recoveryCodes?: string[] | undefined;
}

export function accountPage(v: AccountView): string {
  const s = v.staff;
  const body = html`<h1>我的账户 My account</h1>
<p>${s.displayName ?? s.username} · ${s.username} · ${s.role}${s.unit ? html` · ${s.unit}` : ''}${s.township ? html` · ${s.township}` : ''}</p>
${s.role === 'admin' ? html`<p><a href="/staff/users">工作人员账户 Staff accounts</a></p>` : ''}
${v.notice ? html`<p class="notice" role="status">${v.notice}</p>` : ''}
${v.error ? html`<p class="error" role="alert">${v.error}</p>` : ''}
<h2>两步验证 Two-step verification</h2>
${v.recoveryCodes ? recoveryCodesBlock(v.recoveryCodes) : ''}
${v.enrolment.status === 'enabled' ? enabledSection(v) : enrolSection(v, v.enrolment)}`;
  return layout({ title: '我的账户 My account', staff: s, csrfToken: v.csrfToken }, body);
}

function enabledSection(v: AccountView) {
  return html`<p>已启用。Enabled. 剩余恢复码 Recovery codes left: ${v.recoveryCodesLeft}</p>
<h3>停用 Turn off</h3>
<form method="post" action="/staff/account/totp/disable">${csrfField(v.csrfToken)}
  <label for="d-password">密码 Password</label>
  <input id="d-password" name="password" type="password" required maxlength="256" autocomplete="current-password">
  <label for="d-code">验证码或恢复码 Code or recovery code</label>
  <input id="d-code" name="code" required maxlength="32" autocomplete="one-time-code">
  <p><button type="submit">停用两步验证 Turn off two-step verification</button></p>
</form>`;
}

function enrolSection(v: AccountView, e: Extract<EnrolmentState, { status: 'pending' }>) {
  return html`<p>未启用。Not enabled.</p>
${secretBlock(e.secret, e.otpauthUri)}
<form method="post" action="/staff/account/totp/confirm">${csrfField(v.csrfToken)}
  <label for="c-code">验证码 Code from the app</label>
  <input id="c-code" name="code" inputmode="numeric" pattern="[0-9 ]{6,7}" maxlength="7" required autocomplete="one-time-code">
  <p><button type="submit">启用 Turn on</button></p>
</form>`;
}
