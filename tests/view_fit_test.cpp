// Reset view: the selected functions fit, the origin is always in view.
#include "core/view_fit.h"

#include <gtest/gtest.h>

namespace actlab {
namespace {

TEST(ViewFit, ReluShowsItsKinkAndBothBranches) {
    const Activation relu = Activation::WithDefaults(ActivationId::Relu);
    const PlotViewRange view = FitView(std::span(&relu, 1), KinkConvention::PyTorch);
    EXPECT_LT(view.x_min, -1.0);
    EXPECT_GT(view.x_max, 1.0);
    EXPECT_LT(view.y_min, 0.0);
    EXPECT_GE(view.y_max, view.x_max) << "ReLU(x_max) = x_max fits";
    EXPECT_LT(view.dy_min, 0.0);
    EXPECT_GT(view.dy_max, 1.0);
}

TEST(ViewFit, SigmoidIsNotLostInASpaceMadeForReluAndTheOriginStaysInView) {
    const Activation sigmoid = Activation::WithDefaults(ActivationId::Sigmoid);
    const PlotViewRange view = FitView(std::span(&sigmoid, 1), KinkConvention::PyTorch);
    EXPECT_LE(view.y_min, 0.0);
    EXPECT_GT(view.y_max, 1.0);
    EXPECT_LT(view.y_max, 1.3);
    EXPECT_LT(view.dy_max, 0.5) << "σ′ ≤ 0.25 fills its plot";
}

TEST(ViewFit, SeveralFunctionsAllFit) {
    const std::vector<Activation> functions{Activation::WithDefaults(ActivationId::Selu),
                                            Activation::WithDefaults(ActivationId::Tanh)};
    const PlotViewRange view = FitView(functions, KinkConvention::PyTorch);
    EXPECT_LT(view.y_min, -1.7) << "SELU → −λα ≈ −1.758 fits";
    EXPECT_GT(view.dy_max, 1.75) << "SELU′(0⁻) = λα fits";
}

} // namespace
} // namespace actlab
