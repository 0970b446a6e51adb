/**
 * The method pages' figures and computed tables, made by the library when the site is built: a fenced
 * block ```` ```figure ```` naming one of these keys is replaced by its HTML (see config.mts).
 */
import { compareProportions, effectSizes, funnel, metaAnalysis, metaAnalysisMethods } from "@tiltak/compare";
import { theories } from "@tiltak/datasets";
import * as plot from "@tiltak/plot";
import {
  anova,
  clusterRandomised,
  cohenH,
  correlation,
  powerCurve,
  steppedWedge,
  tTest,
  twoProportions,
} from "@tiltak/power";
import { proportionCI, proportionCIMethods } from "@tiltak/stats";
import { figure, fix, siteSvg, table } from "./figure-html.js";
import { methodFigures } from "./method-figures.js";

/** dat.bcg (metafor): BCG vaccine trials, tuberculosis cases among vaccinated and unvaccinated. */
export const bcg = {
  slab: [
    "Aronson 1948",
    "Ferguson & Simes 1949",
    "Rosenthal 1960",
    "Hart & Sutherland 1977",
    "Frimodt-Moller 1973",
    "Stein & Aronson 1953",
    "Vandiviere 1973",
    "TPT Madras 1980",
    "Coetzee & Berjak 1968",
    "Rosenthal 1961",
    "Comstock 1974",
    "Comstock & Webster 1969",
    "Comstock 1976",
  ],
  ai: [4, 6, 3, 62, 33, 180, 8, 505, 29, 17, 186, 5, 27],
  bi: [119, 300, 228, 13536, 5036, 1361, 2537, 87886, 7470, 1699, 50448, 2493, 16886],
  ci: [11, 29, 11, 248, 47, 372, 10, 499, 45, 65, 141, 3, 29],
  di: [128, 274, 209, 12619, 5761, 1079, 619, 87892, 7232, 1600, 27197, 2338, 17825],
};

/** Every block, by name. */
export async function makeFigures(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};

  const tRows = powerCurve(
    tTest,
    {},
    { vary: "n", from: 10, to: 200, points: 39, series: { vary: "d", values: [0.3, 0.4, 0.5] } },
  );
  out["power-t"] = figure(
    await siteSvg(
      plot.powerCurve(tRows, {
        width: 400,
        xTitle: "n per group",
        title: "Two-sample t test, α = 0.05",
      }),
    ),
    `Power of the two-sample t test against n per group for d = 0.3, 0.4, 0.5 (<code>powerCurve(tTest, …)</code> drawn by <code>plot.powerCurve</code>); the dashed line is power 0.8, reached at n = ${tTest({ d: 0.5, power: 0.8 }).n.toFixed(2)} for d = 0.5.`,
  );

  const pRows = powerCurve(
    twoProportions,
    {},
    {
      vary: "n",
      from: 10,
      to: 300,
      points: 30,
      integer: true,
      series: { vary: "h", values: [0.2, 0.3, 0.4].map((h) => h) },
    },
  );
  out["power-proportions"] = figure(
    await siteSvg(
      plot.powerCurve(pRows, {
        width: 400,
        xTitle: "n per group",
        title: "Two proportions (arcsine), α = 0.05",
      }),
    ),
    `Power of the two-proportion test against n per group for Cohen's h = 0.2, 0.3, 0.4; 30 % against 50 % is h = ${cohenH(0.5, 0.3).toFixed(3)}.`,
  );

  const rRows = powerCurve(
    correlation,
    {},
    {
      vary: "n",
      from: 10,
      to: 300,
      points: 30,
      integer: true,
      series: { vary: "r", values: [0.2, 0.3, 0.5] },
    },
  );
  out["power-correlation"] = figure(
    await siteSvg(
      plot.powerCurve(rRows, {
        width: 400,
        xTitle: "n",
        title: "Test of a correlation, α = 0.05",
      }),
    ),
    `Power of the test of a correlation against n for r = 0.2, 0.3, 0.5; r = 0.3 needs n = ${correlation({ r: 0.3, power: 0.8 }).n.toFixed(1)} for power 0.8.`,
  );

  const cRows = powerCurve(
    clusterRandomised,
    { clusterSize: 15, r2Individual: 0.3, power: 0.8 },
    {
      vary: "clusters",
      from: 6,
      to: 60,
      points: 28,
      integer: true,
      series: { vary: "icc", values: [0.05, 0.1, 0.2] },
      output: "mdes",
    },
  );
  out["power-cluster"] = figure(
    await siteSvg(
      plot.powerCurve(cRows, {
        width: 400,
        y: "mdes",
        yTitle: "MDES (SD)",
        xTitle: "classes (both arms)",
        title: "CRA2: classes of 15, R² = 0.3, power 0.8",
      }),
    ),
    'Minimum detectable effect against the number of classes randomised, for ICC = 0.05, 0.1, 0.2 (<code>powerCurve(clusterRandomised, …, { output: "mdes" })</code>).',
  );

  const swRows = powerCurve(
    steppedWedge,
    { steps: 4, clusterSize: 20, icc: 0.05, effect: 0.3 },
    {
      vary: "clusters",
      from: 4,
      to: 40,
      points: 10,
      integer: true,
      series: { vary: "cac", values: [1, 0.8, 0.5] },
    },
  );
  out["power-stepped-wedge"] = figure(
    await siteSvg(
      plot.powerCurve(swRows, {
        width: 400,
        xTitle: "clusters",
        title: "Stepped wedge, 4 steps, θ = 0.3 SD",
      }),
    ),
    "Power of a complete stepped-wedge design (4 steps, 20 individuals per cluster-period, effect θ = 0.3 SD) against the number of clusters, for cluster autocorrelation 1 (Hussey & Hughes), 0.8 and 0.5.",
  );

  const es = effectSizes({ measure: "RR", ...bcg });
  const fits = metaAnalysisMethods.map((method) => metaAnalysis({ yi: es.yi, vi: es.vi, method }));
  out["meta-bcg-table"] = table(
    ["method", "μ̂", "95 % CI", "τ²", "I²", "95 % PI"],
    fits.map((f) => [
      f.method,
      fix(f.estimate),
      `${fix(f.ciLower)}, ${fix(f.ciUpper)}`,
      f.tau2 === 0 ? "0" : fix(f.tau2),
      f.I2.toFixed(1),
      f.method === "FE" ? "—" : `${fix(f.piLower)}, ${fix(f.piUpper)}`,
    ]),
  );
  const reml = metaAnalysis({ yi: es.yi, vi: es.vi, slab: bcg.slab });
  const knha = metaAnalysis({ yi: es.yi, vi: es.vi, test: "knha" });
  out["meta-bcg-text"] =
    `<p>Q = ${reml.Q.toFixed(1)} on ${reml.QDf} df. REML with Knapp–Hartung: CI ${fix(knha.ciLower)} to ${fix(knha.ciUpper)}, p = ${knha.p.toFixed(4)} (t, ${knha.df} df).</p>`;
  out["meta-bcg-forest"] = figure(
    await siteSvg(
      plot.forest(reml, {
        width: 320,
        exponentiate: true,
        xTitle: "Risk ratio",
        title: "BCG vaccine, REML",
      }),
    ),
    "Forest plot of the 13 BCG trials (risk ratios, log scale) with the REML estimate, its confidence interval and the prediction interval (<code>plot.forest</code>).",
  );

  const units = [
    { label: "NorA 2021", x: 44, n: 102 },
    { label: "NorA 2024", x: 27, n: 84 },
    { label: "Ny sjanse 2024", x: 43, n: 91 },
  ];
  const f = funnel(units, { target: 0.6 });
  out["funnel-table"] = table(
    ["unit", "work / exits", "rate", "95 % limits (exact)", "flag"],
    f.units.map((u) => {
      const limit = u.limits.find((l) => l.level === 0.95) ?? u.limits[0];
      return [
        u.label ?? u.id ?? "",
        `${u.x}/${u.n}`,
        `${(u.rate * 100).toFixed(1)} %`,
        limit ? `${(limit.exactLower * 100).toFixed(1)}–${(limit.exactUpper * 100).toFixed(1)} %` : "",
        u.flag === "within"
          ? "within"
          : `${u.flag}, beyond ${((u.flagLevel ?? 0) * 100).toFixed(1).replace(/\.0$/, "")} %`,
      ];
    }),
  );
  out["funnel-figure"] = figure(
    await siteSvg(
      plot.funnel(f, {
        width: 330,
        title: "Exit to work against the 60 % target",
        yTitle: "Share of exits to work",
      }),
    ),
    "Funnel plot of the three programme-years against NorA's 60 % target, with exact binomial limits (<code>compare.funnel</code>, <code>plot.funnel</code>).",
  );

  const ci = proportionCIMethods.map((method) => proportionCI({ x: 27, n: 84, method }));
  out["proportion-ci-table"] = table(
    ["method", "lower", "upper"],
    ci.map((c) => [c.method, c.lower.toFixed(4), c.upper.toFixed(4)]),
  );

  const pairs = [
    { label: "Ny sjanse 2024 against NorA 2024, exits to work", x1: 43, n1: 91, x2: 27, n2: 84 },
    { label: "NorA 2021 against NorA 2024", x1: 44, n1: 102, x2: 27, n2: 84 },
  ];
  out["rates-comparison"] = table(
    [
      "comparison",
      "x₁/n₁ vs x₂/n₂",
      "RD (Newcombe 95 % CI)",
      "RR (95 % CI)",
      "OR (95 % CI)",
      "χ² (p)",
      "Fisher p",
    ],
    pairs.map(({ label, ...counts }) => {
      const c = compareProportions(counts);
      const ci = (i: { estimate: number; lower: number; upper: number }, d = 3) =>
        `${fix(i.estimate, d)} (${fix(i.lower, d)} to ${fix(i.upper, d)})`;
      return [
        label,
        `${counts.x1}/${counts.n1} vs ${counts.x2}/${counts.n2}`,
        ci(c.riskDifference),
        ci(c.riskRatio, 2),
        ci(c.oddsRatio, 2),
        c.chiSquare ? `${c.chiSquare.statistic.toFixed(2)} (${c.chiSquare.p.toFixed(3)})` : "—",
        c.fisher.p.toFixed(3),
      ];
    }),
  );
  out["rates-funnel"] = out["funnel-figure"] as string;

  const aRows = powerCurve(
    anova,
    { k: 3 },
    {
      vary: "n",
      from: 5,
      to: 120,
      points: 24,
      integer: true,
      series: { vary: "f", values: [0.1, 0.25, 0.4] },
    },
  );
  out["power-anova"] = figure(
    await siteSvg(
      plot.powerCurve(aRows, {
        width: 400,
        xTitle: "n per group",
        title: "One-way ANOVA, 3 groups, α = 0.05",
      }),
    ),
    "Power of the one-way ANOVA F test (noncentral F, λ = k·n·f²) against n per group for Cohen's f = 0.1, 0.25, 0.4.",
  );

  const trend = [
    { programme: "NorA, work over exits", year: 2021, x: 44, n: 102 },
    { programme: "NorA, work over exits", year: 2024, x: 27, n: 84 },
    { programme: "Ny sjanse, work over exits", year: 2024, x: 43, n: 91 },
  ].map((r) => {
    const c = proportionCI({ x: r.x, n: r.n });
    return {
      programme: r.programme,
      year: r.year,
      rate: c.estimate,
      lower: c.lower,
      upper: c.upper,
      target: 0.6,
    };
  });
  out["rate-trend"] = figure(
    await siteSvg(
      plot.rateTrend(trend, {
        width: 400,
        title: "Exits to work with Wilson intervals",
        yTitle: "Share of exits",
      }),
    ),
    "Exits to work as a share of exits, with 95 % Wilson intervals and NorA's 60 % target (<code>plot.rateTrend</code>).",
  );

  const nora = theories.find((t) => t.id === "nora");
  if (nora)
    out["theory-nora"] = figure(
      await plot.theorySvg(nora),
      "The bundled NorA programme theory drawn by <code>plot.theorySvg</code> (Graphviz in WebAssembly).",
      true,
    );
  const sjanse = theories.find((t) => t.id === "ny-sjanse");
  if (sjanse)
    out["theory-ny-sjanse"] = figure(
      await plot.theorySvg(sjanse),
      "The bundled Ny sjanse programme theory (<code>plot.theorySvg</code>).",
      true,
    );
  const kystbyen = theories.find((t) => t.id === "nibr-kystbyen");
  if (kystbyen)
    out["theory-kystbyen"] = figure(
      await plot.theorySvg(kystbyen),
      "The bundled NIBR Kystbyen theory (<code>plot.theorySvg</code>).",
      true,
    );
  Object.assign(out, await methodFigures());
  return out;
}
