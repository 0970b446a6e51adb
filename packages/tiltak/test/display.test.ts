// display/mimeBundle: which MIME types each kind of value gets, HTML escaping, the Deno hand-off, bad input.
import { afterEach, describe, expect, it, vi } from "vitest";
import { datasets, display, mimeBundle, plot, power } from "../src/index.ts";

describe("mimeBundle", () => {
  it("rows become an HTML table with a plain-text twin, numbers right-aligned and rounded", async () => {
    const bundle = await mimeBundle(
      [
        { outcome: "work", count: 27, rate: 27 / 84 },
        { outcome: "<b>x</b>", count: 3, rate: null },
      ],
      { title: "Exits", digits: 3 },
    );
    expect(Object.keys(bundle)).toEqual(["text/html", "text/plain"]);
    const html = bundle["text/html"] as string;
    expect(html).toContain("<caption>Exits</caption>");
    expect(html).toContain("<td>&lt;b&gt;x&lt;/b&gt;</td>");
    expect(html).toContain('<td style="text-align:right">0.321</td>');
    expect((bundle["text/plain"] as string).split("\n")).toEqual([
      "Exits",
      "outcome   count   rate",
      "work         27  0.321",
      "<b>x</b>      3",
    ]);
  });

  it("counts the rows it leaves out", async () => {
    const rows = Array.from({ length: 7 }, (_, i) => ({ i }));
    const bundle = await mimeBundle(rows, { maxRows: 5 });
    expect(bundle["text/plain"]).toContain("2 more rows not shown");
    expect((bundle["text/html"] as string).match(/<tr>/g)).toHaveLength(6);
  });

  it("an Arquero-like table (objects()) is a table too", async () => {
    const table = { objects: () => [{ a: 1 }, { a: 2 }] };
    expect((await mimeBundle(table))["text/plain"]).toBe("a\n1\n2");
  });

  it("a result object is a table of its fields with nested rows below", async () => {
    const result = { n: 63.76561, method: "t", rows: [{ x: 1 }, { x: 2 }], nested: { a: 1 } };
    const bundle = await mimeBundle(result);
    const text = bundle["text/plain"] as string;
    expect(text).toContain("n       63.77");
    expect(text).toContain('nested  {"a":1}');
    expect(text).toContain("rows\nx\n1\n2");
  });

  it("a Vega-Lite spec gets the Vega-Lite MIME type and an SVG fallback", async () => {
    const rows = power.powerCurve(power.tTest, { d: 0.5 }, { vary: "n", from: 10, to: 100, points: 4 });
    const spec = plot.powerCurve(rows);
    const bundle = await mimeBundle(spec, { title: "curve" });
    expect(Object.keys(bundle)).toEqual(["application/vnd.vegalite.v5+json", "image/svg+xml", "text/plain"]);
    expect(bundle["application/vnd.vegalite.v5+json"]).toBe(spec);
    expect((bundle["image/svg+xml"] as string).startsWith("<svg")).toBe(true);
    expect(bundle["text/plain"]).toBe("curve");
  });

  it("a programme theory is drawn as SVG", async () => {
    const theory = datasets.theories.find((t) => t.id === "nibr-kystbyen");
    const bundle = await mimeBundle(theory);
    expect(Object.keys(bundle)).toEqual(["image/svg+xml", "text/plain"]);
    expect(bundle["image/svg+xml"]).toContain("<svg");
  }, 30_000);

  it("scalars are text; undefined and functions are refused by name", async () => {
    expect(await mimeBundle(0.5)).toEqual({ "text/plain": "0.5" });
    await expect(mimeBundle(undefined)).rejects.toThrow(/value must be a spec, a theory, rows/);
    await expect(mimeBundle(() => 1)).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});

describe("display", () => {
  afterEach(() => {
    delete (globalThis as { Deno?: unknown }).Deno;
    vi.restoreAllMocks();
  });

  it("hands the raw bundle to Deno.jupyter.display in the Deno kernel", async () => {
    const shown: unknown[] = [];
    (globalThis as { Deno?: unknown }).Deno = {
      jupyter: { display: async (bundle: unknown, options: unknown) => shown.push([bundle, options]) },
    };
    await display([{ a: 1 }]);
    expect(shown).toEqual([
      [{ "text/html": expect.stringContaining("<table>"), "text/plain": "a\n1" }, { raw: true }],
    ]);
  });

  it("prints the plain text outside a notebook", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    await display({ n: 2 });
    expect(log).toHaveBeenCalledWith("field  value\nn          2");
  });
});
