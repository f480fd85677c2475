// Deck files: a lecture as a titled list of slides, each a scene (a file beside the deck, a lesson
// preset, or a scene written inline) with speaker notes and an optional parameter sweep
// (docs/deck-format.md). Parsed strictly: a deck that is wrong anywhere is refused with the position.
#pragma once

#include "core/param_sweep.h"
#include "core/scene.h"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace actlab {

inline constexpr int kDeckFormatVersion = 1;
inline constexpr std::size_t kMaxDeckFileBytes = std::size_t{16} << 20; // a 40-slide lecture is ~60 kB
inline constexpr int kMaxDeckNesting = 40;                              // a scene inline nests 6 deeper
inline constexpr std::size_t kMaxDeckSlides = 500;
inline constexpr std::size_t kMaxDeckTitleBytes = 200;
inline constexpr std::size_t kMaxSlideNotesBytes = 64 * 1024;
inline constexpr double kMaxSweepSeconds = 3600.0;

enum class SlideSource { File, Preset, Inline };

struct DeckSlide {
    std::string title;
    SlideSource source = SlideSource::Preset;
    std::string scene_ref; // File: the path as written (relative to the deck); Preset: NAME
    Scene inline_scene;    // Inline: the scene as written
    std::string notes;     // speaker notes, shown to the presenter only
    std::optional<ParamSweep> sweep;
    bool operator==(const DeckSlide& other) const;
};

struct Deck {
    std::string title;
    std::vector<DeckSlide> slides;
    bool operator==(const Deck&) const = default;
};

// The deck as text: keys sorted, two-space indent, so that save → load → save is byte-identical.
std::string DeckToJson(const Deck& deck);

struct DeckParseResult {
    Deck deck;
    // One per slide, the scene the slide opens with: preset and inline scenes always, file scenes
    // when the parse was told where the deck lives (otherwise those entries keep defaults).
    std::vector<Scene> scenes;
    std::vector<std::string> warnings; // unknown keys, fields a slide's scene skipped
    std::string error;                 // "deck.json:7:16: slides[2].scene: …"; "" on success
    bool ok() const { return error.empty(); }
};

// Parses a deck; `file_name` labels messages. With `scene_dir`, a slide's scene file is read from
// there (a missing or broken one is an error naming that file); without, file scenes are not read.
// Never throws.
DeckParseResult ParseDeck(std::string_view text, std::string_view file_name,
                          const std::optional<std::string>& scene_dir = std::nullopt);

// Reads (ReadFileCapped, at most kMaxDeckFileBytes) and parses a deck file, its scene files from the
// deck's folder.
DeckParseResult ReadDeckFile(const std::string& path);

// Checks a sweep's parameter and values: "" or what is wrong. `param` is "FN.NAME" (a function's
// parameter) or network.learning_rate, network.bias_init, softmax.temperature.
std::string ValidateSweep(const ParamSweep& sweep);

// The shipped decks in assets/decks/, embedded at build time (cmake/EmbedPresets.cmake).
struct EmbeddedDeck {
    std::string_view name; // the file's stem: "activation-functions"
    std::string_view text;
};
std::span<const EmbeddedDeck> EmbeddedDecks();
std::optional<EmbeddedDeck> FindEmbeddedDeck(std::string_view name);

// A deck file, or a shipped one named "deck:NAME".
DeckParseResult LoadDeckOrShipped(const std::string& name);

// Appends `scene` as a slide titled `title` to the deck file at `path` (created when missing, with
// `title` as its title too), written through WriteFileAtomically. "" or what went wrong; a deck that
// does not parse is left as it was.
std::string AppendSlideToDeckFile(const std::string& path, const std::string& title, const Scene& scene);

} // namespace actlab
