// The built-in favicon: a feed symbol on the pages' accent red, 32×32 PNG in an ICO (drawn by
// scripts/drawFavicon.ts). Always served at FAVICON_PATH (/favicon.ico), which browsers and readers ask for unprompted; pages link
// it unless site.yaml names an icon of its own.

export const DEFAULT_FAVICON_TYPE = "image/x-icon";

export const DEFAULT_FAVICON: Uint8Array = Uint8Array.from(
	atob(
		"AAABAAEAICAAAAEAIADWAQAAFgAAAIlQTkcNChoKAAAADUlIRFIAAAAgAAAAIAgGAAAAc3p69AAAAZ1JREFUeNrNV7FKBDEUzFekSLWNYG9xvWAv+AEufofcD4hcLZbbeJWNKFjZnI3FIQpWNltZeQo2VpGRPXgOm2STzd764MFx+8ibvJkJiaq0USKLSptZpc2y0sZmzmWzdiF7yuZlpc1qgMacq6bXHwDlBhpzlmsAxYZ23jaJQjW82JFypnyCW8f707Otr2/s48mpvdrdyypM5StwxVdd25ezc3u5M+kNIgmAjNeLuZ1vbQ8DACNHvi3uf3ftiu+PT3t3eJQfACdG/nA8dYLBNAYFIPN2/6AVCKYVQ4nqKyJQ1AYimwjBLxb0WRD8oy6FjmgXAAzGz7UAxyC6CDPZhjgHmGs0ZHeE9BC0IUaJk7At8D83YE2EqFAxFsRiXUCwO3wnpkqxH3MNOrjG9723DdsEx8KUU8DvJAAYLdBD+Sw63iV7HyemDJeFla8575JVzZqQTcC7DIgzCgB27LJf1yaSBtwnogBgpK6DSNZJi/I3uQbqsk+AaQBFvjMhuwZCTXoBCLkgV6qBXkFRl9LRr+WjP0xGf5r9i8fpaM/zH2b8xHFWHlZBAAAAAElFTkSuQmCC",
	),
	(char) => char.charCodeAt(0),
);
