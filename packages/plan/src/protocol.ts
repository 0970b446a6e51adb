import { type PublicCommitment, publicCommitment } from "@tiltak/allocate";
import { formatNumber, formatPercent, invalidInput, type Language, parseOptions } from "@tiltak/core";
import * as z from "zod/mini";
import type { TrialPlan } from "./plan-trial.js";

/** Options of {@link toProtocol}. */
export interface ProtocolOptions {
  /** `"en"` (default) or `"nb"` (bokmål). */
  lang?: Language | undefined;
}

/**
 * Schema of {@link ProtocolOptions} (zod/mini).
 *
 * @example
 * ```ts
 * import { protocolOptions } from "@tiltak/plan";
 * protocolOptions.safeParse({ lang: "nb" }).success; // => true
 * protocolOptions.safeParse({ lang: "nn" }).success; // => false
 * ```
 */
export const protocolOptions: z.ZodMiniType<ProtocolOptions> = z.strictObject({
  lang: z.optional(z.enum(["en", "nb"])),
});

/**
 * The commitment to publish (`allocate.publicCommitment`: HMAC-SHA256 keyed by the secret salt, with the
 * arms, factors, list size, algorithm and version; never the seed, salt or block sizes), or `null` for an
 * allocation made before tiltak made commitments.
 */
function published(plan: TrialPlan): PublicCommitment | null {
  const meta = plan.allocation.meta as unknown as Record<string, unknown>;
  return typeof meta.commitment === "string" ? publicCommitment(plan.allocation) : null;
}

/** The statistics of the randomisation inference, in bokmål. */
const statisticNb: Record<string, string> = {
  "difference in means (risk difference)": "differansen i gjennomsnitt (risikodifferansen)",
  "difference in means (mean difference)": "differansen i gjennomsnitt",
  "difference in the mean of cluster means": "differansen i gjennomsnittet av klyngegjennomsnittene",
  "difference in means": "differansen i gjennomsnitt",
};

interface Words {
  title: string;
  items: Record<"12" | "14" | "16a" | "16b" | "16c" | "20a", string>;
}

const words: Record<Language, Words> = {
  en: {
    title: "Protocol",
    items: {
      "12": "Primary outcome",
      "14": "Sample size",
      "16a": "Allocation: sequence generation",
      "16b": "Allocation: concealment mechanism",
      "16c": "Allocation: implementation",
      "20a": "Statistical methods",
    },
  },
  nb: {
    title: "Protokoll",
    items: {
      "12": "Primært utfallsmål",
      "14": "Utvalgsstørrelse",
      "16a": "Fordeling: generering av sekvensen",
      "16b": "Fordeling: skjuling av fordelingen",
      "16c": "Fordeling: gjennomføring",
      "20a": "Statistiske metoder",
    },
  },
};

/**
 * Writes the SPIRIT 2013 items a plan answers as Markdown, in English or bokmål, each headed with its item
 * number: 12 (primary outcome), 14 (sample size, with every number and the call that reruns it), 16a
 * (sequence generation: design, ratio, stratification factors; the block sizes and the seed are left to
 * the sealed certificate, as 16a asks), 16b (concealment: the published commitment to the list, never the
 * seed, salt or plain digest, which would reveal it), 16c (implementation) and 20a (statistical methods).
 * Every number comes from the plan object (Chan et al. 2013, SPIRIT 2013 Statement, Ann Intern Med 158:200).
 *
 * @param plan - a {@link TrialPlan}
 * @param options - `{ lang: "en" | "nb" }`
 * @returns Markdown
 * @throws TiltakError `INVALID_INPUT` for a value that is not a plan or an unknown language
 * @see docs/methods/plan/index.md
 *
 * @example
 * ```ts
 * import { planTrial, toProtocol } from "@tiltak/plan";
 * const plan = await planTrial({ outcome: { name: "exit to paid work", kind: "binary" }, baseline: { rate: 0.32 }, effect: { rate: 0.45 }, design: { kind: "individual" }, seed: "protocol-doc-seed" });
 * const text = toProtocol(plan, { lang: "nb" });
 * text.includes("## SPIRIT 14: Utvalgsstørrelse"); // => true
 * text.includes("protocol-doc-seed"); // => false
 * ```
 */
export function toProtocol(plan: TrialPlan, options: ProtocolOptions = {}): string {
  const o = parseOptions(protocolOptions, options);
  if (plan?.method !== "planTrial") invalidInput("plan", "must be a plan from planTrial", plan);
  const lang: Language = o.lang ?? "en";
  const nb = lang === "nb";
  const w = words[lang];
  const num = (value: number, digits = 3): string => formatNumber(value, { lang, digits });
  const pct = (value: number, digits = 1): string => formatPercent(value, { lang, digits });
  const int = (value: number): string => formatNumber(value, { lang, digits: 0 });
  const { outcome, design, baseline, effect, sampleSize: size, analysis } = plan;
  const [arm0, arm1] = design.arms as [string, string];
  const pub = published(plan);
  const lines: string[] = [];
  const heading = (item: keyof Words["items"]): void => {
    lines.push(`## SPIRIT ${item}: ${w.items[item]}`, "");
  };
  lines.push(`# ${w.title}: ${outcome.name}${plan.theory ? ` (${plan.theory.title})` : ""}`, "");

  // 12 ------------------------------------------------------------------------------------------------
  heading("12");
  const definition = outcome.definition ? ` (${outcome.definition})` : "";
  if (outcome.kind === "binary")
    lines.push(
      nb
        ? `Det primære utfallsmålet er ${outcome.name}${definition}, en andel. Effekten måles som risikodifferansen mellom ${arm0} og ${arm1}.`
        : `The primary outcome is ${outcome.name}${definition}, a share. The effect is measured as the risk difference between ${arm0} and ${arm1}.`,
    );
  else
    lines.push(
      nb
        ? `Det primære utfallsmålet er ${outcome.name}${definition}, en kontinuerlig størrelse. Effekten måles som differansen i gjennomsnitt mellom ${arm0} og ${arm1}.`
        : `The primary outcome is ${outcome.name}${definition}, a continuous measure. The effect is measured as the difference in means between ${arm0} and ${arm1}.`,
    );
  if (outcome.indicator)
    lines.push(
      "",
      nb
        ? `Det er indikatoren \`${outcome.indicator}\` i programteorien${outcome.target !== undefined ? `, med målet ${pct(outcome.target)}` : ""}.`
        : `It is the indicator \`${outcome.indicator}\` of the programme theory${outcome.target !== undefined ? `, whose target is ${pct(outcome.target)}` : ""}.`,
    );
  lines.push("");

  // 14 ------------------------------------------------------------------------------------------------
  heading("14");
  const sig = num(size.sigLevel, 2);
  const pow = num(plan.sampleSize.call.options.power as number, 2);
  if (outcome.kind === "binary") {
    const p0 = baseline.rate as number;
    const from =
      baseline.count !== undefined && baseline.denominator !== undefined
        ? nb
          ? ` (${int(baseline.count)} av ${int(baseline.denominator)} ${baseline.denominatorKind}, ${baseline.source?.split(":")[0]}; 95 % konfidensintervall ${pct(baseline.lower as number)} til ${pct(baseline.upper as number)})`
          : ` (${int(baseline.count)} of ${int(baseline.denominator)} ${baseline.denominatorKind}, ${baseline.source?.split(":")[0]}; 95% confidence interval ${pct(baseline.lower as number)} to ${pct(baseline.upper as number)})`
        : "";
    lines.push(
      nb
        ? `Andelen i ${arm1} antas å være ${pct(p0)}${from}. Studien dimensjoneres for å påvise en økning til ${pct(effect.rate as number)} (Cohens h = ${num(effect.h as number)}) med styrke ${pow} ved tosidig signifikansnivå ${sig}.`
        : `The share in ${arm1} is assumed to be ${pct(p0)}${from}. The trial is powered to detect a change to ${pct(effect.rate as number)} (Cohen's h = ${num(effect.h as number)}) with power ${pow} at a two-sided significance level of ${sig}.`,
    );
  } else {
    lines.push(
      nb
        ? `Standardavviket til utfallet antas å være ${num(baseline.sd as number)}. Studien dimensjoneres for å påvise en differanse på ${num(effect.difference as number)} (Cohens d = ${num(effect.d as number)}) med styrke ${pow} ved tosidig signifikansnivå ${sig}.`
        : `The outcome's standard deviation is assumed to be ${num(baseline.sd as number)}. The trial is powered to detect a difference of ${num(effect.difference as number)} (Cohen's d = ${num(effect.d as number)}) with power ${pow} at a two-sided significance level of ${sig}.`,
    );
  }
  lines.push("");
  const attrition = pct(size.attrition);
  if (size.unit === "units") {
    const analysed = Math.ceil(size.perArm);
    lines.push(
      nb
        ? `Styrkeberegningen (\`power.${size.call.fn}\`, ${size.method}) gir n = ${num(size.perArm, 2)} per arm; rundet opp analyseres ${int(analysed)} per arm (${int(2 * analysed)} i alt), som gir styrke ${num(size.power)}. Med ${attrition} frafall rekrutteres ${int(size.recruitPerArm)} per arm, ${int(size.recruitTotal)} i alt.`
        : `The power calculation (\`power.${size.call.fn}\`, ${size.method}) gives n = ${num(size.perArm, 2)} per arm; rounded up, ${int(analysed)} per arm (${int(2 * analysed)} in all) are analysed, with power ${num(size.power)}. Allowing for ${attrition} lost to follow-up, ${int(size.recruitPerArm)} are recruited per arm, ${int(size.recruitTotal)} in all.`,
    );
  } else if (design.kind === "cluster") {
    lines.push(
      nb
        ? `Klyngerandomisert design med ${num(size.unitsPerCluster as number, 0)} analyserte per klynge og intraklassekorrelasjon ${num(design.icc as number)}${design.cv ? ` (variasjonskoeffisient for klyngestørrelsen ${num(design.cv, 2)})` : ""}. Styrkeberegningen (\`power.${size.call.fn}\`, ${size.method}) gir ${num(size.total, 2)} klynger i alt (${num(size.perArm, 2)} per arm); rundet opp ${int(size.clustersPerArm as number)} klynger per arm (${int(size.clusters as number)} i alt), som gir styrke ${num(size.power)}. Med ${attrition} frafall rekrutteres ${int(size.recruitPerCluster as number)} per klynge: ${int(size.recruitPerArm)} per arm, ${int(size.recruitTotal)} i alt.`
        : `Cluster-randomised design with ${num(size.unitsPerCluster as number, 0)} analysed per cluster and an intra-cluster correlation of ${num(design.icc as number)}${design.cv ? ` (cluster sizes' coefficient of variation ${num(design.cv, 2)})` : ""}. The power calculation (\`power.${size.call.fn}\`, ${size.method}) gives ${num(size.total, 2)} clusters in all (${num(size.perArm, 2)} per arm); rounded up, ${int(size.clustersPerArm as number)} clusters per arm (${int(size.clusters as number)} in all), with power ${num(size.power)}. Allowing for ${attrition} lost to follow-up, ${int(size.recruitPerCluster as number)} are recruited per cluster: ${int(size.recruitPerArm)} per arm, ${int(size.recruitTotal)} in all.`,
    );
  } else {
    lines.push(
      nb
        ? `Trinnvis kileformet design (stepped wedge) med ${int(design.steps as number)} trinn, ${num(size.unitsPerCluster as number, 0)} analyserte per klynge og periode og intraklassekorrelasjon ${num(design.icc as number)}. Det minste antallet klynger som gir styrke ${pow} (\`power.${size.call.fn}\`, ${size.method}) er ${int(size.clusters as number)} (${(size.clustersPerStep ?? []).map(int).join(", ")} per trinn), med styrke ${num(size.power)}. Med ${attrition} frafall rekrutteres ${int(size.recruitPerCluster as number)} per klynge og periode.`
        : `Stepped-wedge design with ${int(design.steps as number)} steps, ${num(size.unitsPerCluster as number, 0)} analysed per cluster and period and an intra-cluster correlation of ${num(design.icc as number)}. The smallest number of clusters reaching power ${pow} (\`power.${size.call.fn}\`, ${size.method}) is ${int(size.clusters as number)} (${(size.clustersPerStep ?? []).map(int).join(", ")} per step), with power ${num(size.power)}. Allowing for ${attrition} lost to follow-up, ${int(size.recruitPerCluster as number)} are recruited per cluster and period.`,
    );
  }
  lines.push(
    "",
    nb ? "Beregningen kan kjøres på nytt slik:" : "To rerun the calculation:",
    "",
    "```ts",
    'import { power } from "tiltak";',
    `power.${size.call.fn}(${JSON.stringify(size.call.options)});`,
    "```",
    "",
  );

  // 16a -----------------------------------------------------------------------------------------------
  heading("16a");
  const strata = design.strata;
  const factors =
    strata === undefined
      ? []
      : Array.isArray(strata)
        ? strata
        : Object.entries(strata).map(([name, levels]) => `${name} (${levels.join(", ")})`);
  const armsText =
    design.kind === "stepped-wedge"
      ? (plan.allocation.plan.arms as string[]).join(", ")
      : `${arm0} : ${arm1}`;
  const list = plan.allocation.meta.method === "allocationList";
  const blocked = (plan.allocation.plan as { blockSizes?: unknown }).blockSizes !== undefined;
  const what =
    design.kind === "individual"
      ? list
        ? nb
          ? "en datagenerert liste med permuterte blokker av varierende størrelse"
          : "a computer-generated list of permuted blocks of varying size"
        : nb
          ? "datagenerert fullstendig randomisering av de kjente enhetene"
          : "computer-generated complete randomisation of the known units"
      : nb
        ? "datagenerert randomisering av hele klynger"
        : "computer-generated randomisation of whole clusters";
  lines.push(
    nb
      ? `${design.kind === "stepped-wedge" ? "Klyngene fordeles til sekvensene" : design.kind === "cluster" ? "Klyngene fordeles 1 : 1 til" : "Deltakerne fordeles 1 : 1 til"} ${armsText} ved ${what} (tiltak ${plan.allocation.meta.tiltakVersion}, \`allocate.${plan.allocation.meta.method}\`, generatoren ${plan.allocation.meta.algorithm})${factors.length > 0 ? `, stratifisert etter ${factors.join(" og ")}` : ""}. ${blocked ? "Blokkstørrelsene og frøet (seed)" : "Frøet (seed)"} står i det forseglede sertifikatet og oppgis ikke her, slik at neste tildeling ikke kan forutsies.`
      : `${design.kind === "stepped-wedge" ? "Clusters are allocated to the sequences" : design.kind === "cluster" ? "Clusters are allocated 1 : 1 to" : "Participants are allocated 1 : 1 to"} ${armsText} by ${what} (tiltak ${plan.allocation.meta.tiltakVersion}, \`allocate.${plan.allocation.meta.method}\`, generator ${plan.allocation.meta.algorithm})${factors.length > 0 ? `, stratified by ${factors.join(" and ")}` : ""}. ${blocked ? "The block sizes and the seed are kept in the sealed certificate and are" : "The seed is kept in the sealed certificate and is"} not given here, so that the next allocation cannot be predicted.`,
    "",
  );

  // 16b -----------------------------------------------------------------------------------------------
  heading("16b");
  if (pub !== null)
    lines.push(
      nb
        ? `Fordelingen holdes skjult. Før rekrutteringen offentliggjøres bare forpliktelsen (commitment) til listen: \`${pub.commitment}\` (${pub.construction}, der saltet er hemmelig; ${int(pub.listSize)} rader, \`allocate.${pub.method}\`, generatoren ${pub.algorithm}, tiltak ${pub.tiltakVersion}, laget ${pub.createdAt}). Listen, frøet og saltet forsegles; når de åpnes, kan hvem som helst kontrollere at listen som ble brukt, er den det ble forpliktet til (\`allocate.verifyAllocation\`).`
        : `The allocation is concealed. Before recruitment only the commitment to the list is published: \`${pub.commitment}\` (${pub.construction}, the salt secret; ${int(pub.listSize)} rows, \`allocate.${pub.method}\`, generator ${pub.algorithm}, tiltak ${pub.tiltakVersion}, made ${pub.createdAt}). The list, the seed and the salt are sealed; once they are revealed, anyone can check that the list used is the one committed to (\`allocate.verifyAllocation\`).`,
    );
  else
    lines.push(
      nb
        ? `Fordelingen holdes skjult. Denne fordelingen har ingen forpliktelse (commitment) registrert; lag listen på nytt med en tiltak-versjon som lager forpliktelser, og offentliggjør forpliktelsen før rekrutteringen. Frøet og SHA-256-summen av listen må ikke offentliggjøres: de avslører listen.`
        : `The allocation is concealed. This allocation records no commitment; make the list again with a tiltak version that makes commitments and publish the commitment before recruitment. Neither the seed nor the list's SHA-256 digest may be published: they reveal the list.`,
    );
  lines.push("");

  // 16c -----------------------------------------------------------------------------------------------
  heading("16c");
  lines.push(
    list
      ? nb
        ? `Listen lages av studiens statistiker med tiltak og oppbevares utenfor rekrutteringen. Den som rekrutterer, registrerer hver ny deltaker${factors.length > 0 ? " i sitt stratum" : ""}, og deltakeren får neste ubrukte plass på listen${factors.length > 0 ? " for stratumet" : ""}; fordelingen vises først etter registreringen.`
        : `The list is generated by the trial statistician with tiltak and held away from recruitment. Whoever recruits enrols each new participant${factors.length > 0 ? " in their stratum" : ""}, who is given the next unused slot of the list${factors.length > 0 ? " for that stratum" : ""}; the allocation is shown only after enrolment.`
      : nb
        ? `Enhetene er kjent før fordelingen; statistikeren fordeler dem med tiltak etter at de er registrert, og fordelingen meldes til enhetene først etterpå.`
        : `The units are known before allocation; the statistician allocates them with tiltak once they are enrolled, and they are told their allocation only afterwards.`,
    "",
  );

  // 20a -----------------------------------------------------------------------------------------------
  heading("20a");
  const ci = pct(analysis.level, 0);
  const test = {
    "prop.test": nb
      ? `risikodifferansen med ${ci} Wald-konfidensintervall og kjikvadrattest uten kontinuitetskorreksjon (som R \`${analysis.rEquivalent}\`)`
      : `the risk difference with its ${ci} Wald confidence interval and the chi-square test without continuity correction (as R \`${analysis.rEquivalent}\`)`,
    "welch-t": nb
      ? `differansen i gjennomsnitt med ${ci} konfidensintervall og Welchs t-test (som R \`${analysis.rEquivalent}\`)`
      : `the difference in means with its ${ci} confidence interval and Welch's t test (as R \`${analysis.rEquivalent}\`)`,
    "cluster-t": nb
      ? `${analysis.effectMeasure === "risk difference" ? "risikodifferansen" : "differansen i gjennomsnitt"} analysert på klyngenivå: t-test med felles varians på klyngenes ${outcome.kind === "binary" ? "andeler" : "gjennomsnitt"}, frihetsgrader = klynger − 2, ${ci} konfidensintervall (som R \`${analysis.rEquivalent}\`)`
      : `the ${analysis.effectMeasure} analysed at cluster level: a pooled-variance t test on the clusters' ${outcome.kind === "binary" ? "shares" : "means"}, df = clusters − 2, with its ${ci} confidence interval (as R \`${analysis.rEquivalent}\`)`,
    "mixed-model": nb
      ? `en blandet modell med tilfeldige klyngeeffekter og faste periodeeffekter (som R \`${analysis.rEquivalent}\`)`
      : `a mixed model with random cluster intercepts and fixed period effects (as R \`${analysis.rEquivalent}\`)`,
  }[analysis.test];
  lines.push(
    nb
      ? `Primæranalysen estimerer ${test}, tosidig på signifikansnivå ${sig}, etter randomisert gruppe (intention to treat).${factors.length > 0 ? " Testen justerer ikke for strata; randomiseringsinferensen trekker på nytt innenfor dem." : ""}`
      : `The primary analysis estimates ${test}, two-sided at a significance level of ${sig}, by randomised group (intention to treat).${factors.length > 0 ? " The test does not adjust for the strata; the randomisation inference re-draws within them." : ""}`,
    "",
    nb
      ? `Den ledsages av randomiseringsinferens: fordelingen trekkes på nytt ${int(analysis.randomisation.reps)} ganger med samme design og frø avledet av «${analysis.randomisation.seed}» og trekningens nummer (samme strata, blokkstørrelser, klynger og forhold), statistikken (${statisticNb[analysis.randomisation.statistic] ?? analysis.randomisation.statistic}) beregnes på nytt, og p er andelen trekninger med minst like stor absoluttverdi som den observerte, den observerte medregnet; når designets fordelinger er få nok, telles alle opp eksakt.`
      : `It is accompanied by randomisation inference: the allocation is re-drawn ${int(analysis.randomisation.reps)} times with the same design and seeds derived from «${analysis.randomisation.seed}» and the replicate number (the same strata, block sizes, clusters and ratio), the statistic (${analysis.randomisation.statistic}) is recomputed, and p is the share of re-draws at least as extreme in absolute value as the observed one, the observed counted; when the design's allocations are few enough they are enumerated exactly.`,
    "",
  );
  return lines.join("\n");
}
