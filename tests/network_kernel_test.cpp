// The network's layer loops (switch hoisted, our own exp for tanh and sigmoid) against the
// catalogue's Evaluate and Derivative, so that the network trains the functions the plots show.
#include "core/network_kernel.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace actlab {
namespace {

TEST(NetworkKernel, EveryActivationMatchesTheCatalogue) {
    std::vector<double> z;
    for (int i = -3000; i <= 3000; ++i) z.push_back(i * 0.01);  // [−30, 30], kinks at 0, ±3, 6 included
    for (double far : {-1e6, -745.0, -40.0, -20.0, -1e-300, 0.0, 1e-300, 1e-8, 20.0, 40.0, 745.0, 1e6}) z.push_back(far);
    const std::size_t rows = z.size();
    for (const auto& info : Catalogue()) {
        Layer layer;
        layer.activation = Activation::WithDefaults(info.id);
        layer.size = 1;
        if (info.id == ActivationId::Prelu) layer.learned = {0.3};
        std::vector<double> a(rows), d(rows);
        detail::ActivateRows(layer, z.data(), a.data(), d.data(), rows);
        const Activation reference = layer.NeuronActivation(0);
        for (std::size_t k = 0; k < rows; ++k) {
            const double f = Evaluate(reference, z[k]);
            const double df = Derivative(reference, z[k]);
            // tanh and sigmoid use our own exp (absolute error below 4e-16); the rest are exact.
            EXPECT_NEAR(a[k], f, 4e-16 * std::max(1.0, std::fabs(f))) << info.name << " at " << z[k];
            EXPECT_NEAR(d[k], df, 1e-15 * std::max(1.0, std::fabs(df))) << info.name << "' at " << z[k];
        }
    }
}

TEST(NetworkKernel, PreluUsesEachNeuronsSlopeAcrossRows) {
    Layer layer;
    layer.activation = Activation::WithDefaults(ActivationId::Prelu);
    layer.size = 2;
    layer.learned = {0.1, 0.5};
    const std::vector<double> z{-1.0, -1.0, 2.0, -4.0};  // two rows of two neurons
    std::vector<double> a(4), d(4);
    detail::ActivateRows(layer, z.data(), a.data(), d.data(), 2);
    EXPECT_EQ(a, (std::vector<double>{-0.1, -0.5, 2.0, -2.0}));
    EXPECT_EQ(d, (std::vector<double>{0.1, 0.5, 1.0, 0.5}));
}

}  // namespace
}  // namespace actlab
