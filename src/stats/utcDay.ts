// UTC days as whole numbers (days since 1970-01-01): how stats name a day in memory, in storage and on screen.

const DAY_MS = 86_400_000;

/** The UTC day of an epoch-ms instant. */
export const utcDay = (epochMs: number): number => Math.floor(epochMs / DAY_MS);

/** "2026-11-20" for a UTC day number. */
export const dayDate = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Epoch ms of the start of a UTC day. */
export const dayStart = (day: number): number => day * DAY_MS;
