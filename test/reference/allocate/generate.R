# Reference imbalance scores for Pocock-Simon minimisation, computed with the scoring rule of R Minirand
# 0.1.3 (Minirand(): counts of earlier units sharing the new unit's level, +1 in the candidate arm, divided
# by the ratio, spread across arms by range, var or sd, weighted sum over factors). The expression below is the
# scoring rule of Minirand() as its source defines it (Jin, Polis & Hartzel, Minirand 0.1.3);
# Minirand itself is not installed here, so its rule is written out, not sourced.
# Run from this folder: Rscript --vanilla generate.R  (writes minirand.json; test/reference/generate.sh runs it)
library(jsonlite)
set.seed(20251122)
score <- function(nm, covwt, ratio, f) {
  sapply(seq_along(ratio), function(i) {
    t <- nm
    t[, i] <- t[, i] + 1
    sum(covwt %*% apply(t %*% diag(1 / ratio), 1, f))
  })
}
cases <- list()
for (k in 1:40) {
  arms <- sample(2:4, 1)
  factors <- sample(1:4, 1)
  nm <- matrix(sample(0:12, arms * factors, replace = TRUE), nrow = factors, ncol = arms)
  ratio <- sample(1:3, arms, replace = TRUE)
  covwt <- round(runif(factors, 0.1, 3), 2)
  cases[[k]] <- list(
    counts = lapply(seq_len(factors), function(f) I(nm[f, ])),
    ratios = I(ratio),
    weights = I(covwt),
    range = score(nm, covwt, ratio, function(v) diff(range(v))),
    variance = score(nm, covwt, ratio, var),
    sd = score(nm, covwt, ratio, sd)
  )
}
# minirand-01 itself
nm <- matrix(c(2, 1, 0, 1), 2, 2)
cases[[41]] <- list(counts = list(c(2, 0), c(1, 1)), ratios = c(1, 1), weights = c(0.5, 0.5),
  range = score(nm, c(.5, .5), c(1, 1), function(v) diff(range(v))), variance = score(nm, c(.5, .5), c(1, 1), var),
  sd = score(nm, c(.5, .5), c(1, 1), sd))
out <- list(
  meta = list(
    generator = "test/reference/allocate/generate.R",
    rule = "Minirand 0.1.3 Minirand() imbalance score (Range, Var and SD)",
    R = R.version.string,
    jsonlite = as.character(packageVersion("jsonlite")),
    generated = format(Sys.time(), "%Y-%m-%dT%H:%M:%SZ", tz = "UTC"),
    tolerance = "abs 1e-12 (values written with 15 significant digits)"
  ),
  cases = cases
)
writeLines(toJSON(out, auto_unbox = TRUE, digits = I(17), pretty = TRUE), "minirand.json")
