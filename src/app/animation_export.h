// Exports an animation of figures: a parameter swept over the frames, each frame drawn by the figure
// code (the same as `actlab render` and the window's export), encoded as GIF, MP4 or WebM and
// written atomically at the end. One frame per Step(), so that the window can show progress and
// cancel between its own frames; `actlab animate` calls Step() until done.
#pragma once

#include "app/figure_png.h"
#include "core/animation_plan.h"
#include "render/animation_encoder.h"
#include "render/figure.h"

#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <string>

namespace actlab::app {

struct AnimationSweep {
    std::size_t function = 0; // index into FigureSpec::functions
    std::string param;        // its parameter's name, e.g. "alpha"
    double from = 0.0, to = 0.0;
};

struct AnimationJob {
    FigureSpec figure; // the first frame's figure, the swept parameter aside
    std::optional<AnimationSweep> sweep;
    AnimationLoop loop = AnimationLoop::Forward;
    long long frames = 120;
    double fps = 30.0;
    AnimationFormat format = AnimationFormat::Gif;
    std::string path;
};

// The figure of frame `frame`: the swept parameter set to its value on that frame.
FigureSpec AnimationFrameSpec(const AnimationJob& job, long long frame);

// Fixes the view of a sweep so that the axes stay put: ranges not given are fitted to the figure
// at FROM and at TO, and the union taken.
void FixSweepView(AnimationJob& job);
// Widens the view's y ranges (f and f′), where given, to hold the curves at FROM and at TO too, within
// the x range: a window's view exported as it stands would lose ELU's −α off the bottom as α grows.
void WidenViewForSweep(AnimationJob& job);

// Draws one frame's pixels; any size, as long as every frame has the same. `storage` is an earlier
// frame's buffer, encoded and free again: reusing it spares a fresh allocation per frame.
using FrameSource = std::function<RenderedImage(long long frame, std::vector<std::uint8_t> storage)>;

class AnimationExport {
public:
    // Starts the encoder for frames of `width` × `height`; null with the reason in `error`.
    static std::unique_ptr<AnimationExport> Start(const AnimationJob& job, int width, int height,
                                                  FrameSource source, std::string& error);

    // Draws and encodes the next frame; "" or why it failed.
    std::string Step();
    bool AllFramesDone() const { return done_ >= job_.frames; }
    long long FramesDone() const { return done_; }
    // Closes the file and writes it under its name (atomically); "" or the reason. Dropping an
    // export without finishing it writes nothing.
    std::string Finish();
    const std::string& warning() const { return warning_; } // e.g. the font is missing
    ~AnimationExport();
    AnimationExport(const AnimationExport&) = delete;
    AnimationExport& operator=(const AnimationExport&) = delete;

private:
    AnimationExport() = default;
    std::string WaitForEncoder();
    AnimationJob job_;
    FrameSource source_;
    std::unique_ptr<AnimationEncoder> encoder_;
    struct Encoded {
        std::string error;
        std::vector<std::uint8_t> rgba; // the frame's buffer, free for another frame
    };
    std::future<Encoded> encoding_; // the previous frame, encoded while the next one is drawn
    std::vector<std::uint8_t> spare_;
    int width_ = 0, height_ = 0;
    long long done_ = 0;
    std::string warning_;
};

// A sweep of a figure drawn in the OpenGL context current on this thread, start to finish. `progress`
// is called after each frame with the count done; returning false cancels (nothing is written).
// Returns "" or the reason; `warning` receives a note such as a missing font.
// `size` receives the frames' pixel size.
std::string ExportFigureAnimation(const AnimationJob& job, const std::function<bool(long long)>& progress,
                                  std::string& warning, AnimationSize& size);

} // namespace actlab::app
