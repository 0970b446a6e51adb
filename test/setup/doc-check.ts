import { expect } from "vitest";

function decimalsOf(literal: string): number {
  const match = /\.(\d+)(?:e[-+]?\d+)?$/i.exec(literal.trim());
  return match ? (match[1] ?? "").length : 0;
}

function compare(actual: unknown, expected: unknown, literal: string, where: string): void {
  if (typeof expected === "number") {
    expect(typeof actual, where).toBe("number");
    const exponent = /e([-+]?\d+)$/i.exec(literal.trim());
    const scale = exponent ? 10 ** Number(exponent[1]) : 1;
    const tolerance = 0.5 * 10 ** -decimalsOf(literal) * scale * (1 + 1e-9);
    expect(
      Math.abs((actual as number) - expected),
      `${where}: got ${String(actual)}, documented ${literal}`,
    ).toBeLessThanOrEqual(tolerance);
    return;
  }
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), where).toBe(true);
    expect((actual as unknown[]).length, where).toBe(expected.length);
    for (const [i, item] of expected.entries()) {
      compare((actual as unknown[])[i], item, numberLiteral(item), `${where}[${i}]`);
    }
    return;
  }
  if (typeof expected === "object" && expected !== null) {
    expect(typeof actual, where).toBe("object");
    for (const [key, item] of Object.entries(expected)) {
      compare((actual as Record<string, unknown>)[key], item, numberLiteral(item), `${where}.${key}`);
    }
    return;
  }
  expect(actual, where).toEqual(expected);
}

// Inside arrays and objects the written digits are lost after parsing; the shortest round-trip form of
// the parsed number is what was written.
function numberLiteral(value: unknown): string {
  return typeof value === "number" ? String(value) : "";
}

/** Asserts a documented `// => expected` line. */
export function __check(actual: unknown, literal: string, where: string): void {
  // The literal comes from our own doc comments; evaluating it is the point of the check.
  const expected = new Function(`return (${literal});`)();
  compare(actual, expected, literal, where);
}

/** Asserts a documented `// => throws CODE` line. */
export async function __checkThrows(
  run: () => unknown,
  code: string,
  message: string | undefined,
  where: string,
): Promise<void> {
  let caught: unknown;
  try {
    await run();
  } catch (error) {
    caught = error;
  }
  expect(caught, `${where}: expected a throw`).toBeDefined();
  expect((caught as { code?: string }).code, where).toBe(code);
  if (message !== undefined) expect((caught as Error).message, where).toBe(message);
}
