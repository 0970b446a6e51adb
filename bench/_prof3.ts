import { keysFromUnits, assignArms, unitRowsAndCsv, parseUnitPlan } from "../packages/allocate/src/assign.ts";
import { createRng, sha256Hex, toRecords } from "@tiltak/core";
const n = 1_000_000;
const units = new Array<{ id: number; stratum: string }>(n);
for (let i = 0; i < n; i++) units[i] = { id: i + 1, stratum: `s${i % 100}` };
for (let rep = 0; rep < 5; rep++) {
  const T = [performance.now()];
  const up = parseUnitPlan({ design: "blocked", arms: ["A","B"], strata: ["stratum"], seed: "b" });
  const rec = toRecords(units, "units"); T.push(performance.now());
  const keys = keysFromUnits(rec, up); T.push(performance.now());
  const d = assignArms(keys, up, createRng("b")); T.push(performance.now());
  const r = unitRowsAndCsv(keys, up, d); T.push(performance.now());
  await sha256Hex(r.csv); T.push(performance.now());
  console.log(T.slice(1).map((t, i) => (t - T[i]).toFixed(0)).join(" "), "total", (T[T.length-1]-T[0]).toFixed(0));
}
