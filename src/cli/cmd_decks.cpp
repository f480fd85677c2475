// `actlab decks [--json]`: the lecture decks built into the binary, by the name that
// `actlab --deck deck:NAME` takes, with their titles and slide counts.
#include "cli/commands.h"
#include "core/deck.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <memory>

namespace actlab::cli {

namespace {

int RunDecks(bool as_json) {
    nlohmann::json list = nlohmann::json::array();
    std::string text;
    std::size_t name_width = 0;
    for (const EmbeddedDeck& deck : EmbeddedDecks())
        name_width = std::max(name_width, deck.name.size());
    for (const EmbeddedDeck& shipped : EmbeddedDecks()) {
        const DeckParseResult parsed = ParseDeck(shipped.text, shipped.name);
        if (!parsed.ok()) {
            std::fprintf(stderr, "actlab: shipped deck %s: %s\n", std::string(shipped.name).c_str(),
                         parsed.error.c_str());
            return kExitEnvironment;
        }
        const std::size_t count = parsed.deck.slides.size();
        list.push_back({{"name", shipped.name}, {"title", parsed.deck.title}, {"slides", count}});
        text += std::string(shipped.name) + std::string(name_width - shipped.name.size() + 2, ' ') +
                parsed.deck.title + " (" + std::to_string(count) + " slides)\n";
    }
    return PrintOutput(as_json ? list.dump(2) + "\n" : text);
}

} // namespace

void AddDecksCommand(CLI::App& app, CommandRunner& run) {
    auto as_json = std::make_shared<bool>(false);
    auto* cmd =
        app.add_subcommand("decks", "List the shipped lecture decks (open one with actlab --deck deck:NAME)");
    cmd->add_flag("--json", *as_json, "An array of {name, title, slides} objects");
    cmd->callback([&run, as_json] { run = [as_json] { return RunDecks(*as_json); }; });
}

} // namespace actlab::cli
