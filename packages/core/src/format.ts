import { invalidInput } from "./errors.js";

/** Languages tiltak writes numbers and reports in: English and Norwegian bokmål. */
export type Language = "en" | "nb";

/** Options of {@link formatNumber} and {@link formatPercent}. */
export interface FormatOptions {
  /** `"en"` (default) or `"nb"`. */
  lang?: Language;
  /** Digits after the decimal separator; default 3 for numbers, 1 for percentages. */
  digits?: number;
  /** Use a no-break space (U+00A0) for digit grouping and before `%`, as typeset bokmål does; default false. */
  nonBreaking?: boolean;
}

const locales: Record<Language, string> = { en: "en-GB", nb: "nb-NO" };

function formatter(
  style: "decimal" | "percent",
  options: FormatOptions,
  defaultDigits: number,
): Intl.NumberFormat {
  const lang = options.lang ?? "en";
  if (!(lang in locales)) invalidInput("lang", 'must be "en" or "nb"', lang);
  const digits = options.digits ?? defaultDigits;
  if (!Number.isInteger(digits) || digits < 0 || digits > 20)
    invalidInput("digits", "must be an integer in [0, 20]", digits);
  return new Intl.NumberFormat(locales[lang], {
    style,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

function tidy(text: string, options: FormatOptions): string {
  // ICU writes bokmål with U+2212 for minus and no-break spaces; plain text and CSV want ASCII unless asked.
  const minus = text.replace(/\u2212/g, "-");
  return options.nonBreaking ? minus.replace(/[\u202f ]/g, "\u00a0") : minus.replace(/[\u00a0\u202f]/g, " ");
}

/**
 * Formats a number for reports: `0.321` in English, `0,321` in bokmål.
 *
 * @param value - a finite number
 * @param options - language and digits
 * @throws TiltakError `INVALID_INPUT` for a non-finite value
 *
 * @example
 * ```ts
 * import { formatNumber } from "@tiltak/core";
 * formatNumber(0.32143, { lang: "nb" }); // => "0,321"
 * formatNumber(12345.6, { lang: "en", digits: 1 }); // => "12,345.6"
 * formatNumber(12345.6, { lang: "nb", digits: 1 }); // => "12 345,6"
 * ```
 */
export function formatNumber(value: number, options: FormatOptions = {}): string {
  if (typeof value !== "number" || !Number.isFinite(value))
    invalidInput("value", "must be a finite number", value);
  return tidy(formatter("decimal", options, 3).format(value), options);
}

/**
 * Formats a proportion as a percentage: `32.1%` in English, `32,1 %` in bokmål.
 *
 * @param value - a proportion (0.321 is 32.1 %)
 * @param options - language and digits
 * @throws TiltakError `INVALID_INPUT` for a non-finite value
 *
 * @example
 * ```ts
 * import { formatPercent } from "@tiltak/core";
 * formatPercent(27 / 84, { lang: "nb" }); // => "32,1 %"
 * formatPercent(27 / 84); // => "32.1%"
 * ```
 */
export function formatPercent(value: number, options: FormatOptions = {}): string {
  if (typeof value !== "number" || !Number.isFinite(value))
    invalidInput("value", "must be a finite number", value);
  return tidy(formatter("percent", options, 1).format(value), options);
}
