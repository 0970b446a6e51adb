# Fresh reference values for the cross-package contract tests (test/contract/*.test.ts).
# Cases deliberately differ from the ones the package authors used in test/reference/<package>/.
# Run from the repository root:  Rscript test/reference/contract/generate.R
# Writes test/reference/contract/reference.json. Solved parameters use uniroot(tol = 1e-12) on pwr's own
# power function so the reference is tighter than pwr's default uniroot tolerance.
suppressPackageStartupMessages({ library(pwr); library(metafor); library(jsonlite) })
out <- list()
tight <- function(f, lower, upper) uniroot(f, c(lower, upper), tol = 1e-12, extendInt = "yes")$root

# ---- stats: distributions -------------------------------------------------------------------------
out$distributions <- list(
  ncT = list(
    list(x = 1.7, df = 13.5, ncp = 2.2, cdf = pt(1.7, 13.5, 2.2)),
    list(x = 0.2, df = 3, ncp = -1.1, cdf = pt(0.2, 3, -1.1)),
    list(x = 10, df = 120, ncp = 8.5, cdf = pt(10, 120, 8.5)),
    list(x = -2.5, df = 7, ncp = 0.8, cdf = pt(-2.5, 7, 0.8)),
    # harder regimes: lower tail with a large ncp, large ncp and df, fractional df
    list(x = 1, df = 8, ncp = 4, cdf = pt(1, 8, 4)),
    list(x = 55, df = 30, ncp = 50, cdf = pt(55, 30, 50)),
    list(x = 2.9, df = 2.5, ncp = 1.7, cdf = pt(2.9, 2.5, 1.7))
  ),
  ncTQuantile = list(
    list(p = 0.9, df = 13.5, ncp = 2.2, q = qt(0.9, 13.5, 2.2)),
    list(p = 0.025, df = 30, ncp = -1.5, q = qt(0.025, 30, -1.5))
  ),
  ncChiSq = list(
    list(x = 30, df = 7, ncp = 12, cdf = pchisq(30, 7, 12)),
    list(x = 2, df = 3, ncp = 0.5, cdf = pchisq(2, 3, 0.5)),
    list(x = 150, df = 20, ncp = 100, cdf = pchisq(150, 20, 100)),
    list(x = 0.7, df = 1.5, ncp = 4, cdf = pchisq(0.7, 1.5, 4)),
    list(x = 8, df = 10, ncp = 20, cdf = pchisq(8, 10, 20)),
    list(x = 500, df = 50, ncp = 400, cdf = pchisq(500, 50, 400))
  ),
  ncF = list(
    list(x = 2.5, df1 = 4, df2 = 30, ncp = 6, cdf = pf(2.5, 4, 30, 6)),
    list(x = 0.8, df1 = 2, df2 = 7, ncp = 1.3, cdf = pf(0.8, 2, 7, 1.3)),
    list(x = 5, df1 = 10, df2 = 60, ncp = 25, cdf = pf(5, 10, 60, 25)),
    list(x = 0.4, df1 = 5, df2 = 40, ncp = 15, cdf = pf(0.4, 5, 40, 15)),
    list(x = 1.8, df1 = 1, df2 = 3.5, ncp = 2.2, cdf = pf(1.8, 1, 3.5, 2.2))
  ),
  ncQuantiles = list(
    F = list(p = 0.9, df1 = 4, df2 = 30, ncp = 6, q = qf(0.9, 4, 30, 6)),
    chiSquare = list(p = 0.5, df = 7, ncp = 12, q = qchisq(0.5, 7, 12))
  ),
  normalMeanSd = list(x = 1.3, mean = 0.5, sd = 2, cdf = pnorm(1.3, 0.5, 2), pdf = dnorm(1.3, 0.5, 2), p = 0.2, q = qnorm(0.2, 0.5, 2)),
  central = list(
    normal = list(cdf = list(x = 1.3, v = pnorm(1.3)), quantile = list(p = 0.975, v = qnorm(0.975)), pdf = list(x = 0.7, v = dnorm(0.7))),
    studentT = list(cdf = list(x = 2.1, df = 9, v = pt(2.1, 9)), quantile = list(p = 0.95, df = 17, v = qt(0.95, 17)), pdf = list(x = 0.4, df = 5, v = dt(0.4, 5))),
    chiSquare = list(cdf = list(x = 3.2, df = 4, v = pchisq(3.2, 4)), quantile = list(p = 0.9, df = 6, v = qchisq(0.9, 6)), pdf = list(x = 2, df = 3, v = dchisq(2, 3))),
    fisherF = list(cdf = list(x = 2.2, df1 = 3, df2 = 12, v = pf(2.2, 3, 12)), quantile = list(p = 0.95, df1 = 4, df2 = 20, v = qf(0.95, 4, 20)), pdf = list(x = 1.1, df1 = 2, df2 = 9, v = df(1.1, 2, 9)))
  )
)

# A seeded grid over regimes (small/large df, small/large ncp, both tails); cases with cdf < 1e-8 are dropped
# because R's own noncentral algorithms carry an absolute error near 1e-12 there.
set.seed(20261122)
grid <- list(t = list(), chisq = list(), f = list())
for (i in 1:40) {
  df <- sample(c(1.5, 3, 10, 45, 300), 1); ncp <- round(runif(1, -5, 15), 3); x <- round(ncp + rnorm(1, 0, 2), 3)
  v <- pt(x, df, ncp); if (v > 1e-8) grid$t[[length(grid$t) + 1]] <- list(x = x, df = df, ncp = ncp, cdf = v)
  df <- sample(c(0.7, 2, 9, 60, 250), 1); ncp <- round(runif(1, 0, 150), 3); x <- round(max(0.01, df + ncp + rnorm(1, 0, 1.5) * sqrt(2 * (df + 2 * ncp))), 3)
  v <- pchisq(x, df, ncp); if (v > 1e-8) grid$chisq[[length(grid$chisq) + 1]] <- list(x = x, df = df, ncp = ncp, cdf = v)
  df1 <- sample(c(1, 3, 8, 25), 1); df2 <- sample(c(2.5, 10, 40, 200), 1); ncp <- round(runif(1, 0, 60), 3)
  x <- round(max(0.01, (df1 + ncp) / df1 * exp(rnorm(1, 0, 0.4))), 3)
  v <- pf(x, df1, df2, ncp); if (v > 1e-8) grid$f[[length(grid$f) + 1]] <- list(x = x, df1 = df1, df2 = df2, ncp = ncp, cdf = v)
}
out$distributionGrid <- grid

# ---- stats: proportion intervals (x = 27, n = 84; x = 0, n = 15; level 0.9) ---------------------------
ci <- function(x, n, level) {
  a <- 1 - level; z <- qnorm(1 - a / 2); p <- x / n
  cp <- binom.test(x, n, conf.level = level)$conf.int
  wi <- prop.test(x, n, conf.level = level, correct = FALSE)$conf.int
  nt <- n + z^2; pt_ <- (x + z^2 / 2) / nt
  ac <- c(pt_ - z * sqrt(pt_ * (1 - pt_) / nt), pt_ + z * sqrt(pt_ * (1 - pt_) / nt))
  je <- c(qbeta(a / 2, x + 0.5, n - x + 0.5), qbeta(1 - a / 2, x + 0.5, n - x + 0.5))
  wa <- c(p - z * sqrt(p * (1 - p) / n), p + z * sqrt(p * (1 - p) / n))
  clip <- function(v) pmin(1, pmax(0, v))
  list(x = x, n = n, level = level, estimate = p,
       `clopper-pearson` = as.numeric(cp), wilson = as.numeric(wi), `agresti-coull` = clip(ac),
       jeffreys = je, wald = clip(wa))
}
out$proportionCI <- list(ci(27, 84, 0.95), ci(0, 15, 0.95), ci(11, 40, 0.9), ci(40, 40, 0.95))

# Newcombe (1998) hybrid score interval (method 10) for p1 - p2, from Wilson intervals without continuity correction.
newcombe <- function(x1, n1, x2, n2, level = 0.95) {
  w1 <- prop.test(x1, n1, conf.level = level, correct = FALSE)$conf.int
  w2 <- prop.test(x2, n2, conf.level = level, correct = FALSE)$conf.int
  p1 <- x1 / n1; p2 <- x2 / n2; d <- p1 - p2
  list(x1 = x1, n1 = n1, x2 = x2, n2 = n2, level = level, estimate = d,
       lower = d - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2), upper = d + sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2))
}
out$newcombe <- list(newcombe(27, 84, 42, 96), newcombe(5, 31, 0, 22, 0.9))

# Two programmes compared (issue 6): x1/n1 vs x2/n2 — Newcombe RD, Katz log RR, Woolf log OR, chisq.test, fisher.test.
cmp2 <- function(x1, n1, x2, n2, level = 0.95) {
  z <- qnorm(1 - (1 - level) / 2); nc <- newcombe(x1, n1, x2, n2, level)
  rr <- (x1 / n1) / (x2 / n2); serr <- sqrt(1 / x1 - 1 / n1 + 1 / x2 - 1 / n2)
  or <- (x1 * (n2 - x2)) / (x2 * (n1 - x1)); seor <- sqrt(1 / x1 + 1 / (n1 - x1) + 1 / x2 + 1 / (n2 - x2))
  m <- matrix(c(x1, x2, n1 - x1, n2 - x2), 2)
  list(x1 = x1, n1 = n1, x2 = x2, n2 = n2, level = level,
       rd = c(nc$estimate, nc$lower, nc$upper), rr = c(rr, rr * exp(-z * serr), rr * exp(z * serr)),
       or = c(or, or * exp(-z * seor), or * exp(z * seor)),
       chisq = unname(chisq.test(m, correct = FALSE)$statistic), chisqYates = unname(chisq.test(m)$statistic),
       fisherP = fisher.test(m)$p.value)
}
out$compareProportions <- list(cmp2(27, 84, 42, 96), cmp2(31, 120, 12, 75, 0.9))

# ---- stats: 2x2 tests. Table rows [[a, b], [c, d]] ---------------------------------------------------
tab2 <- function(a, b, c, d) matrix(c(a, c, b, d), 2)
fisher <- function(a, b, c, d, alt) { f <- fisher.test(tab2(a, b, c, d), alternative = alt)
  list(table = list(c(a, b), c(c, d)), alternative = alt, p = f$p.value, oddsRatio = unname(f$estimate)) }
out$fisher <- list(fisher(27, 15, 57, 69, "two.sided"), fisher(27, 15, 57, 69, "greater"),
                   fisher(27, 15, 57, 69, "less"), fisher(3, 9, 11, 4, "two.sided"), fisher(0, 8, 6, 5, "two.sided"))
chis <- function(m, correct) { r <- suppressWarnings(chisq.test(m, correct = correct))
  list(table = lapply(seq_len(nrow(m)), function(i) m[i, ]), correct = correct,
       statistic = unname(r$statistic), df = unname(r$parameter), p = r$p.value) }
out$chisq <- list(chis(tab2(27, 15, 57, 69), TRUE), chis(tab2(27, 15, 57, 69), FALSE),
                  chis(tab2(8, 2, 3, 9), TRUE), chis(matrix(c(12, 7, 5, 3, 9, 14), 2), TRUE))

# ---- power: pwr 1.3 and stats (strict = TRUE) --------------------------------------------------------
p <- list()
p$tTestPower <- list(n = 23, d = 0.41, type = "two-sample", alternative = "greater",
  power = pwr.t.test(n = 23, d = 0.41, alternative = "greater")$power)
p$tTestPowerPaired <- list(n = 17, d = 0.55, type = "paired", alternative = "two-sided",
  power = pwr.t.test(n = 17, d = 0.55, type = "paired")$power)
p$tTestSolveN <- list(d = 0.35, power = 0.8, type = "one-sample", alternative = "two-sided",
  n = tight(function(n) pwr.t.test(n = n, d = 0.35, type = "one.sample")$power - 0.8, 3, 1000))
p$tTestSolveD <- list(n = 40, power = 0.9, type = "two-sample", alternative = "greater",
  d = tight(function(d) pwr.t.test(n = 40, d = d, alternative = "greater")$power - 0.9, 0.01, 5))
p$tTestSolveSig <- list(n = 30, d = 0.5, power = 0.8, type = "two-sample", alternative = "two-sided",
  sigLevel = tight(function(a) pwr.t.test(n = 30, d = 0.5, sig.level = a)$power - 0.8, 1e-6, 0.9))
p$tTest2nPower <- list(n1 = 30, n2 = 45, d = 0.6, alternative = "two-sided",
  power = pwr.t2n.test(n1 = 30, n2 = 45, d = 0.6)$power)
p$tTest2nSolveN2 <- list(n1 = 30, d = 0.6, power = 0.75, alternative = "two-sided",
  n2 = tight(function(n2) pwr.t2n.test(n1 = 30, n2 = n2, d = 0.6)$power - 0.75, 3, 1e5))
p$twoProportionsPower <- list(h = 0.25, n = 100, alternative = "two-sided", power = pwr.2p.test(h = 0.25, n = 100)$power)
p$twoProportionsSolveN <- list(h = -0.3, power = 0.9, alternative = "less",
  n = tight(function(n) pwr.2p.test(h = -0.3, n = n, alternative = "less")$power - 0.9, 3, 1e5))
p$twoProportions2nPower <- list(h = 0.3, n1 = 80, n2 = 120, alternative = "two-sided",
  power = pwr.2p2n.test(h = 0.3, n1 = 80, n2 = 120)$power)
p$twoProportions2nSolveN2 <- list(h = 0.3, n1 = 80, power = 0.7, alternative = "two-sided",
  n2 = tight(function(n2) pwr.2p2n.test(h = 0.3, n1 = 80, n2 = n2)$power - 0.7, 3, 1e6))
p$oneProportionSolveN <- list(h = 0.2, power = 0.8, alternative = "two-sided",
  n = tight(function(n) pwr.p.test(h = 0.2, n = n)$power - 0.8, 3, 1e5))
p$oneProportionPower <- list(h = -0.3, n = 60, alternative = "less",
  power = pwr.p.test(h = -0.3, n = 60, alternative = "less")$power)
p$correlationSolveN <- list(r = 0.3, power = 0.8, alternative = "two-sided",
  n = tight(function(n) pwr.r.test(n = n, r = 0.3)$power - 0.8, 4, 1e5))
p$correlationPower <- list(r = 0.25, n = 50, alternative = "greater", power = pwr.r.test(n = 50, r = 0.25, alternative = "greater")$power)
p$chiSquareSolveN <- list(w = 0.3, df = 3, power = 0.8,
  N = tight(function(N) pwr.chisq.test(w = 0.3, N = N, df = 3)$power - 0.8, 2, 1e5))
p$chiSquarePower <- list(w = 0.25, N = 100, df = 2, power = pwr.chisq.test(w = 0.25, N = 100, df = 2)$power)
p$anovaSolveN <- list(k = 4, f = 0.25, power = 0.8,
  n = tight(function(n) pwr.anova.test(k = 4, n = n, f = 0.25)$power - 0.8, 3, 1e5))
p$anovaPower <- list(k = 3, n = 20, f = 0.3, power = pwr.anova.test(k = 3, n = 20, f = 0.3)$power)
p$linearModelSolveV <- list(u = 3, f2 = 0.08, power = 0.9,
  v = tight(function(v) pwr.f2.test(u = 3, v = v, f2 = 0.08)$power - 0.9, 2, 1e5))
p$linearModelPower <- list(u = 2, v = 60, f2 = 0.1, power = pwr.f2.test(u = 2, v = 60, f2 = 0.1)$power)
p$normalMeanPower <- list(d = 0.3, n = 50, alternative = "two-sided", power = pwr.norm.test(d = 0.3, n = 50)$power)
p$normalMeanSolveN <- list(d = 0.25, power = 0.85, alternative = "greater",
  n = tight(function(n) pwr.norm.test(d = 0.25, n = n, alternative = "greater")$power - 0.85, 2, 1e5))
p$proportionsSolveN <- list(p1 = 0.3, p2 = 0.45, power = 0.85,
  n = tight(function(n) power.prop.test(n = n, p1 = 0.3, p2 = 0.45, strict = TRUE)$power - 0.85, 3, 1e5))
p$proportionsPower <- list(n = 100, p1 = 0.3, p2 = 0.45, power = power.prop.test(n = 100, p1 = 0.3, p2 = 0.45, strict = TRUE)$power)
p$proportionsSolveP2 <- list(n = 150, p1 = 0.3, power = 0.8,
  p2 = tight(function(p2) power.prop.test(n = 150, p1 = 0.3, p2 = p2, strict = TRUE)$power - 0.8, 0.31, 0.99))
p$meansPower <- list(n = 20, delta = 1.5, sd = 2, type = "two-sample", power = power.t.test(n = 20, delta = 1.5, sd = 2, strict = TRUE)$power)
p$meansSolveN <- list(delta = 1, sd = 1.8, power = 0.9, type = "paired",
  n = tight(function(n) power.t.test(n = n, delta = 1, sd = 1.8, type = "paired", strict = TRUE)$power - 0.9, 3, 1e5))
p$cohenH <- list(p1 = 0.65, p2 = 0.45, h = ES.h(0.65, 0.45))
p$conventional <- list()
for (tst in c("p", "t", "r", "anov", "chisq", "f2")) for (sz in c("small", "medium", "large"))
  p$conventional[[length(p$conventional) + 1]] <- list(test = tst, size = sz, value = cohen.ES(tst, sz)$effect.size)

# A seeded grid of powers for every pwr-family function, types and alternatives ("less" cases use a negative effect).
set.seed(7)
alts <- c("two.sided", "less", "greater"); tiltakAlt <- c(two.sided = "two-sided", less = "less", greater = "greater")
types <- c("two.sample", "one.sample", "paired"); tiltakType <- c(two.sample = "two-sample", one.sample = "one-sample", paired = "paired")
pg <- list()
add <- function(fn, args, power) pg[[length(pg) + 1]] <<- list(fn = fn, args = args, power = power)
for (i in 1:4) {
  a <- sample(alts, 1); sgn <- if (a == "less") -1 else 1; ty <- sample(types, 1)
  n <- sample(5:120, 1); es <- sgn * round(runif(1, 0.1, 0.9), 3); sl <- sample(c(0.01, 0.05, 0.1), 1)
  add("tTest", list(n = n, d = es, sigLevel = sl, type = tiltakType[[ty]], alternative = tiltakAlt[[a]]),
      pwr.t.test(n = n, d = es, sig.level = sl, type = ty, alternative = a)$power)
  n2 <- sample(5:120, 1)
  add("tTest2n", list(n1 = n, n2 = n2, d = es, sigLevel = sl, alternative = tiltakAlt[[a]]),
      pwr.t2n.test(n1 = n, n2 = n2, d = es, sig.level = sl, alternative = a)$power)
  add("twoProportions", list(h = es, n = n, sigLevel = sl, alternative = tiltakAlt[[a]]),
      pwr.2p.test(h = es, n = n, sig.level = sl, alternative = a)$power)
  add("twoProportions2n", list(h = es, n1 = n, n2 = n2, sigLevel = sl, alternative = tiltakAlt[[a]]),
      pwr.2p2n.test(h = es, n1 = n, n2 = n2, sig.level = sl, alternative = a)$power)
  add("oneProportion", list(h = es, n = n, sigLevel = sl, alternative = tiltakAlt[[a]]),
      pwr.p.test(h = es, n = n, sig.level = sl, alternative = a)$power)
  add("normalMean", list(d = es, n = n, sigLevel = sl, alternative = tiltakAlt[[a]]),
      pwr.norm.test(d = es, n = n, sig.level = sl, alternative = a)$power)
  r <- sgn * round(runif(1, 0.1, 0.6), 3)
  add("correlation", list(r = r, n = n + 5, sigLevel = sl, alternative = tiltakAlt[[a]]),
      pwr.r.test(r = r, n = n + 5, sig.level = sl, alternative = a)$power)
  w <- round(runif(1, 0.1, 0.5), 3); dfc <- sample(1:6, 1)
  add("chiSquare", list(w = w, N = n * 2, df = dfc, sigLevel = sl), pwr.chisq.test(w = w, N = n * 2, df = dfc, sig.level = sl)$power)
  k <- sample(2:6, 1); f <- round(runif(1, 0.1, 0.5), 3)
  add("anova", list(k = k, n = n, f = f, sigLevel = sl), pwr.anova.test(k = k, n = n, f = f, sig.level = sl)$power)
  u <- sample(1:6, 1); f2 <- round(runif(1, 0.02, 0.35), 3)
  add("linearModel", list(u = u, v = n, f2 = f2, sigLevel = sl), pwr.f2.test(u = u, v = n, f2 = f2, sig.level = sl)$power)
  p1 <- round(runif(1, 0.1, 0.5), 3); p2 <- round(p1 + runif(1, 0.05, 0.4), 3); ba <- if (a == "two.sided") "two.sided" else "one.sided"
  add("proportions", list(n = n, p1 = p1, p2 = p2, sigLevel = sl, alternative = if (ba == "two.sided") "two-sided" else "greater"),
      power.prop.test(n = n, p1 = p1, p2 = p2, sig.level = sl, alternative = ba, strict = TRUE)$power)
  delta <- round(runif(1, 0.2, 2), 3); sdv <- round(runif(1, 0.5, 3), 3)
  add("means", list(n = n, delta = delta, sd = sdv, sigLevel = sl, type = tiltakType[[ty]], alternative = if (ba == "two.sided") "two-sided" else "greater"),
      power.t.test(n = n, delta = delta, sd = sdv, sig.level = sl, type = ty, alternative = ba, strict = TRUE)$power)
}
p$grid <- pg

# PowerUp! CRA2 (Dong & Maynard 2013, eq. for MDES and power), implemented from the published formulas.
cra2 <- function(icc, n, J, P, R12, R22, g, alpha = 0.05, power = 0.8, es = NULL) {
  df <- J - g - 2
  se <- sqrt(icc * (1 - R22) / (P * (1 - P) * J) + (1 - icc) * (1 - R12) / (P * (1 - P) * J * n))
  M <- qt(1 - alpha / 2, df) + qt(power, df)
  out <- list(df = df, mdes = M * se)
  if (!is.null(es)) { t1 <- qt(1 - alpha / 2, df); lam <- es / se
    out$power <- 1 - pt(t1, df, lam) + pt(-t1, df, lam) }
  out
}
c1 <- cra2(0.08, 15, 24, 0.5, 0.3, 0.4, 1, es = 0.35)
p$cra2 <- list(icc = 0.08, clusterSize = 15, clusters = 24, treatedShare = 0.5, r2Individual = 0.3, r2Cluster = 0.4,
  clusterCovariates = 1, sigLevel = 0.05, power = 0.8, mdes = c1$mdes, esForPower = 0.35, powerAtEs = c1$power)
# smallest J reaching power 0.8 for mdes 0.3 (icc 0.05, n 20, P 0.5, no covariates)
js <- 4:400; pw <- sapply(js, function(J) cra2(0.05, 20, J, 0.5, 0, 0, 0, es = 0.3)$power)
jroot <- tight(function(J) cra2(0.05, 20, J, 0.5, 0, 0, 0, es = 0.3)$power - 0.8, 4, 400)
p$cra2Clusters <- list(icc = 0.05, clusterSize = 20, treatedShare = 0.5, r2Individual = 0, r2Cluster = 0, clusterCovariates = 0,
  mdes = 0.3, power = 0.8, clustersExact = jroot, clustersInteger = js[which(pw >= 0.8)[1]])
# PowerUp! mrss.cra2 solves J from the MDES multiplier (central t): M(df = J - g - 2) * se(J) = mdes.
p$cra2Clusters$clustersMultiplierExact <- tight(function(J) cra2(0.05, 20, J, 0.5, 0, 0, 0, power = 0.8)$mdes - 0.3, 4, 400)
# Hussey & Hughes (2007): GLS variance of the treatment effect on cluster-period means, computed here by
# matrix algebra (period fixed effects + treatment; V = sigma^2/K I + tau^2 J per cluster); power = Phi(theta/se - z).
hh <- function(I, steps, K, sigma, tau, theta, alpha = 0.05) {
  T <- steps + 1; per <- rep(seq_len(steps), each = I / steps)
  tau2 <- tau^2; s2 <- sigma^2 / K
  XtVX <- matrix(0, T + 1, T + 1)
  V <- s2 * diag(T) + tau2 * matrix(1, T, T); Vi <- solve(V)
  for (i in seq_len(I)) { X <- cbind(diag(T), as.numeric(seq_len(T) > per[i])); XtVX <- XtVX + t(X) %*% Vi %*% X }
  v <- solve(XtVX)[T + 1, T + 1]
  list(variance = v, power = pnorm(theta / sqrt(v) - qnorm(1 - alpha / 2)),
       powerBothTails = pnorm(theta / sqrt(v) - qnorm(1 - alpha / 2)) + pnorm(-theta / sqrt(v) - qnorm(1 - alpha / 2)))
}
h <- hh(8, 4, 20, 1, 0.25, 0.3)
p$steppedWedge <- list(clusters = 8, steps = 4, clusterSize = 20, sd = 1, tau = 0.25, effect = 0.3,
  variance = h$variance, power = h$power, powerBothTails = h$powerBothTails)
p$propNoSolution <- list(n = 5, p1 = 0.3, power = 0.99, powerAtP2Max = power.prop.test(n = 5, p1 = 0.3, p2 = 1 - 1e-9, strict = TRUE)$power)
p$proportionsOneSided <- list(n = 100, p1 = 0.3, p2 = 0.45, alternative = "greater",
  power = power.prop.test(n = 100, p1 = 0.3, p2 = 0.45, alternative = "one.sided", strict = TRUE)$power)
p$meansOneSided <- list(n = 15, delta = 0.8, sd = 1.1, type = "one-sample", alternative = "greater",
  power = power.t.test(n = 15, delta = 0.8, sd = 1.1, type = "one.sample", alternative = "one.sided", strict = TRUE)$power)
# CRA2 with unequal allocation (P = 0.3), two cluster covariates and a one-sided test (alpha = 0.05):
# M = t(1 - alpha, df) + t(power, df); power = 1 - pt(t(1 - alpha, df), df, lambda).
cra2one <- function(icc, n, J, P, R12, R22, g, alpha, power, es) {
  df <- J - g - 2
  se <- sqrt(icc * (1 - R22) / (P * (1 - P) * J) + (1 - icc) * (1 - R12) / (P * (1 - P) * J * n))
  list(mdes = (qt(1 - alpha, df) + qt(power, df)) * se, power = 1 - pt(qt(1 - alpha, df), df, es / se))
}
c2 <- cra2one(0.12, 25, 30, 0.3, 0.5, 0.6, 2, 0.05, 0.9, 0.3)
p$cra2OneSided <- list(icc = 0.12, clusterSize = 25, clusters = 30, treatedShare = 0.3, r2Individual = 0.5, r2Cluster = 0.6,
  clusterCovariates = 2, sigLevel = 0.05, power = 0.9, alternative = "greater", mdes = c2$mdes, esForPower = 0.3, powerAtEs = c2$power)
# PowerUp! BIRA2 (Dong & Maynard 2013): df = J - g - 1,
# se = sqrt(rho * omega * (1 - r2t2) / J + (1 - rho) * (1 - r21) / (P (1 - P) J n)); M = t(1 - a/2, df) + t(power, df).
bira2 <- function(rho, omega, n, J, P, r21, r2t2, g, alpha = 0.05, power = 0.8, es) {
  df <- J - g - 1
  se <- sqrt(rho * omega * (1 - r2t2) / J + (1 - rho) * (1 - r21) / (P * (1 - P) * J * n))
  t1 <- qt(1 - alpha / 2, df); lam <- es / se
  list(mdes = (t1 + qt(power, df)) * se, power = 1 - pt(t1, df, lam) + pt(-t1, df, lam))
}
b2 <- bira2(0.15, 0.3, 40, 12, 0.5, 0.4, 0.2, 1, es = 0.25)
p$bira2 <- list(icc = 0.15, heterogeneity = 0.3, siteSize = 40, sites = 12, treatedShare = 0.5, r2Individual = 0.4,
  r2Heterogeneity = 0.2, siteCovariates = 1, power = 0.8, mdes = b2$mdes, esForPower = 0.25, powerAtEs = b2$power)
p$designEffect <- list(clusterSize = 12, icc = 0.07, cv = 0.4, value = 1 + ((0.4^2 + 1) * 12 - 1) * 0.07)
p$inflate <- list(n = 120, attrition = 0.15, value = ceiling(120 / (1 - 0.15)))
out$power <- p

# ---- compare: metafor 3.8 -----------------------------------------------------------------------------
bcg <- dat.bcg
es <- list()
for (m in c("RR", "OR", "RD")) { e <- escalc(m, ai = tpos, bi = tneg, ci = cpos, di = cneg, data = bcg)
  es[[m]] <- list(measure = m, ai = bcg$tpos, bi = bcg$tneg, ci = bcg$cpos, di = bcg$cneg, yi = as.numeric(e$yi), vi = as.numeric(e$vi)) }
zc <- data.frame(ai = c(0, 12, 7, 0), bi = c(20, 30, 15, 25), ci = c(4, 9, 0, 0), di = c(18, 35, 21, 30))
for (m in c("RR", "OR", "RD")) { e <- escalc(m, ai = ai, bi = bi, ci = ci, di = di, data = zc)
  es[[paste0(m, "zero")]] <- list(measure = m, ai = zc$ai, bi = zc$bi, ci = zc$ci, di = zc$di, yi = as.numeric(e$yi), vi = as.numeric(e$vi)) }
xn <- data.frame(xi = c(27, 42, 31, 9, 0, 18), ni = c(84, 96, 120, 40, 25, 18))
for (m in c("PLO", "PR", "PAS", "PFT")) { e <- escalc(m, xi = xi, ni = ni, data = xn)
  es[[m]] <- list(measure = m, xi = xn$xi, ni = xn$ni, yi = as.numeric(e$yi), vi = as.numeric(e$vi)) }
nd <- dat.normand1999
for (m in c("MD", "SMD")) { e <- escalc(m, m1i = m1i, sd1i = sd1i, n1i = n1i, m2i = m2i, sd2i = sd2i, n2i = n2i, data = nd)
  es[[m]] <- list(measure = m, m1i = nd$m1i, sd1i = nd$sd1i, n1i = nd$n1i, m2i = nd$m2i, sd2i = nd$sd2i, n2i = nd$n2i,
                  yi = as.numeric(e$yi), vi = as.numeric(e$vi)) }
out$escalc <- es

# Spiegelhalter (2005, Stat Med 24:1185, appendix A.1.1) exact binomial control limits with interpolation:
# r = qbinom(p, n, theta); alpha = (pbinom(r, n, theta) - p) / dbinom(r, n, theta); limit = (r - alpha) / n.
spl <- function(p, n, theta) { r <- qbinom(p, n, theta); a <- (pbinom(r, n, theta) - p) / dbinom(r, n, theta); (r - a) / n }
fl <- list()
for (n in c(35, 40, 60, 120)) for (lv in c(0.95, 0.998))
  fl[[length(fl) + 1]] <- list(n = n, level = lv, target = 0.3, exactLower = spl((1 - lv) / 2, n, 0.3), exactUpper = spl(1 - (1 - lv) / 2, n, 0.3))
out$funnelLimits <- fl

fit <- function(yi, vi, method, level = 95) {
  r <- rma(yi, vi, method = method, level = level)
  pr <- predict(r, level = level)
  list(method = method, level = level / 100, estimate = as.numeric(r$b), se = r$se, ciLower = r$ci.lb, ciUpper = r$ci.ub,
       z = r$zval, p = r$pval, Q = r$QE, QP = r$QEp, tau2 = r$tau2, I2 = r$I2, H2 = r$H2,
       piLower = as.numeric(if (is.null(pr$pi.lb)) pr$ci.lb else pr$pi.lb), piUpper = as.numeric(if (is.null(pr$pi.ub)) pr$ci.ub else pr$pi.ub))
}
eb <- escalc("RR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = bcg)
norm <- escalc("MD", m1i = m1i, sd1i = sd1i, n1i = n1i, m2i = m2i, sd2i = sd2i, n2i = n2i, data = dat.normand1999)
small <- list(yi = c(0.12, -0.05, 0.31, 0.22, 0.08), vi = c(0.010, 0.022, 0.015, 0.030, 0.012))
rm <- list()
for (m in c("FE", "DL", "REML", "PM", "HE", "SJ", "ML")) rm[[length(rm) + 1]] <- c(list(data = "bcg-RR"), fit(as.numeric(eb$yi), as.numeric(eb$vi), m))
for (m in c("DL", "REML", "PM")) rm[[length(rm) + 1]] <- c(list(data = "normand1999-MD"), fit(as.numeric(norm$yi), as.numeric(norm$vi), m))
for (m in c("REML", "DL")) rm[[length(rm) + 1]] <- c(list(data = "small"), fit(small$yi, small$vi, m, level = 90))
identical <- list(yi = c(0.2, 0.2, 0.2), vi = c(0.01, 0.02, 0.03))
for (m in c("FE", "DL", "REML", "PM", "HE", "SJ", "ML")) rm[[length(rm) + 1]] <- c(list(data = "identical"), suppressWarnings(fit(identical$yi, identical$vi, m)))
kh <- rma(as.numeric(eb$yi), as.numeric(eb$vi), method = "REML", test = "knha")
out$knha <- list(data = "bcg-RR", method = "REML", test = "knha", estimate = as.numeric(kh$b), se = kh$se,
  ciLower = kh$ci.lb, ciUpper = kh$ci.ub, p = kh$pval, statistic = kh$zval, tau2 = kh$tau2)
out$rma <- list(data = list(`bcg-RR` = list(yi = as.numeric(eb$yi), vi = as.numeric(eb$vi)),
                            `normand1999-MD` = list(yi = as.numeric(norm$yi), vi = as.numeric(norm$vi)), small = small, identical = identical),
                fits = rm)

out$meta <- list(generator = "test/reference/contract/generate.R", R = R.version.string,
  pwr = as.character(packageVersion("pwr")), metafor = as.character(packageVersion("metafor")),
  jsonlite = as.character(packageVersion("jsonlite")), date = format(Sys.time(), "%Y-%m-%dT%H:%M:%SZ", tz = "UTC"))
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "test/reference/contract/reference.json")
