// Values printed in the reference implementations' own documentation (each case names its
// source below): the pwr 1.3-0 vignette and man pages, G*Power
// 3.1 and WebPower 0.9.4 examples. Printed values carry 7 significant digits, so powers are compared at
// abs 5e-7; sample sizes that pwr solved with its loose uniroot (tol ≈ 1e-4) at rel 1e-5 (tiltak solves to
// 1e-10, see reference-pwr.test.ts for the 1e-6 comparison with a tight uniroot).
import {
  anova,
  chiSquare,
  cohenH,
  correlation,
  linearModel,
  normalMean,
  oneProportion,
  proportions,
  tTest,
  tTest2n,
  twoProportions,
  twoProportions2n,
} from "@tiltak/power";
import { describe, expect, it } from "vitest";

const power = { abs: 5e-7, rel: 0 };
const solvedN = { rel: 1e-5 };

describe("pwr 1.3-0 vignette (printed output)", () => {
  it("pwr.p.test and ES.h (vig-01 to vig-07)", () => {
    const h = cohenH(0.75, 0.5);
    expect(h).toBeCloseToRel(0.5235988, { abs: 5e-8 });
    expect(oneProportion({ h, power: 0.8, alternative: "greater" }).n).toBeCloseToRel(22.55126, solvedN);
    expect(oneProportion({ h, n: 40, sigLevel: 0.01, alternative: "greater" }).power).toBeCloseToRel(
      0.8377325,
      power,
    );
    expect(oneProportion({ h, n: 40, sigLevel: 0.01 }).power).toBeCloseToRel(0.7690434, power);
    expect(oneProportion({ h: cohenH(0.65, 0.5), power: 0.8 }).n).toBeCloseToRel(84.54397, solvedN);
    [0.1454725, 0.6087795, 0.9471412].forEach((p, i) => {
      expect(oneProportion({ h: [0.2, 0.5, 0.8][i] as number, n: 20 }).power).toBeCloseToRel(p, power);
    });
    [
      0.3526081, 0.6087795, 0.781908, 0.8853791, 0.9424375, 0.9721272, 0.9869034, 0.9940005, 0.9973108,
      0.9988173,
    ].forEach((p, i) => {
      expect(oneProportion({ h: 0.5, n: 10 * (i + 1) }).power).toBeCloseToRel(p, power);
    });
  });
  it("two proportions (vig-08 to vig-13)", () => {
    expect(twoProportions({ h: cohenH(0.55, 0.5), power: 0.8 }).n).toBeCloseToRel(1564.529, solvedN);
    expect(twoProportions({ h: cohenH(0.1, 0.05), power: 0.8 }).n).toBeCloseToRel(423.7319, solvedN);
    expect(twoProportions({ h: 0.2, power: 0.8 }).n).toBeCloseToRel(392.443, solvedN);
    expect(twoProportions2n({ h: 0.2, n1: 543, n2: 675 }).power).toBeCloseToRel(0.9344102, power);
    expect(twoProportions2n({ h: 0.2, n1: 763, power: 0.8 }).n2).toBeCloseToRel(264.1544, solvedN);
    // base R power.prop.test(p1 = .55, p2 = .5, power = .8) = 1564.672 (strict = FALSE; the far tail is
    // negligible here, so strict = TRUE agrees to the printed digits)
    expect(proportions({ p1: 0.55, p2: 0.5, power: 0.8 }).n).toBeCloseToRel(1564.672, solvedN);
  });
  it("t tests (vig-14 to vig-22)", () => {
    expect(tTest({ n: 30, d: 0.5 }).power).toBeCloseToRel(0.4778965, power);
    expect(tTest({ d: 0.5, power: 0.8 }).n).toBeCloseToRel(63.76561, solvedN);
    expect(tTest({ d: 0.75 / 2.25, power: 0.8 }).n).toBeCloseToRel(142.2462, solvedN);
    expect(tTest({ d: 0.5 / 2.25, power: 0.9, type: "one-sample", alternative: "greater" }).n).toBeCloseToRel(
      174.7796,
      solvedN,
    );
    expect(tTest({ n: 24, d: 0.32, type: "paired", alternative: "greater" }).power).toBeCloseToRel(
      0.4508691,
      power,
    );
    expect(tTest({ d: 0.32, power: 0.8, type: "paired", alternative: "greater" }).n).toBeCloseToRel(
      61.75209,
      solvedN,
    );
    expect(
      tTest({ d: 0.08 / (0.1 * Math.SQRT2), power: 0.8, type: "paired", alternative: "greater" }).n,
    ).toBeCloseToRel(20.74232, solvedN);
    expect(tTest2n({ n1: 28, n2: 35, d: 0.5 }).power).toBeCloseToRel(0.4924588, power);
  });
  it("chi-square, correlation, ANOVA, f2 (vig-23 to vig-35)", () => {
    expect(chiSquare({ w: 0.2886751, N: 100, df: 3 }).power).toBeCloseToRel(0.6739834, { abs: 1e-6 });
    expect(chiSquare({ w: 0.2886751, df: 3, power: 0.8 }).N).toBeCloseToRel(130.8308, solvedN);
    expect(chiSquare({ w: 0.2182179, N: 100, df: 1, sigLevel: 0.01 }).power).toBeCloseToRel(0.3469206, {
      abs: 1e-6,
    });
    expect(chiSquare({ w: 0.2182179, df: 1, power: 0.9, sigLevel: 0.01 }).N).toBeCloseToRel(
      312.4671,
      solvedN,
    );
    expect(chiSquare({ w: 0.1, df: 1, power: 0.9, sigLevel: 0.01 }).N).toBeCloseToRel(1487.939, solvedN);
    expect(twoProportions({ h: 0.2, sigLevel: 0.01, power: 0.9 }).n).toBeCloseToRel(743.9694, solvedN);
    expect(correlation({ r: 0.3, power: 0.8 }).n).toBeCloseToRel(84.07364, solvedN);
    expect(correlation({ r: 0.1, sigLevel: 0.01, power: 0.8, alternative: "greater" }).n).toBeCloseToRel(
      999.2054,
      solvedN,
    );
    expect(correlation({ r: 0.1, sigLevel: 0.01, power: 0.8 }).n).toBeCloseToRel(1162.564, solvedN);
    expect(anova({ k: 3, f: 0.25, sigLevel: 0.01, power: 0.9 }).n).toBeCloseToRel(94.48714, solvedN);
    expect(anova({ k: 3, f: 5 / 3, sigLevel: 0.01, power: 0.9 }).n).toBeCloseToRel(3.842228, solvedN);
    expect(linearModel({ u: 2, f2: 0.3 / 0.7, sigLevel: 0.001, power: 0.8 }).v).toBeCloseToRel(
      49.88971,
      solvedN,
    );
    expect(linearModel({ u: 2, v: 37, f2: 0.3 / 0.7, sigLevel: 0.01 }).power).toBeCloseToRel(
      0.8406124,
      power,
    );
  });
});

describe("pwr 1.3-0 man-page examples (computed by pwr, full precision)", () => {
  it("powers at 1e-9", () => {
    const tight = { rel: 1e-9 };
    expect(tTest({ d: 0.2, n: 60, sigLevel: 0.1, type: "one-sample" }).power).toBeCloseToRel(
      0.455581764083989,
      tight,
    );
    expect(tTest({ d: 8 / (16 * Math.sqrt(2 * 0.4)), n: 40, type: "paired" }).power).toBeCloseToRel(
      0.93152482532093,
      tight,
    );
    expect(tTest({ d: 2 / 2.8, n: 30 }).power).toBeCloseToRel(0.776488876644172, tight);
    expect(tTest2n({ d: 0.6, n1: 90, n2: 60, alternative: "greater" }).power).toBeCloseToRel(
      0.973726154629217,
      tight,
    );
    expect(twoProportions({ h: 0.3, n: 80, alternative: "greater" }).power).toBeCloseToRel(
      0.599677704546438,
      tight,
    );
    expect(twoProportions2n({ h: 0.3, n1: 80, n2: 245, alternative: "greater" }).power).toBeCloseToRel(
      0.753292447231886,
      tight,
    );
    expect(oneProportion({ h: cohenH(0.5, 0.4), n: 60 }).power).toBeCloseToRel(0.344701409127215, tight);
    expect(correlation({ r: 0.3, n: 50 }).power).toBeCloseToRel(0.571555841860208, tight);
    expect(correlation({ r: 0.3, n: 50, alternative: "greater" }).power).toBeCloseToRel(
      0.691139485379656,
      tight,
    );
    expect(chiSquare({ w: 0.346, df: 2, N: 140, sigLevel: 0.01 }).power).toBeCloseToRel(
      0.88540528724145,
      tight,
    );
    expect(anova({ f: 0.28, k: 4, n: 20 }).power).toBeCloseToRel(0.514979292196859, { rel: 1e-8 });
    expect(linearModel({ u: 5, v: 89, f2: 0.1 / 0.9 }).power).toBeCloseToRel(0.673585770914399, {
      rel: 1e-8,
    });
    expect(normalMean({ d: 5 / 15, n: 20, alternative: "greater" }).power).toBeCloseToRel(
      0.438749027541011,
      tight,
    );
    expect(cohenH(0.65, 0.45)).toBeCloseToRel(0.404860075176958, { rel: 1e-12 });
  });
});

describe("G*Power 3.1 and WebPower 0.9.4 examples", () => {
  it("G*Power: two-sample t, d = 0.5, power 0.9 → N = 172 in total, actual power 0.9032", () => {
    const solved = tTest({ d: 0.5, power: 0.9 });
    expect(2 * (solved.nRecruit as number)).toBe(172);
    expect(tTest({ n: solved.nRecruit as number, d: 0.5 }).power).toBeCloseToRel(0.9032, { abs: 5e-5 });
  });
  it("G*Power: d = 0.5, power 0.8 → N = 128; one-way ANOVA f = 0.25, k = 3 → N = 159", () => {
    expect(2 * (tTest({ d: 0.5, power: 0.8 }).nRecruit as number)).toBe(128);
    expect(3 * (anova({ k: 3, f: 0.25, power: 0.8 }).nRecruit as number)).toBe(159);
  });
  it("WebPower wp.t and wp.prop (printed to 7 digits)", () => {
    expect(tTest({ n: 150, d: 0.2, type: "one-sample" }).power).toBeCloseToRel(0.682153, power);
    expect(tTest({ n: 40, d: -0.4, type: "paired", alternative: "less" }).power).toBeCloseToRel(
      0.7997378,
      power,
    );
    expect(tTest({ d: 0.4, power: 0.8, type: "paired", alternative: "greater" }).n).toBeCloseToRel(
      40.02908,
      solvedN,
    );
    expect(tTest({ n: 70, d: 0.3, alternative: "greater" }).power).toBeCloseToRel(0.5482577, power);
    expect(tTest2n({ n1: 30, n2: 40, d: 0.356 }).power).toBeCloseToRel(0.3064767, power);
    expect(twoProportions2n({ h: 0.52, n1: 35, n2: 50, alternative: "greater" }).power).toBeCloseToRel(
      0.7625743,
      power,
    );
    expect(oneProportion({ h: 0.52, power: 0.8, alternative: "greater" }).n).toBeCloseToRel(
      22.86449,
      solvedN,
    );
  });
});
