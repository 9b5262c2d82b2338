#!/usr/bin/python3
"""Times partnerqi, graph-tool, igraph and NetworkX on the same synthetic engagement networks,
in one run.

For each size, bench_export_network generates the network, writes it (partnerqi's GraphML
export, and a plain edge list) and times
partnerqi: graph build, weak components, a BFS from each of 100 advisors, exact closeness and
exact betweenness with 1 and 2 threads, and measure() (every measure) with 2 threads. This
script then times graph-tool (Boost.Graph with OpenMP, 1 and 2 threads), python-igraph and
NetworkX on the same edges, checks that all three read the GraphML as the same people and
ties, that their betweenness (directed, unnormalized) and closeness (NetworkX's definition:
incoming distances, Wasserman-Faust scaling) equal partnerqi's to 1e-9 relative, and that the
BFS and components agree, and prints the ratios. Build times use the edge list already in
memory.

graph-tool and igraph compute closeness from outgoing distances, normalized by the people
reached; they are run on the reversed ties, and a second, untimed run without normalization
gives the count of people reached, from which the Wasserman-Faust value is formed.

NetworkX's exact betweenness and closeness on 10^4 people take tens of minutes; above
--nx-full-limit people they are timed on a fixed set of sources (people) with NetworkX's own
steps and scaled to all of them (both times are sums over sources), and the table says so.

Run with Debian's python3-graph-tool, python3-networkx and python3-igraph:
    cmake --workflow --preset bench
    python3 tests/bench/compare_peers.py [--build-dir build/bench] [--large] [--json out.json]
Not part of the test suite.
"""

import argparse
import json
import math
import os
import platform
import subprocess
import sys
import tempfile
import time

try:
    import graph_tool
    import graph_tool.centrality
    import graph_tool.search
    import graph_tool.topology
    import igraph
    import networkx as nx
    from networkx.algorithms.centrality.betweenness import (
        _accumulate_basic,
        _single_source_shortest_path_basic,
    )
except ImportError:
    # A Python of its own (pyenv, venv) may shadow Debian's, where the packages live.
    if os.path.exists("/usr/bin/python3") and os.path.realpath(sys.executable) != os.path.realpath(
        "/usr/bin/python3"
    ):
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    sys.exit("compare_peers.py needs graph-tool, networkx and igraph: "
             "apt-get install python3-graph-tool python3-networkx python3-igraph")

# (people, engagement events): 10 events per person, except 10^4 people with 12 per person,
# which gives about 10^5 distinct ties (repeated pairs collapse into one tie).
SIZES = [(1_000, 10_000), (10_000, 120_000)]
LARGE = (100_000, 1_000_000)


CPU = {}  # label -> process CPU seconds of the best run, for the single-threaded comparison


def best_of(runs, work, label=None):
    """The best wall time of `runs` calls of work(), and the last result; with a label, also
    keeps the CPU time of the best call in CPU[label]."""
    best, result = math.inf, None
    for _ in range(runs):
        cpu_start = time.process_time()
        start = time.perf_counter()
        result = work()
        wall = time.perf_counter() - start
        if wall < best:
            best = wall
            if label:
                CPU[label] = time.process_time() - cpu_start
    return best, result


def read_network(directory):
    with open(os.path.join(directory, "edges.tsv")) as f:
        n, m = map(int, f.readline().split())
        edges = [tuple(map(int, line.split())) for line in f]
    assert len(edges) == m, "edges.tsv: expected %d ties, found %d" % (m, len(edges))
    with open(os.path.join(directory, "sources.txt")) as f:
        sources = [int(line) for line in f]
    ours_betweenness = [0.0] * n
    path = os.path.join(directory, "betweenness.tsv")
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                v, value = line.split()
                ours_betweenness[int(v)] = float(value)
    ours_closeness = [0.0] * n
    with open(os.path.join(directory, "closeness.tsv")) as f:
        for line in f:
            v, value = line.split()
            ours_closeness[int(v)] = float(value)
    with open(os.path.join(directory, "partnerqi.json")) as f:
        ours = json.load(f)
    with open(os.path.join(directory, "people.tsv")) as f:
        codes = {}
        for line in f:
            v, code = line.split()
            codes[code] = int(v)
    return n, edges, sources, ours_betweenness, ours_closeness, ours, codes


def check_graphml(directory, n, edges, codes, ours_betweenness, exact):
    """Reads partnerqi's GraphML export with igraph and NetworkX (timed) and checks that both
    see the same people and ties as the edge list, and the same betweenness."""
    path = os.path.join(directory, "network.graphml")
    t_gt, gg = best_of(1, lambda: graph_tool.load_graph(path, fmt="graphml"))
    t_ig, gi = best_of(1, lambda: igraph.Graph.Read_GraphML(path))
    t_nx, gn = best_of(1, lambda: nx.read_graphml(path))
    gt_index = [codes[name] for name in gg.vp["_graphml_vertex_id"]]
    gt_edges = sorted((gt_index[int(a)], gt_index[int(b)]) for a, b in gg.get_edges())
    index = [codes[name] for name in gi.vs["id"]]
    ig_edges = sorted((index[e.source], index[e.target]) for e in gi.es)
    nx_edges = sorted((codes[a], codes[b]) for a, b in gn.edges())
    same = (gg.num_vertices() == gi.vcount() == gn.number_of_nodes() == n
            and gt_edges == ig_edges == nx_edges == sorted(edges))
    print("    GraphML export read by graph-tool in %.3f s, igraph in %.3f s and NetworkX in %.3f s: %s"
          % (t_gt, t_ig, t_nx, "same people and ties as the edge list" if same else "MISMATCH"))
    if exact:
        values = [0.0] * n
        for code, data in gn.nodes(data=True):
            values[codes[code]] = float(data["betweenness"])
        same = compare_values("GraphML", values, ours_betweenness) and same
    return same, t_gt, t_ig, t_nx


def compare_values(name, theirs, ours, rel=1e-9, measure="betweenness"):
    """Checks two vectors of a measure agree to `rel` relative (absolute near zero)."""
    scale = max(1.0, max(abs(x) for x in ours))
    worst = 0.0
    for a, b in zip(theirs, ours):
        worst = max(worst, abs(a - b) / max(abs(b), 1e-300) if abs(b) > rel * scale else abs(a - b) / scale)
    ok = len(theirs) == len(ours) and worst <= rel
    print("    %-11s %-10s vs partnerqi: max relative difference %.2e  %s"
          % (measure, name, worst, "OK" if ok else "MISMATCH"))
    return ok


def nx_betweenness_time(G, n, full_limit, sample):
    """Exact NetworkX betweenness time: measured in full up to full_limit people, otherwise
    Brandes from `sample` fixed sources scaled by n / sample. Returns (seconds, values, note)."""
    if n <= full_limit:
        seconds, values = best_of(1, lambda: nx.betweenness_centrality(G, normalized=False), "nx")
        return seconds, [values[v] for v in range(n)], "measured"
    sources = list(range(0, n, max(1, n // sample)))[:sample]

    def partial():
        acc = dict.fromkeys(G, 0.0)
        for s in sources:
            S, P, sigma, _ = _single_source_shortest_path_basic(G, s)
            acc, _ = _accumulate_basic(acc, S, P, sigma, s)
        return acc

    seconds, _ = best_of(1, partial, "nx")
    CPU["nx"] *= n / len(sources)
    return seconds * n / len(sources), None, "scaled from %d sources" % len(sources)


def wasserman_faust(normalized, raw, n):
    """NetworkX's closeness from a tool's closeness over the people reached: `normalized` is
    (r-1)/s and `raw` is 1/s (either nan, inf or 0 when nobody else reaches the person)."""
    out = []
    for c, c0 in zip(normalized, raw):
        if not (math.isfinite(c) and math.isfinite(c0)) or c <= 0 or c0 <= 0:
            out.append(0.0)
            continue
        others = round(c / c0)  # r - 1, an integer
        out.append(c * others / (n - 1))
    return out


def nx_closeness_time(G, n, full_limit, sample):
    """NetworkX closeness time: measured in full up to full_limit people, otherwise on `sample`
    fixed people and scaled by n / sample. Returns (seconds, values or None, note)."""
    if n <= full_limit:
        seconds, values = best_of(1, lambda: nx.closeness_centrality(G), "nx_closeness")
        return seconds, [values[v] for v in range(n)], "measured"
    people = list(range(0, n, max(1, n // sample)))[:sample]
    seconds, values = best_of(1, lambda: {u: nx.closeness_centrality(G, u=u) for u in people}, "nx_closeness")
    CPU["nx_closeness"] *= n / len(people)
    return seconds * n / len(people), values, "scaled from %d people" % len(people)


def run_size(exporter, people, events, args, workdir):
    directory = os.path.join(workdir, "net-%d" % people)
    with_betweenness = people < 100_000 or args.large_betweenness
    subprocess.run([exporter, str(people), str(events), directory] + ([] if with_betweenness else ["--no-betweenness"]),
                   check=True)
    n, edges, sources, ours_b, ours_c, ours, codes = read_network(directory)
    runs = 1 if people >= 100_000 else 3
    print("\n%d people, %d engagement events, %d ties" % (n, ours["events"], len(edges)))

    def gt_build():
        graph = graph_tool.Graph(directed=True)
        graph.add_vertex(n)
        graph.add_edge_list(edges)
        return graph

    t_gt_build, gt = best_of(runs, gt_build)
    t_ig_build, g = best_of(runs, lambda: igraph.Graph(n=n, edges=edges, directed=True))

    def nx_build():
        G = nx.DiGraph()
        G.add_nodes_from(range(n))
        G.add_edges_from(edges)
        return G

    t_nx_build, G = best_of(runs, nx_build)
    t_gt_weak, gt_weak = best_of(runs, lambda: len(graph_tool.topology.label_components(gt, directed=False)[1]))
    t_ig_weak, ig_weak = best_of(runs, lambda: len(g.connected_components(mode="weak")))
    t_nx_weak, nx_weak = best_of(runs, lambda: nx.number_weakly_connected_components(G))
    unreachable = 2147483647

    def gt_bfs():
        return sum(int((graph_tool.topology.shortest_distance(gt, source=gt.vertex(s)).a < unreachable).sum())
                   for s in sources)

    t_gt_bfs, gt_reached = best_of(runs, gt_bfs)
    t_ig_bfs, ig_reached = best_of(runs, lambda: sum(len(g.bfs(s, mode="out")[0]) for s in sources))
    t_nx_bfs, nx_reached = best_of(runs, lambda: sum(len(nx.single_source_shortest_path_length(G, s)) for s in sources))

    graphml_ok, t_gt_read, t_ig_read, t_nx_read = check_graphml(directory, n, edges, codes, ours_b, with_betweenness)
    checks = [graphml_ok, gt_weak == ig_weak == nx_weak,
              gt_reached == ig_reached == nx_reached == ours["bfs_reached"]]
    print("    weak components: graph-tool %d, igraph %d, NetworkX %d" % (gt_weak, ig_weak, nx_weak))
    print("    BFS from %d advisors reaches: partnerqi %d, graph-tool %d, igraph %d, NetworkX %d"
          % (len(sources), ours["bfs_reached"], gt_reached, ig_reached, nx_reached))

    row = {"people": n, "events": ours["events"], "ties": len(edges), "partnerqi": ours,
           "graph_tool": {"build_s": t_gt_build, "weak_components_s": t_gt_weak, "bfs_s": t_gt_bfs,
                          "read_graphml_s": t_gt_read},
           "igraph": {"build_s": t_ig_build, "weak_components_s": t_ig_weak, "bfs_s": t_ig_bfs,
                      "read_graphml_s": t_ig_read},
           "networkx": {"build_s": t_nx_build, "weak_components_s": t_nx_weak, "bfs_s": t_nx_bfs,
                        "read_graphml_s": t_nx_read}}

    # Closeness along the ties into each person: the tools' outgoing closeness on reversed ties.
    reversed_gt = graph_tool.GraphView(gt, reversed=True)
    closeness_runs = 1 if people >= 100_000 else 2
    gt_closeness = {}
    for threads in (1, 2):
        graph_tool.openmp_set_num_threads(threads)
        gt_closeness[threads], gt_c = best_of(
            closeness_runs, lambda: graph_tool.centrality.closeness(reversed_gt, norm=True).a.copy(),
            "gt_closeness_%d" % threads)
    gt_c0 = graph_tool.centrality.closeness(reversed_gt, norm=False).a.copy()
    checks.append(compare_values("graph-tool", wasserman_faust(gt_c, gt_c0, n), ours_c, measure="closeness"))
    t_ig_c, ig_c = best_of(closeness_runs, lambda: g.closeness(mode="in", normalized=True), "ig_closeness")
    ig_c0 = g.closeness(mode="in", normalized=False)
    checks.append(compare_values("igraph", wasserman_faust(ig_c, ig_c0, n), ours_c, measure="closeness"))
    t_nx_c, nx_c, nx_c_note = nx_closeness_time(G, n, args.nx_full_limit, args.nx_sample)
    nx_people = sorted(nx_c) if isinstance(nx_c, dict) else range(n)
    checks.append(compare_values("NetworkX", [nx_c[v] for v in nx_people], [ours_c[v] for v in nx_people],
                                 measure="closeness"))
    row["graph_tool"].update({"closeness_1_s": gt_closeness[1], "closeness_2_s": gt_closeness[2],
                              "closeness_1_cpu_s": CPU["gt_closeness_1"]})
    row["igraph"].update({"closeness_s": t_ig_c, "closeness_cpu_s": CPU["ig_closeness"]})
    row["networkx"].update({"closeness_s": t_nx_c, "closeness_note": nx_c_note})
    if with_betweenness:
        gt_b = {}
        for threads in (1, 2):
            graph_tool.openmp_set_num_threads(threads)
            gt_b[threads], gt_values = best_of(
                1 if people >= 100_000 else 2,
                lambda: graph_tool.centrality.betweenness(gt, norm=False)[0].a.copy(), "gt_%d" % threads)
        checks.append(compare_values("graph-tool", list(gt_values), ours_b))
        t_ig_b, ig_b = best_of(1 if people >= 100_000 else 2, lambda: g.betweenness(directed=True), "igraph")
        checks.append(compare_values("igraph", ig_b, ours_b))
        t_nx_b, nx_b, note = nx_betweenness_time(G, n, args.nx_full_limit, args.nx_sample)
        if nx_b is not None:
            checks.append(compare_values("NetworkX", nx_b, ours_b))
        row["graph_tool"].update({"betweenness_1_s": gt_b[1], "betweenness_2_s": gt_b[2],
                                  "betweenness_1_cpu_s": CPU["gt_1"], "betweenness_2_cpu_s": CPU["gt_2"]})
        row["igraph"]["betweenness_s"] = t_ig_b
        row["networkx"]["betweenness_s"] = t_nx_b
        row["networkx"]["betweenness_note"] = note
        row["igraph"]["betweenness_cpu_s"] = CPU["igraph"]
        row["networkx"]["betweenness_cpu_s"] = CPU["nx"]
    row["agree"] = all(checks)

    print("    %-24s %11s %11s %11s %11s %8s %8s %8s"
          % ("seconds", "partnerqi", "graph-tool", "igraph", "NetworkX", "gt/us", "ig/us", "nx/us"))

    def line(label, ours_s, gt_s, ig_s, nx_s, note=""):
        print("    %-24s %11.6f %11.6f %11.6f %11.6f %8.2f %8.2f %8.1f %s"
              % (label, ours_s, gt_s, ig_s, nx_s, gt_s / ours_s, ig_s / ours_s, nx_s / ours_s, note))

    line("build", ours["build_s"], t_gt_build, t_ig_build, t_nx_build)
    line("weak components", ours["weak_components_s"], t_gt_weak, t_ig_weak, t_nx_weak)
    line("BFS x %d" % len(sources), ours["bfs_s"], t_gt_bfs, t_ig_bfs, t_nx_bfs)
    line("closeness, 1 thread", ours["closeness_1_s"], gt_closeness[1], t_ig_c, t_nx_c, nx_c_note)
    line("closeness, 2 threads", ours["closeness_2_s"], gt_closeness[2], t_ig_c, t_nx_c, nx_c_note)
    if with_betweenness:
        note = row["networkx"]["betweenness_note"]
        line("betweenness, 1 thread", ours["betweenness_1_s"], gt_b[1], t_ig_b, t_nx_b, note)
        line("betweenness, 2 threads", ours["betweenness_2_s"], gt_b[2], t_ig_b, t_nx_b, note)
        line("  CPU s, 1 thread", ours["betweenness_1_cpu_s"], CPU["gt_1"], CPU["igraph"], CPU["nx"],
             "(process CPU time)")
        line("  CPU s, 2 threads", ours["betweenness_2_cpu_s"], CPU["gt_2"], CPU["igraph"], CPU["nx"],
             "(process CPU time)")
        print("    measure() (every measure), 2 threads: %.3f s = %.2fx betweenness alone on 2 threads"
              % (ours["measure_2_s"], ours["measure_2_s"] / ours["betweenness_2_s"]))
    return row


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--build-dir", default=os.path.join(here, "..", "..", "build", "bench"))
    parser.add_argument("--large", action="store_true", help="add 10^5 people / 10^6 events (no betweenness)")
    parser.add_argument("--large-betweenness", action="store_true", help="with --large, time betweenness too (slow)")
    parser.add_argument("--nx-full-limit", type=int, default=2_000,
                        help="largest network on which NetworkX betweenness runs in full")
    parser.add_argument("--nx-sample", type=int, default=200, help="sources timed above that limit")
    parser.add_argument("--json", help="also write the figures to this JSON file")
    parser.add_argument("--people", type=int, action="append",
                        help="run only the size with this many people (repeatable)")
    args = parser.parse_args()
    exporter = os.path.join(args.build_dir, "tests", "bench", "bench_export_network")
    if not os.path.exists(exporter):
        sys.exit("%s is missing: build it first with cmake --workflow --preset bench" % exporter)

    print("partnerqi vs graph-tool %s vs igraph %s vs NetworkX %s on %s, %s, %d CPUs"
          % (graph_tool.__version__.split()[0], igraph.__version__, nx.__version__, platform.node(), platform.processor() or platform.machine(),
             os.cpu_count()))
    sizes = SIZES + ([LARGE] if args.large else [])
    if args.people:
        sizes = [size for size in sizes if size[0] in args.people]
    with tempfile.TemporaryDirectory(prefix="partnerqi-peers-") as workdir:
        rows = [run_size(exporter, people, events, args, workdir) for people, events in sizes]
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"date": time.strftime("%Y-%m-%d"), "rows": rows}, f, indent=2)
    if not all(r["agree"] for r in rows):
        sys.exit("the tools disagree; see above")


if __name__ == "__main__":
    main()
