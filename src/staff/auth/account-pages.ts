/**
 * GET /staff/account: the signed-in person's own account and two-step verification.
 * POST /staff/account/totp/confirm {code}: enables TOTP, shows the recovery codes once.
 * POST /staff/account/totp/disable {password, code}: turns it off.
 */
import { Router, type Request, type Response } from 'express';
import { disableTotp } from '../../app/staff-accounts/disable-totp.ts';
import { confirmTotp, startTotpEnrolment } from '../../app/staff-accounts/enrol-totp.ts';
import { AppError } from '../../domain/errors.ts';
import { authOf, requireStaff } from '../api-routes.ts';
import { accountPage, type AccountView } from './account-views.ts';
import type { StaffAuthDeps } from './deps.ts';

type Extra = Pick<AccountView, 'error' | 'notice' | 'recoveryCodes'>;

const field = (req: Request, name: string): string => {
  const v = (req.body as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' ? v.slice(0, 256) : '';
};

export function accountPagesRouter(deps: StaffAuthDeps): Router {
  const r = Router();
  const signedIn = requireStaff(deps, { onMissing: 'redirect' });

  async function render(req: Request, res: Response, extra: Extra = {}, status = 200) {
    const auth = authOf(req);
    const account = await deps.staff.findById(auth.principal.id);
    if (!account) throw new AppError('unauthorized', 'sign in first');
    const enrolment = await startTotpEnrolment(deps, account);
    const page = accountPage({
      staff: account,
      csrfToken: auth.csrfToken ?? '',
      enrolment,
      recoveryCodesLeft: account.recoveryCodeHashes.length,
      ...extra,
    });
    res.status(status).type('html').send(page);
  }

  r.get('/staff/account', signedIn, (req, res) => render(req, res));

  r.post('/staff/account/totp/confirm', signedIn, async (req, res) => {
    const account = await deps.staff.findById(authOf(req).principal.id);
    if (!account) throw new AppError('unauthorized', 'sign in first');
    const outcome = await confirmTotp(deps, account, field(req, 'code'));
    if (outcome.status === 'enabled') {
      return render(req, res, { notice: '两步验证已启用。Two-step verification is on.', recoveryCodes: outcome.recoveryCodes });
    }
    if (outcome.status === 'wrong_code') return render(req, res, { error: '验证码不正确或已使用。Wrong or already used code.' }, 400);
    res.redirect(303, '/staff/account');
  });

  r.post('/staff/account/totp/disable', signedIn, async (req, res) => {
    try {
      const outcome = await disableTotp(deps, authOf(req).principal.id, field(req, 'password'), field(req, 'code'));
      if (outcome === 'wrong_credentials') return render(req, res, { error: '密码或验证码不正确。Wrong password or code.' }, 400);
      render(req, res, outcome === 'disabled' ? { notice: '两步验证已停用。Two-step verification is off.' } : {});
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'rate_limited') throw err;
      render(req, res, { error: '尝试次数过多，请稍后再试。Too many attempts; try again later.' }, 429);
    }
  });
  return r;
}
