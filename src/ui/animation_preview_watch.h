// When the Export animation dialog's preview (the animation's first frame) must be drawn again:
// what that frame depends on is kept from the last drawing and compared in place each frame, so an
// idle dialog costs a few field comparisons, with nothing copied, serialised or allocated.
#pragma once

#include "core/app_state.h"
#include "ui/ui_runtime.h"

#include <cstddef>
#include <optional>

namespace actlab::ui {

inline constexpr double kPreviewSettleSeconds = 0.25; // a change is drawn once it has held this long

class AnimationPreviewWatch {
public:
    // Whether to draw the first frame now (`now` in seconds): at once the first time; after that when
    // what it shows has changed and then held still for kPreviewSettleSeconds (typing a number, or a
    // slider dragged, draws once). A true answer counts as drawn.
    bool ShouldDraw(const AppState& state, const UiRuntime& runtime, double now);
    // The dialog closed: the next opening draws at once.
    void Forget();
    std::size_t draws() const { return draws_; }

private:
    // What the first frame depends on. The swept parameter's current value and the auto-play clock are
    // left out (the first frame sets the parameter to FROM), so that a playing slider does not hold
    // the preview back.
    struct Inputs {
        AnimationExportRequest choice; // its path left out: the file name does not change the picture
        int scale = 1;
        std::optional<Theme> look;
        float room_width = 0, room_height = 0;
        float display_width = 0, display_height = 0, content_scale = 1; // window targets' size
        std::size_t network_version = 0;                                // the network panel's weights
        AppState state;
    };
    static Inputs Take(const AppState& state, const UiRuntime& runtime);
    static bool Same(const Inputs& kept, const AppState& state, const UiRuntime& runtime);

    std::optional<Inputs> shown_;   // what the preview shows
    std::optional<Inputs> pending_; // a change not drawn yet, and since when it has held
    double pending_since_ = 0.0;
    std::size_t draws_ = 0;
};

} // namespace actlab::ui
