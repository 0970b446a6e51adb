# Reference values for @tiltak/compare, from metafor (escalc, rma) and R stats.
# Run from anywhere:  Rscript test/reference/compare/generate.R  (or test/reference/generate.sh)
# Writes escalc.json, rma.json, subgroups.json, two-by-two.json, funnel.json beside this script.
suppressPackageStartupMessages({
  library(metafor)
  library(jsonlite)
})
script_arg <- sub("^--file=", "", grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE))
out_dir <- if (length(script_arg) == 1) dirname(normalizePath(script_arg)) else "."
meta <- list(
  generator = "test/reference/compare/generate.R",
  R = R.version.string,
  metafor = as.character(packageVersion("metafor")),
  metadat = as.character(packageVersion("metadat")),
  jsonlite = as.character(packageVersion("jsonlite")),
  generated = format(Sys.time(), "%Y-%m-%dT%H:%M:%SZ", tz = "UTC")
)
write_ref <- function(x, name) {
  writeLines(toJSON(x, digits = NA, auto_unbox = TRUE, null = "null", na = "null", pretty = FALSE),
             file.path(out_dir, name))
}
num <- function(x) as.numeric(x)

# ---- escalc ---------------------------------------------------------------------------------
dat <- dat.bcg
zero <- data.frame(ai = c(0, 5, 12, 3, 7), bi = c(20, 15, 0, 27, 13),
                   ci = c(4, 0, 9, 6, 10), di = c(16, 22, 11, 24, 10))
escalc_cases <- list()
add_case <- function(name, measure, input, es) {
  escalc_cases[[length(escalc_cases) + 1]] <<- list(name = name, measure = measure, input = input,
                                                    yi = num(es$yi), vi = num(es$vi))
}
for (m in c("RR", "OR", "RD")) {
  es <- escalc(measure = m, ai = tpos, bi = tneg, ci = cpos, di = cneg, data = dat)
  add_case(paste0("bcg-", m), m, list(ai = dat$tpos, bi = dat$tneg, ci = dat$cpos, di = dat$cneg), es)
  es <- escalc(measure = m, ai = ai, bi = bi, ci = ci, di = di, data = zero)
  add_case(paste0("zero-cells-", m), m, as.list(zero), es)
}
for (m in c("PR", "PLO", "PAS", "PFT")) {
  es <- escalc(measure = m, xi = tpos, ni = tpos + tneg, data = dat)
  add_case(paste0("bcg-", m), m, list(xi = dat$tpos, ni = dat$tpos + dat$tneg), es)
  xi <- c(0, 3, 10, 27, 42); ni <- c(12, 30, 10, 84, 221)
  es <- escalc(measure = m, xi = xi, ni = ni)
  add_case(paste0("zero-", m), m, list(xi = xi, ni = ni), es)
}
nd <- dat.normand1999
for (m in c("MD", "SMD")) {
  es <- escalc(measure = m, m1i = m1i, sd1i = sd1i, n1i = n1i, m2i = m2i, sd2i = sd2i, n2i = n2i, data = nd)
  add_case(paste0("normand1999-", m), m, list(m1i = nd$m1i, sd1i = nd$sd1i, n1i = nd$n1i,
                                              m2i = nd$m2i, sd2i = nd$sd2i, n2i = nd$n2i), es)
}
# small samples, where the exact Hedges correction matters
es <- escalc(measure = "SMD", m1i = c(1.2, 0.4), sd1i = c(1, 0.8), n1i = c(3, 4), m2i = c(0.2, 0.5),
             sd2i = c(1.1, 0.9), n2i = c(2, 5))
add_case("small-SMD", "SMD", list(m1i = c(1.2, 0.4), sd1i = c(1, 0.8), n1i = c(3, 4), m2i = c(0.2, 0.5),
                                  sd2i = c(1.1, 0.9), n2i = c(2, 5)), es)
# the other zero-cell rules
for (to in c("all", "if0all", "none")) for (m in c("RR", "OR", "RD")) {
  z2 <- zero[c(2, 4, 5), ]
  if (to == "none") z2 <- zero[c(4, 5), ]
  es <- escalc(measure = m, ai = ai, bi = bi, ci = ci, di = di, data = z2, to = to)
  add_case(paste0("to-", to, "-", m), m, c(as.list(z2), list(to = to)), es)
}
es <- escalc(measure = "PLO", xi = c(0, 3, 10), ni = c(12, 30, 10), add = 1, to = "all")
add_case("add-1-all-PLO", "PLO", list(xi = c(0, 3, 10), ni = c(12, 30, 10), add = 1, to = "all"), es)
write_ref(list(meta = meta, tolerance = list(rel = 1e-10), cases = escalc_cases), "escalc.json")

# ---- rma -------------------------------------------------------------------------------------
fit_values <- function(fit) {
  pr <- predict(fit)
  list(estimate = num(fit$b), se = num(fit$se), z = num(fit$zval), p = num(fit$pval),
       ciLower = num(fit$ci.lb), ciUpper = num(fit$ci.ub), Q = num(fit$QE), QP = num(fit$QEp),
       tau2 = num(fit$tau2), I2 = num(fit$I2), H2 = num(fit$H2),
       piLower = num(if (is.null(pr$pi.lb)) pr$ci.lb else pr$pi.lb),
       piUpper = num(if (is.null(pr$pi.ub)) pr$ci.ub else pr$pi.ub),
       weights = I(num(weights(fit))), k = fit$k)
}
rma_cases <- list()
measure_sets <- list(
  RR = escalc("RR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = dat),
  OR = escalc("OR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = dat),
  RD = escalc("RD", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = dat),
  PLO = escalc("PLO", xi = tpos, ni = tpos + tneg, data = dat),
  PR = escalc("PR", xi = tpos, ni = tpos + tneg, data = dat),
  PAS = escalc("PAS", xi = tpos, ni = tpos + tneg, data = dat),
  PFT = escalc("PFT", xi = tpos, ni = tpos + tneg, data = dat),
  MD = escalc("MD", m1i = m1i, sd1i = sd1i, n1i = n1i, m2i = m2i, sd2i = sd2i, n2i = n2i, data = nd),
  SMD = escalc("SMD", m1i = m1i, sd1i = sd1i, n1i = n1i, m2i = m2i, sd2i = sd2i, n2i = n2i, data = nd)
)
# small sets: k = 1, k = 2, and three studies
measure_sets$k1 <- data.frame(yi = 0.4, vi = 0.09)
measure_sets$k2 <- data.frame(yi = c(0.4, -0.3), vi = c(0.09, 0.04))
measure_sets$k3 <- data.frame(yi = c(0.9, 0.1, 0.5), vi = c(0.2, 0.05, 0.1))
# a homogeneous set (tau2 truncated at 0 by every estimator)
set.seed(20240101)
measure_sets$homogeneous <- data.frame(yi = c(0.10, 0.12, 0.09, 0.11, 0.13, 0.10), vi = c(0.02, 0.03, 0.025, 0.04, 0.05, 0.03))
for (name in names(measure_sets)) {
  es <- measure_sets[[name]]
  for (method in c("FE", "DL", "REML", "PM", "HE", "SJ", "ML")) {
    for (test in c("z", "knha")) {
      for (level in c(95, 90)) {
        if (level == 90 && !(method %in% c("REML", "DL"))) next
        if (name == "k1" && test == "knha") next
        fit <- suppressWarnings(rma(yi = num(es$yi), vi = num(es$vi), method = method, test = test, level = level))
        rma_cases[[length(rma_cases) + 1]] <- list(name = name, method = method, test = test, level = level,
                                                   yi = I(num(es$yi)), vi = I(num(es$vi)), expected = fit_values(fit))
      }
    }
  }
}
write_ref(list(meta = meta, tolerance = list(rel = 1e-6), cases = rma_cases), "rma.json")

# ---- subgroups (dat.bcg log RR by allocation) -------------------------------------------------
es <- measure_sets$RR
sub_cases <- list()
for (method in c("REML", "DL", "FE")) {
  groups <- unique(as.character(dat$alloc))
  per <- lapply(groups, function(g) {
    fit <- rma(yi = num(es$yi)[dat$alloc == g], vi = num(es$vi)[dat$alloc == g], method = method)
    c(list(group = g), fit_values(fit))
  })
  est <- sapply(per, function(x) x$estimate); se <- sapply(per, function(x) x$se)
  between <- rma(yi = est, sei = se, method = "FE")
  sub_cases[[length(sub_cases) + 1]] <- list(method = method, yi = num(es$yi), vi = num(es$vi),
    subgroups = as.character(dat$alloc), groups = per,
    Qb = num(between$QE), df = length(groups) - 1, p = num(between$QEp))
}
# the same question under a common tau2: rma(yi, vi, mods = ~ factor(alloc))
mixed_cases <- list()
for (name in c("RR", "OR", "PLO")) for (method in c("FE", "DL", "REML", "PM", "HE", "SJ", "ML")) for (test in c("z", "knha")) {
  es <- measure_sets[[name]]
  fit <- suppressWarnings(rma(yi = num(es$yi), vi = num(es$vi), mods = ~ factor(dat$alloc), method = method, test = test))
  mixed_cases[[length(mixed_cases) + 1]] <- list(name = name, method = method, test = test,
    yi = num(es$yi), vi = num(es$vi), subgroups = as.character(dat$alloc),
    QM = num(fit$QM), QMdf = I(num(fit$QMdf)), QMp = num(fit$QMp), tau2 = num(fit$tau2),
    QE = num(fit$QE), QEp = num(fit$QEp), I2 = num(fit$I2), H2 = num(fit$H2))
}
write_ref(list(meta = meta, tolerance = list(rel = 1e-6), cases = sub_cases, commonTau2 = mixed_cases), "subgroups.json")

# ---- two programmes: RD (Newcombe), RR and OR (log / Woolf), chi-square, Fisher -----------------
# Work out of exits: NorA 2024 (27/84), NorA 2021 (44/102), Ny sjanse 2024 (43/91); education; zero cell
pairs <- list(
  list(name = "work: NorA 2021 vs NorA 2024", x1 = 44, n1 = 102, x2 = 27, n2 = 84),
  list(name = "work: Ny sjanse 2024 vs NorA 2024", x1 = 43, n1 = 91, x2 = 27, n2 = 84),
  list(name = "education: NorA 2024 vs NorA 2021", x1 = 15, n1 = 84, x2 = 7, n2 = 102),
  list(name = "work or education of participants: NorA 2024 vs Ny sjanse 2024", x1 = 42, n1 = 221, x2 = 53, n2 = 212),
  list(name = "zero cell", x1 = 0, n1 = 20, x2 = 6, n2 = 25)
)
two_cases <- list()
wilson <- function(x, n, level) num(prop.test(x, n, conf.level = level, correct = FALSE)$conf.int)
for (pair in pairs) for (level in c(0.95, 0.9)) {
  x1 <- pair$x1; n1 <- pair$n1; x2 <- pair$x2; n2 <- pair$n2
  z <- qnorm(1 - (1 - level) / 2)
  p1 <- x1 / n1; p2 <- x2 / n2
  w1 <- if (x1 == 0) c(0, wilson(x1, n1, level)[2]) else wilson(x1, n1, level)
  w2 <- wilson(x2, n2, level)
  d <- p1 - p2
  rdL <- d - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2)
  rdU <- d + sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2)
  rr <- escalc("RR", ai = x1, bi = n1 - x1, ci = x2, di = n2 - x2)
  or <- escalc("OR", ai = x1, bi = n1 - x1, ci = x2, di = n2 - x2)
  tab <- matrix(c(x1, n1 - x1, x2, n2 - x2), nrow = 2, byrow = TRUE)
  chi <- suppressWarnings(chisq.test(tab, correct = FALSE))
  chiY <- suppressWarnings(chisq.test(tab, correct = TRUE))
  fi <- fisher.test(tab, conf.level = level)
  two_cases[[length(two_cases) + 1]] <- list(
    name = pair$name, x1 = x1, n1 = n1, x2 = x2, n2 = n2, level = level,
    riskDifference = list(estimate = d, lower = rdL, upper = rdU),
    riskRatio = list(estimate = exp(num(rr$yi)), lower = exp(num(rr$yi) - z * sqrt(num(rr$vi))),
                     upper = exp(num(rr$yi) + z * sqrt(num(rr$vi))), logEstimate = num(rr$yi), logSe = sqrt(num(rr$vi))),
    oddsRatio = list(estimate = exp(num(or$yi)), lower = exp(num(or$yi) - z * sqrt(num(or$vi))),
                     upper = exp(num(or$yi) + z * sqrt(num(or$vi))), logEstimate = num(or$yi), logSe = sqrt(num(or$vi))),
    chiSquare = list(statistic = num(chi$statistic), df = num(chi$parameter), p = num(chi$p.value)),
    chiSquareYates = list(statistic = num(chiY$statistic), df = num(chiY$parameter), p = num(chiY$p.value)),
    fisher = list(p = num(fi$p.value), oddsRatio = num(fi$estimate)),
    wilson1 = w1, wilson2 = w2
  )
}
write_ref(list(meta = meta, tolerance = list(rel = 1e-6), cases = two_cases), "two-by-two.json")

# ---- funnel limits (Spiegelhalter 2005, binomial with interpolation, and normal) ---------------
exact_limit <- function(p, n, theta) {
  rp <- qbinom(p, n, theta)
  a <- (pbinom(rp, n, theta) - p) / (pbinom(rp, n, theta) - pbinom(rp - 1, n, theta))
  (rp - a) / n
}
funnel_cases <- list()
for (theta in c(0.6, 0.1, 0.4214)) for (n in c(5, 27, 84, 91, 102, 221, 1000)) {
  lim <- list()
  for (lev in c(0.95, 0.998)) {
    pl <- (1 - lev) / 2; pu <- 1 - pl
    z <- qnorm(pu)
    lim[[length(lim) + 1]] <- list(level = lev,
      exactLower = exact_limit(pl, n, theta), exactUpper = exact_limit(pu, n, theta),
      normalLower = max(0, theta - z * sqrt(theta * (1 - theta) / n)),
      normalUpper = min(1, theta + z * sqrt(theta * (1 - theta) / n)))
  }
  funnel_cases[[length(funnel_cases) + 1]] <- list(target = theta, n = n, limits = lim)
}
# overdispersion (Spiegelhalter 2005, 3.5): winsorised z (R quantile type 7, 10 %/90 %), phi, tau2;
# the formulas evaluated in R (an arithmetic check: no CRAN package implements exactly this convention)
x <- c(44, 27, 43, 20, 61, 12, 35, 50, 8, 70); n <- c(102, 84, 91, 27, 110, 40, 60, 95, 30, 120)
od_cases <- list()
for (target in list(0.6, NULL)) for (method in c("multiplicative", "additive")) {
  theta <- if (is.null(target)) sum(x) / sum(n) else target
  z <- (x / n - theta) / sqrt(theta * (1 - theta) / n)
  q <- quantile(z, c(0.1, 0.9))
  phi <- mean(pmin(pmax(z, q[[1]]), q[[2]])^2)
  I <- length(x); w <- n / (theta * (1 - theta))
  tau2 <- if (method == "additive") max(0, (I * phi - (I - 1)) / (sum(w) - sum(w^2) / sum(w))) else 0
  phiApplied <- if (method == "multiplicative") max(1, phi) else 1
  df <- if (is.null(target)) I - 1 else I
  v <- phiApplied * theta * (1 - theta) / n + tau2
  od_cases[[length(od_cases) + 1]] <- list(target = if (is.null(target)) NA else target, method = method,
    x = x, n = n, theta = theta, phi = phi, tau2 = tau2, statistic = I * phi, df = df,
    p = pchisq(I * phi, df, lower.tail = FALSE),
    lower95 = pmax(0, theta - qnorm(0.975) * sqrt(v)), upper95 = pmin(1, theta + qnorm(0.975) * sqrt(v)),
    lower998 = pmax(0, theta - qnorm(0.999) * sqrt(v)), upper998 = pmin(1, theta + qnorm(0.999) * sqrt(v)))
}
write_ref(list(meta = meta, tolerance = list(rel = 1e-9), cases = funnel_cases, overdispersion = od_cases), "funnel.json")
cat("wrote", length(escalc_cases), "escalc,", length(rma_cases), "rma,", length(sub_cases), "subgroup,",
    length(two_cases), "two-by-two,", length(funnel_cases), "funnel cases\n")
