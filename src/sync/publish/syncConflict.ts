// The error for "another sync got in the way": this sync published nothing, and running it again is safe.

export class SyncConflictError extends Error {
	constructor(message: string) {
		super(`${message} Nothing of this sync was published; run it again.`);
		this.name = "SyncConflictError";
	}
}
