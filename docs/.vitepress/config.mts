import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { katex } from "@mdit/plugin-katex";
import { type DefaultTheme, defineConfig } from "vitepress";
import { type ComputeReport, computedPlugin, loadLibrary } from "./computed.js";

const docs = fileURLToPath(new URL("..", import.meta.url));

/** The API sidebar that `pnpm docs:api:md` (typedoc-plugin-markdown + typedoc-vitepress-theme) writes. */
function apiSidebar(): DefaultTheme.SidebarItem[] {
  const file = `${docs}api/typedoc-sidebar.json`;
  if (!existsSync(file)) return [];
  return JSON.parse(readFileSync(file, "utf8")) as DefaultTheme.SidebarItem[];
}

/**
 * The library's sources import each other as `.js` (TypeScript's NodeNext convention). Vite maps those to
 * `.ts` for ordinary imports, but not for a worker entry (`new Worker(new URL("./x.js", import.meta.url))`,
 * as in power's Web Worker runner), which Rollup resolves without an importer: point it at the source.
 */
function sourceWorkerEntries(): { name: string; enforce: "pre"; resolveId(id: string): string | null } {
  return {
    name: "tiltak-source-worker-entries",
    enforce: "pre",
    resolveId(id) {
      if (!id.endsWith(".js") || !/(^|\/)packages\/[^/]+\/src\//.test(id)) return null;
      // Rollup names a worker entry relative to the project root (the repository), without a leading slash.
      const path = id.startsWith("/") ? id : fileURLToPath(new URL(`../../${id}`, import.meta.url));
      if (existsSync(path)) return null;
      const source = `${path.slice(0, -3)}.ts`;
      return existsSync(source) ? source : null;
    },
  };
}

// The library, loaded through the "@tiltak/source" condition (the build runs under tsx), computes the
// worked examples' numbers and draws the figures of the method pages when the site is built.
const library = await loadLibrary();
const figuresModule = (await import(/* @vite-ignore */ new URL("./figures.ts", import.meta.url).href)) as {
  makeFigures: () => Promise<Record<string, string>>;
};
const figures = await figuresModule.makeFigures();
const report: ComputeReport = { computed: 0, mismatches: [], failed: [] };
process.on("beforeExit", () => {
  if (report.computed === 0) return;
  console.log(`method pages: ${report.computed} worked-example numbers computed by the library`);
  for (const line of new Set(report.mismatches)) console.log(`  differs from the text: ${line}`);
  for (const line of new Set(report.failed)) console.log(`  not computed: ${line}`);
  report.computed = 0;
});

const methods: DefaultTheme.SidebarItem[] = [
  {
    text: "power",
    collapsed: true,
    items: [
      { text: "Overview", link: "/methods/power/" },
      { text: "t tests", link: "/methods/power/t-tests" },
      { text: "Proportions", link: "/methods/power/proportions" },
      { text: "Correlation, χ², ANOVA, f²", link: "/methods/power/correlation-chisq-anova-f2" },
      { text: "Cluster designs", link: "/methods/power/cluster" },
      { text: "Stepped wedge", link: "/methods/power/stepped-wedge" },
      { text: "Simulation", link: "/methods/power/simulation" },
    ],
  },
  {
    text: "allocate",
    collapsed: true,
    items: [
      { text: "Which design when", link: "/methods/allocate/" },
      { text: "Allocation lists", link: "/methods/allocate/blocked-list" },
      { text: "Simple", link: "/methods/allocate/simple" },
      { text: "Complete", link: "/methods/allocate/complete" },
      { text: "Blocked", link: "/methods/allocate/blocked" },
      { text: "Cluster", link: "/methods/allocate/cluster" },
      { text: "Minimisation", link: "/methods/allocate/minimisation" },
      { text: "Verification", link: "/methods/allocate/verification" },
      { text: "Balance", link: "/methods/allocate/balance" },
      { text: "CLI", link: "/methods/allocate/cli" },
    ],
  },
  {
    text: "compare",
    collapsed: true,
    items: [
      { text: "Overview", link: "/methods/compare/README" },
      { text: "Denominators", link: "/methods/compare/denominators" },
      { text: "Programme-year record", link: "/methods/compare/programme-year" },
      { text: "Flows", link: "/methods/compare/flows" },
      { text: "Rates and comparisons", link: "/methods/compare/rates" },
      { text: "Effect sizes", link: "/methods/compare/effect-sizes" },
      { text: "Meta-analysis", link: "/methods/compare/meta-analysis" },
      { text: "Funnel plots", link: "/methods/compare/funnel" },
    ],
  },
  {
    text: "theory",
    collapsed: true,
    items: [
      { text: "Model", link: "/methods/theory/model" },
      { text: "Checks", link: "/methods/theory/checks" },
      { text: "Comparison", link: "/methods/theory/compare" },
      { text: "Readiness", link: "/methods/theory/readiness" },
      { text: "Exports", link: "/methods/theory/exports" },
    ],
  },
  {
    text: "stats",
    collapsed: true,
    items: [
      { text: "Overview", link: "/methods/stats/" },
      { text: "Central distributions", link: "/methods/stats/central-distributions" },
      { text: "Noncentral t", link: "/methods/stats/noncentral-t" },
      { text: "Noncentral χ² and F", link: "/methods/stats/noncentral-chi-square-f" },
      { text: "Proportion intervals", link: "/methods/stats/proportion-intervals" },
      { text: "2×2 tables", link: "/methods/stats/two-by-two" },
    ],
  },
  {
    text: "core",
    collapsed: true,
    items: [
      { text: "Random numbers", link: "/methods/core/random-numbers" },
      { text: "Root finding", link: "/methods/core/root-finding" },
      { text: "Errors and options", link: "/methods/core/errors-and-options" },
      { text: "Formatting", link: "/methods/core/formatting" },
    ],
  },
];

const calculators: DefaultTheme.SidebarItem[] = [
  { text: "Power and sample size", link: "/calculators/power" },
  { text: "Cluster and stepped wedge", link: "/calculators/cluster" },
  { text: "Allocation lists", link: "/calculators/allocation" },
  { text: "Rates with denominators", link: "/calculators/rates" },
  { text: "Programme theory", link: "/calculators/theory" },
  { text: "Meta-analysis", link: "/calculators/meta-analysis" },
];

const guides: DefaultTheme.SidebarItem[] = [
  { text: "Quick start", link: "/guides/quickstart" },
  { text: "From programme theory to pilot", link: "/guides/theory-to-pilot" },
  { text: "Choosing a randomisation design", link: "/guides/randomisation-design" },
  { text: "Denominators and flows", link: "/guides/denominators-and-flows" },
  { text: "Comparing projects", link: "/guides/comparing-projects" },
  { text: "Datasets: programme years", link: "/guides/datasets" },
  { text: "Datasets: programme theories", link: "/guides/datasets-theories" },
];

export default defineConfig({
  title: "tiltak",
  description: "Statistics for evaluating social programmes: power, allocation, programme theory, comparison",
  lang: "en",
  cleanUrls: false,
  srcExclude: ["README.md", "design.md", "site/**"],
  // Links from method pages into the repository (source files, tests) are not pages of the site.
  ignoreDeadLinks: [/^\.\.\/\.\.\/\.\.\//, /\/packages\//, /\/test\//, /\/bench\//, /\/examples\//],
  lastUpdated: false,
  markdown: {
    config(md) {
      md.use(katex, { output: "htmlAndMathml", throwOnError: true });
      md.use(computedPlugin, { library, figures, report });
    },
  },
  vite: {
    plugins: [sourceWorkerEntries()],
    resolve: { conditions: ["@tiltak/source"] },
    ssr: { resolve: { conditions: ["@tiltak/source"] } },
    worker: { format: "es", plugins: () => [sourceWorkerEntries()] },
    build: {
      chunkSizeWarningLimit: 4000,
      rollupOptions: {
        onwarn(warning, warn) {
          // zod's sources carry comments next to @__PURE__ annotations that Rollup drops; harmless.
          if (warning.code === "INVALID_ANNOTATION") return;
          warn(warning);
        },
      },
    },
  },
  themeConfig: {
    nav: [
      { text: "Guides", link: "/guides/quickstart" },
      { text: "Methods", link: "/methods/power/" },
      { text: "Calculators", link: "/calculators/" },
      { text: "API", link: "/api/" },
    ],
    sidebar: {
      "/calculators/": [{ text: "Calculators", items: calculators }],
      "/api/": [{ text: "API reference", items: apiSidebar() }],
      "/": [
        { text: "Guides", items: guides },
        { text: "Methods", items: methods },
        { text: "Calculators", collapsed: true, items: calculators },
      ],
    },
    search: { provider: "local" },
    outline: { level: [2, 3] },
  },
});
