/**
 * Work that follows a reply without holding it up (a filed risk case's emergency
 * plan): started at once, not waited for by the citizen. `settle()` waits for all of
 * it, for a clean shutdown and for tests. Each piece logs its own failures; a piece
 * lost in a crash is caught up by its sweep (plans: plan-step-sweep).
 */
export class AfterReply {
  private readonly running = new Set<Promise<void>>();

  run(work: () => Promise<void>): void {
    const p: Promise<void> = work()
      .catch(() => undefined)
      .finally(() => this.running.delete(p));
    this.running.add(p);
  }

  async settle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}
