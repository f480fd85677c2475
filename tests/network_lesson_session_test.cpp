// The network lesson's new choices as NetworkSession runs them: a multi-class set builds a softmax
// output of K neurons with K probability maps, the optimizer and its parameters reach the trainer and
// its state resets with the network, and a scene's softmax weights fit the lesson they were saved with.
#include "core/scene.h"
#include "session/network_session.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

namespace actlab::session {
namespace {

constexpr double kUnlimitedBudget = 100.0; // seconds per Update: exactly steps_per_frame steps

NetworkLessonState MultiClassLesson(DatasetKind kind) {
    NetworkLessonState lesson;
    lesson.dataset = kind;
    lesson.hidden = {8};
    lesson.activations = {Activation::WithDefaults(ActivationId::Relu)};
    lesson.learning_rate = 0.03;
    lesson.steps_per_frame = 50;
    return lesson;
}

TEST(NetworkLesson, AMultiClassSetBuildsASoftmaxOutputWithOneNeuronAndOneMapPerClass) {
    for (const DatasetKind kind : {DatasetKind::Blobs3, DatasetKind::Spiral3, DatasetKind::Blobs4}) {
        NetworkLessonState lesson = MultiClassLesson(kind);
        lesson.softmax = false; // a file or an old scene that forgot it: the lesson needs it
        NetworkSession session;
        session.Update(lesson, kUnlimitedBudget);
        ASSERT_TRUE(session.ready()) << session.error();
        EXPECT_TRUE(lesson.softmax);
        const Network& network = session.trainer().network();
        const std::size_t classes = ClassCount(kind);
        EXPECT_TRUE(network.IsSoftmax());
        EXPECT_EQ(network.Output().size, classes);
        ASSERT_EQ(session.output_grid().size(), classes * kOutputGrid * kOutputGrid);
        // The maps are probabilities: they sum to 1 at every point of the plane.
        for (std::size_t cell = 0; cell < kOutputGrid * kOutputGrid; cell += 97) {
            double sum = 0.0;
            for (std::size_t k = 0; k < classes; ++k)
                sum += static_cast<double>(session.output_grid()[k * kOutputGrid * kOutputGrid + cell]);
            EXPECT_NEAR(sum, 1.0, 1e-5);
        }
        for (const Sample& s : session.trainer().train()) {
            ASSERT_EQ(s.y, std::floor(s.y));
            ASSERT_LT(s.y, static_cast<double>(classes)) << "labels are class indices";
        }
    }
}

TEST(NetworkLesson, ThreeBlobsAreLearnedToHighAccuracyOnTrainAndTest) {
    NetworkLessonState lesson = MultiClassLesson(DatasetKind::Blobs3);
    NetworkSession session;
    session.Update(lesson, kUnlimitedBudget);
    ASSERT_TRUE(session.ready()) << session.error();
    const double before = session.stats().accuracy;
    lesson.playing = true;
    for (int frame = 0; frame < 40; ++frame)
        session.Update(lesson, kUnlimitedBudget);
    lesson.playing = false;
    session.Update(lesson, kUnlimitedBudget);
    const TrainingHistory& history = session.trainer().history();
    ASSERT_FALSE(history.test_accuracy.empty());
    EXPECT_GT(session.stats().accuracy, 0.9) << "from " << before;
    EXPECT_GT(history.test_accuracy.back(), 0.9);
    EXPECT_EQ(history.train_accuracy.size(), history.step.size()) << "a chart row per observation";
}

TEST(NetworkLesson, TheOptimizerAndItsParametersReachTheTrainerAndResetWithTheNetwork) {
    NetworkLessonState lesson = MultiClassLesson(DatasetKind::Spiral3);
    lesson.optimizer = Optimizer::Adam;
    lesson.beta1 = 0.8;
    lesson.beta2 = 0.99;
    lesson.eps = 1e-6;
    NetworkSession session;
    session.Update(lesson, kUnlimitedBudget);
    ASSERT_TRUE(session.ready());
    EXPECT_EQ(session.trainer().options().optimizer, Optimizer::Adam);
    EXPECT_EQ(session.trainer().options().beta1, 0.8);
    EXPECT_EQ(session.trainer().options().beta2, 0.99);
    EXPECT_EQ(session.trainer().options().eps, 1e-6);

    // Reset redraws the weights and clears Adam's moments: the steps after it repeat the first run.
    const auto run_steps = [&](int steps) {
        for (int i = 0; i < steps; ++i) {
            session.RequestStep();
            session.Update(lesson, kUnlimitedBudget);
        }
        return session.trainer().network();
    };
    const Network first = run_steps(5);
    session.RequestReset();
    session.Update(lesson, kUnlimitedBudget);
    EXPECT_EQ(session.trainer().step(), 0u);
    EXPECT_EQ(run_steps(5), first) << "the optimizer's state reset with the network";

    // Parameters of the same optimizer change the options and keep the run.
    lesson.beta1 = 0.7;
    session.Update(lesson, kUnlimitedBudget);
    EXPECT_EQ(session.trainer().options().beta1, 0.7);
    EXPECT_EQ(session.trainer().step(), 5u);
    ASSERT_TRUE(session.previous_run().has_value()) << "Reset keeps the run before it for the chart";
    EXPECT_EQ(session.previous_run()->label, "adam");
}

// Another optimizer restarts from the seed, so that the loss curves differ by the optimizer alone, and
// the run so far stays for the chart.
TEST(NetworkLesson, AnotherOptimizerRestartsFromTheSameWeightsAndKeepsTheLastRun) {
    NetworkLessonState lesson = MultiClassLesson(DatasetKind::Spiral3);
    lesson.steps_per_frame = 10;
    NetworkSession session;
    session.Update(lesson, kUnlimitedBudget);
    ASSERT_TRUE(session.ready());
    const Network start = session.trainer().network();
    const std::vector<Sample> data = session.trainer().train();
    lesson.playing = true;
    for (int frame = 0; frame < 20; ++frame)
        session.Update(lesson, kUnlimitedBudget);
    const std::vector<double> sgd_loss = session.trainer().history().train_loss;
    ASSERT_GE(sgd_loss.size(), 2u);
    lesson.optimizer = Optimizer::Momentum;
    lesson.playing = false;
    session.Update(lesson, kUnlimitedBudget);
    EXPECT_EQ(session.trainer().options().optimizer, Optimizer::Momentum);
    EXPECT_EQ(session.trainer().step(), 0u);
    EXPECT_EQ(session.trainer().network(), start) << "the same initial weights";
    EXPECT_EQ(session.trainer().train(), data) << "the same data";
    ASSERT_TRUE(session.previous_run().has_value());
    EXPECT_EQ(session.previous_run()->label, "sgd");
    EXPECT_EQ(session.previous_run()->train_loss, sgd_loss);
    // Another dataset is another lesson: nothing to compare with.
    lesson.dataset = DatasetKind::Blobs3;
    session.Update(lesson, kUnlimitedBudget);
    EXPECT_FALSE(session.previous_run().has_value());
}

TEST(NetworkLesson, ASoftmaxNetworkFitsOnlyTheLessonItWasBuiltFor) {
    NetworkLessonState lesson = MultiClassLesson(DatasetKind::Blobs4);
    NetworkSession session;
    session.Update(lesson, kUnlimitedBudget);
    ASSERT_TRUE(session.ready());
    const Network network = session.trainer().network();
    EXPECT_TRUE(NetworkFitsLesson(network, lesson));
    NetworkLessonState three = lesson;
    three.dataset = DatasetKind::Blobs3;
    EXPECT_FALSE(NetworkFitsLesson(network, three)) << "4 logits do not fit 3 classes";
    NetworkLessonState binary = lesson;
    binary.dataset = DatasetKind::Circle;
    binary.softmax = false;
    EXPECT_FALSE(NetworkFitsLesson(network, binary));
}

TEST(NetworkLesson, ATwoClassSetCanHaveASoftmaxOfTwoNeuronsOnClassIndices) {
    NetworkLessonState lesson = MultiClassLesson(DatasetKind::Circle);
    lesson.softmax = true;
    NetworkSession session;
    session.Update(lesson, kUnlimitedBudget);
    ASSERT_TRUE(session.ready()) << session.error();
    EXPECT_EQ(session.trainer().network().Output().size, 2u);
    for (const Sample& s : session.trainer().train())
        ASSERT_TRUE(s.y == 0.0 || s.y == 1.0) << s.y;
    // A regression set never has one.
    lesson.dataset = DatasetKind::Reg1d;
    session.Update(lesson, kUnlimitedBudget);
    ASSERT_TRUE(session.ready()) << session.error();
    EXPECT_FALSE(lesson.softmax);
    EXPECT_FALSE(session.trainer().network().IsSoftmax());
    EXPECT_EQ(session.trainer().network().inputs.size(), 1u) << "reg-1d is y = f(x): one input";
}

} // namespace
} // namespace actlab::session
