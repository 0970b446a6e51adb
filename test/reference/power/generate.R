# Reference values for @tiltak/power, from R's pwr 1.3 and stats (power.t.test / power.prop.test with
# strict = TRUE), and from the published PowerUp! formulas (Dong & Maynard 2013) evaluated with R's
# qt / pt (PowerUpR is not installed here; the formulas are those of PowerUpR 1.1.0's mdes.cra2,
# power.cra2, mdes.bira2, power.bira2, written out below).
#
# Solved parameters are found here with uniroot(..., tol = 1e-12) on pwr's own power function (pwr's
# own uniroot stops at about 1e-4, too loose to test a 1e-10 solver against).
#
# Run: Rscript test/reference/power/generate.R   (writes pwr.json, then runs generate-designs.R for designs.json)
suppressPackageStartupMessages({ library(pwr); library(jsonlite) })
here <- local({
  a <- commandArgs(FALSE); f <- sub("^--file=", "", a[grep("^--file=", a)])
  if (length(f)) dirname(normalizePath(f)) else "test/reference/power"
})

camel <- function(args) {
  out <- list()
  for (k in names(args)) {
    v <- args[[k]]
    key <- if (k == "sig.level") "sigLevel" else k
    if (is.character(v)) v <- gsub(".", "-", v, fixed = TRUE)
    out[[key]] <- v
  }
  out
}

cases <- list()
add <- function(id, fn, rfun, args, solve = "power", range = NULL) {
  # args: R argument names and values, including the solved one's *target* context (power when solving
  # something else). The solved parameter must not be in args (except power when it is the solved one).
  if (solve == "power") {
    value <- do.call(rfun, args)$power
  } else {
    rname <- if (solve == "sigLevel") "sig.level" else solve
    target <- args$power
    f <- function(x) { a <- args; a$power <- NULL; a[[rname]] <- x; do.call(rfun, a)$power - target }
    value <- tryCatch(uniroot(f, range, tol = 1e-12, maxiter = 10000)$root,
                      error = function(e) stop(id, ": ", conditionMessage(e)))
  }
  a <- camel(args)
  if (solve == "power") a$power <- NULL
  cases[[length(cases) + 1]] <<- list(id = id, fn = fn, solve = solve, args = a, expected = value)
}

pt_ <- function(...) pwr.t.test(...)
mt <- function(...) power.t.test(..., strict = TRUE)
mp <- function(...) power.prop.test(..., strict = TRUE)

# --- tTest (pwr.t.test) ---
for (type in c("two.sample", "one.sample", "paired")) for (alt in c("two.sided", "less", "greater")) {
  d <- if (alt == "less") -0.4 else 0.4
  for (n in c(5, 20, 64.5, 300)) for (sl in c(0.05, 0.01))
    add(sprintf("tTest-power-%s-%s-n%s-a%s", type, alt, n, sl), "tTest", pt_,
        list(n = n, d = d, sig.level = sl, type = type, alternative = alt))
  for (pw in c(0.5, 0.8, 0.95))
    add(sprintf("tTest-n-%s-%s-p%s", type, alt, pw), "tTest", pt_,
        list(d = d, power = pw, sig.level = 0.05, type = type, alternative = alt), "n", c(2 + 1e-10, 1e7))
  add(sprintf("tTest-d-%s-%s", type, alt), "tTest", pt_,
      list(n = 40, power = 0.8, sig.level = 0.05, type = type, alternative = alt), "d",
      switch(alt, two.sided = c(1e-7, 10), less = c(-10, 5), greater = c(-5, 10)))
  add(sprintf("tTest-sig-%s-%s", type, alt), "tTest", pt_,
      list(n = 40, d = d, power = 0.8, type = type, alternative = alt), "sigLevel", c(1e-10, 1 - 1e-10))
}
add("tTest-n-small-d", "tTest", pt_, list(d = 0.1, power = 0.9, sig.level = 0.05), "n", c(2 + 1e-10, 1e7))
add("tTest-n-large-d", "tTest", pt_, list(d = 2, power = 0.8, sig.level = 0.05), "n", c(2 + 1e-10, 1e7))

# --- tTest2n (pwr.t2n.test) ---
for (alt in c("two.sided", "less", "greater")) {
  d <- if (alt == "less") -0.5 else 0.5
  for (nn in list(c(30, 40), c(10, 100), c(200, 50)))
    add(sprintf("tTest2n-power-%s-%d-%d", alt, nn[1], nn[2]), "tTest2n", pwr.t2n.test,
        list(n1 = nn[1], n2 = nn[2], d = d, sig.level = 0.05, alternative = alt))
  add(sprintf("tTest2n-n2-%s", alt), "tTest2n", pwr.t2n.test,
      list(n1 = 50, d = d, power = 0.8, sig.level = 0.05, alternative = alt), "n2", c(2 + 1e-10, 1e7))
  add(sprintf("tTest2n-n1-%s", alt), "tTest2n", pwr.t2n.test,
      list(n2 = 80, d = d, power = 0.8, sig.level = 0.05, alternative = alt), "n1", c(2 + 1e-10, 1e7))
  add(sprintf("tTest2n-d-%s", alt), "tTest2n", pwr.t2n.test,
      list(n1 = 30, n2 = 60, power = 0.8, sig.level = 0.05, alternative = alt), "d",
      switch(alt, two.sided = c(1e-7, 10), less = c(-10, 5), greater = c(-5, 10)))
  add(sprintf("tTest2n-sig-%s", alt), "tTest2n", pwr.t2n.test,
      list(n1 = 30, n2 = 60, d = d, power = 0.8, alternative = alt), "sigLevel", c(1e-10, 1 - 1e-10))
}

# --- normalMean, oneProportion, twoProportions, twoProportions2n (z tests) ---
zfun <- list(normalMean = list(pwr.norm.test, "d", 1), oneProportion = list(pwr.p.test, "h", 2),
             twoProportions = list(pwr.2p.test, "h", 2))
for (fn in names(zfun)) {
  rf <- zfun[[fn]][[1]]; es <- zfun[[fn]][[2]]; lo <- zfun[[fn]][[3]]
  for (alt in c("two.sided", "less", "greater")) {
    e <- if (alt == "less") -0.3 else 0.3
    for (n in c(10, 50, 200)) for (sl in c(0.05, 0.1)) {
      a <- list(n = n, sig.level = sl, alternative = alt); a[[es]] <- e
      add(sprintf("%s-power-%s-n%d-a%s", fn, alt, n, sl), fn, rf, a)
    }
    for (pw in c(0.6, 0.8, 0.9)) {
      a <- list(power = pw, sig.level = 0.05, alternative = alt); a[[es]] <- e
      add(sprintf("%s-n-%s-p%s", fn, alt, pw), fn, rf, a, "n", c(lo + 1e-10, 1e7))
    }
    a <- list(n = 60, power = 0.8, sig.level = 0.05, alternative = alt)
    add(sprintf("%s-%s-%s", fn, es, alt), fn, rf, a, es,
        switch(alt, two.sided = c(1e-10, 10), less = c(-10, 5), greater = c(-5, 10)))
    a <- list(n = 60, power = 0.8, alternative = alt); a[[es]] <- e
    add(sprintf("%s-sig-%s", fn, alt), fn, rf, a, "sigLevel", c(1e-10, 1 - 1e-10))
  }
}
add("oneProportion-vignette-n", "oneProportion", pwr.p.test,
    list(h = ES.h(0.75, 0.5), power = 0.8, sig.level = 0.05, alternative = "greater"), "n", c(2 + 1e-10, 1e7))
add("twoProportions-esh-n", "twoProportions", pwr.2p.test,
    list(h = ES.h(0.7, 0.5), power = 0.8, sig.level = 0.05), "n", c(2 + 1e-10, 1e7))
for (alt in c("two.sided", "less", "greater")) {
  h <- if (alt == "less") -0.52 else 0.52
  add(sprintf("twoProportions2n-power-%s", alt), "twoProportions2n", pwr.2p2n.test,
      list(h = h, n1 = 35, n2 = 50, sig.level = 0.05, alternative = alt))
  add(sprintf("twoProportions2n-n2-%s", alt), "twoProportions2n", pwr.2p2n.test,
      list(h = h, n1 = 40, power = 0.8, sig.level = 0.05, alternative = alt), "n2", c(2 + 1e-10, 1e7))
  add(sprintf("twoProportions2n-h-%s", alt), "twoProportions2n", pwr.2p2n.test,
      list(n1 = 40, n2 = 90, power = 0.8, sig.level = 0.05, alternative = alt), "h",
      switch(alt, two.sided = c(1e-10, 10), less = c(-10, 5), greater = c(-5, 10)))
  add(sprintf("twoProportions2n-sig-%s", alt), "twoProportions2n", pwr.2p2n.test,
      list(h = h, n1 = 40, n2 = 90, power = 0.8, alternative = alt), "sigLevel", c(1e-10, 1 - 1e-10))
}

# --- correlation (pwr.r.test) ---
for (alt in c("two.sided", "less", "greater")) {
  r <- if (alt == "less") -0.3 else 0.3
  for (n in c(10, 50, 200)) add(sprintf("correlation-power-%s-n%d", alt, n), "correlation", pwr.r.test,
                               list(n = n, r = r, sig.level = 0.05, alternative = alt))
  add(sprintf("correlation-n-%s", alt), "correlation", pwr.r.test,
      list(r = r, power = 0.8, sig.level = 0.05, alternative = alt), "n", c(4 + 1e-10, 1e7))
  add(sprintf("correlation-r-%s", alt), "correlation", pwr.r.test,
      list(n = 50, power = 0.8, sig.level = 0.05, alternative = alt), "r",
      if (alt == "two.sided") c(1e-10, 1 - 1e-10) else c(-1 + 1e-10, 1 - 1e-10))
  add(sprintf("correlation-sig-%s", alt), "correlation", pwr.r.test,
      list(n = 50, r = r, power = 0.8, alternative = alt), "sigLevel", c(1e-10, 0.5))
}

# --- chiSquare, anova, linearModel ---
for (df in c(1, 3, 8)) {
  add(sprintf("chiSquare-power-df%d", df), "chiSquare", pwr.chisq.test, list(w = 0.289, N = 100, df = df, sig.level = 0.05))
  add(sprintf("chiSquare-N-df%d", df), "chiSquare", pwr.chisq.test, list(w = 0.3, df = df, power = 0.8, sig.level = 0.05), "N", c(1 + 1e-10, 1e7))
  add(sprintf("chiSquare-w-df%d", df), "chiSquare", pwr.chisq.test, list(N = 120, df = df, power = 0.8, sig.level = 0.05), "w", c(1e-10, 10))
  add(sprintf("chiSquare-sig-df%d", df), "chiSquare", pwr.chisq.test, list(w = 0.3, N = 120, df = df, power = 0.8), "sigLevel", c(1e-10, 1 - 1e-10))
}
for (k in c(2, 4, 6)) {
  add(sprintf("anova-power-k%d", k), "anova", pwr.anova.test, list(k = k, n = 20, f = 0.28, sig.level = 0.05))
  add(sprintf("anova-n-k%d", k), "anova", pwr.anova.test, list(k = k, f = 0.25, power = 0.8, sig.level = 0.05), "n", c(2 + 1e-10, 1e7))
  add(sprintf("anova-f-k%d", k), "anova", pwr.anova.test, list(k = k, n = 25, power = 0.8, sig.level = 0.05), "f", c(1e-7, 10))
  add(sprintf("anova-sig-k%d", k), "anova", pwr.anova.test, list(k = k, n = 25, f = 0.3, power = 0.8), "sigLevel", c(1e-10, 1 - 1e-10))
}
add("anova-k", "anova", pwr.anova.test, list(n = 10, f = 0.4, power = 0.8, sig.level = 0.05), "k", c(2 + 1e-10, 100))
for (u in c(1, 3, 5)) {
  add(sprintf("linearModel-power-u%d", u), "linearModel", pwr.f2.test, list(u = u, v = 60, f2 = 0.15, sig.level = 0.05))
  add(sprintf("linearModel-v-u%d", u), "linearModel", pwr.f2.test, list(u = u, f2 = 0.15, power = 0.8, sig.level = 0.05), "v", c(1 + 1e-10, 1e7))
  add(sprintf("linearModel-f2-u%d", u), "linearModel", pwr.f2.test, list(u = u, v = 80, power = 0.8, sig.level = 0.05), "f2", c(1e-7, 10))
  add(sprintf("linearModel-sig-u%d", u), "linearModel", pwr.f2.test, list(u = u, v = 80, f2 = 0.1, power = 0.8), "sigLevel", c(1e-10, 1 - 1e-10))
}

# --- means (power.t.test, strict = TRUE) ---
for (type in c("two.sample", "one.sample", "paired")) for (alt in c("two.sided", "one.sided")) {
  for (n in c(5, 20, 80)) add(sprintf("means-power-%s-%s-n%d", type, alt, n), "means", mt,
                              list(n = n, delta = 1.5, sd = 2, sig.level = 0.05, type = type, alternative = alt))
  add(sprintf("means-n-%s-%s", type, alt), "means", mt,
      list(delta = 1.5, sd = 2, power = 0.9, sig.level = 0.05, type = type, alternative = alt), "n", c(2, 1e7))
  add(sprintf("means-delta-%s-%s", type, alt), "means", mt,
      list(n = 30, sd = 2, power = 0.9, sig.level = 0.05, type = type, alternative = alt), "delta", c(2e-7, 2e3))
  add(sprintf("means-sig-%s-%s", type, alt), "means", mt,
      list(n = 30, delta = 1.5, sd = 2, power = 0.9, type = type, alternative = alt), "sigLevel", c(1e-10, 1 - 1e-10))
}

# --- proportions (power.prop.test, strict = TRUE) ---
for (alt in c("two.sided", "one.sided")) {
  for (pp in list(c(0.5, 0.75), c(0.1, 0.2), c(0.05, 0.02), c(0.6, 0.4)))
    for (n in c(30, 150)) add(sprintf("proportions-power-%s-%s-%s-n%d", alt, pp[1], pp[2], n), "proportions", mp,
                              list(n = n, p1 = pp[1], p2 = pp[2], sig.level = 0.05, alternative = alt))
  for (pp in list(c(0.5, 0.75), c(0.1, 0.2), c(0.05, 0.02)))
    add(sprintf("proportions-n-%s-%s-%s", alt, pp[1], pp[2]), "proportions", mp,
        list(p1 = pp[1], p2 = pp[2], power = 0.9, sig.level = 0.05, alternative = alt), "n", c(2, 1e7))
  add(sprintf("proportions-p2-%s", alt), "proportions", mp,
      list(n = 100, p1 = 0.5, power = 0.8, sig.level = 0.05, alternative = alt), "p2", c(0.5 + 1e-10, 1 - 1e-10))
  add(sprintf("proportions-p1-%s", alt), "proportions", mp,
      list(n = 100, p2 = 0.5, power = 0.8, sig.level = 0.05, alternative = alt), "p1", c(1e-10, 0.5 - 1e-10))
  add(sprintf("proportions-sig-%s", alt), "proportions", mp,
      list(n = 100, p1 = 0.5, p2 = 0.7, power = 0.8, alternative = alt), "sigLevel", c(1e-10, 1 - 1e-10))
}

# --- extremes: tiny effects and levels, large n, many groups or predictors ---
add("extreme-tTest-n-d0.01", "tTest", pt_, list(d = 0.01, power = 0.9, sig.level = 0.05), "n", c(2 + 1e-10, 1e9))
add("extreme-tTest-n-alpha1e-6", "tTest", pt_, list(d = 0.3, power = 0.99, sig.level = 1e-6), "n", c(2 + 1e-10, 1e7))
add("extreme-tTest-power-n1e5", "tTest", pt_, list(n = 1e5, d = 0.01, sig.level = 0.001))
add("extreme-tTest-power-n3-d3", "tTest", pt_, list(n = 3, d = 3, sig.level = 0.05, type = "one.sample"))
add("extreme-twoProportions-n-h0.02", "twoProportions", pwr.2p.test, list(h = 0.02, power = 0.95, sig.level = 0.01), "n", c(2 + 1e-10, 1e9))
add("extreme-anova-k12", "anova", pwr.anova.test, list(k = 12, f = 0.1, power = 0.9, sig.level = 0.01), "n", c(2 + 1e-10, 1e7))
add("extreme-chiSquare-df30", "chiSquare", pwr.chisq.test, list(w = 0.1, df = 30, power = 0.9, sig.level = 0.05), "N", c(1 + 1e-10, 1e7))
add("extreme-linearModel-u12", "linearModel", pwr.f2.test, list(u = 12, f2 = 0.02, power = 0.9, sig.level = 0.01), "v", c(1 + 1e-10, 1e7))
add("extreme-correlation-r0.05", "correlation", pwr.r.test, list(r = 0.05, power = 0.95, sig.level = 0.001), "n", c(4 + 1e-10, 1e8))
add("extreme-means-paired-small", "means", mt, list(delta = 0.1, sd = 5, power = 0.8, sig.level = 0.05, type = "paired"), "n", c(2, 1e7))
add("extreme-proportions-rare", "proportions", mp, list(p1 = 0.001, p2 = 0.002, power = 0.8, sig.level = 0.05), "n", c(2, 1e8))

meta <- list(
  generated = format(Sys.time(), "%Y-%m-%dT%H:%M:%SZ", tz = "UTC"),
  R = R.version.string, pwr = as.character(packageVersion("pwr")), jsonlite = as.character(packageVersion("jsonlite")),
  script = "test/reference/power/generate.R",
  tolerance = "1e-6 relative for powers and solved values",
  solver = "uniroot(tol = 1e-12) on pwr's / stats' own power function (strict = TRUE for power.t.test and power.prop.test)"
)
writeLines(toJSON(list(meta = meta, cases = cases), auto_unbox = TRUE, digits = NA, pretty = TRUE),
           file.path(here, "pwr.json"))
cat("pwr.json:", length(cases), "cases\n")

# The multilevel and stepped-wedge references (designs.json) have their own script; run it too, so that
# test/reference/generate.sh (which runs generate.R in each folder) regenerates everything here.
source(file.path(here, "generate-designs.R"), local = new.env())
