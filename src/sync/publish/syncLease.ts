// The sync lease: one KV value naming the sync allowed to publish, so two syncs never interleave their writes.
import { hostname } from "node:os";
import { LEASE_KEY } from "../../store/kvLayout.ts";
import { onSignal } from "../shared/signalCleanups.ts";
import type { KvTarget } from "./kvTarget.ts";
import { SyncConflictError } from "./syncConflict.ts";

/** What the lease key holds. */
export interface LeaseValue {
	/** Random id of the holding sync. */
	owner: string;
	/** Epoch ms after which another sync may take the lease (a crashed holder stops renewing). */
	expires: number;
	/** For people: which machine and process holds it, and since when (epoch ms). */
	holder: string;
	since: number;
}

export interface LeaseOptions {
	/** How long a lease lasts without renewal; the holder renews it every third of that. */
	ttlMs?: number;
	/** How long to wait for another sync's lease before giving up. */
	waitMs?: number;
	/** How often to look again while waiting. */
	pollMs?: number;
	/** Shortest pause between writing the lease and reading it back (see takeOnce). */
	settleMs?: number;
	/** Epoch ms; the real clock by default (a lease is about real time, whatever time the content is synced as). */
	clock?: () => number;
	/** Called once when another sync holds the lease and this one starts waiting. */
	onWait?: (held: LeaseValue, waitMs: number) => void;
}

export const LEASE_DEFAULTS = { ttlMs: 60_000, waitMs: 120_000, pollMs: 1_000, settleMs: 200 } as const;

export interface SyncLease {
	/** Throws SyncConflictError unless KV still names this sync as the holder. */
	confirm(): Promise<void>;
	/** Stops renewing and removes the lease if it is still this sync's. Never throws: an unreleased lease expires. */
	release(): Promise<void>;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function parseLease(text: string | null): LeaseValue | null {
	if (text === null) return null;
	try {
		const value = JSON.parse(text) as Partial<LeaseValue>;
		if (typeof value.owner !== "string" || typeof value.expires !== "number") return null;
		return {
			owner: value.owner,
			expires: value.expires,
			holder: String(value.holder ?? "?"),
			since: Number(value.since ?? 0),
		};
	} catch {
		return null;
	}
}

/** Describes a lease for a message: "host pid 123 (since 2026-11-28T00:00:00.000Z)". */
export function describeLease(lease: LeaseValue): string {
	return `${lease.holder} (since ${new Date(lease.since).toISOString()})`;
}

/**
 * Takes the lease, waiting up to `waitMs` while another live sync holds it; throws SyncConflictError after that.
 * KV has no compare-and-swap and keeps the last write, so a sync writes the lease and then reads it back: only
 * the sync whose write survived holds it. The lease narrows the race, it cannot close it on an eventually
 * consistent store; applySync's head checks are what keep a version whole when two syncs still overlap.
 */
export async function acquireLease(kv: KvTarget, options: LeaseOptions = {}): Promise<SyncLease> {
	const { ttlMs, waitMs, pollMs, settleMs } = { ...LEASE_DEFAULTS, ...options };
	const clock = options.clock ?? Date.now;
	const owner = crypto.randomUUID();
	const since = clock();
	const holder = `${hostname()} pid ${process.pid}`;
	const mine = (): string => JSON.stringify({ owner, expires: clock() + ttlMs, holder, since });
	const read = async (): Promise<LeaseValue | null> => parseLease(await kv.get(LEASE_KEY));

	/** null when this sync now holds the lease, else the lease in the way. */
	const takeOnce = async (): Promise<LeaseValue | null> => {
		const started = clock();
		const current = await read();
		if (current && current.owner !== owner && current.expires > clock()) return current;
		await kv.putMany([{ key: LEASE_KEY, value: mine() }]);
		// A sync that read the lease free just before this write lands its own within one read-and-write time:
		// waiting longer than that lets its write arrive before this one looks.
		await sleep(Math.max(settleMs, 2 * (clock() - started)));
		const after = await read();
		if (after?.owner === owner) return null;
		return after ?? { owner: "", expires: 0, holder: "another sync", since: clock() };
	};

	const deadline = clock() + waitMs;
	let waiting = false;
	for (;;) {
		const inTheWay = await takeOnce();
		if (inTheWay === null) break;
		if (clock() >= deadline) {
			throw new SyncConflictError(
				`Another sync is publishing: ${describeLease(inTheWay)} holds the sync lease until ` +
					`${new Date(inTheWay.expires).toISOString()}; waited ${Math.round(waitMs / 1000)} s.`,
			);
		}
		if (!waiting) options.onWait?.(inTheWay, waitMs);
		waiting = true;
		await sleep(Math.min(pollMs, Math.max(0, deadline - clock())));
	}

	let lost: string | null = null;
	let renewing: Promise<void> = Promise.resolve();
	const renew = async (): Promise<void> => {
		const current = await read();
		if (current?.owner !== owner) {
			lost = current ? `${describeLease(current)} took over the sync lease.` : "The sync lease was removed.";
			return;
		}
		await kv.putMany([{ key: LEASE_KEY, value: mine() }]);
	};
	const timer = setInterval(() => {
		renewing = renewing.then(renew).catch((error: unknown) => {
			lost ??= `The sync lease could not be renewed: ${(error as Error).message}.`;
		});
	}, ttlMs / 3);
	timer.unref?.();

	let forget = (): void => undefined;
	const lease: SyncLease = {
		async confirm() {
			await renewing;
			if (lost === null) {
				const current = await read();
				if (current?.owner !== owner) {
					lost = current
						? `${describeLease(current)} took over the sync lease.`
						: "The sync lease was removed.";
				}
			}
			if (lost !== null) throw new SyncConflictError(lost);
		},
		async release() {
			forget();
			clearInterval(timer);
			try {
				await renewing;
				if ((await read())?.owner === owner) await kv.deleteMany([LEASE_KEY]);
			} catch {
				// It expires after ttlMs anyway.
			}
		},
	};
	// Ctrl-C mid-sync: the lease goes with the process instead of holding the next sync up until it expires.
	forget = onSignal(() => lease.release());
	return lease;
}
