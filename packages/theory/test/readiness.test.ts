// Tolerance: none (statuses and verdicts).
import { describe, expect, it } from "vitest";
import { assessReadiness, type ReadinessItemName, type TheorySpec } from "../src/index.js";
import { kystbyenInitial, kystbyenRevised } from "./fixtures/kystbyen.js";

const status = (spec: TheorySpec, answers: Parameters<typeof assessReadiness>[1], item: ReadinessItemName) =>
  assessReadiness(spec, answers).items.find((x) => x.item === item)?.status;

const plan = {
  requiredSampleSize: 192,
  eligiblePerPeriod: 50,
  periods: 2,
  sites: 4,
  comparator: "treatment-as-usual",
  randomisationUnit: "class",
  deliveredTo: "groups",
  contaminationRisk: "low",
  participantsAware: false,
  registerOutcome: true,
  followUpMonths: 24,
} as const;

describe("assessReadiness", () => {
  it("scores every item of the NIBR template, in order, with evidence and a next step", () => {
    const result = assessReadiness(kystbyenRevised, plan);
    expect(result.items.map((x) => x.item)).toEqual([
      "problem",
      "target-group",
      "recruitment",
      "intervention",
      "mechanisms",
      "outcomes",
      "indicators",
      "theory-consistency",
      "fidelity",
      "transfer",
      "eligible-pool",
      "comparator",
      "randomisation-unit",
      "contamination",
      "awareness",
      "register-outcome",
      "follow-up",
    ]);
    for (const item of result.items) {
      expect(item.evidence.length).toBeGreaterThan(0);
      expect(item.source).toMatch(/NIBR/);
      expect(item.next === "").toBe(item.status === "met");
    }
    expect(result.method).toBe("assessReadiness");
    expect(result.answers).toEqual(plan);
  });

  it("revised Kystbyen with a cluster plan: pilot and RCT conditional only on incomplete indicators", () => {
    const result = assessReadiness(kystbyenRevised, plan);
    expect(result.pilot).toEqual({
      verdict: "conditional",
      met: 9,
      total: 10,
      blocking: [],
      open: ["indicators"],
    });
    expect(result.rct).toEqual({
      verdict: "conditional",
      met: 15,
      total: 16,
      blocking: [],
      open: ["indicators"],
    });
  });

  it("the initial Kystbyen theory lacks fidelity criteria and a transfer assessment", () => {
    const result = assessReadiness(kystbyenInitial);
    expect(result.items.find((x) => x.item === "fidelity")?.status).toBe("not-met");
    expect(result.items.find((x) => x.item === "transfer")?.status).toBe("unknown");
    expect(result.pilot.verdict).toBe("not-ready");
    expect(result.rct.open).toEqual(
      expect.arrayContaining(["comparator", "randomisation-unit", "follow-up"]),
    );
  });

  it("individual randomisation of a whole-class measure is not met (contamination, infidelity)", () => {
    expect(status(kystbyenRevised, { ...plan, randomisationUnit: "individual" }, "randomisation-unit")).toBe(
      "not-met",
    );
    expect(status(kystbyenRevised, { randomisationUnit: "individual" }, "randomisation-unit")).toBe(
      "partial",
    );
    expect(
      status(
        kystbyenRevised,
        { ...plan, randomisationUnit: "individual", contaminationRisk: "high" },
        "contamination",
      ),
    ).toBe("not-met");
    expect(status(kystbyenRevised, { ...plan, contaminationRisk: "high" }, "contamination")).toBe("partial");
    expect(status(kystbyenRevised, {}, "randomisation-unit")).toBe("unknown");
  });

  it("compares the eligible pool with the sample needed (pool from the theory by default)", () => {
    expect(status(kystbyenRevised, { requiredSampleSize: 50 }, "eligible-pool")).toBe("met");
    expect(status(kystbyenRevised, { requiredSampleSize: 51 }, "eligible-pool")).toBe("not-met");
    expect(status(kystbyenRevised, { requiredSampleSize: 400, sites: 4, periods: 2 }, "eligible-pool")).toBe(
      "met",
    );
    expect(status(kystbyenRevised, {}, "eligible-pool")).toBe("unknown");
    const item = assessReadiness(kystbyenRevised, { requiredSampleSize: 192 }).items.find(
      (x) => x.item === "eligible-pool",
    );
    expect(item?.next).toBe(
      "Recruit over more periods or sites: at 50 per period and site, 4 site-periods are needed.",
    );
  });

  it("comparator, awareness, registers and follow-up follow the answers", () => {
    expect(status(kystbyenRevised, { comparator: "none" }, "comparator")).toBe("not-met");
    expect(status(kystbyenRevised, { participantsAware: true }, "awareness")).toBe("partial");
    expect(status(kystbyenRevised, { followUpMonths: 6 }, "follow-up")).toBe("not-met");
    expect(status(kystbyenRevised, { followUpMonths: 6, requiredFollowUpMonths: 6 }, "follow-up")).toBe(
      "met",
    );
    // Without an answer, a register source on a long-term outcome counts (i-work: NAV A-register).
    expect(status(kystbyenRevised, {}, "register-outcome")).toBe("met");
    const noRegister = {
      ...kystbyenRevised,
      indicators: (kystbyenRevised.indicators ?? []).filter((i) => i.id !== "i-work"),
    };
    expect(status(noRegister, {}, "register-outcome")).toBe("partial");
    expect(status(noRegister, { registerOutcome: false }, "register-outcome")).toBe("not-met");
  });

  it("a bare theory is not ready for anything", () => {
    const result = assessReadiness({ id: "bare", title: "Bare", nodes: [] });
    expect(result.pilot.verdict).toBe("not-ready");
    expect(result.rct.verdict).toBe("not-ready");
    expect(result.pilot.blocking).toEqual(
      expect.arrayContaining([
        "problem",
        "target-group",
        "intervention",
        "mechanisms",
        "outcomes",
        "indicators",
        "fidelity",
      ]),
    );
  });

  it("rejects bad answers with the parameter named", () => {
    expect(() => assessReadiness(kystbyenRevised, { sites: 0 })).toThrow(
      /sites must be an integer >= 1, got 0/,
    );
    expect(() => assessReadiness(kystbyenRevised, { randomisationUnit: "person" as never })).toThrow(
      /randomisationUnit must be one of/,
    );
    expect(() => assessReadiness(kystbyenRevised, { sampleSize: 10 } as never)).toThrow(
      /sampleSize is not an accepted option/,
    );
  });
});
