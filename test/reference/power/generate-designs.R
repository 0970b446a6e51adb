# Reference values for @tiltak/power's multilevel designs, computed in R 4.2 from the published formulas
# (PowerUpR is not installed here, so the formulas of PowerUp! / PowerUpR 1.1.0 are written out):
#
# - CRA2 (Dong & Maynard 2013; PowerUpR mdes.cra2 / power.cra2 / mrss.cra2):
#   SE = sqrt(rho*(1-R2_2)/(P(1-P)J) + (1-rho)(1-R2_1)/(P(1-P)Jn)), df = J - g - 2,
#   MDES = (qt(1-alpha/2, df) + qt(power, df)) * SE (one-tailed: qt(1-alpha, df)),
#   power = 1 - pt(qt(1-alpha/2, df), df, es/SE) + pt(-qt(1-alpha/2, df), df, es/SE);
#   the number of clusters J solves MDES(J) = es (uniroot, tol 1e-12).
# - BIRA2 (random block effects; PowerUpR mdes.bira2): SE = sqrt(rho*omega*(1-R2_t2)/J +
#   (1-rho)(1-R2_1)/(P(1-P)Jn)), df = J - g - 1.
# - Binary outcomes in clusters by the design effect: power.prop.test(n = (J/2) m / DE, strict = TRUE),
#   DE = 1 + ((cv^2 + 1) m - 1) rho (Eldridge et al. 2006).
# - Stepped wedge: Var(theta) of the GLS estimator computed by matrix algebra from its definition
#   (period fixed effects + treatment, V_i = tau^2 11' + (gamma^2 + sigma^2/K) I; Hussey & Hughes 2007),
#   an independent check of the closed form used in the package; power = pnorm(|theta|/SE - z) +
#   pnorm(-|theta|/SE - z). The published swCRTdesign examples are checked separately in the tests.
#
# Run: Rscript test/reference/power/generate-designs.R   (writes designs.json beside this file)
suppressPackageStartupMessages(library(jsonlite))
here <- local({
  a <- commandArgs(FALSE); f <- sub("^--file=", "", a[grep("^--file=", a)])
  if (length(f)) dirname(normalizePath(f)) else "test/reference/power"
})
cases <- list()
push <- function(x) cases[[length(cases) + 1]] <<- x

cra2_se <- function(J, rho, n, P, r21, r22) sqrt(rho * (1 - r22) / (P * (1 - P) * J) + (1 - rho) * (1 - r21) / (P * (1 - P) * J * n))
bira2_se <- function(J, rho, omega, n, P, r21, r2t2) sqrt(rho * omega * (1 - r2t2) / J + (1 - rho) * (1 - r21) / (P * (1 - P) * J * n))
mult <- function(df, alpha, power, two) (if (two) qt(1 - alpha / 2, df) else qt(1 - alpha, df)) + qt(power, df)
pw <- function(es, se, df, alpha, two) {
  l <- es / se
  if (two) { q <- qt(1 - alpha / 2, df); 1 - pt(q, df, l) + pt(-q, df, l) } else 1 - pt(qt(1 - alpha, df), df, l)
}

for (rho in c(0.05, 0.1, 0.17)) for (n in c(5, 15, 30)) for (J in c(10, 20, 40)) for (P in c(0.5, 0.4)) for (two in c(TRUE, FALSE)) {
  g <- if (J == 40) 1 else 0; r21 <- if (n == 15) 0.5 else 0; r22 <- if (J == 20) 0.4 else 0; alpha <- if (P == 0.4) 0.01 else 0.05
  df <- J - g - 2; se <- cra2_se(J, rho, n, P, r21, r22)
  args <- list(icc = rho, clusterSize = n, clusters = J, treatedShare = P, r2Individual = r21, r2Cluster = r22,
               clusterCovariates = g, sigLevel = alpha, alternative = if (two) "two-sided" else "greater")
  m <- mult(df, alpha, 0.8, two) * se
  push(list(id = sprintf("cra2-mdes-%s-%s-%s-%s-%s", rho, n, J, P, two), fn = "clusterRandomised", solve = "mdes",
            args = c(args, list(power = 0.8)), expected = m))
  push(list(id = sprintf("cra2-power-%s-%s-%s-%s-%s", rho, n, J, P, two), fn = "clusterRandomised", solve = "power",
            args = c(args, list(mdes = 0.4)), expected = pw(0.4, se, df, alpha, two)))
  a2 <- args; a2$clusters <- NULL
  es <- 0.5
  f <- function(j) mult(j - g - 2, alpha, 0.8, two) * cra2_se(j, rho, n, P, r21, r22) - es
  push(list(id = sprintf("cra2-clusters-%s-%s-%s-%s-%s", rho, n, J, P, two), fn = "clusterRandomised", solve = "clusters",
            args = c(a2, list(mdes = es, power = 0.8)), expected = uniroot(f, c(g + 3, 1e5), tol = 1e-12)$root))
}
for (rho in c(0.05, 0.17)) for (omega in c(0, 0.5)) for (J in c(8, 20)) for (n in c(10, 40)) {
  P <- 0.5; r21 <- if (n == 10) 0.3 else 0; r2t2 <- if (omega > 0 && J == 20) 0.2 else 0; g <- if (J == 20) 1 else 0
  df <- J - g - 1; se <- bira2_se(J, rho, omega, n, P, r21, r2t2)
  args <- list(icc = rho, heterogeneity = omega, siteSize = n, sites = J, treatedShare = P, r2Individual = r21,
               r2Heterogeneity = r2t2, siteCovariates = g)
  push(list(id = sprintf("bira2-mdes-%s-%s-%s-%s", rho, omega, J, n), fn = "multisiteRandomised", solve = "mdes",
            args = c(args, list(power = 0.8)), expected = mult(df, 0.05, 0.8, TRUE) * se))
  push(list(id = sprintf("bira2-power-%s-%s-%s-%s", rho, omega, J, n), fn = "multisiteRandomised", solve = "power",
            args = c(args, list(mdes = 0.3)), expected = pw(0.3, se, df, 0.05, TRUE)))
  a2 <- args; a2$sites <- NULL
  f <- function(j) mult(j - g - 1, 0.05, 0.8, TRUE) * bira2_se(j, rho, omega, n, P, r21, r2t2) - 0.3
  push(list(id = sprintf("bira2-sites-%s-%s-%s-%s", rho, omega, J, n), fn = "multisiteRandomised", solve = "sites",
            args = c(a2, list(mdes = 0.3, power = 0.8)), expected = uniroot(f, c(g + 2, 1e5), tol = 1e-12)$root))
}
for (rho in c(0.05, 0.1)) for (m in c(8, 15)) for (cv in c(0, 0.4)) for (pp in list(c(0.5, 0.7), c(0.2, 0.1))) {
  de <- 1 + ((cv^2 + 1) * m - 1) * rho
  args <- list(p1 = pp[1], p2 = pp[2], clusterSize = m, icc = rho, cv = cv)
  pwr_at <- function(J) power.prop.test(n = J / 2 * m / de, p1 = pp[1], p2 = pp[2], strict = TRUE)$power
  push(list(id = sprintf("clusterProportions-power-%s-%s-%s-%s", rho, m, cv, pp[1]), fn = "clusterProportions", solve = "power",
            args = c(args, list(clusters = 30)), expected = pwr_at(30)))
  push(list(id = sprintf("clusterProportions-clusters-%s-%s-%s-%s", rho, m, cv, pp[1]), fn = "clusterProportions", solve = "clusters",
            args = c(args, list(power = 0.8)), expected = uniroot(function(J) pwr_at(J) - 0.8, c(2 * de / m, 1e6), tol = 1e-12)$root))
}

sw_var <- function(I, S, K, s2e, tau2, gamma2, per = floor(I / S) + as.integer(seq_len(S) <= I %% S)) {
  T <- S + 1
  seqs <- rep(seq_len(S), per)
  info <- matrix(0, T + 1, T + 1)
  V <- tau2 * matrix(1, T, T) + diag(gamma2 + s2e / K, T)
  Vi <- solve(V)
  for (s in seqs) {
    x <- as.numeric(seq_len(T) > s)
    Z <- cbind(diag(T), x)
    info <- info + t(Z) %*% Vi %*% Z
  }
  solve(info)[T + 1, T + 1]
}
for (S in c(2, 4, 6)) for (I in c(S * 2, S * 3 + 1)) for (K in c(10, 40)) for (icc in c(0.05, 0.2)) for (cac in c(1, 0.6)) {
  sigma <- 1.3; between <- sigma^2 * icc / (1 - icc)
  v <- sw_var(I, S, K, sigma^2, cac * between, (1 - cac) * between)
  z <- qnorm(0.975); theta <- 0.4
  push(list(id = sprintf("sw-continuous-S%d-I%d-K%d-%s-%s", S, I, K, icc, cac), fn = "steppedWedge", solve = "power",
            args = list(clusters = I, steps = S, clusterSize = K, sd = sigma, icc = icc, cac = cac, effect = theta),
            expected = pnorm(theta / sqrt(v) - z) + pnorm(-theta / sqrt(v) - z), variance = v))
}
for (per in list(c(4, 2, 4), c(1, 0, 5, 2), c(3, 3, 0, 0, 6))) {
  S <- length(per); I <- sum(per); K <- 15; icc <- 0.08; sigma <- 1
  between <- sigma^2 * icc / (1 - icc)
  v <- sw_var(I, S, K, sigma^2, between, 0, per)
  z <- qnorm(0.975); theta <- 0.35
  push(list(id = sprintf("sw-unequal-%s", paste(per, collapse = "-")), fn = "steppedWedge", solve = "power",
            args = list(clusters = I, steps = S, clustersPerStep = per, clusterSize = K, icc = icc, effect = theta),
            expected = pnorm(theta / sqrt(v) - z) + pnorm(-theta / sqrt(v) - z), variance = v))
}
for (S in c(3, 5)) for (p0 in c(0.3, 0.05)) for (tau in c(0.02, 0.05)) {
  I <- S * 4; K <- 50; theta <- if (p0 == 0.3) 0.1 else -0.02
  pbar <- p0 + theta / 2
  v <- sw_var(I, S, K, pbar * (1 - pbar), tau^2, 0)
  z <- qnorm(0.975)
  push(list(id = sprintf("sw-binary-S%d-p%s-tau%s", S, p0, tau), fn = "steppedWedge", solve = "power",
            args = list(clusters = I, steps = S, clusterSize = K, outcome = "binary", p0 = p0, tau = tau, effect = theta),
            expected = pnorm(abs(theta) / sqrt(v) - z) + pnorm(-abs(theta) / sqrt(v) - z), variance = v))
}
meta <- list(
  generated = format(Sys.time(), "%Y-%m-%dT%H:%M:%SZ", tz = "UTC"), R = R.version.string,
  script = "test/reference/power/generate-designs.R",
  source = "published formulas of PowerUp! (Dong & Maynard 2013) as in PowerUpR 1.1.0; GLS variance of Hussey & Hughes (2007) by matrix algebra; power.prop.test(strict = TRUE) with the design effect of Eldridge et al. (2006)",
  tolerance = "1e-6 relative"
)
writeLines(toJSON(list(meta = meta, cases = cases), auto_unbox = TRUE, digits = NA, pretty = TRUE), file.path(here, "designs.json"))
cat("designs.json:", length(cases), "cases\n")
