// Scene files: a whole lesson (the app state plus the trained network's weights) as versioned JSON,
// read with every limit checked before the input is trusted (docs/scene-format.md).
#pragma once

#include "core/app_state.h"
#include "core/network.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace actlab {

inline constexpr int kSceneFormatVersion = 1;
inline constexpr std::size_t kMaxSceneFileBytes = std::size_t{16} << 20; // a scene is a few kB
inline constexpr int kMaxSceneNesting = 32;                              // a scene nests 6 deep

struct Scene {
    std::string title; // shown in the menu for presets; may be empty
    AppState state;
    std::optional<Network> trained; // the mini network's weights when it had been built
    std::size_t training_step = 0;  // steps the weights had been trained for
};

// The scene as text: keys sorted, two-space indent, numbers that read back exactly, so that
// save → load → save is byte-identical.
std::string SceneToJson(const Scene& scene);

struct SceneParseResult {
    Scene scene;
    std::vector<std::string> warnings; // fields skipped or clamped; the rest was read
    std::string error;                 // "lesson.json:3:14: syntax error …"; "" on success
    bool ok() const { return error.empty(); }
};

// Parses a scene from its bytes; `file_name` only labels messages. Never throws: every failure
// (size, nesting, syntax, format, version) becomes `error`. Missing fields take their defaults.
SceneParseResult ParseScene(std::string_view text, std::string_view file_name);

// Reads (ReadFileCapped, at most kMaxSceneFileBytes) and parses a scene file. Scenes are written with
// WriteFileAtomically(path, SceneToJson(scene)) (core/file_io.h).
SceneParseResult ReadSceneFile(const std::string& path);

// What the lesson builds: one input (x1) for the one-input sets (chain, reg-1d), else x1 and x2; the
// loss its output implies (softmax → ce, sigmoid on a classification set → bce, else mse); the
// output's neurons (K = ClassCount(dataset) for softmax, else 1).
std::vector<InputFeature> LessonInputs(const NetworkLessonState& lesson);
Loss LessonLoss(const NetworkLessonState& lesson);
std::size_t LessonOutputs(const NetworkLessonState& lesson);

// Whether `network` has the shape and activations the lesson would build (so its weights can be
// loaded into the lesson's trainer).
bool NetworkFitsLesson(const Network& network, const NetworkLessonState& lesson);

} // namespace actlab
