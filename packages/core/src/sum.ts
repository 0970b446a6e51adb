/**
 * Sums numbers with Neumaier's compensated summation, so long sums of mixed magnitudes keep their
 * last digits (a plain loop can lose all of them).
 *
 * @example
 * ```ts
 * import { sum } from "@tiltak/core";
 * sum([1e100, 1, -1e100]); // => 1
 * sum([0.1, 0.2, 0.3]); // => 0.6
 * ```
 */
export function sum(values: ArrayLike<number>): number {
  let total = 0;
  let compensation = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    const next = total + value;
    compensation += Math.abs(total) >= Math.abs(value) ? total - next + value : value - next + total;
    total = next;
  }
  return total + compensation;
}
