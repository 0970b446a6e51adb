// toProtocol: SPIRIT 2013 items 12, 14, 16a, 16b, 16c and 20a headed with their numbers, in English and
// bokmål; every number of the sample size taken from the plan object (formatted as core's formatNumber /
// formatPercent write it); the published commitment present; the seed, the salt, the plain digest and the
// block sizes never.
import { publicCommitment } from "@tiltak/allocate";
import { formatNumber, formatPercent, type Language } from "@tiltak/core";
import { nora2024 } from "@tiltak/datasets";
import { planTrial, type TrialPlan, toProtocol } from "@tiltak/plan";
import { describe, expect, it } from "vitest";

const seed = "nora-protocol-q8z3m1x7w2";
const nora = () =>
  planTrial({
    outcome: { name: "exit to paid work", kind: "binary" },
    baseline: { record: nora2024, outcome: "work", denominator: "exits" },
    effect: { rate: 0.45 },
    design: { kind: "individual", strata: { office: ["Årstad", "Fana"] }, blockSizes: [6, 10] },
    attrition: 0.2,
    seed,
  });

/** The commitment to publish (HMAC-SHA256 keyed by the secret salt). */
function commitmentOf(plan: TrialPlan): string {
  return publicCommitment(plan.allocation).commitment;
}

const headings: Record<Language, string[]> = {
  en: [
    "## SPIRIT 12: Primary outcome",
    "## SPIRIT 14: Sample size",
    "## SPIRIT 16a: Allocation: sequence generation",
    "## SPIRIT 16b: Allocation: concealment mechanism",
    "## SPIRIT 16c: Allocation: implementation",
    "## SPIRIT 20a: Statistical methods",
  ],
  nb: [
    "## SPIRIT 12: Primært utfallsmål",
    "## SPIRIT 14: Utvalgsstørrelse",
    "## SPIRIT 16a: Fordeling: generering av sekvensen",
    "## SPIRIT 16b: Fordeling: skjuling av fordelingen",
    "## SPIRIT 16c: Fordeling: gjennomføring",
    "## SPIRIT 20a: Statistiske metoder",
  ],
};

describe.each(["en", "nb"] as const)("toProtocol in %s", (lang) => {
  it("heads the SPIRIT items with their numbers, in order", async () => {
    const text = toProtocol(await nora(), { lang });
    let at = -1;
    for (const heading of headings[lang]) {
      const next = text.indexOf(`\n${heading}\n`);
      expect(next, heading).toBeGreaterThan(at);
      at = next;
    }
  });
  it("carries every number of the plan, formatted from the plan object", async () => {
    const plan = await nora();
    const text = toProtocol(plan, { lang });
    const size = plan.sampleSize;
    const numbers = [
      formatNumber(size.perArm, { lang, digits: 2 }),
      formatNumber(Math.ceil(size.perArm), { lang, digits: 0 }),
      formatNumber(2 * Math.ceil(size.perArm), { lang, digits: 0 }),
      formatNumber(size.recruitPerArm, { lang, digits: 0 }),
      formatNumber(size.recruitTotal, { lang, digits: 0 }),
      formatNumber(size.power, { lang, digits: 3 }),
      formatNumber(size.sigLevel, { lang, digits: 2 }),
      formatPercent(size.attrition, { lang }),
      formatPercent(plan.baseline.rate as number, { lang }),
      formatPercent(plan.baseline.lower as number, { lang }),
      formatPercent(plan.baseline.upper as number, { lang }),
      formatPercent(plan.effect.rate as number, { lang }),
      formatNumber(plan.effect.h as number, { lang, digits: 3 }),
      `${plan.baseline.count}`,
      `${plan.baseline.denominator}`,
      `power.twoProportions(${JSON.stringify(size.call.options)});`,
    ];
    for (const number of numbers) expect(text, number).toContain(number);
    expect(text).toContain("office (Årstad, Fana)");
  });
  it("publishes the commitment and never the seed, salt, digest or block sizes", async () => {
    const plan = await nora();
    const text = toProtocol(plan, { lang });
    const commitment = commitmentOf(plan);
    expect(commitment).toMatch(/^[0-9a-f]{64}$/);
    expect(plan.commitment.commitment).toBe(commitment);
    expect(text).toContain(commitment);
    expect(text).not.toContain(seed);
    expect(text).not.toContain(plan.allocation.meta.digest);
    expect(plan.allocation.meta.salt).toMatch(/^[0-9a-f]{64}$/);
    expect(text).not.toContain(plan.allocation.meta.salt);
    expect(text).not.toMatch(/\b6, 10\b|\[6, ?10\]|6 (and|og) 10/);
  });
});
