// balance: counts, means and standardised differences (Austin 2009), checked against hand computation.
import { describe, expect, it } from "vitest";
import { allocate, balance } from "../src/index.js";

describe("balance", () => {
  const result = {
    plan: { arms: ["A", "B"] },
    rows: [
      { unitId: 1, arm: "A" },
      { unitId: 2, arm: "A" },
      { unitId: 3, arm: "A" },
      { unitId: 4, arm: "B" },
      { unitId: 5, arm: "B" },
      { unitId: 6, arm: "B" },
    ],
  };
  const units = [
    { id: 1, age: 20, gender: "F" },
    { id: 2, age: 30, gender: "F" },
    { id: 3, age: 40, gender: "M" },
    { id: 4, age: 25, gender: "F" },
    { id: 5, age: "35", gender: "M" },
    { id: 6, age: null, gender: "M" },
  ];
  it("numeric covariates: means, sample SDs and (m_B − m_A) / √((s_A² + s_B²) / 2)", () => {
    const table = balance(result, units, ["age"]);
    const [a, b] = table.rows;
    expect(a).toMatchObject({ arm: "A", n: 3, missing: 0, mean: 30, sd: 10, standardisedDifference: null });
    expect(b).toMatchObject({ arm: "B", n: 2, missing: 1, mean: 30 });
    expect(b?.sd).toBeCloseToRel(Math.sqrt(50), { rel: 1e-15 });
    expect(b?.standardisedDifference).toBe(0);
    expect(table.covariates).toEqual([{ name: "age", type: "numeric", maxAbsStandardisedDifference: 0 }]);
  });
  it("categorical covariates: proportions per level and (p_B − p_A) / √((p_A q_A + p_B q_B) / 2)", () => {
    const table = balance(result, units, ["gender"]);
    const femaleB = table.rows.find((row) => row.level === "F" && row.arm === "B");
    expect(femaleB).toMatchObject({ count: 1, n: 3 });
    const pa = 2 / 3;
    const pb = 1 / 3;
    expect(femaleB?.standardisedDifference).toBeCloseToRel(
      (pb - pa) / Math.sqrt((pa * (1 - pa) + pb * (1 - pb)) / 2),
      { rel: 1e-14 },
    );
    expect(table.covariates[0]?.type).toBe("categorical");
  });
  it("works on allocate results and refuses rows whose unit is missing", async () => {
    const people = Array.from({ length: 40 }, (_, i) => ({ id: `p${i}`, g: i % 2 ? "F" : "M", age: 20 + i }));
    const allocation = await allocate(
      { design: "blocked", arms: ["A", "B"], strata: ["g"], seed: "b" },
      people,
    );
    const table = balance(allocation, people, ["g", "age"]);
    expect(table.covariates[0]?.maxAbsStandardisedDifference).toBe(0);
    expect(table.rows.filter((row) => row.covariate === "age").map((row) => row.n)).toEqual([20, 20]);
    expect(() => balance(allocation, people.slice(1), ["g"])).toThrow(/must be among the units/);
    expect(() => balance(allocation, people, [])).toThrow(/^covariates must name at least one unit field/);
  });
});
