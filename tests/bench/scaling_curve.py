#!/usr/bin/python3
"""Draws the scaling curve of docs/performance.md: load, build and each network measure from
10^3 to 10^6 people (10 engagement events each), one bench_scaling process per size, on one
machine in one run.

Exact closeness runs up to --exact-closeness-limit people and exact betweenness up to
--exact-betweenness-limit (both are O(people x ties)); the sampled measures use 100 pivots.
Writes the SVG (matplotlib, Debian's python3-matplotlib) and prints the table in Markdown:
    cmake --workflow --preset bench
    python3 tests/bench/scaling_curve.py [--build-dir build/bench] [--svg docs/performance-scaling.svg]
Not part of the test suite, and not run by CI.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

try:
    import matplotlib

    matplotlib.use("svg")
    import matplotlib.pyplot as plt
except ImportError:
    if os.path.exists("/usr/bin/python3") and os.path.realpath(sys.executable) != os.path.realpath(
        "/usr/bin/python3"
    ):
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    sys.exit("scaling_curve.py needs matplotlib: apt-get install python3-matplotlib")

# (JSON key, label) of each curve, in the order of the legend.
CURVES = [
    ("load_s", "load the study file (portable text)"),
    ("build_s", "build the engagement network"),
    ("raw_csr_s", "raw bidirectional CSR from presorted pairs (limit)"),
    ("degrees_s", "degrees"),
    ("weak_components_s", "weak components"),
    ("strong_components_s", "strong components"),
    ("reach_top_managers_s", "steps to a top-level manager"),
    ("sampled_betweenness_100_s", "betweenness, 100 pivots"),
    ("sampled_closeness_100_s", "closeness, 100 pivots"),
    ("closeness_s", "exact closeness (bit-parallel)"),
    ("betweenness_s", "exact betweenness"),
]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--build-dir", default=os.path.join(here, "..", "..", "build", "bench"))
    parser.add_argument("--svg", default=os.path.join(here, "..", "..", "docs", "performance-scaling.svg"))
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000, 1_000_000])
    parser.add_argument("--exact-closeness-limit", type=int, default=100_000)
    parser.add_argument("--exact-betweenness-limit", type=int, default=10_000)
    parser.add_argument("--json", help="also write the figures to this JSON file")
    args = parser.parse_args()
    program = os.path.join(args.build_dir, "tests", "bench", "bench_scaling")
    if not os.path.exists(program):
        sys.exit("%s is missing: build it first with cmake --workflow --preset bench" % program)

    rows = []
    with tempfile.TemporaryDirectory(prefix="partnerqi-scaling-") as workdir:
        for people in args.sizes:
            command = [program, str(people), workdir]
            if people <= args.exact_closeness_limit:
                command.append("--exact-closeness")
            if people <= args.exact_betweenness_limit:
                command.append("--exact-betweenness")
            print("running", " ".join(command[:2]), file=sys.stderr, flush=True)
            out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
            rows.append(json.loads(out))

    print("| seconds | " + " | ".join("%d people, %d ties" % (r["people"], r["ties"]) for r in rows) + " |")
    print("|---|" + "---|" * len(rows))
    for key, label in CURVES:
        cells = ["%.4g" % r[key] if r[key] >= 0 else "not run" for r in rows]
        print("| %s | %s |" % (label, " | ".join(cells)))

    fig, ax = plt.subplots(figsize=(8, 5.5))
    for key, label in CURVES:
        points = [(r["people"], r[key]) for r in rows if r[key] > 0]
        if points:
            ax.plot(*zip(*points), marker="o", label=label)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("people (10 engagement events each)")
    ax.set_ylabel("wall seconds (2 threads where parallel)")
    ax.set_title("partnerqi: load, build and network measures")
    ax.grid(True, which="major", alpha=0.4)
    ax.legend(fontsize="small")
    fig.tight_layout()
    fig.savefig(args.svg, format="svg", metadata={"Date": None})
    print("wrote", args.svg, file=sys.stderr)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(rows, f, indent=2)


if __name__ == "__main__":
    main()
