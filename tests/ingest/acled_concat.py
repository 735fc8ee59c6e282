"""Issue #13's "done when": pandas reads sitrep's ACLED-shaped CSV and concatenates it with ACLED's own
frames without renaming a column. Run by the CLI test AcledCsvConcatenatesWithAcledInPandas.

usage: acled_concat.py OURS.csv ACLED_HEADER.csv [ACLED_GOLD.csv]
  OURS.csv           `sitrep extract --format acled-csv` output
  ACLED_HEADER.csv   a CSV with ACLED's export header (all its columns, ACLED's order)
  ACLED_GOLD.csv     optional: an ACLED export with a subset of the columns
Prints what differs and exits 1 when a column would have to be renamed or reordered.
"""
import sys

import pandas as pd


def main(ours_path, acled_path, gold_path=None):
    ours = pd.read_csv(ours_path)
    acled = pd.read_csv(acled_path)
    if len(ours) == 0:
        print("no events in", ours_path)
        return 1
    if list(ours.columns) != list(acled.columns):
        print("columns differ:\n ours ", list(ours.columns), "\n acled", list(acled.columns))
        return 1
    both = pd.concat([acled, ours], ignore_index=True)
    if list(both.columns) != list(acled.columns) or len(both) != len(acled) + len(ours):
        print("concat added or lost columns or rows:", list(both.columns))
        return 1
    if gold_path:
        gold = pd.read_csv(gold_path, nrows=50)
        unknown = [c for c in gold.columns if c not in ours.columns]
        if unknown:
            print("ACLED columns we do not write:", unknown)
            return 1
        with_gold = pd.concat([ours, gold], ignore_index=True)
        if list(with_gold.columns) != list(ours.columns):
            print("concat with the gold added columns:", list(with_gold.columns))
            return 1
    print("ok:", len(ours), "events,", len(ours.columns), "columns")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
