// `centricity room` in headless Chromium: the binary runs a room on loopback, three participants
// join and answer on phone-sized pages (one in French), the facilitator reveals and starts a
// second round with keys on the binary's standard input, and the projected page is opened.
// Every page: a screenshot, no console errors (a CSP violation is one), axe-core with zero
// violations.
//
// usage: node room.mjs BINARY OUT_DIR    Prints "N passed, N failed".

import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const [binary, out] = process.argv.slice(2);
const folder = join(mkdtempSync(join(tmpdir(), "room-browser-")), "session");

let passed = 0;
let failed = 0;
function check(name, ok, detail = "") {
  if (ok) {
    passed += 1;
    console.log(`ok: ${name}`);
  } else {
    failed += 1;
    console.log(`FAILED: ${name}${detail ? `: ${detail}` : ""}`);
  }
}

// The facilitator: the binary, its terminal read line by line, its keys written to stdin.
const room = spawn(binary, ["room", "--bind", "127.0.0.1:0", "--output", folder, "--lang", "en", "--ascii"], {
  stdio: ["pipe", "pipe", "pipe"],
});
let terminal = "";
let stdout = "";
room.stderr.on("data", (d) => (terminal += d));
room.stdout.on("data", (d) => (stdout += d));
const key = (k) => room.stdin.write(`${k}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function waitFor(text, ms = 15000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (terminal.includes(text)) return true;
    await sleep(100);
  }
  throw new Error(`the terminal never showed "${text}":\n${terminal}`);
}

await waitFor("Join on the same network: ");
const joinUrl = terminal.match(/Join on the same network: (\S+)/)[1];
const base = new URL(joinUrl).origin;

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});

const errors = [];
async function phone(name, width, locale) {
  // bypassCSP lets the test inject axe-core; the pages' own scripts run under the CSP they
  // send, and a violation still shows in the console of the other contexts' checks below.
  const context = await browser.newContext({
    viewport: { width, height: 760 },
    deviceScaleFactor: 2,
    locale,
    bypassCSP: true,
  });
  const page = await context.newPage();
  page.on("console", (m) => m.type() === "error" && errors.push(`${name}: ${m.text()}`));
  page.on("pageerror", (e) => errors.push(`${name}: ${e.message}`));
  return page;
}

async function axe(page, name) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ["violations"] }));
  const v = result.violations.map((x) => `${x.id} (${x.nodes.length})`).join(", ");
  check(`${name}: axe-core finds no violation`, result.violations.length === 0, v);
}

async function shot(page, file) {
  await page.screenshot({ path: join(out, file), fullPage: true });
}

// A page opened without bypassCSP: its script and style must run under the server's CSP.
const strict = await browser.newContext({ viewport: { width: 360, height: 760 } });
const strictPage = await strict.newPage();
const cspErrors = [];
strictPage.on("console", (m) => m.type() === "error" && cspErrors.push(m.text()));

const people = [
  ["Ana", 360, "en-GB"],
  ["Ben", 390, "en-US"],
  ["Chloé", 400, "fr-FR"],
];
const pages = [];
for (const [name, width, locale] of people) {
  const page = await phone(name, width, locale);
  await page.goto(joinUrl);
  if (pages.length === 0) {
    await shot(page, "room-join-360.png");
    await axe(page, "join page");
  }
  await page.fill("#name", name);
  await page.click("button.primary");
  await page.waitForSelector("#statement");
  pages.push(page);
}
check("the French phone got the French page", (await pages[2].locator("html").getAttribute("lang")) === "fr");

await strictPage.goto(joinUrl);
await strictPage.fill("#name", "Dan");
await strictPage.click("button.primary");
await strictPage.waitForSelector("#statement");
const styled = await strictPage.evaluate(() => getComputedStyle(document.querySelector("button.primary")).backgroundColor);
check("the inline style runs under the CSP", styled === "rgb(31, 95, 168)", styled);

await shot(pages[0], "room-question-360.png");
await axe(pages[0], "question page");

// Everyone votes on question 1; the room splits (1, 5, 5, 5).
const votes = ["1", "5", "5"];
for (let k = 0; k < pages.length; k++) {
  await pages[k].check(`input[name=choice][value="${votes[k]}"]`);
  await pages[k].click("button.primary");
  await pages[k].waitForSelector(".saved");
}
await shot(pages[1], "room-voted-390.png");
check("a vote is confirmed as saved", await pages[1].locator(".saved").isVisible());
check("nothing of the others' votes is shown before the reveal", (await pages[1].locator("table.dist").count()) === 0);

// The last vote reveals (everyone has voted); the pages refresh by themselves.
await strictPage.check('input[name=choice][value="5"]');
await strictPage.click("button.primary");
await pages[0].waitForSelector("table.dist", { timeout: 8000 }).catch(() => {});
check("the reveal reaches a page without a reload", (await pages[0].locator("table.dist").count()) === 1);
await shot(pages[0], "room-revealed-360.png");
await axe(pages[0], "revealed question");

// The projected page.
const host = await phone("host", 400, "en-GB");
await host.goto(`${base}/host`);
check("the facilitator's page shows the join code", (await host.locator(".code").textContent()).length === 6);
await shot(host, "room-host-400.png");
await axe(host, "facilitator's page");

// The second round: the item the room split on, with the first round's answers.
key("2");
await waitFor("Second round: 1 item");
await pages[2].waitForSelector("text=Second tour", { timeout: 8000 }).catch(() => {});
check("the second round reaches the pages", (await pages[2].locator("text=Second tour").count()) >= 1);
await shot(pages[2], "room-second-round-400.png");
await axe(pages[2], "second round (French)");

await sleep(2500); // one more refresh round of the strict page's script
check("no console errors", errors.length === 0, errors.join(" | "));
check("no CSP violation under the server's policy", cspErrors.length === 0, cspErrors.join(" | "));

key("e");
key("y");
const code = await new Promise((r) => room.on("exit", r));
check("the session ends cleanly", code === 0, `exit ${code}`);
check("the group result is printed at the end", stdout.includes("group of 4 respondents"), stdout.slice(0, 200));
await browser.close();
console.log(`screenshots in ${out}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
