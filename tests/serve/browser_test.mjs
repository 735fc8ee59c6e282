// Browser test of the `sitrep serve` page in headless Chromium, driven by playwright-core (npm) over
// Debian's chromium: ingests the example articles (and the seed samples of ../shared when present),
// serves them on a free loopback port, checks that markers and the timeline appear, applies a type
// filter, opens an event's evidence, and saves screenshots in the build folder.
//   node tests/serve/browser_test.mjs SITREP_BINARY BUILD_DIR SOURCE_DIR SHARED_DIR
// Exits 77 (CTest: skipped) when chromium or playwright-core is missing.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";

const [sitrep, buildDir, sourceDir, sharedDir] = process.argv.slice(2);
const SKIP = 77;
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

function skip(why) {
  console.log(`SKIPPED: ${why}`);
  process.exit(SKIP);
}
function check(cond, what) {
  if (!cond) throw new Error(`check failed: ${what}`);
  console.log(`ok - ${what}`);
}

if (!existsSync(CHROMIUM)) skip(`no ${CHROMIUM} (apt-get install chromium)`);
const playwrightPath = path.join(sourceDir, ".cache/web/node_modules/playwright-core");
if (!existsSync(playwrightPath)) skip("no playwright-core in .cache/web (run scripts/setup)");
if (!existsSync(path.join(buildDir, "web/index.html"))) skip("no web page in the build (run scripts/setup)");
const { chromium } = createRequire(import.meta.url)(playwrightPath);

// The database: the example articles, plus the seed samples when ../shared is there.
const tmp = mkdtempSync(path.join(tmpdir(), "sitrep-browser-"));
const db = path.join(tmp, "events.db");
const inputs = [path.join(sourceDir, "examples/articles")];
const samples = path.join(sharedDir, "samples");
if (existsSync(samples)) inputs.push(...readdirSync(samples).filter((f) => f.endsWith(".txt")).map((f) => path.join(samples, f)));
const ingest = spawnSync(sitrep, ["ingest", "--quiet", "--db", db, ...inputs], { encoding: "utf8" });
if (ingest.status !== 0) throw new Error(`ingest failed: ${ingest.stderr}`);

// The server, on a free port it reports on stderr.
const server = spawn(sitrep, ["serve", "--db", db, "--port", "0", "--web-root", path.join(buildDir, "web")]);
const url = await new Promise((resolve, reject) => {
  let err = "";
  server.stderr.on("data", (d) => {
    err += d;
    const m = err.match(/on (http:\/\/127\.0\.0\.1:\d+\/)/);
    if (m) resolve(m[1]);
  });
  server.on("exit", (code) => reject(new Error(`sitrep serve exited with ${code}: ${err}`)));
  setTimeout(() => reject(new Error(`sitrep serve did not start: ${err}`)), 20000);
});

let browser;
try {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const failures = [];
  page.on("pageerror", (e) => failures.push(e.message));
  page.on("requestfailed", (r) => failures.push(`${r.url()}: ${r.failure().errorText}`));
  await page.goto(url);

  await page.waitForSelector("path.place", { timeout: 20000 });
  check((await page.locator("path.place").count()) > 0, "places with events are on the map");
  await page.waitForSelector("#timeline canvas", { timeout: 20000 });
  check(true, "the timeline is drawn");
  await page.waitForFunction(() => /\d+ events/.test(document.getElementById("status").textContent));
  const rowsBefore = await page.locator("#events tbody tr").count();
  check(rowsBefore > 0, `the table lists events (${rowsBefore})`);
  await page.waitForSelector("path.country", { timeout: 20000 });
  check((await page.locator("path.country").count()) > 100, "the country basemap is drawn");

  // Filter by the first type in the list: every row has that type.
  const type = await page.locator("#type option").nth(1).getAttribute("value") ||
    await page.locator("#type option").nth(1).textContent();
  await page.selectOption("#type", type);
  await page.click("#apply");
  await page.waitForFunction((t) => {
    const cells = [...document.querySelectorAll("#events tbody tr td:nth-child(2)")];
    return cells.length > 0 && cells.every((c) => c.textContent.trim() === t);
  }, type, { timeout: 20000 });
  check(true, `filtering by type ${type} leaves only ${type} rows`);
  await page.waitForFunction((t) => {
    const legend = [...document.querySelectorAll("#legend div")].map((d) => d.textContent.trim());
    return legend.length === 1 && legend[0] === t;
  }, type, { timeout: 20000 });
  check(true, `the map shows only ${type} places`);

  // A text search shows the matching events themselves, clustered.
  const word = (await page.locator("#events tbody tr td.evidence").first().textContent()).trim().split(/\s+/)[1];
  await page.fill("#q", word);
  await page.click("#apply");
  await page.waitForSelector(".leaflet-marker-icon", { timeout: 20000 });
  check((await page.locator(".leaflet-marker-icon").count()) > 0, `a text search ("${word}") shows event markers`);
  await page.fill("#q", "");
  await page.click("#apply");
  await page.waitForSelector("path.place", { state: "attached", timeout: 20000 });
  await page.waitForTimeout(500);  // the map's zoom animation
  await page.screenshot({ path: path.join(buildDir, "serve-page.png") });

  // Open an event: its fields, its source and the evidence sentence with the trigger highlighted.
  await page.locator("#events tbody tr").first().click();
  await page.waitForSelector("#panel mark.trigger", { timeout: 20000 });
  const trigger = (await page.locator("#panel mark.trigger").textContent()).trim();
  const sentence = (await page.locator("#panel mark.evidence").textContent()).trim();
  check(trigger.length > 0 && sentence.includes(trigger), `the evidence "${sentence.slice(0, 60)}..." highlights "${trigger}"`);
  check((await page.locator("#panel .sources li").count()) > 0, "the panel lists the event's sources");
  await page.screenshot({ path: path.join(buildDir, "serve-evidence.png") });
  check(failures.length === 0, `no page errors or failed requests ${failures.join("; ")}`);
  console.log(`screenshots: ${path.join(buildDir, "serve-page.png")}, ${path.join(buildDir, "serve-evidence.png")}`);
} finally {
  if (browser) await browser.close();
  server.kill("SIGTERM");
  rmSync(tmp, { recursive: true, force: true });
}
