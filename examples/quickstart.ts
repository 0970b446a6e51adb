// Quick-start demo (grows with the packages): NorA 2024 reports 27 of 84 exits to work.
import { formatPercent } from "@tiltak/core";

const exitsToWork = 27;
const exits = 84;
console.log(
  `NorA 2024: ${exitsToWork} of ${exits} exits to work = ${formatPercent(exitsToWork / exits)} (${formatPercent(exitsToWork / exits, { lang: "nb" })})`,
);
