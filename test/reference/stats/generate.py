#!/usr/bin/python3
"""Reference values for @tiltak/stats from statsmodels.

Run from the repository root with Debian's Python (which has statsmodels):

    /usr/bin/python3 test/reference/stats/generate.py

Writes proportions-statsmodels.json and newcombe.json beside this script, each with a `meta` block.
Numbers are written with repr() (17 significant digits, exact round trip).
"""
import datetime
import json
import os
import platform

import numpy
import scipy
import statsmodels
from statsmodels.stats.proportion import confint_proportions_2indep, proportion_confint

HERE = os.path.dirname(os.path.abspath(__file__))


def meta(what):
    return {
        "generator": "test/reference/stats/generate.py",
        "what": what,
        "python": platform.python_version(),
        "statsmodels": statsmodels.__version__,
        "scipy": scipy.__version__,
        "numpy": numpy.__version__,
        "date": datetime.date.today().isoformat(),
    }


def write(name, what, cases):
    path = os.path.join(HERE, name)
    with open(path, "w") as f:
        json.dump({"meta": meta(what), "cases": cases}, f, allow_nan=False)
        f.write("\n")
    print(f"wrote {path} ({len(cases)} cases)")


# tiltak method name -> statsmodels method name
METHODS = {
    "wilson": "wilson",
    "clopper-pearson": "beta",
    "agresti-coull": "agresti_coull",
    "jeffreys": "jeffreys",
    "wald": "normal",
}

COUNTS = [(0, 1), (1, 1), (0, 10), (1, 10), (5, 10), (9, 10), (10, 10), (27, 84), (3, 500), (499, 500),
          (150, 1000), (1, 3), (12345, 100000), (57, 61), (0, 2500), (2, 7)]
LEVELS = [0.8, 0.9, 0.95, 0.99, 0.999]

cases = []
for x, n in COUNTS:
    for level in LEVELS:
        for method, sm in METHODS.items():
            low, upp = proportion_confint(x, n, alpha=1 - level, method=sm)
            cases.append({"x": x, "n": n, "level": level, "method": method,
                          "lower": float(low), "upper": float(upp)})
write("proportions-statsmodels.json", "statsmodels.stats.proportion.proportion_confint(x, n, alpha, method)",
      cases)

PAIRS = [(27, 84, 15, 84), (0, 10, 0, 20), (10, 10, 0, 10), (5, 56, 0, 29), (9, 10, 3, 10), (6, 7, 2, 7),
         (56, 70, 48, 80), (9, 10, 3, 10), (0, 10, 5, 10), (1, 30, 2, 45), (120, 400, 95, 410), (3, 3, 0, 1)]
diffs = []
for x1, n1, x2, n2 in PAIRS:
    for level in [0.9, 0.95, 0.99]:
        low, upp = confint_proportions_2indep(x1, n1, x2, n2, method="newcomb", compare="diff",
                                              alpha=1 - level)
        diffs.append({"x1": x1, "n1": n1, "x2": x2, "n2": n2, "level": level,
                      "lower": float(low), "upper": float(upp)})
write("newcombe.json",
      'statsmodels.stats.proportion.confint_proportions_2indep(..., method="newcomb", compare="diff")', diffs)
