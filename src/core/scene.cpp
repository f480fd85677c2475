// Scene files (see scene.h and docs/scene-format.md).
#include "core/scene.h"

#include "core/file_io.h"
#include "core/json_text.h"
#include "core/state_json.h"

#include <nlohmann/json.hpp>

namespace actlab {

namespace {

using nlohmann::json;

} // namespace

std::vector<InputFeature> LessonInputs(const NetworkLessonState& lesson) {
    if (IsOneInput(lesson.dataset)) return {InputFeature::X1};
    return {InputFeature::X1, InputFeature::X2};
}

Loss LessonLoss(const NetworkLessonState& lesson) {
    if (lesson.softmax && IsClassification(lesson.dataset)) return Loss::Ce;
    return lesson.output == ActivationId::Sigmoid && IsClassification(lesson.dataset) ? Loss::Bce : Loss::Mse;
}

std::size_t LessonOutputs(const NetworkLessonState& lesson) {
    return LessonLoss(lesson) == Loss::Ce ? ClassCount(lesson.dataset) : 1;
}

bool NetworkFitsLesson(const Network& network, const NetworkLessonState& lesson) {
    const Loss loss = LessonLoss(lesson);
    if (network.inputs != LessonInputs(lesson) || network.loss != loss ||
        network.layers.size() != lesson.hidden.size() + 1 ||
        lesson.activations.size() != lesson.hidden.size() || network.Output().size != LessonOutputs(lesson)) {
        return false;
    }
    for (std::size_t l = 0; l < lesson.hidden.size(); ++l) {
        if (network.layers[l].size != lesson.hidden[l] ||
            network.layers[l].activation.id != lesson.activations[l].id) {
            return false;
        }
    }
    const bool output_fits = loss == Loss::Ce || network.Output().activation.id == lesson.output;
    return output_fits && ValidateNetwork(network).empty();
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
    std::optional<json> root_json =
        ParseGuardedJson(text, file_name, kMaxSceneFileBytes, kMaxSceneNesting, "scene", result.error);
    if (!root_json) return result;
    json root = std::move(*root_json);
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
