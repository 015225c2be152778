import { sleep } from 'n8n-workflow';

import { AdaptivePace } from './pacing-adaptive';
import type { Answer, PaceController } from './pacing-controller';
import { FixedPace } from './pacing-fixed';

/**
 * One pace per node run (keyed by its execution context), shared by all its items and all their
 * requests: every request waits for a turn here, and reports how it was answered.
 */
interface Gate {
	controller: PaceController;
	inFlight: number;
	/** Requests waiting for a free place, first come first served. */
	queue: Array<() => void>;
	nextSlot: number;
	/** Items in progress, and items waiting to start (see itemTurn). */
	items: number;
	itemQueue: Array<() => void>;
}

const gates = new WeakMap<object, Gate>();

const newGate = (controller: PaceController): Gate => ({
	controller,
	inFlight: 0,
	queue: [],
	nextSlot: 0,
	items: 0,
	itemQueue: [],
});

function gateOf(ctx: object): Gate {
	let gate = gates.get(ctx);
	if (!gate) {
		gate = newGate(new AdaptivePace());
		gates.set(ctx, gate);
	}
	return gate;
}

/** The run's pace is set by hand: starts spaced for `perSecond` (0 = no cap), 429s pause all. */
export function paceFixed(ctx: object, perSecond: number): void {
	gates.set(ctx, newGate(new FixedPace(perSecond)));
}

/** The run finds its pace itself (the default for every context). */
export function paceAdaptively(ctx: object): void {
	gates.set(ctx, newGate(new AdaptivePace()));
}

async function enter(gate: Gate): Promise<void> {
	if (gate.queue.length === 0 && gate.inFlight < gate.controller.concurrency()) {
		gate.inFlight++;
		return;
	}
	// leave() counts the place for the waiter before waking it.
	await new Promise<void>((resolve) => gate.queue.push(resolve));
}

function leave(gate: Gate): void {
	gate.inFlight--;
	wake(gate);
}

/** Lets waiting requests, then waiting items, take the places that are free. */
function wake(gate: Gate): void {
	const limit = gate.controller.concurrency();
	while (gate.queue.length && gate.inFlight < limit) {
		gate.inFlight++;
		gate.queue.shift()?.();
	}
	while (gate.itemQueue.length && gate.items < limit) {
		gate.items++;
		gate.itemQueue.shift()?.();
	}
}

/**
 * Waits until fewer items are in progress than the pace lets requests fly, so that an item
 * starts only when it can send: when a run stops at a failing item, no more than one round of
 * items has gone out. Returns the function that ends the item.
 */
export async function itemTurn(ctx: object): Promise<() => void> {
	const gate = gateOf(ctx);
	if (gate.itemQueue.length === 0 && gate.items < gate.controller.concurrency()) gate.items++;
	else await new Promise<void>((resolve) => gate.itemQueue.push(resolve));
	let ended = false;
	return () => {
		if (ended) return;
		ended = true;
		gate.items--;
		wake(gate);
	};
}

/** Waits until the pace lets the next request start (a pause may begin while waiting). */
async function startTime(gate: Gate): Promise<number> {
	for (;;) {
		const now = Date.now();
		const { notBefore, intervalMs } = gate.controller.schedule(now);
		const start = Math.max(now, notBefore, intervalMs ? gate.nextSlot : 0);
		if (intervalMs) gate.nextSlot = start + intervalMs;
		if (start <= now) return now;
		await sleep(start - now);
		const woke = Date.now();
		if (!gate.controller.pausesWaiting) return woke;
		if (gate.controller.schedule(woke).notBefore <= woke) return woke;
	}
}

export interface Turn {
	/** Reports how the request was answered and frees its place; call it exactly once. */
	done(answer: Omit<Answer, 'method' | 'sentAt' | 'answeredAt' | 'ticket'>): void;
}

/** Waits for this request's turn in the run's pace. */
export async function takeTurn(ctx: object, method: string): Promise<Turn> {
	const gate = gateOf(ctx);
	await enter(gate);
	let sentAt: number | undefined;
	try {
		sentAt = await startTime(gate);
	} finally {
		if (sentAt === undefined) leave(gate);
	}
	const ticket = gate.controller.sent(sentAt);
	let finished = false;
	return {
		done(answer) {
			if (finished) return;
			finished = true;
			const load = { inFlight: gate.inFlight, waiting: gate.queue.length };
			gate.controller.answered({ ...answer, method, sentAt, ticket, answeredAt: Date.now() }, load);
			leave(gate);
		},
	};
}
