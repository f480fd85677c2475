// Deck files (see deck.h and docs/deck-format.md).
#include "core/deck.h"

#include "core/file_io.h"
#include "core/json_text.h"
#include "core/lesson_presets.h"
#include "core/training.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>

namespace actlab {

namespace {

using nlohmann::json;
using Path = std::vector<JsonPathStep>;

constexpr std::string_view kPresetPrefix = "preset:";
constexpr std::string_view kShippedPrefix = "deck:";

// "slides[2].scene" for messages.
std::string PathName(const Path& path) {
    std::string name;
    for (const JsonPathStep& step : path) {
        if (const auto* key = std::get_if<std::string>(&step)) {
            if (!name.empty()) name += '.';
            name += *key;
        } else {
            // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on literal + string.
            name += '[';
            name += std::to_string(std::get<std::size_t>(step));
            name += ']';
        }
    }
    return name;
}

// The lesson settings a sweep can move besides functions' parameters, with their ranges.
struct SettingRange {
    std::string_view param;
    double min, max;
    bool min_exclusive;
};
constexpr SettingRange kSweepSettings[] = {
    {"network.learning_rate", 1e-5, kMaxLearningRate, false},
    {"network.bias_init", -100.0, 100.0, false},
    {"softmax.temperature", 0.0, 100.0, true},
};

// Reads one deck's JSON, failing at the first thing that is wrong with its position in the text.
class DeckReader {
public:
    DeckReader(std::string_view text, std::string_view file_name, const std::optional<std::string>& scene_dir,
               DeckParseResult& result)
        : text_(text), name_(file_name), scene_dir_(scene_dir), result_(result) {}

    bool Read(const json& root) {
        if (!ReadTitle(root, {"title"}, result_.deck.title)) return false;
        const auto slides = root.find("slides");
        if (slides == root.end() || !slides->is_array() || slides->empty())
            return Fail({"slides"}, "\"slides\" must be a non-empty array of slides");
        if (slides->size() > kMaxDeckSlides)
            return Fail({"slides"}, "more than " + std::to_string(kMaxDeckSlides) + " slides");
        WarnUnknownKeys(root, {}, {"format", "version", "title", "slides"});
        for (std::size_t i = 0; i < slides->size(); ++i) {
            if (!ReadSlide((*slides)[i], Path{"slides", i})) return false;
        }
        return true;
    }

private:
    bool Fail(const Path& path, const std::string& what) {
        result_.error = TextPosition(name_, text_, JsonValueOffset(text_, path)) +
                        (path.empty() ? "" : PathName(path) + ": ") + what;
        return false;
    }

    static Path Child(Path path, JsonPathStep step) {
        path.push_back(std::move(step));
        return path;
    }

    void WarnUnknownKeys(const json& object, const Path& path,
                         std::initializer_list<std::string_view> known) {
        for (const auto& [key, value] : object.items()) {
            if (std::find(known.begin(), known.end(), key) == known.end())
                result_.warnings.push_back(PathName(Child(path, key)) + ": unknown key, ignored");
        }
    }

    bool ReadTitle(const json& object, const Path& path, std::string& out) {
        const auto title = object.find(std::get<std::string>(path.back()));
        const Path owner(path.begin(), path.end() - 1);
        if (title == object.end()) return Fail(owner, "no \"title\" (a string of 1 to 200 bytes)");
        if (!title->is_string() || title->get<std::string>().empty() ||
            title->get<std::string>().size() > kMaxDeckTitleBytes)
            return Fail(path, "must be a string of 1 to 200 bytes");
        out = title->get<std::string>();
        return true;
    }

    bool ReadSlide(const json& slide, const Path& path) {
        if (!slide.is_object()) return Fail(path, "a slide must be an object with \"title\" and \"scene\"");
        DeckSlide out;
        if (!ReadTitle(slide, Child(path, "title"), out.title)) return false;
        if (const auto notes = slide.find("notes"); notes != slide.end()) {
            if (!notes->is_string() || notes->get<std::string>().size() > kMaxSlideNotesBytes)
                return Fail(Child(path, "notes"), "must be a string of up to 64 KiB");
            out.notes = notes->get<std::string>();
        }
        if (const auto sweep = slide.find("sweep"); sweep != slide.end()) {
            if (!ReadSweep(*sweep, Child(path, "sweep"), out)) return false;
        }
        const auto scene = slide.find("scene");
        if (scene == slide.end()) return Fail(path, "no \"scene\" (a file, preset:NAME or a scene object)");
        Scene opened;
        if (!ReadScene(*scene, Child(path, "scene"), out, opened)) return false;
        WarnUnknownKeys(slide, path, {"title", "scene", "notes", "sweep"});
        result_.deck.slides.push_back(std::move(out));
        result_.scenes.push_back(std::move(opened));
        return true;
    }

    bool ReadSweep(const json& sweep, const Path& path, DeckSlide& out) {
        if (!sweep.is_object())
            return Fail(path, "must be an object {\"param\", \"from\", \"to\", \"seconds\", \"mode\"}");
        ParamSweep parsed;
        const auto param = sweep.find("param");
        if (param == sweep.end() || !param->is_string() || param->get<std::string>().size() > 100)
            return Fail(param == sweep.end() ? path : Child(path, "param"),
                        "\"param\" must name what moves, e.g. \"leaky_relu.slope\"");
        parsed.param = param->get<std::string>();
        for (const auto& [key, target] : {std::pair{"from", &parsed.from}, std::pair{"to", &parsed.to},
                                          std::pair{"seconds", &parsed.seconds}}) {
            const auto value = sweep.find(key);
            if (value == sweep.end()) {
                if (std::string_view(key) == "seconds") continue; // one pass takes 4 s unless said
                return Fail(path, std::string("no \"") + key + "\" (a number)");
            }
            if (!value->is_number()) return Fail(Child(path, key), "must be a number");
            *target = value->get<double>();
        }
        if (const auto mode = sweep.find("mode"); mode != sweep.end()) {
            const auto loop = mode->is_string() ? ParseAnimationLoop(mode->get<std::string>()) : std::nullopt;
            if (!loop) return Fail(Child(path, "mode"), "must be \"pingpong\" or \"forward\"");
            parsed.loop = *loop;
        }
        if (const std::string error = ValidateSweep(parsed); !error.empty()) return Fail(path, error);
        WarnUnknownKeys(sweep, path, {"param", "from", "to", "seconds", "mode"});
        out.sweep = std::move(parsed);
        return true;
    }

    bool ReadScene(const json& scene, const Path& path, DeckSlide& out, Scene& opened) {
        const std::string where = PathName(path);
        if (scene.is_object()) {
            // Inline: the scene format's own object; "format" and "version" may be left out.
            json object = scene;
            if (!object.contains("format")) object["format"] = "actlab-scene";
            if (!object.contains("version")) object["version"] = kSceneFormatVersion;
            SceneParseResult parsed = ParseScene(object.dump(), where);
            if (!parsed.ok()) return Fail(path, parsed.error);
            Collect(where, parsed.warnings);
            out.source = SlideSource::Inline;
            out.inline_scene = parsed.scene;
            opened = std::move(parsed.scene);
            return true;
        }
        if (!scene.is_string() || scene.get<std::string>().empty() || scene.get<std::string>().size() > 4096)
            return Fail(path, "must be a scene file's path, \"preset:NAME\" or a scene object");
        const std::string ref = scene.get<std::string>();
        if (ref.rfind(kPresetPrefix, 0) == 0) {
            const std::string preset = ref.substr(kPresetPrefix.size());
            const auto found = FindPreset(preset);
            if (!found) {
                std::string known;
                for (const EmbeddedPreset& p : EmbeddedPresets())
                    known += (known.empty() ? "" : ", ") + std::string(p.name);
                return Fail(path, "no lesson preset \"" + preset + "\" (" + known + ")");
            }
            SceneParseResult parsed = ParseScene(found->text, ref);
            if (!parsed.ok()) return Fail(path, parsed.error);
            out.source = SlideSource::Preset;
            out.scene_ref = preset;
            opened = std::move(parsed.scene);
            return true;
        }
        out.source = SlideSource::File;
        out.scene_ref = ref;
        if (!scene_dir_) return true;
        const std::filesystem::path file = std::filesystem::path(*scene_dir_) / ref; // absolute stays
        SceneParseResult parsed = ReadSceneFile(file.lexically_normal().string());
        if (!parsed.ok()) return Fail(path, "scene file " + parsed.error);
        Collect(ref, parsed.warnings);
        opened = std::move(parsed.scene);
        return true;
    }

    void Collect(const std::string& where, const std::vector<std::string>& warnings) {
        for (const std::string& w : warnings)
            result_.warnings.push_back(where + ": " + w);
    }

    std::string_view text_;
    std::string name_;
    const std::optional<std::string>& scene_dir_;
    DeckParseResult& result_;
};

json SlideToJson(const DeckSlide& slide) {
    json out = {{"title", slide.title}};
    switch (slide.source) {
    case SlideSource::File:
        out["scene"] = slide.scene_ref;
        break;
    case SlideSource::Preset:
        out["scene"] = std::string(kPresetPrefix) + slide.scene_ref;
        break;
    case SlideSource::Inline:
        out["scene"] = json::parse(SceneToJson(slide.inline_scene));
        break;
    }
    if (!slide.notes.empty()) out["notes"] = slide.notes;
    if (slide.sweep) {
        out["sweep"] = {{"param", slide.sweep->param},
                        {"from", slide.sweep->from},
                        {"to", slide.sweep->to},
                        {"seconds", slide.sweep->seconds},
                        {"mode", slide.sweep->loop == AnimationLoop::Forward ? "forward" : "pingpong"}};
    }
    return out;
}

} // namespace

bool DeckSlide::operator==(const DeckSlide& other) const {
    return title == other.title && source == other.source && scene_ref == other.scene_ref &&
           notes == other.notes && sweep == other.sweep &&
           (source != SlideSource::Inline || SceneToJson(inline_scene) == SceneToJson(other.inline_scene));
}

std::string ValidateSweep(const ParamSweep& sweep) {
    if (!std::isfinite(sweep.from) || !std::isfinite(sweep.to)) return "\"from\" and \"to\" must be finite";
    if (!(sweep.seconds > 0.0 && sweep.seconds <= kMaxSweepSeconds))
        return "\"seconds\" must be more than 0 and at most 3600";
    for (const SettingRange& setting : kSweepSettings) {
        if (sweep.param != setting.param) continue;
        for (const double v : {sweep.from, sweep.to}) {
            if (v > setting.max || v < setting.min || (setting.min_exclusive && v == setting.min)) {
                char range[96];
                std::snprintf(range, sizeof range, "%s%g, %g]", setting.min_exclusive ? "(" : "[",
                              setting.min, setting.max);
                return sweep.param + ": " + std::to_string(v) + " is outside " + range;
            }
        }
        return "";
    }
    const auto dot = sweep.param.find('.');
    const auto id = dot == std::string::npos ? std::nullopt : FindActivation(sweep.param.substr(0, dot));
    if (!id) {
        return "\"param\" must be FN.NAME (a function's parameter, see actlab list), network.learning_rate, "
               "network.bias_init or softmax.temperature; got \"" +
               sweep.param + "\"";
    }
    for (const double v : {sweep.from, sweep.to}) {
        Activation activation = Activation::WithDefaults(*id);
        if (std::string error = SetParam(activation, sweep.param.substr(dot + 1), v); !error.empty())
            return error;
    }
    return "";
}

std::string DeckToJson(const Deck& deck) {
    json slides = json::array();
    for (const DeckSlide& slide : deck.slides)
        slides.push_back(SlideToJson(slide));
    const json root = {{"format", "actlab-deck"},
                       {"version", kDeckFormatVersion},
                       {"title", deck.title},
                       {"slides", std::move(slides)}};
    return root.dump(2) + "\n";
}

DeckParseResult ParseDeck(std::string_view text, std::string_view file_name,
                          const std::optional<std::string>& scene_dir) {
    DeckParseResult result;
    const std::string name(file_name);
    std::optional<json> parsed =
        ParseGuardedJson(text, file_name, kMaxDeckFileBytes, kMaxDeckNesting, "deck", result.error);
    if (!parsed) return result;
    json root = std::move(*parsed);
    if (!root.is_object()) {
        result.error =
            TextPosition(file_name, text, 0) + "not an ActLab deck (the top level is not an object)";
        return result;
    }
    const auto format = root.find("format");
    if (format == root.end() || !format->is_string() || format->get<std::string>() != "actlab-deck") {
        const std::string got = format == root.end() ? "no \"format\"" : "format " + format->dump();
        result.error = TextPosition(file_name, text, JsonValueOffset(text, Path{"format"})) +
                       "not an ActLab deck (" + got + "; expected \"actlab-deck\")";
        return result;
    }
    const auto version = root.find("version");
    const std::string version_at = TextPosition(file_name, text, JsonValueOffset(text, Path{"version"}));
    if (version == root.end() || !version->is_number_integer() || version->get<std::int64_t>() < 1) {
        result.error = version_at + "\"version\" must be a whole number from 1, got " +
                       (version == root.end() ? std::string("nothing") : version->dump());
        return result;
    }
    if (version->get<std::int64_t>() > kDeckFormatVersion) {
        result.error = version_at + "written by a newer ActLab (deck version " + version->dump() +
                       "); this one reads version " + std::to_string(kDeckFormatVersion);
        return result;
    }
    try {
        DeckReader reader(text, file_name, scene_dir, result);
        if (!reader.Read(root)) {
            const std::string error = result.error;
            result = DeckParseResult{};
            result.error = error;
        }
    } catch (const std::exception& e) {
        // The reader checks types itself; this is the last line of defence for fuzzed input.
        result = DeckParseResult{};
        result.error = name + ": " + e.what();
    }
    return result;
}

DeckParseResult ReadDeckFile(const std::string& path) {
    std::string text;
    if (std::string error = ReadFileCapped(path, kMaxDeckFileBytes, text); !error.empty()) {
        DeckParseResult result;
        result.error = std::move(error);
        return result;
    }
    const std::filesystem::path folder = std::filesystem::path(path).parent_path();
    return ParseDeck(text, path, folder.empty() ? std::string(".") : folder.string());
}

DeckParseResult LoadDeckOrShipped(const std::string& name) {
    if (name.rfind(kShippedPrefix, 0) != 0) return ReadDeckFile(name);
    const std::string stem = name.substr(kShippedPrefix.size());
    if (const auto found = FindEmbeddedDeck(stem)) return ParseDeck(found->text, name);
    DeckParseResult result;
    std::string known;
    for (const EmbeddedDeck& deck : EmbeddedDecks())
        known += (known.empty() ? "" : ", ") + std::string(deck.name);
    result.error = "no shipped deck \"" + stem + "\" (" + known + "; see actlab decks)";
    return result;
}

std::string AppendSlideToDeckFile(const std::string& path, const std::string& title, const Scene& scene) {
    Deck deck;
    std::error_code ec;
    if (std::filesystem::exists(path, ec)) {
        std::string text;
        if (std::string error = ReadFileCapped(path, kMaxDeckFileBytes, text); !error.empty()) return error;
        // Scene files beside the deck are not read: the deck is rewritten with its references as written.
        DeckParseResult parsed = ParseDeck(text, path);
        if (!parsed.ok()) return parsed.error;
        deck = std::move(parsed.deck);
    } else {
        deck.title = title.empty() ? "ActLab deck" : title.substr(0, kMaxDeckTitleBytes);
    }
    if (deck.slides.size() >= kMaxDeckSlides)
        return path + ": already has " + std::to_string(kMaxDeckSlides) + " slides";
    DeckSlide slide;
    slide.title = title.empty() ? "Slide " + std::to_string(deck.slides.size() + 1)
                                : title.substr(0, kMaxDeckTitleBytes);
    slide.source = SlideSource::Inline;
    slide.inline_scene = scene;
    slide.inline_scene.title.clear();
    deck.slides.push_back(std::move(slide));
    return WriteFileAtomically(path, DeckToJson(deck));
}

} // namespace actlab
