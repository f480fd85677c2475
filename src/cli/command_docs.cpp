// The man page of actlab, written from the command line's CLI11 definitions (see command_docs.h):
// the options and subcommands are walked, the prose around them (exit statuses, files, examples)
// is fixed text here.
#include "cli/command_docs.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <sstream>

namespace actlab::cli {

namespace {

std::string ToUpper(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return text;
}

bool Contains(std::string_view text, std::string_view part) {
    return text.find(part) != std::string_view::npos;
}

// What a value is, guessed from the placeholder the definitions show in --help ("OUT.png", "DIR").
ValueKind KindOf(const CLI::Option& option, const std::string& value) {
    if (value.empty()) return ValueKind::None;
    const std::string upper = ToUpper(value);
    const bool function = (option.get_positional() && option.get_name(true) == "function") ||
                          upper.rfind("FN", 0) == 0 || Contains(option.get_name(), "--activation");
    if (function) return ValueKind::Function;
    if (Contains(upper, "DIR")) return ValueKind::Directory;
    if (Contains(upper, "=")) return ValueKind::Word;
    for (std::string_view file_mark : {"FILE", "OUT", "IN.", ".PNG", ".JSON", ".CSV", ".SVG"}) {
        if (Contains(upper, file_mark)) return ValueKind::File;
    }
    return ValueKind::Word;
}

DocOption DescribeOption(const CLI::Option& option) {
    DocOption doc;
    doc.positional = option.get_positional();
    doc.required = option.get_required();
    doc.description = option.get_description();
    if (doc.positional) {
        doc.names.push_back(ToUpper(option.get_name(true)));
        doc.value = doc.names.front();
    } else {
        for (const std::string& name : option.get_snames())
            doc.names.push_back("-" + name);
        for (const std::string& name : option.get_lnames())
            doc.names.push_back("--" + name);
        if (option.get_type_size() != 0) doc.value = option.get_type_name();
    }
    doc.repeatable = option.get_expected_max() == CLI::detail::expected_max_vector_size;
    doc.kind = KindOf(option, doc.value);
    return doc;
}

DocCommand DescribeCommand(const CLI::App& command, std::string name) {
    DocCommand doc{std::move(name), command.get_description(), {}};
    // Positionals last, as in "actlab eval [OPTIONS] FUNCTION".
    for (const bool positional : {false, true}) {
        for (const CLI::Option* option : command.get_options()) {
            if (option->get_group().empty() || option->get_positional() != positional) continue;
            if (option == command.get_help_ptr() || option == command.get_help_all_ptr()) continue;
            doc.options.push_back(DescribeOption(*option));
        }
    }
    return doc;
}

// man(7) text: backslashes and hyphens escaped, every non-ASCII character as \[uXXXX], so the page
// renders the same whatever the reader's locale.
std::string Roff(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if (c == '\\')
                out += "\\e";
            else if (c == '-')
                out += "\\-";
            else
                out += static_cast<char>(c);
            ++i;
            continue;
        }
        const int length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        std::uint32_t code = length == 4 ? c & 0x07u : length == 3 ? c & 0x0Fu : c & 0x1Fu;
        for (int k = 1; k < length && i + static_cast<std::size_t>(k) < text.size(); ++k) {
            code = (code << 6) | (static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]) & 0x3Fu);
        }
        char hex[16];
        std::snprintf(hex, sizeof hex, "\\[u%04X]", static_cast<unsigned>(code));
        out += hex;
        i += static_cast<std::size_t>(length);
    }
    // A line that starts with a dot or an apostrophe would be read as a request.
    if (!out.empty() && (out.front() == '.' || out.front() == '\'')) out.insert(0, "\\&");
    return out;
}

std::string Synopsis(const DocCommand& command) {
    std::string line = "\\fBactlab\\fR";
    if (!command.name.empty()) line += " \\fB" + Roff(command.name) + "\\fR";
    line += " [\\fIOPTIONS\\fR]";
    for (const DocOption& option : command.options) {
        if (!option.positional) continue;
        const std::string name = "\\fI" + Roff(option.value) + "\\fR";
        line += option.required ? " " + name : " [" + name + "]";
    }
    return line;
}

void WriteOptions(std::ostringstream& out, const DocCommand& command) {
    for (const DocOption& option : command.options) {
        out << ".TP\n";
        std::string head;
        for (const std::string& name : option.names) {
            if (!head.empty()) head += ", ";
            head += (option.positional ? "\\fI" : "\\fB") + Roff(name) + "\\fR";
        }
        if (!option.positional && !option.value.empty()) head += " \\fI" + Roff(option.value) + "\\fR";
        // --help's terse phrases become sentences.
        std::string text = option.description;
        if (!text.empty() && text.back() != '.') text += '.';
        if (option.repeatable && !Contains(text, "repeatable")) text += " May be given more than once.";
        if (option.required) text += " Required.";
        out << head << '\n' << Roff(text) << '\n';
    }
}

constexpr const char* kDescription = R"(.SH DESCRIPTION
ActLab plots neural\-network activation functions and their derivatives with live parameters,
trains a small network in front of a class to show dying ReLUs and vanishing gradients, and
exports figures for slides.
.PP
Without a command, \fBactlab\fR opens its window (a scene file given as \fIFILE\fR is opened in it);
the \fBWINDOW OPTIONS\fR below set it up or make it take a screenshot or export figures and exit.
With a command it runs headless, needs no display, and writes CSV, JSON, PNG or SVG.
)";

constexpr const char* kTrailer = R"(.SH EXIT STATUS
.TP
.B 0
Success.
.TP
.B 1
The environment failed: no display for the window, an output file that cannot be written.
.TP
.B 2
The input is wrong: an unknown name, a malformed number or file, training that diverges.
One line on standard error says what is wrong; nothing is written to standard output.
.TP
.B 3
The window with \fB\-\-gl\-debug\fR only: OpenGL reported errors.
.SH ENVIRONMENT
.TP
.B XDG_CONFIG_HOME
Where the settings and the last session are kept (default \fI~/.config\fR).
.TP
.B XDG_PICTURES_DIR
Where exported figures go, in a folder \fIActLab\fR (default \fI~/Pictures/ActLab\fR).
.TP
.B ACTLAB_GL_DEBUG
Set to 1 to open an OpenGL debug context and report every OpenGL error.
.SH FILES
.TP
.I ~/.config/actlab/settings.json
Theme, scale, functions, parameters, view, panels and window size, written on exit.
.TP
.I ~/.config/actlab/session.json
The last lesson, trained weights included, restored at start.
.TP
.I /usr/share/doc/actlab/README.md
The full description of the window, the commands and the file formats.
.SH EXAMPLES
.nf
actlab \-\-select gelu,relu,elu \-\-theme projector \-\-scale 2
actlab \-\-scene preset:dying\-relu\-bias
actlab eval leaky_relu \-\-param slope=0.1 \-\-x=\-4,0,2
actlab render relu \-\-with elu \-\-derivative \-\-range \-4:4 \-\-out relu.svg
actlab train \-\-layers 4,2 \-\-activation relu \-\-dataset circle \-\-steps 3000 \-\-lr 0.03 \-\-batch 10
.fi
)";

} // namespace

std::vector<DocCommand> DescribeCommandLine(const CLI::App& app) {
    std::vector<DocCommand> commands{DescribeCommand(app, "")};
    for (const CLI::App* sub :
         app.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); })) {
        commands.push_back(DescribeCommand(*sub, sub->get_name()));
    }
    return commands;
}

std::string ManPage(const CLI::App& app, std::string_view version) {
    const std::vector<DocCommand> commands = DescribeCommandLine(app);
    std::ostringstream out;
    out << ".\\\" Generated by actlab --man from its command-line definitions; do not edit.\n";
    out << ".TH ACTLAB 1 \"\" \"ActLab " << Roff(version) << "\" \"User Commands\"\n";
    out << ".SH NAME\nactlab \\- laboratory for neural\\-network activation functions\n";
    out << ".SH SYNOPSIS\n";
    for (const DocCommand& command : commands) {
        out << (command.name.empty() ? "" : ".br\n") << Synopsis(command) << '\n';
    }
    out << kDescription;
    out << ".SH WINDOW OPTIONS\n";
    out << ".TP\n\\fB\\-h\\fR, \\fB\\-\\-help\\fR\nPrint the options (of a command, after its name) and "
           "exit.\n";
    WriteOptions(out, commands.front());
    out << ".SH COMMANDS\n";
    for (std::size_t i = 1; i < commands.size(); ++i) {
        const std::string& description = commands[i].description;
        out << ".SS \"" << Roff(commands[i].name) << "\"\n"
            << Synopsis(commands[i]) << "\n.PP\n"
            << Roff(description) << (description.empty() || description.back() == '.' ? "\n" : ".\n");
        WriteOptions(out, commands[i]);
    }
    out << kTrailer;
    return out.str();
}

} // namespace actlab::cli
