// Scene files (see scene.h and docs/scene-format.md).
#include "core/scene.h"

#include "core/file_io.h"
#include "core/json_nesting.h"
#include "core/state_json.h"

#include <nlohmann/json.hpp>

namespace actlab {

namespace {

using nlohmann::json;

// "file:line:column: " for a byte offset into `text` (lines and columns count from 1).
std::string Position(std::string_view file_name, std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return std::string(file_name) + ":" + std::to_string(line) + ":" + std::to_string(column) + ": ";
}

// nlohmann's messages read "[json.exception.parse_error.101] parse error at line 3, column 7:
// syntax error …"; this turns them into "file:3:7: syntax error …".
std::string ParseErrorMessage(std::string_view file_name, std::string_view text, const json::exception& e) {
    std::string message = e.what();
    if (const auto pos = message.find("] "); pos != std::string::npos) message.erase(0, pos + 2);
    if (const auto* parse_error = dynamic_cast<const json::parse_error*>(&e)) {
        if (const auto colon = message.find(": "); colon != std::string::npos) message.erase(0, colon + 2);
        // byte is 1-based and names the character that broke the syntax.
        return Position(file_name, text, parse_error->byte > 0 ? parse_error->byte - 1 : 0) + message;
    }
    // "number overflow parsing '1e400'": the position of that number in the text.
    const auto open = message.find('\'');
    const auto close = open == std::string::npos ? open : message.find('\'', open + 1);
    if (close != std::string::npos) {
        const std::string token = message.substr(open + 1, close - open - 1);
        if (const auto at = text.find(token); !token.empty() && at != std::string_view::npos) {
            return Position(file_name, text, at) + message;
        }
    }
    return std::string(file_name) + ": " + message;
}

} // namespace

bool NetworkFitsLesson(const Network& network, const NetworkLessonState& lesson) {
    const std::vector<InputFeature> inputs =
        lesson.dataset == DatasetKind::Chain ? std::vector<InputFeature>{InputFeature::X1}
                                             : std::vector<InputFeature>{InputFeature::X1, InputFeature::X2};
    const Loss loss =
        lesson.output == ActivationId::Sigmoid && IsClassification(lesson.dataset) ? Loss::Bce : Loss::Mse;
    if (network.inputs != inputs || network.loss != loss ||
        network.layers.size() != lesson.hidden.size() + 1 ||
        lesson.activations.size() != lesson.hidden.size()) {
        return false;
    }
    for (std::size_t l = 0; l < lesson.hidden.size(); ++l) {
        if (network.layers[l].size != lesson.hidden[l] ||
            network.layers[l].activation.id != lesson.activations[l].id) {
            return false;
        }
    }
    return network.Output().activation.id == lesson.output && ValidateNetwork(network).empty();
}

std::string SceneToJson(const Scene& scene) {
    json root = AppStateToJson(scene.state);
    root["format"] = "actlab-scene";
    root["version"] = kSceneFormatVersion;
    if (!scene.title.empty()) root["title"] = scene.title;
    // A diverged network (inf or NaN weights) has no JSON form; the lesson is saved without it.
    if (scene.trained && ValidateNetwork(*scene.trained).empty()) {
        // The network file's own format, nested; nlohmann writes each double in its shortest form
        // that reads back to the same value.
        root["trained"] = {{"step", scene.training_step},
                           {"network", json::parse(NetworkToJson(*scene.trained))}};
    }
    return root.dump(2) + "\n";
}

SceneParseResult ParseScene(std::string_view text, std::string_view file_name) {
    SceneParseResult result;
    result.scene.state = DefaultAppState();
    const std::string name(file_name);
    if (text.size() > kMaxSceneFileBytes) {
        result.error = name + ": larger than 16 MiB; not a scene file";
        return result;
    }
    if (const auto at = FirstBracketDeeperThan(text, kMaxSceneNesting)) {
        result.error = Position(file_name, text, *at) + "nested deeper than " +
                       std::to_string(kMaxSceneNesting) + " levels; not a scene file";
        return result;
    }
    json root;
    try {
        root = json::parse(text);
    } catch (const json::exception& e) {
        result.error = ParseErrorMessage(file_name, text, e);
        return result;
    }
    if (!root.is_object()) {
        result.error = name + ": not an ActLab scene (the top level is not a JSON object)";
        return result;
    }
    const auto format = root.find("format");
    if (format == root.end() || !format->is_string() || format->get<std::string>() != "actlab-scene") {
        const std::string got = format == root.end() ? "no \"format\"" : "format " + format->dump();
        result.error = name + ": not an ActLab scene (" + got + "; expected \"actlab-scene\")";
        return result;
    }
    const auto version = root.find("version");
    if (version == root.end() || !version->is_number_integer() || version->get<std::int64_t>() < 1) {
        result.error = name + ": \"version\" must be a whole number from 1, got " +
                       (version == root.end() ? std::string("nothing") : version->dump());
        return result;
    }
    if (version->get<std::int64_t>() > kSceneFormatVersion) {
        result.error = name + ": written by a newer ActLab (version " + version->dump() +
                       "); this one reads version " + std::to_string(kSceneFormatVersion);
        return result;
    }
    try {
        // Forgiving from here on: a wrong field is named in a warning and keeps its default.
        AppStateFromJson(root, result.scene.state, result.warnings);
        if (const auto title = root.find("title"); title != root.end()) {
            if (title->is_string() && title->get<std::string>().size() <= 200) {
                result.scene.title = title->get<std::string>();
            } else {
                result.warnings.emplace_back("title: ignored (a string of up to 200 bytes)");
            }
        }
        if (const auto trained = root.find("trained"); trained != root.end()) {
            const auto network = trained->is_object() ? trained->find("network") : trained->end();
            const auto step = trained->is_object() ? trained->find("step") : trained->end();
            if (network == trained->end() || !network->is_object()) {
                result.warnings.emplace_back(
                    "trained: no \"network\" object; the lesson starts from fresh weights");
            } else {
                NetworkParseResult parsed = NetworkFromJson(network->dump(), name + ": trained.network");
                if (!parsed.error.empty()) {
                    result.warnings.push_back(parsed.error + "; the lesson starts from fresh weights");
                } else if (!NetworkFitsLesson(parsed.network, result.scene.state.network)) {
                    result.warnings.emplace_back(
                        "trained.network: does not match the lesson's layers; the lesson starts "
                        "from fresh weights");
                } else {
                    result.scene.trained = std::move(parsed.network);
                    if (step != trained->end() && step->is_number_unsigned()) {
                        result.scene.training_step = step->get<std::size_t>();
                    } else if (step != trained->end()) {
                        result.warnings.push_back("trained.step: ignored " + step->dump() +
                                                  " (a whole number ≥ 0)");
                    }
                }
            }
        }
    } catch (const std::exception& e) {
        // AppStateFromJson checks types itself; this is the last line of defence for fuzzed input.
        result = SceneParseResult{};
        result.error = name + ": " + e.what();
    }
    return result;
}

SceneParseResult ReadSceneFile(const std::string& path) {
    std::string text;
    if (std::string error = ReadFileCapped(path, kMaxSceneFileBytes, text); !error.empty()) {
        SceneParseResult result;
        result.error = std::move(error);
        return result;
    }
    return ParseScene(text, path);
}

} // namespace actlab
