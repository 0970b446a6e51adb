import { type AllocationPlan, allocationCsv, allocationList, verifyAllocation } from "@tiltak/allocate";
import { type CalcState, defined, num, numList, type TaskOutput, textList, tsObject } from "./state.js";

/**
 * The plan from the page's state: `arms` as `name` or `name:ratio` separated by commas, `strata` as
 * `field:level|level` separated by commas, `blockSizes` as numbers, `size`, `seed`, `design`, `rngAlgorithm`.
 */
export function planFromState(s: CalcState): AllocationPlan {
  const arms = textList(s, "arms")?.map((arm) => {
    const [name, ratio] = arm.split(":").map((part) => part.trim());
    if (ratio === undefined) return name as string;
    const value = Number(ratio);
    return { name: name as string, ratio: Number.isFinite(value) ? value : (ratio as unknown as number) };
  });
  let strata: Record<string, string[]> | undefined;
  const strataText = textList(s, "strata");
  if (strataText !== undefined) {
    strata = {};
    for (const part of strataText) {
      const [field, levels] = part.split(":").map((p) => p.trim());
      if (field)
        strata[field] = (levels ?? "")
          .split("|")
          .map((level) => level.trim())
          .filter((l) => l !== "");
    }
  }
  return defined({
    design: s.design || undefined,
    arms,
    strata,
    blockSizes: numList(s, "blockSizes"),
    size: num(s, "size"),
    seed: s.seed || undefined,
    rngAlgorithm: s.rngAlgorithm || undefined,
  }) as unknown as AllocationPlan;
}

/** Reads an allocation CSV back into rows (cells as text, quotes as RFC 4180). */
export function parseCsv(text: string): { columns: string[]; rows: Record<string, string>[] } {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  const [columns = [], ...body] = records;
  return {
    columns,
    rows: body.map((cells) => Object.fromEntries(columns.map((column, i) => [column, cells[i] ?? ""]))),
  };
}

async function verifyTask(files: {
  csv?: string;
  certificate?: string;
  commitment?: string;
}): Promise<TaskOutput> {
  if (!files.csv) throw new Error("list: choose the allocation CSV to verify");
  if (!files.certificate) throw new Error("certificate: choose the sealed certificate (JSON) of the list");
  let certificate: { plan: unknown; meta: Record<string, unknown> };
  try {
    certificate = JSON.parse(files.certificate);
  } catch (error) {
    throw new Error(`certificate is not valid JSON: ${(error as Error).message}`);
  }
  const { rows } = parseCsv(files.csv);
  const report = await verifyAllocation({ rows, plan: certificate.plan, meta: certificate.meta } as never);
  const first = report.differences[0];
  let commitmentOk: boolean | undefined;
  if (files.commitment) {
    let published: Record<string, unknown>;
    try {
      published = JSON.parse(files.commitment);
    } catch {
      published = { digest: files.commitment.trim() };
    }
    // TODO(commitment): check the salted commitment with verifyAllocation(result, { commitment }) once it lands.
    commitmentOk = published.digest === undefined ? undefined : published.digest === report.digest;
  }
  return {
    results: [
      { key: "ok", value: report.ok && commitmentOk !== false },
      { key: "differenceCount", value: report.differenceCount },
      { key: "firstDifferenceRow", value: first ? first.row : null },
      { key: "firstDifferenceColumn", value: first ? first.column : null },
      ...(commitmentOk === undefined ? [] : [{ key: "commitmentOk", value: commitmentOk }]),
    ],
    figures: [],
    tables: first
      ? [
          {
            title: "Differences",
            result: "differences",
            columns: ["row", "column", "expected", "found"],
            rows: report.differences
              .slice(0, 20)
              .map((d) => [d.row, d.column, String(d.expected), String(d.found)]),
          },
        ]
      : [],
    code: {
      ts: `import { verifyAllocation } from "@tiltak/allocate";\nconst certificate = JSON.parse(readFileSync("certificate.json", "utf8"));\nawait verifyAllocation({ rows, plan: certificate.plan, meta: certificate.meta });`,
      r: `# tiltak verify from the command line:\n# npx tiltak allocate verify list.csv --certificate certificate.json`,
    },
  };
}

/** The allocation calculator: generate a list from a plan, or verify one (`mode=verify`). */
export async function allocationTask(s: CalcState, upload?: string): Promise<TaskOutput> {
  if (s.mode === "verify") return verifyTask(upload ? JSON.parse(upload) : {});
  const plan = planFromState(s);
  const list = await allocationList(plan);
  const csv = allocationCsv(list);
  const counts = new Map<string, number>();
  for (const row of list.rows) counts.set(row.arm, (counts.get(row.arm) ?? 0) + 1);
  const certificate = { plan: list.plan, meta: list.meta };
  return {
    results: [
      { key: "rows", value: list.rows.length },
      ...[...counts].map(([arm, count]) => ({ key: `arm:${arm}`, value: count })),
      { key: "digest", value: list.meta.digest },
    ],
    figures: [],
    tables: [
      {
        title: "First rows of the list",
        result: "list",
        columns: [...list.meta.columns],
        rows: list.rows.slice(0, 12).map((row) => list.meta.columns.map((c) => String((row as never)[c]))),
      },
    ],
    downloads: [
      {
        name: "allocation-list.csv",
        mime: "text/csv",
        text: csv,
        note: "The list: give it to whoever enrols participants, or keep it sealed until enrolment.",
      },
      {
        name: "allocation-certificate.json",
        mime: "application/json",
        text: `${JSON.stringify(certificate, null, 2)}\n`,
        note: "Keep sealed: it holds the plan and the seed that rebuild the list.",
      },
      {
        name: "allocation-commitment.json",
        mime: "application/json",
        text: `${JSON.stringify({ digest: list.meta.digest, rows: list.rows.length, algorithm: list.meta.algorithm, tiltakVersion: list.meta.tiltakVersion }, null, 2)}\n`,
        note: "Publish this before enrolment starts (for example in the trial registration).",
      },
    ],
    code: {
      ts: `import { allocationCsv, allocationList } from "@tiltak/allocate";\nconst list = await allocationList(${tsObject(plan as never)});\nallocationCsv(list);`,
      r: `# blockrand draws with R's own generator: the list differs. The same list from the command line:\n# npx tiltak allocate list plan.json`,
    },
  };
}
