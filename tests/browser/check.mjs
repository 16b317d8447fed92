// Lays out each HTML report in headless Chromium as a reader would see it, and fails on what a
// reader would see wrong:
// - on a screen 400, 800 and 1200 px wide: an element past the edge of the viewport (outside a
//   table's own horizontal scroll region), a page that scrolls sideways, text spilling out of its
//   box (figures running into the next cell), a figure broken over two lines, a chart label cut
//   off, overlapping another or too small to read;
// - on paper (A4 and Letter): an element wider than the printed area, a page left near-empty, a
//   heading alone at the foot of a page, text past the margin, a heat map apart from its key;
// - axe-core's accessibility rules: any violation.
//
// usage: node check.mjs OUT_DIR NAME=FILE.html...   (prints "ok: ..." or "FAILED: ..." per check)
// With SHOTS=1, OUT_DIR also keeps a screenshot per width and each PDF, for a person to look at.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const [out, ...reports] = process.argv.slice(2);
const shots = process.env.SHOTS === "1";
const WIDTHS = [400, 800, 1200];
// Printed area of each paper at 96 px per inch, less the @page margins of report.css (12 mm each
// side, 14 mm top and bottom).
const MM = 96 / 25.4;
const PAPERS = [
  { name: "A4", format: "A4", width: 210, height: 297 },
  { name: "Letter", format: "Letter", width: 215.9, height: 279.4 },
];
const MARGIN = { side: 12, top: 14 };
// Smallest chart label a reader is asked to read, in CSS pixels once the chart is scaled.
const MIN_LABEL_PX = 9;
// A page before the last whose text ends within this share of the printed height is near-empty.
const MIN_FILL = 0.3;
// Besides the closing line, the last page must hold at least this many lines: not the closing
// line alone, nor with a stray line.
const MIN_LAST_LINES = 2;

let passed = 0;
let failed = 0;
let skipped = 0;
// The printed pages are read with poppler's pdftotext; without it only the print layout is checked.
let pdftotext = true;
try {
  execFileSync("pdftotext", ["-v"], { stdio: "ignore" });
} catch {
  pdftotext = false;
  console.log("pdftotext not found (Debian: poppler-utils): the checks of printed pages are skipped");
}
function check(name, problems) {
  if (problems.length === 0) {
    passed++;
    console.log(`ok: ${name}`);
  } else {
    failed++;
    console.log(`FAILED: ${name}: ${problems.length} problem(s)`);
    for (const p of problems.slice(0, 12)) console.log(`    ${p}`);
  }
}

// Runs in the page: what spills past the viewport or out of its own box. In `print`, a scroll
// region does not excuse anything (paper does not scroll).
function layoutProblems({ print, minLabel }) {
  const problems = [];
  const width = document.documentElement.clientWidth;
  const describe = (el) => {
    const cls = el.getAttribute("class");
    const text = (el.textContent || "").replace(/\s+/g, " ").trim().slice(0, 40);
    return `<${el.tagName.toLowerCase()}${cls ? ` class="${cls}"` : ""}> "${text}"`;
  };
  const scrolls = (el) => {
    const o = getComputedStyle(el).overflowX;
    return o === "auto" || o === "scroll";
  };
  // Inside a region that scrolls sideways by design (a wide table on a narrow screen).
  const inScroller = (el) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      if (scrolls(p)) return true;
    }
    return false;
  };
  if (document.documentElement.scrollWidth > width + 1) {
    problems.push(`the page is ${document.documentElement.scrollWidth} px wide in a ${width} px viewport`);
  }
  for (const el of document.body.querySelectorAll("*")) {
    if (el.closest("svg") && el.tagName.toLowerCase() !== "svg") continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if ((r.right > width + 1 || r.left < -1) && (print || !inScroller(el))) {
      problems.push(`${describe(el)} spans ${Math.round(r.left)}..${Math.round(r.right)} px of ${width}`);
    }
    // Text running out of its own box overlaps its neighbour ("100.0100.0").
    const tag = el.tagName.toLowerCase();
    if (!["td", "th", "p", "li", "h1", "h2", "caption", "figcaption", "footer", "blockquote"].includes(tag)) continue;
    if (scrolls(el)) continue;
    if (el.scrollWidth > el.clientWidth + 1) {
      problems.push(`${describe(el)} holds ${el.scrollWidth} px of content in ${el.clientWidth} px`);
    }
  }
  // A figure broken over two lines ("100." above "0") reads as two numbers.
  for (const cell of document.querySelectorAll("td.num, th.num, table.heat td")) {
    for (const node of cell.childNodes) {
      if (node.nodeType !== Node.TEXT_NODE || /\s/.test(node.textContent.trim())) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      if (tops.size > 1) problems.push(`${describe(cell)} is broken over ${tops.size} lines`);
    }
  }
  for (const svg of document.querySelectorAll("svg")) {
    const box = svg.getBoundingClientRect();
    const scale = box.width / svg.viewBox.baseVal.width;
    const texts = [...svg.querySelectorAll("text")];
    const rects = texts.map((t) => t.getBoundingClientRect());
    texts.forEach((t, k) => {
      const r = rects[k];
      const size = parseFloat(getComputedStyle(t).fontSize) * scale;
      if (size < minLabel) {
        problems.push(`chart label "${t.textContent}" is ${size.toFixed(1)} px high`);
      }
      if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) {
        problems.push(`chart label "${t.textContent}" is cut off by its chart`);
      }
      for (let j = 0; j < k; j++) {
        const o = rects[j];
        const overlap = Math.min(r.right, o.right) - Math.max(r.left, o.left);
        const over = Math.min(r.bottom, o.bottom) - Math.max(r.top, o.top);
        if (overlap > 2 && over > 2) {
          problems.push(`chart labels "${t.textContent}" and "${texts[j].textContent}" overlap`);
        }
      }
    });
  }
  return problems;
}

// Lines of a PDF per page, from poppler's pdftotext: [{ width, height, lines: [{x0, y0, x1, y1, text}] }].
function pdfPages(file) {
  const xml = execFileSync("pdftotext", ["-bbox-layout", file, "-"], { encoding: "utf8", maxBuffer: 64 << 20 });
  const pages = [];
  for (const page of xml.split("<page ").slice(1)) {
    const [, w, h] = page.match(/width="([\d.]+)" height="([\d.]+)"/);
    const lines = [];
    for (const line of page.split("<line ").slice(1)) {
      const [, x0, y0, x1, y1] = line.match(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"/);
      const words = [...line.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((m) => m[1]);
      lines.push({ x0: +x0, y0: +y0, x1: +x1, y1: +y1, text: words.join(" ") });
    }
    pages.push({ width: +w, height: +h, lines });
  }
  return pages;
}

// Text without its spaces, with the character references pdftotext writes read back.
const REFS = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", "#39": "'" };
const squash = (s) => s.replace(/&(amp|lt|gt|quot|apos|#39);/g, (_, r) => REFS[r]).replace(/\s+/g, "");

// What is wrong with the printed pages: near-empty pages, headings alone at a page's foot, text
// past the right margin, a heat map's key on another page than the heat map (`keys`: the end
// of each heat map's caption and the last entry of its key).
function pageProblems(pages, headings, closing, keys) {
  const problems = [];
  const pt = 72 / 25.4;
  pages.forEach((page, k) => {
    const last = k === pages.length - 1;
    const top = MARGIN.top * pt;
    const area = page.height - 2 * top;
    const bottom = Math.max(top, ...page.lines.map((l) => l.y1));
    const fill = (bottom - top) / area;
    if (!last && fill < MIN_FILL) {
      problems.push(`page ${k + 1} of ${pages.length} holds text down to ${Math.round(fill * 100)}% of its height`);
    }
    const body = page.lines.filter((l) => !(squash(l.text) && squash(closing).includes(squash(l.text))));
    if (last && pages.length > 1 && body.length < MIN_LAST_LINES) {
      problems.push(`the last page holds only ${page.lines.map((l) => l.text).join(" / ")}`);
    }
    const right = page.width - MARGIN.side * pt + 1;
    for (const l of page.lines) {
      if (l.x1 > right) problems.push(`page ${k + 1}: "${l.text.slice(0, 40)}" ends ${Math.round(l.x1 - right)} pt past the margin`);
    }
    // The lowest line of a page (before the last) must not be a section heading.
    if (!last && page.lines.length) {
      const lowest = page.lines.reduce((a, b) => (b.y1 > a.y1 ? b : a));
      const text = squash(lowest.text);
      const heading = headings.find((h) => text.length > 0 && squash(h).endsWith(text));
      if (heading) problems.push(`page ${k + 1} ends with the heading "${heading}"`);
    }
  });
  const pageOf = (text) => pages.findIndex((p) => squash(p.lines.map((l) => l.text).join("")).includes(squash(text)));
  for (const { caption, last } of keys) {
    // The caption's end: the PDF's reading order may split a caption into pieces, so shorter
    // ends are tried too.
    const end = [16, 8, 4].map((n) => [...squash(caption)].slice(-n).join("")).find((t) => pageOf(t) >= 0) ?? caption;
    const [table, key] = [pageOf(end), pageOf(last)];
    if (table < 0 || key < 0) problems.push(`a heat map's caption or key is not found in the PDF: "${caption}", "${last}"`);
    else if (table !== key) problems.push(`a heat map ends on page ${table + 1}, its key on page ${key + 1}`);
  }
  return problems;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
const summary = [];
try {
  for (const spec of reports) {
    const eq = spec.indexOf("=");
    const name = spec.slice(0, eq);
    const url = pathToFileURL(resolve(spec.slice(eq + 1))).href;
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const errors = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(url);
    check(`${name}: no console errors`, errors);

    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      check(`${name} at ${width} px: nothing past the viewport or overlapping`,
        await page.evaluate(layoutProblems, { print: false, minLabel: MIN_LABEL_PX }));
      if (shots) await page.screenshot({ path: join(out, `${name}-${width}.png`), fullPage: true });
    }

    await page.setViewportSize({ width: 1200, height: 900 });
    const axe = await page.evaluate(async (source) => {
      // eslint-disable-next-line no-eval
      (0, eval)(source);
      const r = await window.axe.run(document, { resultTypes: ["violations"] });
      return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help}; ${v.nodes.length} element(s): `
        + v.nodes.slice(0, 3).map((n) => `${n.target.join(" ")} ${n.html.slice(0, 120)}`).join(" | "));
    }, AXE);
    check(`${name}: axe-core finds no accessibility violation`, axe);

    const headings = await page.$$eval("h2", (hs) => hs.map((h) => h.textContent));
    const closing = await page.$eval("footer.doc", (f) => f.textContent);
    const keys = await page.$$eval("table.heat", (ts) => ts.map((t) => ({
      caption: t.caption.textContent,
      last: t.parentElement.querySelector("dl.key > div:last-child").textContent,
    })));
    await page.emulateMedia({ media: "print" });
    for (const paper of PAPERS) {
      const width = Math.floor((paper.width - 2 * MARGIN.side) * MM);
      await page.setViewportSize({ width, height: 900 });
      check(`${name} printed on ${paper.name}: nothing wider than the printed area`,
        await page.evaluate(layoutProblems, { print: true, minLabel: 0 }));
      const pdf = join(out, `${name}-${paper.name}.pdf`);
      writeFileSync(pdf, await page.pdf({ format: paper.format, printBackground: true }));
      if (!pdftotext) {
        skipped++;
        continue;
      }
      const pages = pdfPages(pdf);
      summary.push(`${name} ${paper.name}: ${pages.length} page(s)`);
      check(`${name} printed on ${paper.name}: no near-empty page, no heading alone, nothing past the margin`,
        pageProblems(pages, headings, closing, keys));
    }
    await page.close();
  }
} finally {
  await browser.close();
}
for (const s of summary) console.log(`  ${s}`);
console.log(`checks: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed === 0 ? 0 : 1);
