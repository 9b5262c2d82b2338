#!/usr/bin/env python3
"""Reads partnerqi's GEXF export back with NetworkX and compares it with partnerqi's own tables.

    python3 read_back_gexf.py NET.gexf METRICS.csv TIES.csv

NET.gexf, METRICS.csv and TIES.csv are the GEXF, metrics and ties exports of one network
(`partnerqi export FILE --format gexf` and `--format csv --out DIR/`). NetworkX must read the
same people with the same attributes (every column of the metrics table, an empty field being
an absent attribute) and the same directed ties with their counts, dates, provenance and spells
(one per engagement day, from the tie's first day to its last). Exit code 0 when they agree,
1 when they differ, 77 (a skipped test for CTest) when NetworkX is not installed or cannot read
GEXF 1.3: NetworkX reads it from version 3.6 on (networkx/networkx pull request 8196), and
Debian 12's python3-networkx (2.8.8) reads only GEXF 1.1 and 1.2.
"""
import csv
import sys

SKIPPED = 77


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def same(expected, actual):
    """A CSV field against the value NetworkX decoded with the GEXF attribute's type."""
    if isinstance(actual, bool) or isinstance(actual, str):
        return expected == str(actual)
    if isinstance(actual, int):
        return int(expected) == actual
    if isinstance(actual, float):
        return float(expected) == actual
    return False


def compare(where, row, data, problems):
    for column, expected in row.items():
        if expected == "":
            if column in data:
                problems.append(f"{where}: {column} is {data[column]!r}, expected no value")
        elif column not in data:
            problems.append(f"{where}: {column} is missing, expected {expected!r}")
        elif not same(expected, data[column]):
            problems.append(f"{where}: {column} is {data[column]!r}, expected {expected!r}")


def main(argv):
    if len(argv) != 4:
        print(__doc__)
        return 1
    try:
        import networkx as nx
        from networkx.readwrite.gexf import GEXF
    except ImportError:
        print("skipped: NetworkX is not installed (pip install 'networkx>=3.6')")
        return SKIPPED
    if "1.3" not in GEXF.versions:
        print(f"skipped: NetworkX {nx.__version__} cannot read GEXF 1.3; it needs NetworkX 3.6 "
              "or later (pip install 'networkx>=3.6')")
        return SKIPPED

    gexf, metrics, ties = argv[1:]
    g = nx.read_gexf(gexf)
    people = read_csv(metrics)
    tie_rows = read_csv(ties)
    problems = []
    if not g.is_directed() or g.is_multigraph():
        problems.append(f"NetworkX read a {type(g).__name__}, expected a DiGraph")
    if sorted(g.nodes) != sorted(r["code"] for r in people):
        problems.append(f"people differ: {sorted(g.nodes)} against "
                        f"{sorted(r['code'] for r in people)}")
    for row in people:
        if row["code"] in g.nodes:
            compare(f"person {row['code']}", row, g.nodes[row["code"]], problems)
    expected_ties = {(r["source"], r["target"]) for r in tie_rows}
    if set(g.edges) != expected_ties or len(tie_rows) != g.number_of_edges():
        problems.append(f"ties differ: {sorted(g.edges)} against {sorted(expected_ties)}")
    for row in tie_rows:
        pair = (row["source"], row["target"])
        if pair not in g.edges:
            continue
        data = g.edges[pair]
        tie = {k: v for k, v in row.items() if k not in ("source", "target")}
        compare(f"tie {pair}", tie, data, problems)
        spells = data.get("spells", [])
        days = [start for start, end in spells]
        if (not spells or any(start != end for start, end in spells) or days != sorted(set(days))
                or days[0] != row["first"] or days[-1] != row["last"]
                or len(days) > int(row["count"])):
            problems.append(f"tie {pair}: spells {spells} are not its engagement days from "
                            f"{row['first']} to {row['last']}")
        if data.get("weight") != float(row["count"]):
            problems.append(f"tie {pair}: weight {data.get('weight')}, expected {row['count']}")

    if problems:
        print("\n".join(problems))
        return 1
    print(f"NetworkX {nx.__version__} read {g.number_of_nodes()} people and "
          f"{g.number_of_edges()} ties, as partnerqi's tables list them")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
