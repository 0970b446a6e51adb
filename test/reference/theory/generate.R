# Reference values for @tiltak/theory's graph algorithms, from R igraph:
#   - strongly connected components that contain a cycle (size > 1, or a self-loop) -> rule "cycle"
#   - is_dag
#   - the number of simple paths from every source (in-degree 0) to every sink (out-degree 0)
#     -> chains() with sources as activities and sinks as outcomes
#   - the ancestors of the last vertex -> chains(..., { to }).upstream
# Run from test/reference/theory:  Rscript --vanilla generate.R   (writes graphs.json beside it)
suppressPackageStartupMessages({
  library(igraph)
  library(jsonlite)
})
set.seed(20201013)
cases <- list()
for (k in 1:60) {
  n <- sample(3:10, 1)
  p <- runif(1, 0.08, 0.35)
  dag_only <- k %% 2 == 0
  g <- sample_gnp(n, p, directed = TRUE, loops = !dag_only)
  if (dag_only) {
    # Keep only edges from a lower to a higher vertex: a DAG.
    el <- as_edgelist(g, names = FALSE)
    keep <- el[, 1] < el[, 2]
    g <- make_graph(as.vector(t(el[keep, , drop = FALSE])), n = n, directed = TRUE)
  }
  g <- simplify(g, remove.multiple = TRUE, remove.loops = FALSE)
  el <- as_edgelist(g, names = FALSE)
  comp <- components(g, mode = "strong")
  loops <- unique(el[el[, 1] == el[, 2], 1])
  cyclic <- list()
  for (m in seq_len(comp$no)) {
    members <- sort(which(comp$membership == m))
    if (length(members) > 1 || (length(members) == 1 && members %in% loops)) cyclic[[length(cyclic) + 1]] <- I(members - 1)
  }
  indeg <- degree(g, mode = "in", loops = TRUE)
  outdeg <- degree(g, mode = "out", loops = TRUE)
  sources <- which(indeg == 0)
  sinks <- which(outdeg == 0)
  npaths <- 0
  for (s in sources) {
    targets <- setdiff(sinks, s)
    if (length(targets) > 0) npaths <- npaths + length(all_simple_paths(g, from = s, to = targets, mode = "out"))
  }
  last <- n
  upstream <- sort(setdiff(as.integer(subcomponent(g, last, mode = "in")), last)) - 1
  cases[[k]] <- list(
    n = n,
    edges = if (nrow(el) > 0) lapply(seq_len(nrow(el)), function(i) el[i, ] - 1) else list(),
    isDag = is_dag(g),
    cyclic = I(cyclic),
    sources = I(sources - 1),
    sinks = I(sinks - 1),
    paths = npaths,
    upstreamOf = last - 1,
    upstream = I(upstream)
  )
}
out <- list(
  meta = list(
    generator = "test/reference/theory/generate.R",
    R = R.version.string,
    igraph = as.character(packageVersion("igraph")),
    jsonlite = as.character(packageVersion("jsonlite")),
    generated = format(Sys.time(), "%Y-%m-%dT%H:%M:%SZ", tz = "UTC"),
    seed = 20201013,
    tolerance = "exact (integers and sets)",
    note = "Vertices are 0-based. Odd cases may have cycles and self-loops; even cases are DAGs."
  ),
  cases = cases
)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = FALSE), "graphs.json")
cat("wrote graphs.json\n")
