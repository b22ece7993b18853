/**
 * Relays staff alerts — only a chat that starts waiting and new citizen material, never
 * about a report against officials (unrelayed() selects them) — to the Telegram staff
 * chat of TELEGRAM_STAFF_CHAT_ID. The alerts table is the record:
 * each round reads the alerts not yet relayed, claims each one with a
 * `tgstaff:<alertId>` key in processed_inbound (INSERT … ON CONFLICT DO NOTHING), and
 * sends only what its own insert claimed, so two processes never send one alert twice.
 * A send that fails gives the claim back and is tried again next round. Alerts older
 * than RELAY_HORIZON_MS are not relayed (turning the feature on does not replay history).
 */
import type { Logger } from '../../log.ts';
import type { AlertRecord, AlertRepository } from '../../ports/alert-ports.ts';

export const RELAY_INTERVAL_MS = 2000;
export const RELAY_HORIZON_MS = 24 * 3600_000;
const BATCH = 20;

export interface StaffAlertRelayDeps {
  chatId: string;
  alerts: Pick<AlertRepository, 'unrelayed' | 'claimRelay' | 'releaseRelay'>;
  send: (chatId: string, text: string) => Promise<boolean>;
  now: () => Date;
  utcOffsetMinutes: number;
  log: Pick<Logger, 'warn' | 'info'>;
}

export function staffAlertText(a: AlertRecord, utcOffsetMinutes: number): string {
  const local = new Date(a.at.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 16).replace('T', ' ');
  const when = a.kind === 'handoff' ? `等待自 waiting since: ${local}` : `时间 at: ${local}`;
  const where = a.kind === 'handoff' ? '请在工作台「待接入对话」处理 / see the console inbox' : '请在工作台「提醒」查看 / see the console alerts';
  return `${a.message}\n${when}\n${where}`;
}

export class StaffAlertRelay {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly deps: StaffAlertRelayDeps) {}

  start(intervalMs = RELAY_INTERVAL_MS): void {
    this.timer = setInterval(() => this.kick(), intervalMs);
    this.timer.unref();
    this.kick();
  }

  kick(): void {
    if (this.stopped || this.running) return;
    this.running = this.round()
      .catch((err: unknown) => this.deps.log.warn({ err }, 'telegram staff alerts failed'))
      .finally(() => (this.running = null));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  /** One round: relays what is new; returns when every claimed alert was sent or given back. */
  async round(): Promise<void> {
    const since = new Date(this.deps.now().getTime() - RELAY_HORIZON_MS);
    for (const alert of await this.deps.alerts.unrelayed(since, BATCH)) {
      if (this.stopped) return;
      if (!(await this.deps.alerts.claimRelay(alert.id))) continue;
      const sent = await this.deps.send(this.deps.chatId, staffAlertText(alert, this.deps.utcOffsetMinutes)).catch(() => false);
      if (!sent) {
        await this.deps.alerts.releaseRelay(alert.id);
        this.deps.log.warn({ alertId: alert.id }, 'telegram staff alert not sent; will retry');
        return;
      }
    }
  }
}
