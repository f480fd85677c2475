// The timeline of an exported animation: how many frames, which parameter value or training step
// each frame shows. Pure arithmetic, shared by `actlab animate` and the window's export.
#pragma once

#include "core/enum_names.h"

#include <cstddef>
#include <optional>
#include <string_view>

namespace actlab {

enum class AnimationLoop { Forward, PingPong };
inline constexpr EnumName<AnimationLoop> kAnimationLoopNames[] = {{AnimationLoop::Forward, "forward"},
                                                                  {AnimationLoop::PingPong, "pingpong"}};

// "forward", "pingpong"; nullopt for anything else.
std::optional<AnimationLoop> ParseAnimationLoop(std::string_view name);

inline constexpr int kMaxAnimationFrames = 3600; // two minutes at 30 fps

// round(seconds × fps).
long long AnimationFrameCount(double seconds, double fps);

// The swept value at `frame` of `frames`, linear in the frame number.
//   forward:  v = FROM + (TO − FROM)·i/(n−1): FROM on the first frame, TO on the last.
//   pingpong: v = FROM + (TO − FROM)·(1 − |1 − 2i/n|): TO half way, then back towards FROM; the
//             frame after the last would be FROM again, so a looping GIF has no repeated frame.
double SweepValue(double from, double to, long long frame, long long frames, AnimationLoop loop);

// Training steps done before `frame` is drawn: floor(STEPS·i/(n−1)), so the first frame shows the
// untrained network and the last one the network after all STEPS steps.
std::size_t TrainingStepsAt(std::size_t steps, long long frame, long long frames);

} // namespace actlab
