#!/usr/bin/env Rscript
# Reference values for @tiltak/stats from R's `stats` package.
#
# Run from the repository root:  Rscript test/reference/stats/generate.R
# Writes JSON files beside this script, each with a `meta` block (R version, date).
#
# Notes on which points are kept (R's own accuracy limits):
# * R computes some tails as 1 - (other tail): pt(..., ncp) for the tail opposite to the one its
#   series sums (x >= 0 upper tail, x < 0 lower tail), pchisq(..., ncp >= 80, lower.tail = FALSE) and
#   every pf(..., ncp, lower.tail = FALSE). There the absolute error is about 1e-16 to 1e-15, so the
#   relative error of a value v is about 1e-15 / v. Such values are kept only when v >= 1e-5, where
#   R's own relative accuracy is better than 1e-10 and a 1e-9 comparison is meaningful.
# * Directly summed tails are kept down to 1e-250 (far from underflow).
# * pnbeta (pf with ncp) stops at an absolute error bound of 1e-9 (R's errmax); tiltak implements the
#   same algorithm with the same bound, so the values agree to rounding, not only to 1e-9.
# * fisher.test finds the conditional MLE and its confidence limits with uniroot() at R's default
#   tolerance (.Machine$double.eps^0.25, about 1.2e-4 in the root variable). Its reported estimate
#   and interval are kept as `r_estimate` / `r_conf_int` (checked at 1e-3 relative), and the same
#   quantities are recomputed below with uniroot(tol = 1e-15) from their definitions (conditional
#   MLE: E[X | psi] = x; limits: conditional tail probability = alpha), kept as `estimate` and
#   `conf_int` (checked at 1e-9 relative).
suppressPackageStartupMessages(library(jsonlite))

out_dir <- local({
  args <- commandArgs(trailingOnly = FALSE)
  file <- sub("^--file=", "", args[grep("^--file=", args)])
  if (length(file) == 1) dirname(normalizePath(file)) else "test/reference/stats"
})

meta <- function(what) list(
  generator = "test/reference/stats/generate.R",
  what = what,
  R = R.version.string,
  stats = as.character(packageVersion("stats")),
  jsonlite = as.character(packageVersion("jsonlite")),
  date = format(Sys.Date())
)

# jsonlite writes at most 15 significant digits, so numbers are written here with 17 (round trip).
to_json <- function(v) {
  if (is.list(v)) {
    if (!is.null(names(v))) {
      return(paste0("{", paste0('"', names(v), '":', vapply(v, to_json, ""), collapse = ","), "}"))
    }
    return(paste0("[", paste0(vapply(v, to_json, ""), collapse = ","), "]"))
  }
  one <- function(x) {
    if (is.character(x)) return(as.character(jsonlite::toJSON(x, auto_unbox = TRUE)))
    if (is.logical(x)) return(if (x) "true" else "false")
    if (!is.finite(x)) stop("non-finite number in reference data")
    if (x == round(x) && abs(x) < 1e15) return(format(x, scientific = FALSE))
    sprintf("%.17g", x)
  }
  if (length(v) == 1) one(v) else paste0("[", paste0(vapply(v, one, ""), collapse = ","), "]")
}

write_ref <- function(name, what, cases) {
  path <- file.path(out_dir, name)
  writeLines(to_json(list(meta = meta(what), cases = cases)), path)
  cat(sprintf("wrote %s (%d cases)\n", path, length(cases)))
}

num <- function(v) if (is.infinite(v)) (if (v > 0) "Inf" else "-Inf") else v

keep <- function(value, direct) {
  is.finite(value) && (if (direct) value >= 1e-250 else value >= 1e-5)
}

# R's value at x is trusted only if it is stable under perturbations of x by a few ulps: the
# function itself changes by (elasticity) x 1e-15, while the rounding errors that some series
# amplify (e.g. the downward recursion of incomplete beta functions in pt's series for tiny
# lower tails) change at random. A relative spread above 1e-11 marks R's value as noise-dominated.
stable <- function(f, x) {
  if (x == 0) return(TRUE)
  v0 <- f(x)
  v <- vapply(c(-4, -2, -1, 1, 2, 4), function(k) f(x * (1 + k * .Machine$double.eps)), 0)
  all(is.finite(v)) && max(abs(v - v0)) <= 1e-11 * abs(v0)
}

# ---------------------------------------------------------------- central distributions
central <- list()
add_central <- function(dist, fn, args, value) {
  central[[length(central) + 1]] <<- list(dist = dist, fn = fn, args = args, value = value)
}
for (x in c(-30, -8, -3, -1.5, -0.2, 0, 0.7, 1.959963984540054, 4, 9, 37)) {
  for (ms in list(c(0, 1), c(100, 15), c(-2, 0.3))) {
    m <- ms[1]; s <- ms[2]; xx <- m + x * s
    add_central("normal", "cdf", list(xx, m, s), pnorm(xx, m, s))
    add_central("normal", "sf", list(xx, m, s), pnorm(xx, m, s, lower.tail = FALSE))
    add_central("normal", "pdf", list(xx, m, s), dnorm(xx, m, s))
  }
}
for (p in c(1e-300, 1e-20, 1e-8, 0.001, 0.025, 0.3, 0.5, 0.8, 0.975, 0.999999)) {
  add_central("normal", "quantile", list(p, 0, 1), qnorm(p))
  add_central("normal", "quantile", list(p, 100, 15), qnorm(p, 100, 15))
}
for (df in c(0.5, 1, 2, 3.7, 10, 29, 120, 1e4)) {
  for (x in c(-50, -4, -1, -0.1, 0, 0.3, 1.5, 2.5, 8, 100)) {
    add_central("studentT", "cdf", list(x, df), pt(x, df))
    add_central("studentT", "sf", list(x, df), pt(x, df, lower.tail = FALSE))
    add_central("studentT", "pdf", list(x, df), dt(x, df))
  }
  for (p in c(1e-10, 0.001, 0.025, 0.2, 0.5, 0.9, 0.975, 0.9995)) {
    add_central("studentT", "quantile", list(p, df), qt(p, df))
  }
}
# qt where tiltak takes Hill's (1970) start and Halley steps (df >= 2, p not within 0.05 of 1/2): odd
# df, the df of sample-size searches, huge df and tails down to 1e-100.
for (df in c(2.5, 4.5, 58.3, 397.7, 1e6, 1e8)) {
  for (p in c(1e-100, 1e-10, 0.001, 0.025, 0.2, 0.44, 0.56, 0.975, 1 - 1e-12)) {
    add_central("studentT", "quantile", list(p, df), qt(p, df))
  }
}
for (df in c(0.3, 1, 2, 3, 7.5, 20, 100, 1000)) {
  for (x in c(1e-4, 0.05, 0.5, 1, 2.7, 6, 15, 40, 150, 2000)) {
    v <- pchisq(x, df)
    if (v > 1e-250) add_central("chiSquare", "cdf", list(x, df), v)
    v <- pchisq(x, df, lower.tail = FALSE)
    if (v > 1e-250) add_central("chiSquare", "sf", list(x, df), v)
    v <- dchisq(x, df)
    if (v > 1e-250) add_central("chiSquare", "pdf", list(x, df), v)
  }
  for (p in c(1e-6, 0.01, 0.05, 0.5, 0.95, 0.99, 0.999999)) {
    add_central("chiSquare", "quantile", list(p, df), qchisq(p, df))
  }
}
for (d in list(c(1, 1), c(2, 20), c(3, 7.5), c(10, 50), c(0.7, 4), c(40, 3), c(100, 1000))) {
  for (x in c(0.001, 0.1, 0.5, 1, 2, 3.5, 10, 80, 1e4)) {
    for (fn in c("cdf", "sf", "pdf")) {
      v <- switch(fn, cdf = pf(x, d[1], d[2]), sf = pf(x, d[1], d[2], lower.tail = FALSE),
                  pdf = df(x, d[1], d[2]))
      if (v > 1e-250) add_central("fisherF", fn, list(x, d[1], d[2]), v)
    }
  }
  # R's qf (through qbeta) loses accuracy for tiny p: qf(1e-6, 1, 1) is off by 1.7e-5 relative
  # against the closed form tan(pi p / 2)^2 and qf(1e-6, 2, 20) by 1.3e-9 against
  # 10 ((1 - p)^(-1/10) - 1). Those are tested against the closed forms instead; here p >= 0.01.
  for (p in c(0.01, 0.05, 0.5, 0.95, 0.99)) {
    add_central("fisherF", "quantile", list(p, d[1], d[2]), qf(p, d[1], d[2]))
  }
}
write_ref("central.json", "pnorm/qnorm/dnorm, pt/qt/dt, pchisq/qchisq/dchisq, pf/qf/df", central)

# ---------------------------------------------------------------- noncentral t
nct <- list()
for (df in c(1, 2.5, 4, 10, 27.3, 100, 1000, 5e5)) {
  for (ncp in c(-12, -3, -0.5, 0.25, 1, 2.8, 6, 15, 30, 39)) {
    for (x in c(-25, -6, -2, -0.4, 0, 0.3, 1, 2.2, 4, 8, 20, 60)) {
      lower <- pt(x, df, ncp)
      upper <- pt(x, df, ncp, lower.tail = FALSE)
      # R's series sums the lower tail at (|x|, sign(x) * ncp): direct for x >= 0 lower, x < 0 upper.
      if (keep(lower, x >= 0) && stable(function(z) pt(z, df, ncp), x)) nct[[length(nct) + 1]] <- list(fn = "cdf", x = x, df = df, ncp = ncp, value = lower)
      if (keep(upper, x < 0) && stable(function(z) pt(z, df, ncp, lower.tail = FALSE), x)) nct[[length(nct) + 1]] <- list(fn = "sf", x = x, df = df, ncp = ncp, value = upper)
    }
    for (p in c(0.001, 0.05, 0.2, 0.5, 0.8, 0.95, 0.999)) {
      q <- qt(p, df, ncp)
      # Inverting a tail that R forms as 1 - p is unreliable where that tail is below 1e-5.
      if (is.finite(q) && min(p, 1 - p) >= 1e-5) nct[[length(nct) + 1]] <- list(fn = "quantile", p = p, df = df, ncp = ncp, value = q)
    }
  }
}
write_ref("noncentral-t.json", "pt(x, df, ncp), pt(x, df, ncp, lower.tail = FALSE), qt(p, df, ncp)", nct)

# ---------------------------------------------------------------- noncentral chi-square
ncc <- list()
for (df in c(0.5, 1, 3, 7.5, 20, 100, 1000)) {
  for (ncp in c(0.01, 0.5, 2, 10, 35, 79, 80, 120, 400, 2000)) {
    m <- df + ncp; s <- sqrt(2 * (df + 2 * ncp))
    xs <- unique(pmax(m + c(-4, -2, -1, -0.3, 0, 0.5, 1.5, 3, 6) * s, c(1e-3)))
    for (x in xs) {
      lower <- pchisq(x, df, ncp)
      upper <- pchisq(x, df, ncp, lower.tail = FALSE)
      if (keep(lower, TRUE) && stable(function(z) pchisq(z, df, ncp), x)) ncc[[length(ncc) + 1]] <- list(fn = "cdf", x = x, df = df, ncp = ncp, value = lower)
      if (keep(upper, ncp < 80) && stable(function(z) pchisq(z, df, ncp, lower.tail = FALSE), x)) ncc[[length(ncc) + 1]] <- list(fn = "sf", x = x, df = df, ncp = ncp, value = upper)
    }
    for (p in c(0.001, 0.05, 0.5, 0.9, 0.999)) {
      ncc[[length(ncc) + 1]] <- list(fn = "quantile", p = p, df = df, ncp = ncp, value = qchisq(p, df, ncp))
    }
  }
}
write_ref("noncentral-chi-square.json", "pchisq(x, df, ncp), lower.tail = FALSE, qchisq(p, df, ncp)", ncc)

# ---------------------------------------------------------------- noncentral F
ncf <- list()
for (d in list(c(1, 10), c(2, 20), c(3, 7.5), c(4, 100), c(10, 30), c(0.8, 5), c(25, 2000), c(3, 2e8))) {
  for (ncp in c(0.05, 1, 4, 12, 40, 150, 600)) {
    mean_f <- (d[2] / max(d[2] - 2, 1)) * (1 + ncp / d[1])
    for (x in unique(c(0.05, 0.3, 1, 2.5, 6) * mean_f)) {
      lower <- pf(x, d[1], d[2], ncp)
      upper <- pf(x, d[1], d[2], ncp, lower.tail = FALSE)
      if (keep(lower, TRUE) && stable(function(z) pf(z, d[1], d[2], ncp), x)) ncf[[length(ncf) + 1]] <- list(fn = "cdf", x = x, df1 = d[1], df2 = d[2], ncp = ncp, value = lower)
      if (keep(upper, FALSE) && stable(function(z) pf(z, d[1], d[2], ncp, lower.tail = FALSE), x)) ncf[[length(ncf) + 1]] <- list(fn = "sf", x = x, df1 = d[1], df2 = d[2], ncp = ncp, value = upper)
    }
    for (p in c(0.01, 0.2, 0.5, 0.8, 0.99)) {
      ncf[[length(ncf) + 1]] <- list(fn = "quantile", p = p, df1 = d[1], df2 = d[2], ncp = ncp, value = qf(p, d[1], d[2], ncp))
    }
  }
}
write_ref("noncentral-f.json", "pf(x, df1, df2, ncp), lower.tail = FALSE, qf(p, df1, df2, ncp)", ncf)

# ---------------------------------------------------------------- proportions (binom.test, prop.test)
props <- list()
for (xn in list(c(0, 1), c(1, 1), c(0, 10), c(1, 10), c(5, 10), c(10, 10), c(27, 84), c(3, 500),
                c(499, 500), c(150, 1000), c(1, 3), c(12345, 100000), c(57, 61))) {
  for (level in c(0.8, 0.9, 0.95, 0.99)) {
    x <- xn[1]; n <- xn[2]
    cp <- binom.test(x, n, conf.level = level)$conf.int
    w <- suppressWarnings(prop.test(x, n, conf.level = level, correct = FALSE))$conf.int
    props[[length(props) + 1]] <- list(x = x, n = n, level = level,
      clopper_pearson = c(cp[1], cp[2]), wilson = c(w[1], w[2]))
  }
}
write_ref("proportions-r.json", "binom.test(x, n)$conf.int, prop.test(x, n, correct = FALSE)$conf.int", props)

# ---------------------------------------------------------------- fisher.test
tables <- list(c(3, 1, 1, 3), c(27, 57, 15, 69), c(10, 0, 3, 7), c(0, 5, 5, 0), c(1, 9, 11, 3),
               c(120, 80, 95, 105), c(2, 8, 8, 2), c(7, 12, 0, 0) + c(0, 0, 4, 9), c(0, 12, 5, 9),
               c(5, 0, 7, 4), c(1, 1, 1, 1), c(50, 2, 3, 40), c(4, 21, 9, 16), c(300, 700, 250, 750))
tight_root <- function(f, lower, upper) uniroot(f, c(lower, upper), tol = 1e-15, maxiter = 10000)$root
fisher <- list()
for (tab in tables) {
  m <- matrix(tab, 2, byrow = TRUE)
  for (alt in c("two.sided", "less", "greater")) {
    for (level in c(0.95, 0.9)) {
      ft <- fisher.test(m, alternative = alt, conf.level = level)
      # Recompute estimate and limits from their definitions with a tight root tolerance.
      a <- m[1, 1]; m1 <- sum(m[, 1]); n1 <- sum(m[, 2]); k <- sum(m[1, ])
      lo <- max(0, k - n1); hi <- min(k, m1); support <- lo:hi
      logdc <- dhyper(support, m1, n1, k, log = TRUE)
      dn <- function(psi) { d <- logdc + log(psi) * support; d <- exp(d - max(d)); d / sum(d) }
      mean_n <- function(psi) if (psi == 0) lo else sum(support * dn(psi))
      p_n <- function(q, psi, upper) {
        if (psi == 0) return(as.numeric(if (upper) q <= lo else q >= lo))
        sum(dn(psi)[if (upper) support >= q else support <= q])
      }
      mle <- if (a == lo) 0 else if (a == hi) Inf else {
        mu <- mean_n(1)
        if (mu > a) tight_root(function(t) mean_n(t) - a, 0, 1)
        else if (mu < a) 1 / tight_root(function(t) mean_n(1 / t) - a, .Machine$double.eps, 1) else 1
      }
      upper_limit <- function(alpha) {
        if (a == hi) return(Inf)
        p <- p_n(a, 1, FALSE)
        if (p < alpha) tight_root(function(t) p_n(a, t, FALSE) - alpha, 0, 1)
        else if (p > alpha) 1 / tight_root(function(t) p_n(a, 1 / t, FALSE) - alpha, .Machine$double.eps, 1) else 1
      }
      lower_limit <- function(alpha) {
        if (a == lo) return(0)
        p <- p_n(a, 1, TRUE)
        if (p > alpha) tight_root(function(t) p_n(a, t, TRUE) - alpha, 0, 1)
        else if (p < alpha) 1 / tight_root(function(t) p_n(a, 1 / t, TRUE) - alpha, .Machine$double.eps, 1) else 1
      }
      ci <- switch(alt, less = c(0, upper_limit(1 - level)), greater = c(lower_limit(1 - level), Inf),
                   two.sided = c(lower_limit((1 - level) / 2), upper_limit((1 - level) / 2)))
      fisher[[length(fisher) + 1]] <- list(table = list(tab[1:2], tab[3:4]), alternative = alt, level = level,
        p = ft$p.value, r_estimate = num(unname(ft$estimate)),
        r_conf_int = list(num(ft$conf.int[1]), num(ft$conf.int[2])),
        estimate = num(mle), conf_int = list(num(ci[1]), num(ci[2])))
    }
  }
}
write_ref("fisher.json", "fisher.test(matrix, alternative, conf.level) on 2x2 tables", fisher)

# ---------------------------------------------------------------- chisq.test
chis <- list()
ctables <- list(matrix(c(27, 57, 15, 69), 2, byrow = TRUE), matrix(c(3, 1, 1, 3), 2, byrow = TRUE),
                matrix(c(120, 80, 95, 105), 2, byrow = TRUE), matrix(c(10, 0, 3, 7), 2, byrow = TRUE),
                matrix(c(500, 5, 480, 20), 2, byrow = TRUE), matrix(c(12, 5, 9, 7, 3, 15), 2, byrow = TRUE),
                matrix(c(20, 15, 30, 25, 10, 40, 5, 12, 18), 3, byrow = TRUE),
                matrix(c(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), 4, byrow = TRUE))
for (tab in ctables) {
  for (correct in c(TRUE, FALSE)) {
    ct <- suppressWarnings(chisq.test(tab, correct = correct))
    chis[[length(chis) + 1]] <- list(table = lapply(seq_len(nrow(tab)), function(i) tab[i, ]), correct = correct,
      statistic = unname(ct$statistic), df = unname(ct$parameter), p = ct$p.value,
      expected = lapply(seq_len(nrow(tab)), function(i) unname(ct$expected[i, ])))
  }
}
write_ref("chisq-test.json", "chisq.test(matrix, correct)", chis)
