#include "partnerqi/io/dot.hpp"

#include <array>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <ostream>
#include <sstream>
#include <system_error>
#include <thread>
#include <vector>

#include <boost/range/iterator_range.hpp>

#include "partnerqi/detail/progress_meter.hpp"
#include "partnerqi/error.hpp"
#include "partnerqi/io/detail/atomic_file.hpp"
#include "partnerqi/io/detail/network_columns.hpp"
#include "partnerqi/io/detail/utf8.hpp"
#include "partnerqi/network/engagement_graph.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;  // NOLINT: POSIX gives the environment only this way

namespace partnerqi::io {

std::string dot_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x80) {
            // UTF-8 as it is; an invalid sequence becomes U+FFFD (detail/utf8.hpp), so that
            // Graphviz and the SVG it writes only ever see UTF-8
            std::size_t consumed = 0;
            const std::size_t length = detail::valid_sequence(text.substr(i), consumed);
            out.append(length == 0 ? detail::replacement : text.substr(i, length));
            i += length == 0 ? consumed : length;
            continue;
        }
        if (c == '\\') {
            out += "\\\\";
        } else if (c == '"') {
            out += "\\\"";
        } else if (c == '\n') {
            out += "\\n";
        } else if (u < 0x20 || u == 0x7f) {
            // a carriage return, a tab or another control character: dropped, so that a label
            // never carries a character Graphviz would interpret or refuse
        } else {
            out += c;
        }
        ++i;
    }
    return out;
}

namespace {

/// The ranks of the picture, top to bottom.
enum class rank : std::size_t { top_level, mid_level, front_line, other_roles, advisors };
constexpr std::array<std::string_view, 5> rank_labels{"top-level managers", "mid-level managers",
                                                      "front-line managers", "other roles",
                                                      "patient advisors"};

rank rank_of(const network::person_vertex& p) {
    if (p.role == model::person_role::patient_advisor) return rank::advisors;
    if (p.role == model::person_role::manager && p.tier) {
        switch (*p.tier) {
            case model::management_tier::top_level: return rank::top_level;
            case model::management_tier::mid_level: return rank::mid_level;
            case model::management_tier::front_line: return rank::front_line;
        }
    }
    return rank::other_roles;
}

/// Node attributes by rank: shape, fill and font colours.
std::string node_style(rank r) {
    switch (r) {
        case rank::top_level:
            return "shape=box, style=filled, fillcolor=\"#1d3557\", fontcolor=white";
        case rank::mid_level:
            return "shape=box, style=filled, fillcolor=\"#457b9d\", fontcolor=white";
        case rank::front_line: return "shape=box, style=filled, fillcolor=\"#a8dadc\"";
        case rank::advisors:
            return "shape=ellipse, style=filled, fillcolor=\"#f4a261\", penwidth=2";
        case rank::other_roles: break;
    }
    return "shape=box, style=filled, fillcolor=white";
}

std::string_view edge_style(model::engagement_level level) {
    switch (level) {
        case model::engagement_level::information: return "dotted";
        case model::engagement_level::consultation: return "dashed";
        case model::engagement_level::collaboration: return "solid";
        case model::engagement_level::partnership: return "bold";
    }
    return "solid";
}

std::string person_tooltip(const network::person_vertex& p, const model::person& record) {
    std::string out(model::to_string(p.role));
    if (p.tier) out = std::string(model::to_string(*p.tier)) + " " + out;
    if (!record.role_label.empty()) out += " (" + record.role_label + ")";
    return out + "; " + std::string(model::to_string(p.provenance));
}

}  // namespace

void write_dot(std::ostream& out, const model::case_study& study,
               const network::engagement_graph& graph, const dot_options& options,
               const run_control& control) {
    using vertex = network::engagement_graph::vertex;
    const auto& g = graph.graph();
    const std::size_t n = graph.num_people();
    partnerqi::detail::progress_meter meter(control, "drawing", n + graph.num_ties());
    std::uint64_t done = 0;

    std::string title = options.title.empty() ? study.title() : options.title;
    if (detail::shows_illustrative(graph)) title += " " + std::string(detail::illustrative_note);
    if (options.title.empty()) title += "\n" + graph.window().to_iso();

    out << "digraph \"engagement network\" {\n"
        << "  graph [label=\"" << dot_escape(title)
        << "\", labelloc=t, rankdir=TB, newrank=true, nodesep=0.3, ranksep=0.6, "
           "fontname=\"Helvetica\"];\n"
        << "  node [fontname=\"Helvetica\", fontsize=10];\n"
        << "  edge [arrowsize=0.6, color=\"#555555\", fontname=\"Helvetica\", fontsize=8];\n";

    // People by rank; a rank with nobody is left out.
    std::array<std::vector<vertex>, rank_labels.size()> by_rank;
    for (std::size_t v = 0; v < n; ++v) {
        by_rank[static_cast<std::size_t>(rank_of(g[static_cast<vertex>(v)]))].push_back(
            static_cast<vertex>(v));
    }
    std::vector<std::size_t> used;
    for (std::size_t r = 0; r < by_rank.size(); ++r) {
        if (by_rank[r].empty()) continue;
        used.push_back(r);
        out << "\n  // " << rank_labels[r] << "\n"
            << "  subgraph rank" << r << " {\n    rank=same;\n"
            << "    r" << r << " [shape=plaintext, style=\"\", fontcolor=\"#555555\", label=\""
            << rank_labels[r] << "\"];\n";
        for (vertex v : by_rank[r]) {
            meter.at(done++);
            const network::person_vertex& p = g[v];
            const model::person& record = study.get(p.person);
            std::string label = p.code;
            if (options.show_names && record.display_name) label += "\n" + *record.display_name;
            out << "    p" << v << " [label=\"" << dot_escape(label) << "\", "
                << node_style(static_cast<rank>(r)) << ", tooltip=\""
                << dot_escape(person_tooltip(p, record)) << "\"];\n";
        }
        out << "  }\n";
    }
    if (used.size() > 1) {
        out << "\n  // the ranks in order, top to bottom\n  ";
        for (std::size_t i = 0; i < used.size(); ++i)
            out << (i ? " -> " : "") << 'r' << used[i];
        out << " [style=invis, weight=100];\n";
    }

    out << "\n  // ties: style by the strongest engagement level reached\n";
    for (auto e : boost::make_iterator_range(edges(g))) {
        meter.at(done++);
        const network::engagement_tie& t = g[e];
        out << "  p" << source(e, g) << " -> p" << target(e, g)
            << " [style=" << edge_style(t.strongest);
        if (options.show_event_counts && t.events > 1) out << ", label=\"" << t.events << "\"";
        out << ", tooltip=\""
            << dot_escape(std::string(model::to_string(t.strongest)) + ": " +
                          detail::kinds_text(t.kinds, ", ") + ", " + std::to_string(t.events) +
                          " event" + (t.events == 1 ? "" : "s") + ", " + t.first.to_iso() + " to " +
                          t.last.to_iso() + "; " + std::string(model::to_string(t.provenance)))
            << "\"];\n";
    }
    out << "}\n";
    meter.finish();
}

std::string to_dot(const model::case_study& study, const network::engagement_graph& graph,
                   const dot_options& options, const run_control& control) {
    std::ostringstream out;
    write_dot(out, study, graph, options, control);
    return out.str();
}

std::optional<std::filesystem::path> find_graphviz_dot() {
    const char* path = std::getenv("PATH");
    if (path == nullptr) return std::nullopt;
    std::string_view rest(path);
    while (true) {
        const std::size_t colon = rest.find(':');
        const std::string_view dir = rest.substr(0, colon);
        if (!dir.empty()) {
            std::filesystem::path candidate = std::filesystem::path(std::string(dir)) / "dot";
            struct stat info {};
            if (::stat(candidate.c_str(), &info) == 0 && S_ISREG(info.st_mode) &&
                ::access(candidate.c_str(), X_OK) == 0) {
                return candidate;
            }
        }
        if (colon == std::string_view::npos) break;
        rest.remove_prefix(colon + 1);
    }
    return std::nullopt;
}

namespace {

/// Temporary files beside the target, removed when the rendering ends, whatever happens.
struct temporary_files {
    std::vector<std::filesystem::path> paths;
    temporary_files() = default;
    temporary_files(const temporary_files&) = delete;
    temporary_files& operator=(const temporary_files&) = delete;
    ~temporary_files() {
        for (const auto& p : paths) {
            std::error_code ignored;
            std::filesystem::remove(p, ignored);
        }
    }
    std::filesystem::path add(const std::filesystem::path& target, std::string_view suffix) {
        const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
        std::filesystem::path p = target;
        p.replace_filename("." + target.filename().string() + "." + std::to_string(::getpid()) +
                           "-" + std::to_string(stamp) + std::string(suffix));
        paths.push_back(p);
        return p;
    }
};

std::string read_start(const std::filesystem::path& file, std::size_t limit) {
    std::ifstream in(file, std::ios::binary);
    std::string text(limit, '\0');
    in.read(text.data(), static_cast<std::streamsize>(limit));
    text.resize(static_cast<std::size_t>(in.gcount()));
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
        text.pop_back();
    return text;
}

}  // namespace

std::string_view to_string(picture_format format) noexcept {
    switch (format) {
        case picture_format::dot: return "dot";
        case picture_format::svg: return "svg";
        case picture_format::png: return "png";
    }
    return "invalid";
}

void render(std::string_view dot_text, picture_format format, const std::filesystem::path& out,
            const render_options& options, const run_control& control) {
    const std::string what = "picture " + out.string();
    partnerqi::detail::progress_meter meter(control, "rendering", 1);
    if (format == picture_format::dot) {
        meter.finish();
        detail::write_file_atomically(out, dot_text);
        return;
    }
    std::optional<std::filesystem::path> program = options.dot_program;
    if (!program) program = find_graphviz_dot();
    if (!program) {
        throw save_error(what +
                         ": Graphviz's 'dot' program was not found on the PATH; install "
                         "Graphviz (Debian: apt-get install graphviz) or export the DOT "
                         "text and render it elsewhere");
    }
    if (out.empty() || out.filename().empty()) {
        throw save_error(what + ": the output path names no file; give a file name");
    }

    temporary_files temp;
    const std::filesystem::path source = temp.add(out, ".dot.tmp");
    const std::filesystem::path picture = temp.add(out, ".tmp");
    const std::filesystem::path messages = temp.add(out, ".err.tmp");
    {
        std::ofstream file(source, std::ios::binary | std::ios::trunc);
        file.write(dot_text.data(), static_cast<std::streamsize>(dot_text.size()));
        file.close();
        if (!file) {
            throw save_error(what + ": cannot write a temporary file in " +
                             out.parent_path().string() +
                             "; check that the directory exists and is writable");
        }
    }

    const std::string program_text = program->string();
    const std::string format_arg = "-T" + std::string(to_string(format));
    const std::string out_arg = "-o" + picture.string();
    const std::string source_arg = source.string();
    std::vector<char*> argv{
        const_cast<char*>(program_text.c_str()), const_cast<char*>(format_arg.c_str()),
        const_cast<char*>(out_arg.c_str()), const_cast<char*>(source_arg.c_str()), nullptr};

    posix_spawn_file_actions_t actions;
    if (posix_spawn_file_actions_init(&actions) != 0) {
        throw save_error(what + ": cannot prepare to run Graphviz");
    }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, messages.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0600);
    pid_t child = 0;
    const int spawned =
        posix_spawn(&child, program_text.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) {
        // std::strerror may share one buffer between threads; the category's message does not.
        throw save_error(what + ": cannot run " + program_text + " (" +
                         std::generic_category().message(spawned) +
                         "); check the Graphviz installation");
    }
    // Waits for Graphviz, checking the cancellation flag every 10 ms when the call is watched;
    // a cancelled rendering stops the child and leaves only the temporary files, removed.
    int status = 0;
    const int wait_flags = meter.active() ? WNOHANG : 0;
    while (true) {
        const pid_t waited = ::waitpid(child, &status, wait_flags);
        if (waited == child) break;
        if (waited < 0 && errno != EINTR)
            throw save_error(what + ": lost track of Graphviz's 'dot' process");
        if (waited == 0) {
            try {
                meter.check();
            } catch (const cancelled&) {
                ::kill(child, SIGTERM);
                while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
                }
                throw;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::string said = read_start(messages, 400);
        throw save_error(what + ": Graphviz's 'dot' failed" +
                         (WIFEXITED(status)
                              ? " with exit code " + std::to_string(WEXITSTATUS(status))
                              : std::string(" (killed by a signal)")) +
                         (said.empty() ? std::string() : ": " + said) +
                         "; the DOT text can be checked with 'dot -Tsvg'");
    }
    // Graphviz wrote the picture beside the target; it replaces the target in one flushed step.
    std::error_code size_error;
    const std::uintmax_t size = std::filesystem::file_size(picture, size_error);
    std::ifstream rendered(picture, std::ios::binary);
    // Read by size: GCC 12 at -O3 flags std::istreambuf_iterator with a false
    // -Wnull-dereference, which broke the optimized (bench) build.
    std::string bytes;
    if (!size_error) {
        bytes.resize(static_cast<std::size_t>(size));
        rendered.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        bytes.resize(static_cast<std::size_t>(rendered.gcount()));
    }
    if (size_error || bytes.size() != size || bytes.empty()) {
        throw save_error(what +
                         ": Graphviz's 'dot' wrote no readable picture; check the "
                         "Graphviz installation and the free space beside the file");
    }
    meter.finish();  // the last moment to stop: nothing is written before it
    detail::write_file_atomically(out, bytes);
}

void save_picture(const model::case_study& study, const network::engagement_graph& graph,
                  picture_format format, const std::filesystem::path& out,
                  const dot_options& options, const render_options& render_with,
                  const run_control& control) {
    render(to_dot(study, graph, options, control), format, out, render_with, control);
}

}  // namespace partnerqi::io
