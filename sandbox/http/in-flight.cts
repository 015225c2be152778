/** Fire-and-forget work (webhook deliveries) that a test or close() can wait for. */
export class InFlight {
	private pending = new Set<Promise<unknown>>();

	track(work: Promise<unknown>) {
		const p = work.catch(() => undefined);
		this.pending.add(p);
		void p.finally(() => this.pending.delete(p));
	}

	/** Resolves once nothing is pending, including work started while waiting. */
	async settle() {
		while (this.pending.size) await Promise.all(this.pending);
	}
}
