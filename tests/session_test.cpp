// The session layer without a window: the shipped lessons do what they promise for every seed, the
// hovered weight's gradient is computed once per change, and a simulation keeps running once wanted.
#include "core/lesson_presets.h"
#include "core/scene.h"
#include "session/session.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>

namespace actlab::session {
namespace {

constexpr double kUnlimitedBudget = 100.0; // seconds per Update: exactly steps_per_frame steps

// The network lesson of a shipped preset (assets/presets, as embedded in the binary).
NetworkLessonState PresetLesson(std::string_view name) {
    const auto preset = FindPreset(name);
    EXPECT_TRUE(preset.has_value()) << name;
    if (!preset) return {};
    const SceneParseResult parsed = ParseScene(preset->text, name);
    EXPECT_TRUE(parsed.ok()) << parsed.error;
    return parsed.scene.state.network;
}

struct LessonRun {
    std::size_t dead_at_start = 0, dead = 0, hidden = 0;
    bool diverged = false;
};

// The lesson as the app runs it (NetworkSession builds the network, data and trainer from the lesson
// state) with seed `seed`: statistics before training and after `frames` frames of playing.
LessonRun RunLesson(NetworkLessonState lesson, std::uint64_t seed, int frames) {
    lesson.seed = seed;
    lesson.playing = false;
    NetworkSession session;
    session.Update(lesson, kUnlimitedBudget);
    EXPECT_TRUE(session.ready()) << session.error();
    if (!session.ready()) return {};
    LessonRun run;
    run.dead_at_start = session.stats().dead_count;
    run.hidden = session.stats().hidden_neurons;
    lesson.playing = true;
    for (int frame = 0; frame < frames; ++frame)
        session.Update(lesson, kUnlimitedBudget);
    lesson.playing = false;
    session.Update(lesson, kUnlimitedBudget); // paused: the statistics of the last step
    run.dead = session.stats().dead_count;
    run.diverged = session.trainer().diverged();
    return run;
}

void UseActivation(NetworkLessonState& lesson, ActivationId id) {
    for (Activation& activation : lesson.activations)
        activation = Activation::WithDefaults(id);
}

// Every seed of 1…20, not the preset's own: the lesson must work whatever seed the class picks.
constexpr std::uint64_t kLessonSeeds = 20;
constexpr int kLessonFrames = 30; // 300 steps at the presets' 10 steps per frame

TEST(ShippedLessons, NegativeBiasLeavesMostRelusBornDeadButNoLeakyRelu) {
    // Biases at −5 with Xavier weights: most ReLUs have z ≤ 0 on every sample before the first step
    // (8 to 10 of 10 over these seeds), and a dead ReLU gets no gradient to come back with. Leaky
    // ReLU's slope keeps every neuron learning; biases at 0 leave nearly all alive (at most 2 of 10).
    const NetworkLessonState lesson = PresetLesson("dying-relu-bias");
    NetworkLessonState leaky = lesson;
    UseActivation(leaky, ActivationId::LeakyRelu);
    NetworkLessonState zero_bias = lesson;
    zero_bias.bias_init = 0.0;
    for (std::uint64_t seed = 1; seed <= kLessonSeeds; ++seed) {
        const LessonRun relu = RunLesson(lesson, seed, kLessonFrames);
        EXPECT_FALSE(relu.diverged) << "seed " << seed;
        EXPECT_GT(2 * relu.dead_at_start, relu.hidden)
            << "seed " << seed << ": " << relu.dead_at_start << " of " << relu.hidden;
        EXPECT_GT(2 * relu.dead, relu.hidden) << "seed " << seed << ": they stay dead";
        const LessonRun revived = RunLesson(leaky, seed, kLessonFrames);
        EXPECT_EQ(revived.dead, 0u) << "seed " << seed;
        const LessonRun cause = RunLesson(zero_bias, seed, kLessonFrames);
        EXPECT_LT(4 * cause.dead, cause.hidden) << "seed " << seed << ": the bias is the cause";
    }
}

TEST(ShippedLessons, HighLearningRateKillsRelusDuringTrainingButNoLeakyRelu) {
    // Learning rate 3 (100× the default) on 2→6→6→6→1: the first updates throw weights and biases
    // far, and a ReLU whose plane lands outside the data never returns. How many die varies with the
    // seed (0 to 12 of 18 over these seeds, about 37 % in all), so the thresholds are on the whole
    // sweep with a margin: training kills on most seeds, a quarter of all ReLUs at least, several
    // times what the default learning rate kills (about 4 %); Leaky ReLU loses none.
    const NetworkLessonState lesson = PresetLesson("dying-relu-learning-rate");
    NetworkLessonState leaky = lesson;
    UseActivation(leaky, ActivationId::LeakyRelu);
    NetworkLessonState slow = lesson;
    slow.learning_rate = 0.03;
    std::size_t dead = 0, hidden = 0, slow_dead = 0, seeds_killed = 0;
    for (std::uint64_t seed = 1; seed <= kLessonSeeds; ++seed) {
        const LessonRun relu = RunLesson(lesson, seed, kLessonFrames);
        EXPECT_FALSE(relu.diverged) << "seed " << seed;
        EXPECT_LT(4 * relu.dead_at_start, relu.hidden) << "seed " << seed << ": mostly alive before training";
        if (relu.dead > relu.dead_at_start) ++seeds_killed;
        dead += relu.dead;
        hidden += relu.hidden;
        const LessonRun revived = RunLesson(leaky, seed, kLessonFrames);
        EXPECT_FALSE(revived.diverged) << "seed " << seed;
        EXPECT_EQ(revived.dead, 0u) << "seed " << seed;
        slow_dead += RunLesson(slow, seed, kLessonFrames).dead;
    }
    EXPECT_GE(4 * seeds_killed, 3 * kLessonSeeds)
        << "training killed neurons on " << seeds_killed << " seeds";
    EXPECT_GE(4 * dead, hidden) << dead << " of " << hidden;
    EXPECT_GE(dead, 3 * slow_dead) << "the learning rate is the cause: " << dead << " vs " << slow_dead;
}

TEST(NetworkSession, TheHoveredWeightsGradientIsComputedOncePerChange) {
    NetworkLessonState lesson;
    NetworkSession session;
    session.Update(lesson, kUnlimitedBudget);
    ASSERT_TRUE(session.ready());
    EXPECT_FALSE(session.hovered_gradient().has_value());
    const WeightIndex first{1, 0, 2};
    for (int frame = 0; frame < 10; ++frame) {
        session.HoverWeight(first);
        session.Update(lesson, kUnlimitedBudget);
    }
    ASSERT_TRUE(session.hovered_gradient().has_value());
    EXPECT_EQ(session.gradient_computations(), 1u) << "hovering a still network computes once";
    const Network& network = session.trainer().network();
    const Gradients expected = ComputeGradients(network, session.trainer().train());
    EXPECT_EQ(session.hovered_gradient()->gradient, expected.weights[1][0 * network.layers[1].fan_in + 2]);

    const WeightIndex second{0, 3, 1};
    session.HoverWeight(second);
    session.Update(lesson, kUnlimitedBudget);
    EXPECT_EQ(session.gradient_computations(), 2u) << "another weight";
    EXPECT_TRUE(session.hovered_gradient()->weight == second);

    session.RequestStep();
    session.HoverWeight(second);
    session.Update(lesson, kUnlimitedBudget);
    EXPECT_EQ(session.gradient_computations(), 3u) << "the network changed";
    session.HoverWeight(second);
    session.Update(lesson, kUnlimitedBudget);
    EXPECT_EQ(session.gradient_computations(), 3u);

    session.Update(lesson, kUnlimitedBudget); // nothing hovered in the last frame
    EXPECT_FALSE(session.hovered_gradient().has_value());
    lesson.playing = true;
    for (int frame = 0; frame < 5; ++frame)
        session.Update(lesson, kUnlimitedBudget);
    EXPECT_EQ(session.gradient_computations(), 3u) << "training while nothing is hovered computes nothing";

    session.HoverWeight(WeightIndex{7, 0, 0}); // no such layer: nothing, and no crash
    session.Update(lesson, kUnlimitedBudget);
    EXPECT_FALSE(session.hovered_gradient().has_value());
}

// Updates until `done()` holds (a bound against a hang, not a timing requirement).
template <typename Done> bool UpdatesUntil(Session& session, AppState& state, Done done) {
    for (int i = 0; i < 20000; ++i) {
        session.Update(state, kUnlimitedBudget);
        if (done()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return false;
}

TEST(Session, SimulationsRunOnceTheirViewWasOpenedAndGoOnWhenItIsHidden) {
    AppState state = DefaultAppState();
    state.propagation.depth = 4;
    state.propagation.width = 20;
    state.propagation.samples = 10;
    state.born_dead.trials = 100;
    Session session;
    for (int i = 0; i < 5; ++i)
        session.Update(state, kUnlimitedBudget);
    EXPECT_EQ(session.updates(), 5u);
    EXPECT_EQ(session.theory.propagation.runs_started(), 0u) << "a view never opened costs nothing";
    EXPECT_FALSE(session.theory.born_dead.Running());

    state.panels.propagation = state.panels.born_dead = true;
    ASSERT_TRUE(UpdatesUntil(session, state, [&] {
        return session.theory.propagation.Current() && session.theory.born_dead.Current();
    }));
    EXPECT_EQ(session.theory.propagation.runs_started(), 1u);
    ASSERT_EQ(session.theory.born_dead.results().size(), static_cast<std::size_t>(state.born_dead.depth));

    // Hidden, with new inputs: the session still brings both up to date.
    state.panels.propagation = state.panels.born_dead = false;
    state.propagation.depth = 6;
    state.born_dead.depth = 7;
    ASSERT_TRUE(UpdatesUntil(session, state, [&] {
        return session.theory.propagation.Current() && session.theory.born_dead.Current();
    }));
    EXPECT_EQ(session.theory.propagation.results().size(), 7u); // layers 0 to 6
    EXPECT_EQ(session.theory.born_dead.results().size(), 7u);
}

} // namespace
} // namespace actlab::session
