import { invalidInput } from "@tiltak/core";
import type { PowerCurveRow } from "@tiltak/power";
import { type PowerCurveChartOptions, powerCurve } from "./power-curve.js";
import type { VegaLiteSpec } from "./render.js";

/** One simulated design point of {@link simulatedPower}: the varied parameter and a `simulatePower` result. */
export interface SimulatedPowerPoint {
  /** The simulated power (share of replicates with p ≤ sigLevel). */
  power: number;
  /** Its Monte Carlo interval (`simulatePower`'s Wilson interval). */
  ci: readonly [number, number];
  /** Replicates run. */
  reps?: number | undefined;
  /** The varied parameter (the curve's x field, e.g. `n`). */
  [field: string]: unknown;
}

/**
 * Simulated power against the analytic curve, as a Vega-Lite spec: the power curve of {@link powerCurve}
 * (from `power.powerCurve` rows), and on it each simulated design point (from `power.simulatePower`) with
 * its Monte Carlo interval. Where the simulation and the formula describe the same test, the intervals cover
 * the curve about 95 % of the time; a systematic miss says the formula does not fit the design.
 *
 * @param curve - rows of `power.powerCurve` for the analytic power (one series)
 * @param simulated - simulated points, each with the curve's x field, `power` and `ci`
 * @param options - {@link PowerCurveChartOptions}; `x` defaults to the curve's x field
 * @returns a Vega-Lite spec
 * @throws TiltakError `INVALID_INPUT` for no simulated points or a point without the x field, a power or an
 *   interval in [0, 1]; and as {@link powerCurve} for the curve
 * @see docs/methods/power/simulation.md
 *
 * @example
 * ```ts
 * import { powerCurve as curve, simulatePower, tTest, twoArmSimulator } from "@tiltak/power";
 * import { renderSvg, simulatedPower } from "@tiltak/plot";
 * const rows = curve(tTest, { d: 0.5 }, { vary: "n", from: 10, to: 60, points: 11 });
 * const sim = simulatePower({ simulate: twoArmSimulator({ outcome: "continuous", n: 30, delta: 0.5, sd: 1 }), reps: 200, seed: "doc" });
 * const spec = simulatedPower(rows, [{ n: 30, ...sim }]);
 * (await renderSvg(spec)).startsWith("<svg"); // => true
 * simulatedPower(rows, []); // => throws INVALID_INPUT "simulated must be a non-empty array of simulated points, got []"
 * ```
 */
export function simulatedPower(
  curve: PowerCurveRow[],
  simulated: readonly SimulatedPowerPoint[],
  options: PowerCurveChartOptions = {},
): VegaLiteSpec {
  if (!Array.isArray(simulated) || simulated.length === 0)
    invalidInput("simulated", "must be a non-empty array of simulated points", simulated);
  const spec = powerCurve(curve, { ...options, y: "power" }) as VegaLiteSpec & {
    layer: { encoding?: { x?: { field: string } } }[];
  };
  const x = options.x ?? (spec.layer[0]?.encoding?.x?.field as string);
  const points = simulated.map((point, index) => {
    const at = point[x];
    if (typeof at !== "number" || !Number.isFinite(at))
      invalidInput(["simulated", index, x], `must be the value of ${x} that was simulated`, at);
    const [lower, upper] = point.ci ?? [];
    for (const [key, value] of [
      ["power", point.power],
      ["ci", lower],
      ["ci", upper],
    ] as const)
      if (typeof value !== "number" || !(value >= 0 && value <= 1))
        invalidInput(["simulated", index, key], "must be in [0, 1]", value);
    return { [x]: at, simulated: point.power, lower, upper, reps: point.reps ?? null };
  });
  const xEncoding = { field: x, type: "quantitative" as const };
  spec.layer.push(
    {
      data: { values: points },
      mark: { type: "rule", color: "#c0392b", strokeWidth: 2 },
      encoding: { x: xEncoding, y: { field: "lower", type: "quantitative" }, y2: { field: "upper" } },
    } as never,
    {
      data: { values: points },
      mark: { type: "point", shape: "diamond", filled: true, size: 70, color: "#c0392b", opacity: 1 },
      encoding: {
        x: xEncoding,
        y: { field: "simulated", type: "quantitative" },
        tooltip: [
          xEncoding,
          { field: "simulated", type: "quantitative", format: ".3f" },
          { field: "lower", type: "quantitative", format: ".3f" },
          { field: "upper", type: "quantitative", format: ".3f" },
          { field: "reps", type: "quantitative" },
        ],
      },
    } as never,
  );
  return spec;
}
