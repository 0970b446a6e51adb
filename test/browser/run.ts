/**
 * Browser tests of the documentation site: serves the built site (docs/.vitepress/dist) on localhost,
 * drives headless Chromium (the one inside the npm package @sparticuz/chromium) with puppeteer-core,
 * and checks every calculator against the library called here in Node with the same options.
 *
 * Run `pnpm docs:build` first, then `pnpm test:browser`. Screenshots go to test/browser/screenshots/ (or
 * to the folder in TILTAK_SCREENSHOTS).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize, relative } from "node:path";
import { fileURLToPath } from "node:url";
import chromium from "@sparticuz/chromium";
import { allocationCsv, allocationList, verifyAllocation } from "@tiltak/allocate";
import { compareProportions, metaAnalysis } from "@tiltak/compare";
import { theories } from "@tiltak/datasets";
import {
  clusterRandomised,
  cohenH,
  correlation,
  designEffect,
  inflateForAttrition,
  oneProportion,
  steppedWedge,
  tTest,
  twoProportions,
} from "@tiltak/power";
import { proportionCI } from "@tiltak/stats";
import { assessReadiness, checkTheory } from "@tiltak/theory";
import puppeteer, { type Browser, type Page } from "puppeteer-core";

const root = fileURLToPath(new URL("../../docs/.vitepress/dist/", import.meta.url));
const shots = process.env.TILTAK_SCREENSHOTS ?? fileURLToPath(new URL("./screenshots/", import.meta.url));
const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".wasm": "application/wasm",
};

function serve(): Promise<{ origin: string; close: () => void }> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, "index.html");
    } catch {
      if (!extname(file)) file = `${file}.html`;
    }
    try {
      const body = readFileSync(file);
      response.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" });
      response.end(body);
    } catch {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ origin: `http://127.0.0.1:${port}`, close: () => server.close() });
    });
  });
}

let passed = 0;
let failed = 0;
const failures: string[] = [];

function check(name: string, ok: boolean, detail = ""): void {
  if (ok) passed++;
  else {
    failed++;
    failures.push(`${name}${detail ? `: ${detail}` : ""}`);
    console.log(`  ✗ ${name} ${detail}`);
  }
}

function close(name: string, found: number | undefined, expected: number, tolerance = 1e-9): void {
  const ok = found !== undefined && Math.abs(found - expected) <= tolerance * Math.max(1, Math.abs(expected));
  check(name, ok, `page ${found}, library ${expected}`);
}

interface Watched {
  page: Page;
  errors: string[];
  foreign: string[];
}

async function open(browser: Browser, origin: string, width: number): Promise<Watched> {
  const page = await browser.newPage();
  await page.setViewport({ width, height: 900, deviceScaleFactor: 1 });
  const errors: string[] = [];
  const foreign: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.setRequestInterception(true);
  page.on("request", (request) => {
    const url = request.url();
    if (url.startsWith("data:") || url.startsWith("blob:") || url.startsWith(origin)) {
      void request.continue();
      return;
    }
    foreign.push(url);
    void request.abort();
  });
  return { page, errors, foreign };
}

async function ready(page: Page, extra = "true"): Promise<void> {
  await page.waitForFunction(
    `(() => { const c = document.querySelector("[data-calc]"); return c && c.getAttribute("data-status") !== "pending" && (${extra}); })()`,
    { timeout: 30000 },
  );
}

async function results(page: Page): Promise<Record<string, string>> {
  return page.$$eval("[data-result][data-value]", (cells) =>
    Object.fromEntries(
      cells.map((cell) => [cell.getAttribute("data-result"), cell.getAttribute("data-value")]),
    ),
  ) as Promise<Record<string, string>>;
}

const numberOf = (r: Record<string, string>, key: string): number | undefined =>
  r[key] === undefined ? undefined : Number(r[key]);

async function type(page: Page, name: string, value: string): Promise<void> {
  const selector = `[data-calc] [name="${name}"]`;
  await page.click(selector, { count: 3 });
  await page.keyboard.press("Backspace");
  await page.type(selector, value);
}

async function errorText(page: Page): Promise<string> {
  await page.waitForSelector("[data-error-message]", { timeout: 30000 });
  return page.$eval("[data-error-message]", (el) => el.textContent ?? "");
}

/** The text of a file the page offers for download (the link's data: URL, read in the page). */
async function download(page: Page, name: string): Promise<string> {
  const href = await page.$eval(`[data-download="${name}"]`, (a) => (a as HTMLAnchorElement).href);
  return page.evaluate(async (url) => (await fetch(url)).text(), href);
}

/** The text of the calculator's charts (titles, axis titles, legends, tick labels). */
async function chartText(page: Page): Promise<string> {
  return page.$$eval("[data-figure] svg", (svgs) => svgs.map((svg) => svg.textContent ?? "").join(" | "));
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

async function calculator(
  browser: Browser,
  origin: string,
  name: string,
  query: string,
  body: (page: Page) => Promise<void>,
): Promise<void> {
  console.log(`calculator ${name}`);
  const watched = await open(browser, origin, 1280);
  const { page } = watched;
  await page.goto(`${origin}/calculators/${name}.html?${query}`, { waitUntil: "load" });
  await ready(page);
  await screenshot(page, `${name}-1280`);
  await page.setViewport({ width: 390, height: 844, deviceScaleFactor: 1 });
  await screenshot(page, `${name}-390`);
  await page.setViewport({ width: 1280, height: 900, deviceScaleFactor: 1 });
  await body(page);
  check(`${name}: no console errors`, watched.errors.length === 0, watched.errors.join(" | "));
  check(`${name}: no request to another origin`, watched.foreign.length === 0, watched.foreign.join(" "));
  await page.close();
}

/** The HTML files under a folder of the built site, in a stable order. */
function htmlFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? htmlFiles(join(folder, entry.name))
        : entry.name.endsWith(".html")
          ? [join(folder, entry.name)]
          : [],
    )
    .sort();
}

async function main(): Promise<void> {
  const started = Date.now();
  mkdirSync(shots, { recursive: true });
  const server = await serve();
  const browser = await puppeteer.launch({
    executablePath: await chromium.executablePath(),
    args: [
      ...chromium.args,
      "--no-sandbox",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
    headless: true,
  });
  const { origin } = server;
  try {
    // 1. Power and sample size.
    await calculator(browser, origin, "power", "test=t-test&d=0.5&power=0.8&sigLevel=0.05", async (page) => {
      let r = await results(page);
      const expected = tTest({ d: 0.5, power: 0.8, sigLevel: 0.05 });
      close("power: n for d = 0.5, power 0.8", numberOf(r, "n"), expected.n);
      check("power: n is 63.77 per arm", Math.abs((numberOf(r, "n") ?? 0) - 63.77) < 0.005);
      close("power: nRecruit", numberOf(r, "nRecruit"), expected.nRecruit as number);
      close("power: power", numberOf(r, "power"), 0.8);
      check("power: a curve is drawn", (await page.$$("[data-figure] svg")).length === 1);
      await type(page, "d", "0.4");
      await ready(page, `location.search.includes("d=0.4")`);
      r = await results(page);
      close("power: n follows the form (d = 0.4)", numberOf(r, "n"), tTest({ d: 0.4, power: 0.8 }).n);
      await type(page, "d", "abc");
      check("power: bad d gives the library's message", (await errorText(page)).includes("d must be"));
      await page.goto(`${origin}/calculators/power.html?test=two-proportions&p1=0.7&p2=0.5&power=0.8`, {
        waitUntil: "load",
      });
      await ready(page);
      r = await results(page);
      close(
        "power: two proportions from rates",
        numberOf(r, "n"),
        twoProportions({ h: cohenH(0.7, 0.5), power: 0.8 }).n,
      );
      await page.goto(
        `${origin}/calculators/power.html?test=one-proportion&p=0.75&p0=0.5&power=0.8&alternative=greater`,
        { waitUntil: "load" },
      );
      await ready(page);
      r = await results(page);
      close(
        "power: one proportion",
        numberOf(r, "n"),
        oneProportion({ h: cohenH(0.75, 0.5), power: 0.8, alternative: "greater" }).n,
      );
      await page.goto(`${origin}/calculators/power.html?test=correlation&r=0.3&power=0.8&lang=nb`, {
        waitUntil: "load",
      });
      await ready(page);
      check(
        "power: Norwegian labels with lang=nb",
        (await page.$eval("[data-calc]", (el) => el.textContent ?? "")).includes("Teststyrke"),
      );
      const nbChart = await chartText(page);
      check(
        "power: under nb the chart's title and axes are Norwegian",
        nbChart.includes("Teststyrke etter utvalgsstørrelse (r = 0,3)") &&
          nbChart.includes("Utvalgsstørrelse") &&
          !nbChart.includes("Power against"),
        nbChart,
      );
      check("power: under nb the axes write decimal commas", /0,8/.test(nbChart), nbChart);
      await screenshot(page, "power-nb-1280");
      // Switching the language on the page redraws the chart in it.
      await page.click("[data-lang-toggle]");
      await page.waitForFunction(
        `!location.search.includes("lang=nb") && (document.querySelector("[data-figure] svg")?.textContent ?? "").includes("Power against n")`,
        { timeout: 30000 },
      );
      check("power: the language switch redraws the chart in English", true);
      await page.goto(`${origin}/calculators/power.html?test=correlation&r=0.3&power=0.8`, {
        waitUntil: "load",
      });
      await ready(page);
      r = await results(page);
      close("power: correlation n", numberOf(r, "n"), correlation({ r: 0.3, power: 0.8 }).n);
      await page.goto(`${origin}/calculators/power.html?test=t-test&n=50&d=0.5&power=0.8`, {
        waitUntil: "load",
      });
      await ready(page);
      r = await results(page);
      close(
        "power: solve for α",
        numberOf(r, "sigLevel"),
        tTest({ n: 50, d: 0.5, power: 0.8, sigLevel: null }).sigLevel,
      );
    });

    // 2. Cluster and stepped wedge.
    await calculator(
      browser,
      origin,
      "cluster",
      "design=cra2&clusters=20&clusterSize=15&icc=0.17&power=0.8&cv=0.4&attrition=0.1",
      async (page) => {
        let r = await results(page);
        const cra = clusterRandomised({ icc: 0.17, clusterSize: 15, clusters: 20, power: 0.8 });
        close("cluster: MDES", numberOf(r, "mdes"), cra.mdes);
        close(
          "cluster: design effect",
          numberOf(r, "designEffect"),
          designEffect({ clusterSize: 15, icc: 0.17, cv: 0.4 }),
        );
        close(
          "cluster: attrition",
          numberOf(r, "recruitPerCluster"),
          inflateForAttrition({ n: 15, attrition: 0.1 }),
        );
        await type(page, "clusters", "30");
        await ready(page, `location.search.includes("clusters=30")`);
        r = await results(page);
        close(
          "cluster: MDES follows the form",
          numberOf(r, "mdes"),
          clusterRandomised({ icc: 0.17, clusterSize: 15, clusters: 30, power: 0.8 }).mdes,
        );
        await type(page, "icc", "1.5");
        check(
          "cluster: bad icc gives the library's message",
          (await errorText(page)).includes("icc must be"),
        );
        await page.goto(
          `${origin}/calculators/cluster.html?design=stepped-wedge&clusters=12&steps=4&clusterSize=20&icc=0.05&power=0.8`,
          { waitUntil: "load" },
        );
        await ready(page);
        r = await results(page);
        close(
          "cluster: stepped-wedge effect",
          numberOf(r, "effect"),
          steppedWedge({ clusters: 12, steps: 4, clusterSize: 20, icc: 0.05, power: 0.8 }).effect,
        );
        await page.goto(
          `${origin}/calculators/cluster.html?design=cra2&clusters=20&clusterSize=15&icc=0.17&power=0.8&lang=nb`,
          { waitUntil: "load" },
        );
        await ready(page);
        const charts = await chartText(page);
        check(
          "cluster: under nb the chart is labelled in Norwegian",
          charts.includes("Teststyrke etter antall klynger") && charts.includes("Klynger (begge armer)"),
          charts,
        );
        await screenshot(page, "cluster-nb-1280");
      },
    );

    // 3. Allocation lists.
    const plan = {
      arms: [
        { name: "NorA", ratio: 2 },
        { name: "usual", ratio: 1 },
      ],
      strata: { gender: ["F", "M"] },
      blockSizes: [3, 6],
      size: 12,
      seed: "2025-pilot",
    };
    await calculator(
      browser,
      origin,
      "allocation",
      "arms=NorA:2,usual:1&strata=gender:F|M&blockSizes=3,6&size=12&seed=2025-pilot",
      async (page) => {
        const list = await allocationList(plan);
        let r = await results(page);
        close("allocation: rows", numberOf(r, "rows"), list.rows.length);
        const csv = await download(page, "allocation-list.csv");
        check(
          "allocation: downloaded CSV equals allocationCsv(allocationList(plan))",
          csv === allocationCsv(list),
        );
        const sealed = await download(page, "allocation-list.sealed.json");
        const published = await download(page, "allocation-list.commitment.json");
        const certificate = JSON.parse(sealed) as {
          plan: unknown;
          digest: string;
          salt: string;
          commitment: string;
        };
        check(
          "allocation: the certificate's digest is the list's SHA-256",
          certificate.digest === list.meta.digest,
        );
        const publishedJson = JSON.parse(published) as Record<string, unknown>;
        check(
          "allocation: the public file holds the commitment and neither seed, salt nor digest",
          publishedJson.commitment === r.commitment &&
            !published.includes("2025-pilot") &&
            !published.includes(certificate.salt) &&
            !published.includes(certificate.digest),
        );
        const report = await verifyAllocation(
          {
            rows: list.rows,
            plan: list.plan,
            meta: { ...list.meta, salt: certificate.salt, commitment: certificate.commitment },
          },
          { commitment: publishedJson.commitment as string },
        );
        check(
          "allocation: the library verifies the page's list, salt and commitment",
          report.ok,
          report.failed.join(","),
        );
        check(
          "allocation: the page warns about a weak seed",
          (await page.$eval("[data-calc]", (el) => el.textContent ?? "")).includes("Seed:"),
        );
        await type(page, "seed", "another-seed");
        await ready(page, `location.search.includes("seed=another-seed")`);
        check(
          "allocation: the list follows the seed",
          (await download(page, "allocation-list.csv")) ===
            allocationCsv(await allocationList({ ...plan, seed: "another-seed" })),
        );
        await page.click("[data-new-seed]");
        await page.waitForFunction(
          `/[?&]seed=[a-z2-7]{26}(&|$)/.test(location.search) && document.querySelector("[data-calc]").getAttribute("data-status") === "ready"`,
          { timeout: 30000 },
        );
        check("allocation: a strong seed is drawn into the form and the URL", true);
        await type(page, "blockSizes", "4");
        check(
          "allocation: bad block size gives the library's message",
          (await errorText(page)).includes("blockSizes[0] must be a multiple"),
        );
        const dir = mkdtempSync(join(tmpdir(), "tiltak-browser-"));
        // An uploaded plan fills the form (and the URL) and gives allocationList's list.
        const uploaded = { arms: ["A", "B"], blockSizes: [2, 4], size: 8, seed: "uploaded-plan" };
        writeFileSync(join(dir, "plan.json"), JSON.stringify(uploaded));
        await page.goto(`${origin}/calculators/allocation.html`, { waitUntil: "load" });
        await ready(page);
        await (await page.$('input[name="plan"]'))?.uploadFile(join(dir, "plan.json"));
        await ready(page, `location.search.includes("seed=uploaded-plan")`);
        check(
          "allocation: an uploaded plan gives allocationList's CSV",
          (await download(page, "allocation-list.csv")) === allocationCsv(await allocationList(uploaded)),
        );
        // The verifier: the list as downloaded verifies against the published commitment; a changed row is named.
        const lines = csv.split("\n");
        const row = lines[3] as string;
        lines[3] = row.endsWith("NorA") ? row.replace(/NorA$/, "usual") : row.replace(/usual$/, "NorA");
        writeFileSync(join(dir, "list.csv"), csv);
        writeFileSync(join(dir, "changed.csv"), lines.join("\n"));
        writeFileSync(join(dir, "list.sealed.json"), sealed);
        writeFileSync(join(dir, "list.commitment.json"), published);
        await page.goto(`${origin}/calculators/allocation.html?mode=verify`, { waitUntil: "load" });
        await page.waitForSelector('input[name="certificate"]');
        await (await page.$('input[name="certificate"]'))?.uploadFile(join(dir, "list.sealed.json"));
        await (await page.$('input[name="commitment"]'))?.uploadFile(join(dir, "list.commitment.json"));
        const csvInput = await page.$('input[name="csv"]');
        await csvInput?.uploadFile(join(dir, "list.csv"));
        await page
          .waitForFunction(
            `document.querySelector('[data-result="commitmentOk"]')?.getAttribute("data-value") === "true"`,
            {
              timeout: 30000,
            },
          )
          .catch(() => undefined);
        r = await results(page);
        check(
          "allocation: the downloaded list verifies against the published commitment",
          r.ok === "true" && r.commitmentOk === "true",
          JSON.stringify(r),
        );
        await screenshot(page, "allocation-verify-1280");
        await csvInput?.uploadFile(join(dir, "changed.csv"));
        await page
          .waitForFunction(
            `document.querySelector('[data-result="ok"]')?.getAttribute("data-value") === "false"`,
            {
              timeout: 30000,
            },
          )
          .catch(() => undefined);
        r = await results(page);
        check(
          "allocation: a changed row is named and the commitment fails",
          r.ok === "false" && r.firstDifferenceRow === "2" && r.commitmentOk === "false",
          JSON.stringify(r),
        );
      },
    );
    // 4. Rates with denominators.
    await calculator(
      browser,
      origin,
      "rates",
      "x=27&n=84&method=wilson&target=0.4&x2=44&n2=102",
      async (page) => {
        let r = await results(page);
        const ci = proportionCI({ x: 27, n: 84, method: "wilson" });
        close("rates: estimate", numberOf(r, "estimate"), ci.estimate);
        close("rates: lower", numberOf(r, "lower"), ci.lower);
        close("rates: upper", numberOf(r, "upper"), ci.upper);
        check(
          "rates: against the target",
          r.versusTarget === (ci.upper < 0.4 ? "below" : ci.lower > 0.4 ? "above" : "consistent"),
        );
        const cmp = compareProportions({ x1: 27, n1: 84, x2: 44, n2: 102 });
        close("rates: risk difference", numberOf(r, "riskDifference"), cmp.riskDifference.estimate);
        close("rates: risk difference lower", numberOf(r, "riskDifferenceLower"), cmp.riskDifference.lower);
        close("rates: risk ratio", numberOf(r, "riskRatio"), cmp.riskRatio.estimate);
        close("rates: Fisher p", numberOf(r, "fisherP"), cmp.fisher.p);
        await page.select('[data-calc] select[name="method"]', "clopper-pearson");
        await ready(page, `location.search.includes("method=clopper-pearson")`);
        r = await results(page);
        close(
          "rates: method follows the form",
          numberOf(r, "lower"),
          proportionCI({ x: 27, n: 84, method: "clopper-pearson" }).lower,
        );
        await type(page, "x", "90");
        check("rates: x > n gives the library's message", (await errorText(page)).includes("x must be <= n"));
      },
    );

    // 5. Programme theory.
    await calculator(
      browser,
      origin,
      "theory",
      "theory=nora&requiredSampleSize=200&sites=2&periods=2&randomisationUnit=individual",
      async (page) => {
        const nora = theories.find((t) => t.id === "nora");
        if (nora === undefined) throw new Error("no bundled theory nora");
        let r = await results(page);
        const found = checkTheory(nora);
        const readiness = assessReadiness(nora, {
          requiredSampleSize: 200,
          sites: 2,
          periods: 2,
          randomisationUnit: "individual",
        });
        close("theory: errors", numberOf(r, "errors"), found.counts.error);
        close("theory: warnings", numberOf(r, "warnings"), found.counts.warning);
        check(
          "theory: pilot verdict",
          r.pilot === readiness.pilot.verdict,
          `${r.pilot} vs ${readiness.pilot.verdict}`,
        );
        check("theory: rct verdict", r.rct === readiness.rct.verdict, `${r.rct} vs ${readiness.rct.verdict}`);
        check("theory: diagram drawn", (await page.$$("[data-figure] svg")).length === 1);
        await page.waitForFunction(
          `document.querySelectorAll('[data-calc] select[name="theory"] option').length > 2`,
        );
        await page.select('[data-calc] select[name="theory"]', "ny-sjanse");
        await ready(page, `location.search.includes("theory=ny-sjanse")`);
        r = await results(page);
        const other = theories.find((t) => t.id === "ny-sjanse");
        close(
          "theory: follows the picker",
          numberOf(r, "warnings"),
          other ? checkTheory(other).counts.warning : Number.NaN,
        );
        await type(page, "requiredSampleSize", "-3");
        check(
          "theory: bad answer gives the library's message",
          (await errorText(page)).includes("requiredSampleSize"),
        );
      },
    );

    // 6. Meta-analysis.
    const yi = [-0.89, -1.59, -1.35, -1.44, -0.22];
    const vi = [0.33, 0.19, 0.42, 0.02, 0.05];
    await calculator(
      browser,
      origin,
      "meta-analysis",
      `yi=${yi.join(",")}&vi=${vi.join(",")}&method=DL`,
      async (page) => {
        let r = await results(page);
        const fit = metaAnalysis({ yi, vi, method: "DL" });
        for (const key of [
          "estimate",
          "se",
          "ciLower",
          "ciUpper",
          "tau2",
          "I2",
          "Q",
          "piLower",
          "piUpper",
        ] as const)
          close(`meta-analysis: ${key}`, numberOf(r, key), fit[key]);
        check("meta-analysis: forest and funnel drawn", (await page.$$("[data-figure] svg")).length === 2);
        await page.select('[data-calc] select[name="method"]', "REML");
        await ready(page, `location.search.includes("method=REML")`);
        r = await results(page);
        close(
          "meta-analysis: method follows the form",
          numberOf(r, "tau2"),
          metaAnalysis({ yi, vi, method: "REML" }).tau2,
        );
        await type(page, "vi", "0.33, -1, 0.42, 0.02, 0.05");
        check(
          "meta-analysis: negative variance gives the library's message",
          (await errorText(page)).includes("vi[1] must be > 0"),
        );
        await page.goto(
          `${origin}/calculators/meta-analysis.html?yi=${yi.join(",")}&vi=${vi.join(",")}&method=DL&lang=nb`,
          { waitUntil: "load" },
        );
        await ready(page);
        const charts = await chartText(page);
        check(
          "meta-analysis: under nb the forest and funnel plots are labelled in Norwegian",
          ["Forestplott", "Traktplott", "Vekt (%)", "DL-modell", "Studie 1", "Standardfeil"].every((word) =>
            charts.includes(word),
          ) && !charts.includes("Funnel plot"),
          charts,
        );
        await screenshot(page, "meta-analysis-nb-1280");
      },
    );

    // Method pages: every page under /methods/ has typeset formulas and a figure (or, on a reference page,
    // a table computed when the site was built), loads nothing from elsewhere and logs no error; on a
    // phone's width no figure is wider than the page.
    const methodPages = htmlFiles(join(root, "methods")).map((file) =>
      relative(root, file).replace(/\\/g, "/"),
    );
    check("method pages: found", methodPages.length >= 40, String(methodPages.length));
    console.log(`method pages: ${methodPages.length}`);
    // Reference pages where a chart would mean nothing show a table the library computed instead.
    const tableOnly = new Set([
      "methods/core/errors-and-options.html",
      "methods/core/formatting.html",
      "methods/allocate/cli.html",
    ]);
    const walker = await open(browser, origin, 390);
    for (const path of methodPages) {
      walker.errors.length = 0;
      walker.foreign.length = 0;
      await walker.page.goto(`${origin}/${path}`, { waitUntil: "load" });
      const found = await walker.page.evaluate(() => ({
        katex: document.querySelectorAll(".vp-doc .katex").length,
        figures: document.querySelectorAll(".vp-doc figure.figure svg").length,
        tables: document.querySelectorAll(".vp-doc figure.computed-table table").length,
        tooWide: Array.from(
          document.querySelectorAll(".vp-doc figure.figure:not(.wide):not(.phone-scroll) svg"),
        )
          .filter((svg) => svg.getBoundingClientRect().width > (svg.parentElement?.clientWidth ?? 0) + 1)
          .map((svg) => svg.closest("figure")?.querySelector("figcaption")?.textContent?.slice(0, 40) ?? "?"),
      }));
      check(`${path}: formulas typeset`, found.katex > 0);
      if (tableOnly.has(path)) check(`${path}: a table computed at build time`, found.tables > 0);
      else check(`${path}: a figure`, found.figures > 0);
      check(`${path}: no figure wider than a phone`, found.tooWide.length === 0, found.tooWide.join(" | "));
      check(`${path}: no console errors`, walker.errors.length === 0, walker.errors.join(" | "));
      check(`${path}: no request to another origin`, walker.foreign.length === 0, walker.foreign.join(" "));
    }
    await walker.page.close();

    // Two pages in full, at both widths, with a phone-sized view of a formula and of a figure.
    for (const path of ["methods/power/t-tests", "methods/allocate/blocked-list"]) {
      const watched = await open(browser, origin, 1280);
      await watched.page.goto(`${origin}/${path}.html`, { waitUntil: "load" });
      const name = path.replace(/\//g, "-");
      await screenshot(watched.page, `${name}-1280`);
      await watched.page.setViewport({ width: 390, height: 844, deviceScaleFactor: 1 });
      await screenshot(watched.page, `${name}-390`);
      for (const [selector, suffix] of [
        [".katex-display", "formula"],
        [".figure", "figure"],
      ] as const) {
        await watched.page.$eval(selector, (el) => {
          el.scrollIntoView({ block: "start" });
          window.scrollBy(0, -140);
        });
        await watched.page.screenshot({ path: join(shots, `${name}-390-${suffix}.png`) });
      }
      await watched.page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  console.log(`browser suite: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (failures.length > 0) console.log(`failures:\n  ${failures.join("\n  ")}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

await main();
