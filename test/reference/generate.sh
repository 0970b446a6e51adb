#!/usr/bin/env bash
# Regenerates every reference JSON under test/reference/ from the reference implementations.
# Needs: apt-get update && apt-get install -y r-base-core r-cran-pwr r-cran-metafor r-cran-jsonlite python3-statsmodels
# CI never runs this; it reads the committed JSON.
set -euo pipefail
cd "$(dirname "$0")"
for dir in */; do
  dir=${dir%/}
  if [ -f "$dir/generate.R" ]; then
    echo "== $dir/generate.R"
    (cd "$dir" && Rscript --vanilla generate.R)
  fi
  if [ -f "$dir/generate.py" ]; then
    if [ "$dir" = theory ] && [ -z "${TILTAK_NIBR_2020_13:-}" ]; then
      # theory/generate.py transcribes a table from the report's text, which is not in the repository.
      echo "== $dir/generate.py NOT RUN: set TILTAK_NIBR_2020_13 to the text extraction of NIBR-rapport 2020:13" >&2
      continue
    fi
    echo "== $dir/generate.py"
    (cd "$dir" && /usr/bin/python3 generate.py)
  fi
done
