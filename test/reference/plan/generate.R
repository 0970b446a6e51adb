# Reference values for @tiltak/plan's analyseTrial, from R stats: prop.test (correct = FALSE) and t.test
# (Welch) for individually randomised trials, and the cluster-level t test (t.test(var.equal = TRUE) on the
# cluster means) for cluster-randomised trials. The outcome data are drawn here with a fixed seed and
# written into the JSON, so the TypeScript test analyses exactly the same numbers.
# Run from anywhere:  Rscript test/reference/plan/generate.R  (or test/reference/generate.sh)
# Writes analyse.json beside this script.
suppressPackageStartupMessages(library(jsonlite))
script_arg <- sub("^--file=", "", grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE))
out_dir <- if (length(script_arg) == 1) dirname(normalizePath(script_arg)) else "."
meta <- list(
  generator = "test/reference/plan/generate.R",
  R = R.version.string,
  jsonlite = as.character(packageVersion("jsonlite")),
  generated = format(Sys.time(), "%Y-%m-%dT%H:%M:%SZ", tz = "UTC")
)
set.seed(20251205)
cases <- list()
result <- function(test) {
  list(estimate = unname(if (length(test$estimate) == 2) test$estimate[1] - test$estimate[2] else test$estimate),
       lower = test$conf.int[1], upper = test$conf.int[2], statistic = unname(test$statistic),
       df = unname(test$parameter), p = test$p.value)
}
# Individual, binary: arm 1 = intervention, arm 2 = control (prop.test's order), as 0/1 vectors.
for (spec in list(list(name = "binary-40-35", n1 = 40, n2 = 35, p1 = 0.5, p2 = 0.3),
                  list(name = "binary-120-118", n1 = 120, n2 = 118, p1 = 0.45, p2 = 0.32))) {
  y1 <- rbinom(spec$n1, 1, spec$p1)
  y2 <- rbinom(spec$n2, 1, spec$p2)
  test <- prop.test(c(sum(y1), sum(y2)), c(length(y1), length(y2)), correct = FALSE)
  cases[[length(cases) + 1]] <- c(list(name = spec$name, design = "individual", kind = "binary",
                                       y1 = y1, y2 = y2), result(test))
}
# Individual, continuous: Welch's t test (R's default).
for (spec in list(list(name = "continuous-30-26", n1 = 30, n2 = 26, m1 = 52, m2 = 47, s1 = 10, s2 = 14),
                  list(name = "continuous-60-55", n1 = 60, n2 = 55, m1 = 0.3, m2 = 0, s1 = 1, s2 = 1.1))) {
  y1 <- round(rnorm(spec$n1, spec$m1, spec$s1), 3)
  y2 <- round(rnorm(spec$n2, spec$m2, spec$s2), 3)
  test <- t.test(y1, y2)
  cases[[length(cases) + 1]] <- c(list(name = spec$name, design = "individual", kind = "continuous",
                                       y1 = y1, y2 = y2), result(test))
}
# Cluster: clusters of varying size; the analysis is a pooled-variance t test on the cluster means.
for (spec in list(list(name = "cluster-binary-6", k = 6, kind = "binary"),
                  list(name = "cluster-continuous-8", k = 8, kind = "continuous"))) {
  draw <- function(shift) {
    lapply(seq_len(spec$k), function(j) {
      m <- sample(6:14, 1)
      u <- rnorm(1, 0, 0.5)
      if (spec$kind == "binary") rbinom(m, 1, plogis(-0.6 + shift + u)) else round(rnorm(m, 10 + 2 * shift + u, 2), 3)
    })
  }
  c1 <- draw(0.6)
  c2 <- draw(0)
  test <- t.test(sapply(c1, mean), sapply(c2, mean), var.equal = TRUE)
  cases[[length(cases) + 1]] <- c(list(name = spec$name, design = "cluster", kind = spec$kind,
                                       clusters1 = c1, clusters2 = c2), result(test))
}
writeLines(toJSON(list(meta = meta, cases = cases), digits = NA, auto_unbox = TRUE, pretty = FALSE),
           file.path(out_dir, "analyse.json"))
