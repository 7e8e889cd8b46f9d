// Launches the system's Chromium headless for page tests (never a downloaded browser).
import { type Browser, chromium } from "playwright-core";

export const launchChromium = (): Promise<Browser> =>
	chromium.launch({
		executablePath: "/usr/bin/chromium",
		headless: true,
		args: [
			"--no-sandbox",
			"--disable-gpu",
			"--disable-background-networking",
			"--disable-component-update",
			"--disable-sync",
			"--no-first-run",
		],
	});
