/** The admin's staff account list and the form to add one. Every value is escaped. */
import type { StaffAccountView } from '../../app/staff-accounts/list-staff-accounts.ts';
import { MIN_PASSWORD_LENGTH } from '../../app/staff-accounts/staff-account-deps.ts';
import { STAFF_ROLES, type CountyConfig } from '../../domain/county/schema.ts';
import { csrfField, html, layout } from '../html.ts';

export interface UsersView {
  staff: { username: string; role: string };
  csrfToken: string;
  county: CountyConfig;
  accounts: StaffAccountView[];
  error?: string | undefined;
  notice?: string | undefined;
  /** The rejected form's values (never the password). */
  form?: Record<string, string> | undefined;
}

export function usersPage(v: UsersView): string {
  const rows = v.accounts.map(
    (a) => html`<tr><td>${a.username}</td><td>${a.displayName ?? ''}</td><td>${a.role}</td><td>${a.unit ?? ''}</td>
<td>${a.township ?? ''}${a.villages?.length ? html` <span class="muted">(${a.villages.join('、')})</span>` : ''}</td><td>${a.totpEnabled ? '✓' : ''}</td><td>${[a.disabled ? '停用 disabled' : '', a.locked ? '锁定 locked' : ''].filter(Boolean).join(' ')}</td></tr>`,
  );
  const body = html`<h1>工作人员账户 Staff accounts</h1>
<p><a href="/staff/grid">网格员对话绑定码 Grid workers' link codes →</a></p>
${v.notice ? html`<p class="notice" role="status">${v.notice}</p>` : ''}
${v.error ? html`<p class="error" role="alert">${v.error}</p>` : ''}
<table><thead><tr><th>用户名 Username</th><th>姓名 Name</th><th>角色 Role</th><th>单位 Unit</th><th>乡镇 Township</th><th>两步验证 TOTP</th><th>状态 State</th></tr></thead>
<tbody>${rows}</tbody></table>
${addForm(v)}`;
  return layout({ title: '工作人员账户 Staff accounts', staff: v.staff, csrfToken: v.csrfToken }, body);
}

function addForm(v: UsersView) {
  const f = v.form ?? {};
  const roleName = (code: string) => v.county.roles.find((r) => r.code === code)?.name.zh ?? code;
  const units = [...v.county.units.map((u) => ({ code: u.code, name: u.nameZh })), ...v.county.townships.map((t) => ({ code: `town:${t.name}`, name: `${t.name}人民政府` }))];
  const opt = (value: string, label: string, current: string | undefined) =>
    html`<option value="${value}"${current === value ? html` selected` : ''}>${label}</option>`;
  return html`<h2>添加账户 Add an account</h2>
<form method="post" action="/staff/users">${csrfField(v.csrfToken)}
  <label for="u-username">用户名 Username <span class="muted">(a-z 0-9 . _ -)</span></label>
  <input id="u-username" name="username" required maxlength="32" pattern="[a-z0-9][a-z0-9._\\-]{1,31}" value="${f.username ?? ''}">
  <label for="u-display">姓名 Display name</label>
  <input id="u-display" name="displayName" maxlength="64" value="${f.displayName ?? ''}">
  <label for="u-password">初始密码 Initial password <span class="muted">(≥ ${MIN_PASSWORD_LENGTH})</span></label>
  <input id="u-password" name="password" type="password" required minlength="${MIN_PASSWORD_LENGTH}" maxlength="256" autocomplete="new-password">
  <label for="u-role">角色 Role</label>
  <select id="u-role" name="role" required>${STAFF_ROLES.map((r) => opt(r, `${roleName(r)} (${r})`, f.role))}</select>
  <label for="u-unit">单位 Unit <span class="muted">(经办人员必填 required for handler)</span></label>
  <select id="u-unit" name="unit">${opt('', '—', f.unit)}${units.map((u) => opt(u.code, `${u.name} (${u.code})`, f.unit))}</select>
  <label for="u-township">乡镇 Township <span class="muted">(网格员必填 required for grid)</span></label>
  <select id="u-township" name="township">${opt('', '—', f.township)}${v.county.townships.map((t) => opt(t.name, t.name, f.township))}</select>
  <label for="u-villages">网格村（社区） Villages of the grid <span class="muted">(网格员可选，逗号分隔 grid only, optional, comma-separated)</span></label>
  <input id="u-villages" name="villages" maxlength="800" value="${f.villages ?? ''}">
  <p><button type="submit">添加 Add</button></p>
</form>`;
}
