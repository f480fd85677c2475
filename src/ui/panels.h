// Every panel of the main window: one function of the app state each, one file each.
#pragma once

#include "core/app_state.h"
#include "ui/ui_runtime.h"

#include <string_view>

namespace actlab::ui {

void DrawSidebarPanel(AppState& state, UiRuntime& runtime); // the catalogue, grouped; overlay selection
void DrawPlotToolbar(AppState& state);                      // layout, f′, kinks, overlays, reset
// f and f′ (beside or stacked), reported as regions `f_region` and `df_region` (the Gated view
// draws its slice in its own pair).
void DrawFunctionPlots(AppState& state, UiRuntime& runtime, ImVec2 available,
                       std::string_view f_region = "plot.f", std::string_view df_region = "plot.df");
void DrawFunctionsView(AppState& state, UiRuntime& runtime); // the Functions view, by window width
void DrawFunctionsDrawers(AppState& state, UiRuntime& runtime, float top); // its catalogue, probes, card
void OpenCardDrawer(UiRuntime& runtime);                                   // I: the property card as a drawer
void DrawParametersPanel(AppState& state, UiRuntime& runtime);             // sliders, resets, probes
void DrawPropertiesPanel(AppState& state, UiRuntime& runtime);             // the property card
void DrawShortcutsPanel(AppState& state, UiRuntime& runtime);              // F1: every shortcut
void DrawAboutPanel(UiRuntime& runtime);                                   // Help → About: version, licence
// The lesson views fill the rest of the main window (below the tabs); their controls collapse into a
// drawer when the window is narrow.
void DrawNetworkPanel(AppState& state, UiRuntime& runtime); // the mini network: train, graph, charts
void DrawNetworkDrawers(AppState& state, UiRuntime& runtime, float top); // its controls when not wide
void DrawSoftmaxPanel(AppState& state, UiRuntime& runtime);     // logits → probabilities, formula, Jacobian
void DrawPropagationPanel(AppState& state, UiRuntime& runtime); // per-layer statistics, the SELU moment map
void DrawPropagationDrawers(AppState& state, UiRuntime& runtime, float top);
void DrawBornDeadPanel(AppState& state, UiRuntime& runtime); // P(deep narrow ReLU net is dead) vs depth
void DrawGatedView(AppState& state, UiRuntime& runtime); // f(a, b) = g(a)·b: three heatmaps over the b slice
void DrawExportPanel(AppState& state,
                     UiRuntime& runtime); // export a plot, the window or the network as PNG/SVG/CSV
void DrawExportToast(UiRuntime& runtime); // where the last export went, for a few seconds
void ToastText(const Toast& toast);       // its text at the cursor, wrapped as pushed, as a report region

// The whole window: menu bar, view tabs, the current view, status line. Handles shortcuts first.
void DrawMainWindow(AppState& state, UiRuntime& runtime);

// Makes the state's view and its lesson-panel flags agree: a changed view wins; otherwise a panel
// flag opened or closed outside the tabs (the N key, a test, an export) moves the view.
void FollowView(AppState& state, UiRuntime& runtime);
// One frame of the app, after the platform's new frame: the scene requests of the last frame carried
// out, the session advanced once (whatever the views show), then NewFrame, the whole window drawn
// from the state and the session, Render. The window's
// loop, the headless tests and the bench all run this.
void RunFrame(AppState& state, UiRuntime& runtime);

// Functions in sidebar order (by group, then catalogue order): what the keys 1–9 select.
std::vector<ActivationId> SidebarOrder();

// Makes `id` the only selected function ("current"), or toggles it in the overlay.
void SelectOnly(AppState& state, ActivationId id);
void ToggleOverlay(AppState& state, ActivationId id);

// A value typed or dragged into a parameter slider: stored if it is inside the parameter's domain,
// otherwise refused with the message shown under the sliders (NaN, ±inf, 1e308 never reach a plot).
std::string CommitParameter(AppState& state, ActivationId id, std::size_t index, double value);

// Fits the view to the selected functions (the R key, double-click, the toolbar button).
void ResetView(AppState& state);

} // namespace actlab::ui
