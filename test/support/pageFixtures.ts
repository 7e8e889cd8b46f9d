// Inputs shared by the page template tests: the fixture site, runs of dated articles, a Vietnamese slug (and its
// percent-encoded form) and names that try to break out of HTML.
import type { ArticleRecord } from "../../src/domain/model.ts";
import { createPageDates } from "../../src/pages/pageDate.ts";
import { article, hanoiTime } from "./articles.ts";

export { BASE_URL, site } from "./articles.ts";

export const dates = createPageDates();

/** A tag whose slug keeps its Vietnamese letters, and the slug as it must appear in a URL path. */
export const VIETNAMESE_SLUG = "xã-hội";
export const VIETNAMESE_SLUG_IN_PATH = "x%C3%A3-h%E1%BB%99i";

/** Names that would open an element, close an attribute or start an entity if written raw. */
export const HOSTILE_NAMES = [`<script>alert("tên")</script>`, `"><img src=x onerror=alert(1)> & 'nháy'`];

/** Vietnamese words too long for a 375 px line, and one "word" with no break opportunity at all. */
export const LONG_NAMES = [
	"Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn hai nghìn không trăm hai mươi mốt đến hai nghìn không trăm hai mươi lăm",
	"ChuyểnđổisốtoàndiệntrongcáccơquanhànhchínhnhànướctỉnhNghệAnvàcáchuyệnthịxãthànhphốtrựcthuộc",
];

/** `count` articles one hour apart, newest first, the newest at `newest` (epoch ms). */
export function hourlyArticles(
	count: number,
	newest = Date.parse("2024-05-01T08:00:00+07:00"),
): ArticleRecord[] {
	return Array.from({ length: count }, (_, i) =>
		article(`bai-${count - i}`, hanoiTime(newest - i * 3_600_000)),
	);
}
