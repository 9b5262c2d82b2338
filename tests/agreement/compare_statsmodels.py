#!/usr/bin/env python3
"""Compares partnerqi's agreement statistics with an independent implementation.

    python3 compare_statsmodels.py AGREEMENT_VALUES [CASES]

AGREEMENT_VALUES is the program tests/agreement/agreement_values.cpp builds: it reads
reliability data and prints partnerqi's values (for coded case studies, the CSV of the agreement
report that `partnerqi export --format csv` writes as coder-agreement.csv). This script draws
CASES random codings (default 300) with a fixed seed and compares:

- Cohen's kappa, its Fleiss-Cohen-Everitt standard error and 95% interval with
  statsmodels.stats.inter_rater.cohens_kappa (Debian's python3-statsmodels);
- Fleiss' kappa with statsmodels.stats.inter_rater.fleiss_kappa, on complete data (statsmodels
  needs every unit rated by as many coders), and Fleiss 1971's own example;
- Krippendorff's alpha (nominal, with missing values) with the small implementation below,
  written from Krippendorff 2011's definition by pairs of values (no package in Debian 12);
- percent agreement (mean share of agreeing coder pairs per unit) and the pooled kappa of
  de Vries et al. 2008 (mean po and mean pe over codes) from their definitions.

Exit code 0 when every value agrees, 1 when one differs, 77 (a skipped test for CTest) when
statsmodels is not installed.
"""
import csv
import io
import itertools
import math
import random
import subprocess
import sys
import warnings

SKIPPED = 77
try:
    import numpy as np
    from statsmodels.stats.inter_rater import cohens_kappa, fleiss_kappa
except ImportError:
    print("statsmodels is not installed (Debian: python3-statsmodels); skipped")
    sys.exit(SKIPPED)

TOLERANCE = 2e-6  # the report's CSV prints 6 decimals
# statsmodels divides 0 by 0 where a kappa is undefined; those values are compared as undefined.
warnings.filterwarnings("ignore", category=RuntimeWarning)


def alpha_nominal(units):
    """Krippendorff's alpha from pairs of values. units: lists of the values each unit got."""
    pairs = {}
    for values in units:
        m = len(values)
        if m < 2:
            continue
        for i, j in itertools.permutations(range(m), 2):
            key = (values[i], values[j])
            pairs[key] = pairs.get(key, 0.0) + 1.0 / (m - 1)
    n_c = {}
    for (c, _), o in pairs.items():
        n_c[c] = n_c.get(c, 0.0) + o
    n = sum(n_c.values())
    if n < 2:
        return None
    observed = sum(o for (c, k), o in pairs.items() if c != k) / n
    expected = sum(n_c[c] * n_c[k] for c in n_c for k in n_c if c != k) / (n * (n - 1))
    if expected < 1e-12:
        return None
    return 1 - observed / expected


def percent(units):
    shares = []
    for values in units:
        m = len(values)
        if m < 2:
            continue
        agree = sum(1 for i, j in itertools.combinations(range(m), 2) if values[i] == values[j])
        shares.append(agree / (m * (m - 1) / 2))
    return sum(shares) / len(shares) if shares else None


def interval(res):
    """statsmodels' 95% limits; none where the variance is 0 up to rounding (statsmodels then
    gives nan or a one-point interval), as partnerqi leaves them out there."""
    if math.isnan(res.var_kappa) or res.var_kappa <= 1e-12:
        return None, None
    return res.kappa_low, res.kappa_upp


def po_pe(table):
    t = np.asarray(table, float)
    n = t.sum()
    po = np.trace(t) / n
    pe = float((t.sum(1) / n) @ (t.sum(0) / n))
    return po, pe


class Checker:
    def __init__(self):
        self.problems = []
        self.compared = 0

    def same(self, where, ours, theirs, tolerance=TOLERANCE):
        self.compared += 1
        if theirs is None or (isinstance(theirs, float) and math.isnan(theirs)):
            if ours is not None:
                self.problems.append(f"{where}: partnerqi {ours}, expected undefined")
            return
        if ours is None or abs(ours - theirs) > tolerance:
            self.problems.append(f"{where}: partnerqi {ours}, expected {theirs}")


def number(text):
    return None if text in ("", "nan") else float(text)


def random_study(rng):
    sources, coders, codes = rng.randint(3, 30), rng.randint(2, 5), rng.randint(1, 4)
    missing = rng.choice([0.0, 0.0, 0.25])
    rated = [[rng.random() >= missing for _ in range(coders)] for _ in range(sources)]
    data = []  # [code][source][coder] in {1, 0, None}
    for _ in range(codes):
        prevalence, accuracy = rng.uniform(0.05, 0.9), rng.uniform(0.5, 1.0)
        code = []
        for s in range(sources):
            truth = rng.random() < prevalence
            code.append([(int(truth if rng.random() < accuracy else not truth) if rated[s][c]
                          else None) for c in range(coders)])
        data.append(code)
    return sources, coders, codes, data


def study_input(sources, coders, codes, data):
    rows = [f"study {sources} {coders} {codes}"]
    for code in data:
        for source in code:
            rows.append(" ".join("-" if v is None else str(v) for v in source))
    return "\n".join(rows) + "\n"


def check_study(check, case, coders, data, report):
    rows = {row["code"]: row for row in report}
    active = {c for code in data for source in code for c, v in enumerate(source) if v is not None}
    # A coder is compared when they coded a source at all ("rated" counts for every source).
    if len(active) < 2:
        if rows:
            check.problems.append(f"case {case}: {len(active)} coder(s), yet a report")
        return
    everything, tables = [], []
    for k, code in enumerate(data):
        row = rows.get(f"code-{k}")
        if row is None:
            check.problems.append(f"case {case}: no row for code-{k}")
            continue
        units = [[v for v in source if v is not None] for source in code]
        everything += units
        where = f"case {case} code-{k}"
        check.same(where + " alpha", number(row["alpha"]), alpha_nominal(units))
        check.same(where + " percent agreement", number(row["percent_agreement"]), percent(units))
        complete = all(all(v is not None for v in source) for source in code)
        if complete:
            counts = [[sum(1 for v in source if v == cat) for cat in (1, 0)] for source in code]
            check.same(where + " Fleiss' kappa", number(row["fleiss_kappa"]),
                       fleiss_kappa(np.asarray(counts)))
        if len(active) == 2:
            a, b = sorted(active)
            table = [[0, 0], [0, 0]]
            for source in code:
                if source[a] is not None and source[b] is not None:
                    table[1 - source[a]][1 - source[b]] += 1
            if sum(map(sum, table)):
                tables.append(table)
                po, pe = po_pe(table)
                if pe < 1 - 1e-12:
                    res = cohens_kappa(table)
                    low, high = interval(res)
                    check.same(where + " Cohen's kappa", number(row["cohen_kappa"]), res.kappa)
                    check.same(where + " Cohen's lower limit", number(row["cohen_low"]), low)
                    check.same(where + " Cohen's upper limit", number(row["cohen_high"]), high)
                else:
                    check.same(where + " Cohen's kappa", number(row["cohen_kappa"]), None)
    overall = rows["all"]
    check.same(f"case {case} overall alpha", number(overall["alpha"]), alpha_nominal(everything))
    check.same(f"case {case} overall percent agreement", number(overall["percent_agreement"]),
               percent(everything))
    if len(active) == 2 and tables:
        po = sum(po_pe(t)[0] for t in tables) / len(tables)
        pe = sum(po_pe(t)[1] for t in tables) / len(tables)
        check.same(f"case {case} pooled kappa", number(overall["cohen_kappa"]),
                   (po - pe) / (1 - pe) if pe < 1 - 1e-12 else None)


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    program = sys.argv[1]
    cases = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    rng = random.Random(20081001)
    check = Checker()

    studies, tables, count_sets = [], [], []
    for _ in range(cases):
        studies.append(random_study(rng))
        k = rng.randint(2, 5)
        tables.append([[rng.randint(0, 12) + (8 if i == j else 0) for j in range(k)]
                       for i in range(k)])
        units, raters, k = rng.randint(2, 40), rng.randint(2, 7), rng.randint(2, 5)
        count_sets.append([np.bincount([rng.randrange(k) for _ in range(raters)],
                                       minlength=k).tolist() for _ in range(units)])
    # Fleiss 1971's 30 patients x 6 psychiatrists, as statsmodels' own tests give them.
    fleiss_1971 = [[0, 0, 0, 6, 0], [0, 3, 0, 0, 3], [0, 1, 4, 0, 1], [0, 0, 0, 0, 6],
                   [0, 3, 0, 3, 0], [2, 0, 4, 0, 0], [0, 0, 4, 0, 2], [2, 0, 3, 1, 0],
                   [2, 0, 0, 4, 0], [0, 0, 0, 0, 6], [1, 0, 0, 5, 0], [1, 1, 0, 4, 0],
                   [0, 3, 3, 0, 0], [1, 0, 0, 5, 0], [0, 2, 0, 3, 1], [0, 0, 5, 0, 1],
                   [3, 0, 0, 1, 2], [5, 1, 0, 0, 0], [0, 2, 0, 4, 0], [1, 0, 2, 0, 3],
                   [0, 0, 0, 0, 6], [0, 1, 0, 5, 0], [0, 2, 0, 1, 3], [2, 0, 0, 4, 0],
                   [1, 0, 0, 4, 1], [0, 5, 0, 1, 0], [4, 0, 0, 0, 2], [0, 2, 0, 4, 0],
                   [1, 0, 5, 0, 0], [0, 0, 0, 0, 6]]
    count_sets.append(fleiss_1971)

    text = "".join(study_input(*s) for s in studies)
    for t in tables:
        text += f"cohen {len(t)}\n" + "\n".join(" ".join(map(str, r)) for r in t) + "\n"
    for c in count_sets:
        text += f"counts {len(c)} {len(c[0])}\n" + "\n".join(" ".join(map(str, r)) for r in c)
        text += "\n"
    run = subprocess.run([program], input=text, capture_output=True, text=True, check=False)
    if run.returncode != 0:
        print(f"{program} failed ({run.returncode}): {run.stderr}")
        return 1

    lines = run.stdout.splitlines(keepends=True)
    at, study_index, table_index, count_index = 0, 0, 0, 0
    while at < len(lines):
        line = lines[at].rstrip("\r\n")
        if line == "study":
            at += 1
            block = []
            while at < len(lines) and lines[at].rstrip("\r\n") not in ("study",) and \
                    not lines[at].startswith(("cohen ", "counts ")):
                block.append(lines[at])
                at += 1
            report = list(csv.DictReader(io.StringIO("".join(block), newline="")))
            _, coders, _, data = studies[study_index]
            check_study(check, study_index, coders, data, report)
            study_index += 1
            continue
        fields = line.split()
        if fields[0] == "cohen":
            t = tables[table_index]
            res = cohens_kappa(t)
            where = f"table {table_index}"
            low, high = interval(res)
            check.same(where + " Cohen's kappa", number(fields[1]), res.kappa, 1e-12)
            check.same(where + " standard error", number(fields[2]),
                       None if low is None else res.std_kappa, 1e-12)
            check.same(where + " lower limit", number(fields[3]), low, 1e-9)
            check.same(where + " upper limit", number(fields[4]), high, 1e-9)
            table_index += 1
        elif fields[0] == "counts":
            c = count_sets[count_index]
            where = f"counts {count_index}"
            values = [[cat for cat, n in enumerate(unit) for _ in range(n)] for unit in c]
            p_e = sum((sum(col) / sum(map(sum, c))) ** 2 for col in zip(*c))
            theirs = fleiss_kappa(np.asarray(c)) if p_e < 1 - 1e-12 else None
            check.same(where + " Fleiss' kappa", number(fields[1]), theirs, 1e-12)
            check.same(where + " alpha", number(fields[2]), alpha_nominal(values), 1e-12)
            check.same(where + " percent agreement", number(fields[3]), percent(values), 1e-12)
            count_index += 1
        at += 1

    fleiss_value = number(run.stdout.strip().splitlines()[-1].split()[1])
    check.same("Fleiss 1971's example (kappa 0.430)", fleiss_value, 0.430, 0.0005)
    if study_index != len(studies) or table_index != len(tables) or \
            count_index != len(count_sets):
        check.problems.append("the program printed fewer data sets than it was given")
    for problem in check.problems[:40]:
        print(problem)
    print(f"{check.compared} values compared over {len(studies)} coded studies, {len(tables)} "
          f"two-coder tables and {len(count_sets)} multi-coder data sets: "
          f"{len(check.problems)} differ")
    return 1 if check.problems else 0


if __name__ == "__main__":
    sys.exit(main())
