// Dear ImGui frames without a window, for the UI tests and `actlab bench`: a context whose display
// size is set by hand, the fonts rasterised into the atlas, the theme applied. No backend is needed.
#pragma once

#include "core/app_state.h"
#include "ui/ui_runtime.h"

namespace actlab::ui {

// Creates the current ImGui context for windowless frames of `width` × `height` at 60 fps. Declares
// what the OpenGL3 backend declares on OpenGL ≥ 3.2 (draw lists may exceed 64K vertices).
void CreateHeadlessContext(float width, float height);

// Builds the fonts at the state's scale into the atlas (texture data included) and applies the theme.
void PrepareHeadlessFrame(const AppState& state, UiRuntime& runtime);

// Every panel and window the app has, open at once with something to show: the function list,
// parameters, property card, f and f′ plots, the mini network with the chain-rule inspector on its
// first weight, softmax, signal propagation, born-dead networks, the shortcut list and the export
// dialog. The bench's worst frame and the test that it is one.
void OpenEveryPanel(AppState& state);

} // namespace actlab::ui
