#!/usr/bin/env python3
"""Transcribes NIBR-rapport 2020:13, Tabell 3.2 ("Elementer som inngår i arbeidsmetodikken i
prosjektene", chapter 3) into table-3-2.json; the JSON is the reference the theory package's
compareTheories matrix must reproduce.

The PDF-to-text extraction kept the X marks of each row but lost their column positions. This script
reads the raw rows from a plain-text extraction of the report, counts the marks in each, and checks that count against the
column assignment below, which is reconstructed from the row's whitespace (a blank line where a cell
is empty) and from the report's running text:
  - "Styrking av norskferdigheter ... går igjen i alle prosjektene, bortsett fra ett" (chapter 3):
    Norwegian strengthening in seven of eight projects; by elimination the one without is Høgda, whose
    row has only two marks.
  - Høgda's two marks are assigned to alternative training models (working-life norms learnt through
    the work itself and the monthly gatherings) and Supported Employment elements (follow-up by the
    social entrepreneur beyond what an ordinary employer gives), as in the @tiltak/datasets record
    nibr-hogda. This cell pair is the least certain in the table: the row's whitespace alone would
    put the first mark in the Norwegian column, which the running text rules out.

Run: /usr/bin/python3 test/reference/theory/generate.py <text extraction of NIBR-rapport 2020:13>
(or set TILTAK_NIBR_2020_13 to that file). The extraction is not part of the repository.
"""
import datetime
import json
import os
import pathlib
import platform
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
_source = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("TILTAK_NIBR_2020_13")
if not _source:
    sys.exit("generate.py: give the text extraction of NIBR-rapport 2020:13 as the first argument "
             "or in TILTAK_NIBR_2020_13; the committed table-3-2.json is used by the tests without it")
SEED = pathlib.Path(_source)
if not SEED.is_file():
    sys.exit(f"generate.py: {SEED}: no such file (the text extraction of NIBR-rapport 2020:13)")

COLUMNS = [
    ("alternative-training-model", "Alternative opplæringsmodeller"),
    ("norwegian-training", "Styrking av norskferdigheter integrert i prosjektene"),
    ("career-guidance", "Karriereveiledning som del av prosjektene"),
    ("documented-partial-qualification", "Dokumentert delkvalifisering"),
    ("supported-employment", "Elementer av Supported employment"),
    ("digital-tools", "Digitale verktøy"),
]

# project: (row marker in the text extraction, columns (1-based) with an X, certainty)
ROWS = {
    "Omlandet": ("«Omlandet»", [1, 2, 4, 5, 6], "reconstructed: 'X X / blank / X X X'"),
    "Heimby": ("«Heimby»", [1, 2, 3, 5], "reconstructed: 'X X X / blank / X / blank'"),
    "Høgda": ("«Høgda» bydel", [1, 5], "reconstructed: two marks; not Norwegian (chapter 3); first column uncertain"),
    "Skjærbyen": ("«Skjærbyen»", [1, 2, 3, 4, 5, 6], "six marks: unambiguous"),
    "Kystbyen": ("«Kystbyen»", [1, 2, 3, 4, 5, 6], "six marks: unambiguous ('X (praksis)' in column 5)"),
    "Skogen": ("«Skogen»", [1, 2, 3, 5, 6], "reconstructed: 'X X X / blank / X (praksis) X'"),
    "Stranna": ("«Stranna» bydel", [1, 2, 3, 6], "reconstructed: 'X X X   X' (gap of two cells)"),
    "Mellombyen": ("«Mellom-byen»", [1, 2, 3, 4, 5, 6], "six marks: unambiguous"),
}

lines = SEED.read_text(encoding="utf-8").split("\n")
table = lines[985:1105]  # Tabell 3.2: extraction lines 986-1105 (1-based, inclusive)
starts = []
for project, (marker, _, _) in ROWS.items():
    index = next(i for i, line in enumerate(table) if line.strip().startswith(marker))
    starts.append((index, project))
starts.sort()
raw = {}
for k, (index, project) in enumerate(starts):
    end = starts[k + 1][0] if k + 1 < len(starts) else len(table)
    block = table[index:end]
    if k + 1 == len(starts):  # the last row ends where the running text resumes
        block = [line for line in block if not line.startswith(" Som det")][:12]
    marks = sum(len(re.findall(r"\bX\b", line)) for line in block)
    raw[project] = {"marks": marks, "text": " / ".join(line.strip() for line in block if "X" in line)}

rows = []
for project, (_, columns, certainty) in ROWS.items():
    if raw[project]["marks"] != len(columns):
        raise SystemExit(f"{project}: extraction row has {raw[project]['marks']} marks, assignment has {len(columns)}")
    rows.append(
        {
            "project": project,
            "marks": raw[project]["text"],
            "certainty": certainty,
            "cells": {key: (i + 1) in columns for i, (key, _) in enumerate(COLUMNS)},
        }
    )

totals = {key: sum(row["cells"][key] for row in rows) for key, _ in COLUMNS}
assert totals["norwegian-training"] == 7, totals  # "alle prosjektene, bortsett fra ett"

out = {
    "meta": {
        "what": "NIBR-rapport 2020:13, Tabell 3.2: elements of the eight projects' working methods",
        "source": {"document": "NIBR-rapport 2020:13", "lines": "986-1105", "text": "1113-1264"},
        "seed": "NIBR-rapport 2020:13, Tabell 3.2 (chapter 3), text extraction",
        "generator": "test/reference/theory/generate.py",
        "python": platform.python_version(),
        "generated": datetime.date.today().isoformat(),
        "tolerance": "exact (booleans)",
        "note": "Column positions were lost in the text extraction; rows with fewer than six marks are reconstructed (see the script's docstring). Mark counts per row are checked against the seed.",
    },
    "columns": [{"key": key, "nb": nb} for key, nb in COLUMNS],
    "rows": rows,
    "totals": totals,
}
path = HERE / "table-3-2.json"
path.write_text(json.dumps(out, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
print(f"wrote {path}")
