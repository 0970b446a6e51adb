// Reference values from R pwr 1.3 and stats (power.t.test / power.prop.test, strict = TRUE), written by
// test/reference/power/generate.R. Tolerance: 1e-6 relative for powers and solved values (the solved
// values in R come from uniroot(tol = 1e-12) on pwr's own power function).
import { readFileSync } from "node:fs";
import {
  anova,
  chiSquare,
  correlation,
  linearModel,
  means,
  normalMean,
  oneProportion,
  proportions,
  tTest,
  tTest2n,
  twoProportions,
  twoProportions2n,
} from "@tiltak/power";
import { describe, expect, it } from "vitest";

interface Case {
  id: string;
  fn: string;
  solve: string;
  args: Record<string, unknown>;
  expected: number;
}
const reference = JSON.parse(
  readFileSync(new URL("../../../test/reference/power/pwr.json", import.meta.url), "utf8"),
) as {
  meta: Record<string, string>;
  cases: Case[];
};

// biome-ignore lint/suspicious/noExplicitAny: the functions take different option types; the JSON holds each one's own.
const functions: Record<string, (options: any) => Record<string, unknown>> = {
  anova: anova as never,
  chiSquare: chiSquare as never,
  correlation: correlation as never,
  linearModel: linearModel as never,
  means: means as never,
  normalMean: normalMean as never,
  oneProportion: oneProportion as never,
  proportions: proportions as never,
  tTest: tTest as never,
  tTest2n: tTest2n as never,
  twoProportions: twoProportions as never,
  twoProportions2n: twoProportions2n as never,
};

describe(`power functions against R (${reference.meta.R}, pwr ${reference.meta.pwr}): 1e-6 relative`, () => {
  it("covers every pwr-family function", () => {
    expect(new Set(reference.cases.map((c) => c.fn))).toEqual(new Set(Object.keys(functions)));
    expect(reference.cases.length).toBeGreaterThan(300);
  });
  it.each(reference.cases.map((c) => [c.id, c] as const))("%s", (_id, c) => {
    const fn = functions[c.fn];
    if (fn === undefined) throw new Error(`unknown function ${c.fn}`);
    const args: Record<string, unknown> = { ...c.args };
    if (c.solve === "sigLevel") args.sigLevel = null;
    const result = fn(args);
    expect(result[c.solve]).toBeCloseToRel(c.expected, { rel: 1e-6 });
    // the solved parameter, put back, gives the target power again
    if (c.solve !== "power") {
      const check = fn({ ...args, [c.solve]: result[c.solve], power: undefined });
      expect(check.power).toBeCloseToRel(c.args.power as number, { rel: 1e-8 });
    }
  });
});
