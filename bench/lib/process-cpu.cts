/**
 * CPU time (user + system) of whole process groups, from /proc (Linux): an n8n process with the
 * task runner it spawned, or PostgreSQL's postmaster with every backend it forked and reaped.
 * Sample before and after a run; the difference is what the run cost each group.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const TICKS_PER_SECOND =
	Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100;

/** Milliseconds of CPU used by every live process whose process group is `pgid`. */
export function groupCpuMs(pgid: number): number {
	let ticks = 0;
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		let stat: string;
		try {
			stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
		} catch {
			continue; // exited meanwhile
		}
		// Fields after "(comm)": state ppid pgrp … utime(14) stime(15) cutime(16) cstime(17).
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		if (Number(fields[2]) !== pgid) continue;
		ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
	}
	return (ticks * 1000) / TICKS_PER_SECOND;
}

export interface CpuProbe {
	label: string;
	/** Cumulative CPU ms now. */
	read(): number;
}

export const groupProbe = (label: string, pgid: number | undefined): CpuProbe => ({
	label,
	read: () => (pgid ? groupCpuMs(pgid) : NaN),
});

export const selfProbe = (label: string): CpuProbe => ({
	label,
	read: () => {
		const usage = process.cpuUsage();
		return (usage.user + usage.system) / 1000;
	},
});

/** Starts measuring; the returned function gives each probe's CPU ms since then. */
export function measureCpu(probes: CpuProbe[]): () => Array<{ label: string; ms: number }> {
	const before = probes.map((p) => p.read());
	return () => probes.map((p, i) => ({ label: p.label, ms: p.read() - before[i] }));
}
