import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { createMinimiser, type MinimiserPlan, type MinimiserState, restoreMinimiser } from "@tiltak/allocate";
import { isTiltakError, type TableRecord, TiltakError } from "@tiltak/core";
import {
  type CommandIo,
  checkOutput,
  type FlagValues,
  readInput,
  readJsonInput,
  usageError,
  writeOutput,
} from "./common.js";
import { formatCsv } from "./csv.js";
import { writeFileAtomic } from "./files.js";
import { findPersonalIds } from "./personal-ids.js";

/**
 * `tiltak allocate minimise [plan.json] --units arrivals.csv --state minimiser.json [--out assignments.csv]`:
 * Pocock–Simon minimisation (`createMinimiser`) of the units in file order. With a plan it starts afresh
 * (refusing an existing state file unless `--force`); without one it resumes from `--state`
 * (`restoreMinimiser`). Either way it then rewrites the state file atomically for the next arrivals and
 * prints (or writes to `--out`) this batch's assignments as CSV (`unitId`, `arm`, the factors). Nothing
 * is written when a unit is refused (a missing factor, a repeated id).
 *
 * @param plan - the plan file, or undefined to resume
 * @param values - `units`, `state`, `out`, `force`, `allowPersonalIds`
 * @returns 0
 * @throws TiltakError `INVALID_INPUT` naming the file and row of a bad unit, a missing state, a bad plan
 *
 * @example
 * ```ts
 * import { minimiseCommand } from "@tiltak/cli";
 * await minimiseCommand(undefined, { units: "u.csv", state: "/no/such/state.json" }, { stdout: () => {}, stderr: () => {}, cwd: "." }); // => throws INVALID_INPUT
 * ```
 */
export async function minimiseCommand(
  plan: string | undefined,
  values: FlagValues,
  io: CommandIo,
): Promise<number> {
  if (typeof values.units !== "string")
    throw usageError("--units", "is required: the arriving units (CSV or JSON)");
  if (typeof values.state !== "string") throw usageError("--state", "is required: the minimiser state file");
  const statePath = resolve(io.cwd, values.state);
  const out = typeof values.out === "string" ? values.out : undefined;
  checkOutput(out, values.force === true, io);
  let minimiser: ReturnType<typeof createMinimiser>;
  if (plan !== undefined) {
    if (existsSync(statePath) && values.force !== true)
      throw usageError(
        "--state",
        `${values.state} exists: leave out the plan to resume from it, or pass --force to start afresh over it`,
      );
    minimiser = createMinimiser((await readJsonInput(plan, "plan", io)) as MinimiserPlan);
  } else {
    if (!existsSync(statePath))
      throw usageError(
        "--state",
        `${values.state} does not exist: give the plan file to start (tiltak allocate minimise plan.json --units … --state ${values.state})`,
      );
    minimiser = restoreMinimiser((await readJsonInput(values.state, "state", io)) as MinimiserState);
  }
  const input = await readInput(values.units, "units", io);
  const units: TableRecord[] =
    input.kind === "csv"
      ? input.table.rows
      : Array.isArray(input.value)
        ? (input.value as TableRecord[])
        : [];
  if (input.kind === "json" && !Array.isArray(input.value))
    throw usageError(input.name, "expected a JSON array of units");
  if (values.allowPersonalIds !== true) {
    const hits = findPersonalIds(
      units.map((unit) => Object.fromEntries(Object.entries(unit).map(([k, v]) => [k, String(v)]))),
    );
    const first = hits[0];
    if (first !== undefined)
      throw usageError(
        input.name,
        `contains Norwegian national identity numbers (${hits.length} cells; first at data row ${first.row}, column ${JSON.stringify(first.column)}). Minimisation needs pseudonymous ids only: replace them, or pass --allow-personal-ids if you must`,
      );
  }
  const before = minimiser.state().rows.length;
  units.forEach((unit, i) => {
    try {
      minimiser.assign(unit);
    } catch (error) {
      if (!isTiltakError(error)) throw error;
      throw new TiltakError(
        error.code,
        `${input.name} row ${i + 1}: ${error.message} (nothing was assigned or saved)`,
        error.issues,
      );
    }
  });
  const state = minimiser.state();
  const batch = state.rows.slice(before);
  const text = formatCsv(batch, Object.keys(state.rows[0] ?? { unitId: "", arm: "" }));
  await writeFileAtomic(statePath, `${JSON.stringify(state, null, 2)}\n`);
  const written = await writeOutput(text, out, values.force === true, io);
  io.stderr(
    `assigned ${batch.length} unit(s) (${state.rows.length} in all); state saved to ${values.state} for the next arrivals${written === undefined ? "" : `; wrote ${written}`}\n`,
  );
  return 0;
}
