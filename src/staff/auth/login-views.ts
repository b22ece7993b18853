/**
 * Sign-in pages: the form, the enrolment step a role with required TOTP goes through
 * at its first sign-in, and the one-time display of recovery codes. No script.
 */
import { csrfField, html, layout, type SafeHtml } from '../html.ts';
import { groupSecret } from './totp.ts';

export interface LoginFormView {
  csrf: string;
  username?: string | undefined;
  error?: string | undefined;
  /** Ask for the code prominently (the account has TOTP). */
  askCode?: boolean | undefined;
}

export function loginPage(v: LoginFormView): string {
  const body = html`<h1>信访工作台 · 登录 Staff sign-in</h1>
${v.error ? html`<p class="error" role="alert">${v.error}</p>` : ''}
<form method="post" action="/staff/login" autocomplete="on">${csrfField(v.csrf)}
  <label for="username">用户名 Username</label>
  <input id="username" name="username" value="${v.username ?? ''}" required maxlength="64" autocomplete="username" ${v.askCode ? '' : html`autofocus`}>
  <label for="password">密码 Password</label>
  <input id="password" name="password" type="password" required maxlength="256" autocomplete="current-password">
  <label for="totp">验证码 One-time code <span class="muted">(${v.askCode ? '必填 required' : '已启用两步验证时填写 if you use an authenticator app'}; 或恢复码 or a recovery code)</span></label>
  <input id="totp" name="totp" maxlength="32" autocomplete="one-time-code" autocapitalize="off" spellcheck="false" ${v.askCode ? html`required` : ''}>
  <p><button type="submit">登录 Sign in</button></p>
</form>`;
  return layout({ title: '登录 Sign in' }, body);
}

export interface EnrolView {
  csrf: string;
  username: string;
  secret: string;
  otpauthUri: string;
  error?: string | undefined;
}

/** The secret as the URI (for a link or paste) and as grouped base32 (to type in). */
export function secretBlock(secret: string, otpauthUri: string): SafeHtml {
  return html`<ol>
  <li>在身份验证器应用（如 Google Authenticator、Microsoft Authenticator、FreeOTP）中添加账户。
      Add an account in your authenticator app.</li>
  <li>手动输入密钥 Enter this key by hand (time-based, 6 digits, 30 s):
      <p><code class="secret">${groupSecret(secret)}</code></p>
      或粘贴/打开此链接 or paste / open this key URI:
      <p><input class="otpauth" readonly size="60" value="${otpauthUri}" aria-label="otpauth URI"> <a href="${otpauthUri}">打开 Open</a></p></li>
  <li>输入应用显示的 6 位验证码以确认 Confirm with the 6-digit code the app shows.</li>
</ol>`;
}

export function enrolAtLoginPage(v: EnrolView): string {
  const body = html`<h1>设置两步验证 Set up two-step verification</h1>
<p>您的岗位要求使用动态验证码登录。Your role requires a one-time code at sign-in; set it up now.</p>
${v.error ? html`<p class="error" role="alert">${v.error}</p>` : ''}
${secretBlock(v.secret, v.otpauthUri)}
<form method="post" action="/staff/login">${csrfField(v.csrf)}
  <input type="hidden" name="username" value="${v.username}">
  <label for="password">再次输入密码 Your password again</label>
  <input id="password" name="password" type="password" required maxlength="256" autocomplete="current-password">
  <label for="totp">验证码 Code from the app</label>
  <input id="totp" name="totp" inputmode="numeric" pattern="[0-9 ]{6,7}" maxlength="7" required autocomplete="one-time-code">
  <p><button type="submit">确认并登录 Confirm and sign in</button></p>
</form>`;
  return layout({ title: '设置两步验证 Two-step setup' }, body);
}

export function recoveryCodesBlock(codes: string[]): SafeHtml {
  return html`<h2>恢复码 Recovery codes</h2>
<p><strong>只显示这一次。</strong>请抄写或打印并妥善保管；手机丢失时，每个恢复码可代替验证码使用一次。
<strong>Shown this once.</strong> Write them down or print them and keep them safe: each works once in place of a code.</p>
<ul class="recovery-codes">${codes.map((c) => html`<li><code>${c}</code></li>`)}</ul>`;
}

export function recoveryCodesPage(o: { staff: { username: string; role: string }; csrfToken: string; codes: string[] }): string {
  const body = html`<h1>两步验证已启用 Two-step verification is on</h1>
${recoveryCodesBlock(o.codes)}
<p><a href="/staff">我已保存，继续 I have saved them — continue</a></p>`;
  return layout({ title: '恢复码 Recovery codes', staff: o.staff, csrfToken: o.csrfToken }, body);
}
