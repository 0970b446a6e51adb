import {
  type AllocationPlan,
  allocationCsv,
  allocationList,
  newSeed,
  publicCommitment,
  verifyAllocation,
} from "@tiltak/allocate";
import {
  type CalcState,
  chartText,
  defined,
  langOf,
  num,
  numList,
  type TaskOutput,
  textList,
  tsObject,
} from "./state.js";

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

/** The sealed certificate, as `tiltak allocate list` writes it (format `/2`). */
interface Certificate {
  format?: string;
  method?: string;
  plan: unknown;
  seed: string;
  algorithm: string;
  tiltakVersion?: string;
  digest: string;
  salt?: string;
  commitment?: string;
  createdAt?: string;
  columns?: string[];
}

async function verifyTask(
  files: {
    csv?: string;
    certificate?: string;
    commitment?: string;
  },
  words: (typeof chartText)["en" | "nb"],
): Promise<TaskOutput> {
  if (!files.csv) throw new Error("list: choose the allocation CSV to verify");
  if (!files.certificate)
    throw new Error("certificate: choose the sealed certificate (.sealed.json) of the list");
  let certificate: Certificate;
  try {
    certificate = JSON.parse(files.certificate) as Certificate;
  } catch (error) {
    throw new Error(`certificate is not valid JSON: ${(error as Error).message}`);
  }
  let published: string | { commitment: string } | undefined;
  if (files.commitment) {
    try {
      published = JSON.parse(files.commitment) as { commitment: string };
    } catch {
      published = files.commitment.trim();
    }
  }
  const { rows } = parseCsv(files.csv);
  const meta = defined({
    method: certificate.method,
    seed: certificate.seed,
    algorithm: certificate.algorithm,
    tiltakVersion: certificate.tiltakVersion,
    digest: certificate.digest,
    salt: certificate.salt,
    commitment: certificate.commitment,
    createdAt: certificate.createdAt,
    columns: certificate.columns,
  });
  const report = await verifyAllocation(
    { rows, plan: certificate.plan, meta } as never,
    published === undefined ? {} : { commitment: published },
  );
  const first = report.differences[0];
  return {
    results: [
      { key: "ok", value: report.ok },
      { key: "failed", value: report.failed.join(", ") || "—" },
      { key: "differenceCount", value: report.differenceCount },
      { key: "firstDifferenceRow", value: first ? first.row : null },
      { key: "firstDifferenceColumn", value: first ? first.column : null },
      { key: "commitmentOk", value: report.commitment.checked ? report.commitment.ok : null },
    ],
    figures: [],
    notes: report.commitment.reason ? [report.commitment.reason] : [],
    tables: first
      ? [
          {
            title: words.differences,
            result: "differences",
            columns: [...words.differenceColumns],
            rows: report.differences
              .slice(0, 20)
              .map((d) => [d.row, d.column, String(d.expected), String(d.found)]),
          },
        ]
      : [],
    code: {
      ts: `import { verifyAllocation } from "@tiltak/allocate";\nawait verifyAllocation({ rows, plan: certificate.plan, meta: certificate }, { commitment: published });`,
      r: `# From the command line (Node):\n# npx tiltak allocate verify allocation-list.csv --commitment allocation-list.commitment.json`,
    },
  };
}

/** A strong random seed (`newSeed`: 128 bits from Web Crypto). */
export function drawSeed(): string {
  return newSeed();
}

/** The allocation calculator: generate a list from a plan, or verify one (`mode=verify`). */
export async function allocationTask(s: CalcState, upload?: string): Promise<TaskOutput> {
  const words = chartText[langOf(s)];
  if (s.mode === "verify") return verifyTask(upload ? JSON.parse(upload) : {}, words);
  const plan = planFromState(s);
  const list = await allocationList(plan);
  const csv = allocationCsv(list);
  const counts = new Map<string, number>();
  for (const row of list.rows) counts.set(row.arm, (counts.get(row.arm) ?? 0) + 1);
  const file = "allocation-list.csv";
  const certificate = {
    format: "tiltak-allocation-certificate/2",
    notice:
      "SEALED: holds the seed, salt and digest, from which the list can be recomputed or recognised. Keep it with the trial statistician, away from everyone who enrols or allocates participants, until the list is revealed; publish the .commitment.json file instead.",
    file,
    method: list.meta.method,
    plan: list.plan,
    seed: list.meta.seed,
    algorithm: list.meta.algorithm,
    tiltakVersion: list.meta.tiltakVersion,
    digest: list.meta.digest,
    salt: list.meta.salt,
    commitment: list.meta.commitment,
    createdAt: list.meta.createdAt,
    rows: list.rows.length,
    columns: list.meta.columns,
  };
  return {
    results: [
      { key: "rows", value: list.rows.length },
      ...[...counts].map(([arm, count]) => ({ key: `arm:${arm}`, value: count })),
      { key: "commitment", value: list.meta.commitment },
    ],
    figures: [],
    notes: (list.warnings ?? []).map((warning) => `Seed: ${warning}`),
    tables: [
      {
        title: words.firstRows,
        result: "list",
        columns: [...list.meta.columns],
        rows: list.rows.slice(0, 12).map((row) => list.meta.columns.map((c) => String((row as never)[c]))),
      },
    ],
    downloads: [
      {
        name: file,
        mime: "text/csv",
        text: csv,
        note: "The list: keep it sealed, or give it only to whoever allocates, never to those who enrol.",
      },
      {
        name: "allocation-list.sealed.json",
        mime: "application/json",
        text: `${JSON.stringify(certificate, null, 2)}\n`,
        note: "Keep sealed: the seed, salt and digest rebuild or recognise the list. Reveal it with the list after enrolment.",
      },
      {
        name: "allocation-list.commitment.json",
        mime: "application/json",
        text: `${JSON.stringify({ ...publicCommitment(list), file }, null, 2)}\n`,
        note: "Publish this one before enrolment starts (for example in the trial registration): it commits to the list without revealing it.",
      },
    ],
    code: {
      ts: `import { allocationCsv, allocationList } from "@tiltak/allocate";\nconst list = await allocationList(${tsObject(plan as never)});\nallocationCsv(list);`,
      r: `# blockrand draws with R's own generator: the list differs. The same list from the command line:\n# npx tiltak allocate list plan.json`,
    },
  };
}
