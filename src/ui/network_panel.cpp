// The mini network's parts: toolbar (play, step, reset, counters), the lesson's controls and the
// training charts. The Network view (network_view.cpp) arranges them around the graph.
#include "core/ticks.h"
#include "ui/autoplay_controls.h"
#include "ui/line_chart.h"
#include "ui/network_graph.h"
#include "ui/network_parts.h"
#include "ui/panels.h"
#include "ui/widgets.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <string>

namespace actlab::ui {

namespace {

constexpr double kMinLearningRate = 1e-4;
constexpr double kSweepLearningRateFrom = 0.001, kSweepLearningRateTo = 1.0;
constexpr double kMinBiasInit = -10.0, kMaxBiasInit = 2.0;

bool SliderDouble(const char* label, double* value, double lo, double hi, const char* format,
                  bool logarithmic = false) {
    return ReadableSlider(label, ImGuiDataType_Double, value, &lo, &hi, format,
                          logarithmic ? ImGuiSliderFlags_Logarithmic : ImGuiSliderFlags_None);
}

bool SliderSize(const char* label, std::size_t* value, std::size_t lo, std::size_t hi,
                bool logarithmic = false) {
    static_assert(sizeof(std::size_t) == 8);
    return ReadableSlider(label, ImGuiDataType_U64, value, &lo, &hi, "%llu",
                          logarithmic ? ImGuiSliderFlags_Logarithmic : ImGuiSliderFlags_None);
}

} // namespace

void DrawNetworkToolbar(AppState& state, UiRuntime& runtime) {
    NetworkLessonState& lesson = state.network;
    NetworkSession& session = runtime.session.network;
    const bool diverged = session.ready() && session.trainer().diverged();
    ImGui::BeginDisabled(diverged || !session.ready());
    if (ImGui::Button(lesson.playing ? "Pause" : "Play", {ButtonWidth("Pause"), 0}))
        lesson.playing = !lesson.playing;
    ImGui::EndDisabled();
    ItemTooltip("Train continuously (Space). Training runs a few milliseconds per frame, so the window stays "
                "smooth.");
    ImGui::SameLine();
    ImGui::BeginDisabled(lesson.playing || diverged);
    if (ImGui::Button("Step")) session.RequestStep();
    ImGui::EndDisabled();
    ItemTooltip("One SGD update on one batch.");
    ImGui::SameLine();
    if (ImGui::Button("Reset")) session.RequestReset();
    ItemTooltip("Redraw every weight and bias from the seed and start again (recovers from divergence).");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5.5f);
    std::uint64_t seed = lesson.seed;
    const std::uint64_t one = 1;
    if (ImGui::InputScalar("seed", ImGuiDataType_U64, &seed, &one, nullptr, "%llu")) lesson.seed = seed;
    ItemTooltip(
        "The seed of the dataset, the weights and the batch order: the same seed gives the same run.");
    if (!session.ready()) return;

    const Trainer& trainer = session.trainer();
    const NetworkStats& stats = session.stats();
    const TrainingHistory& history = trainer.history();
    char text[160];
    const double test_loss = history.test_loss.empty() ? 0.0 : history.test_loss.back();
    std::snprintf(text, sizeof text, "step %zu    train loss %s    test loss %s", trainer.step(),
                  FormatReadout(stats.loss, 3).c_str(), FormatReadout(test_loss, 3).c_str());
    SameLineIfFits(ImGui::CalcTextSize(text).x + ImGui::GetFontSize());
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(text);

    // The dead counter: red as soon as one neuron is dead, in the bold font.
    const NetworkColors colors = FigureThemeFor(state.display.theme).network;
    std::snprintf(text, sizeof text, "dead %zu/%zu", stats.dead_count, stats.hidden_neurons);
    SameLineIfFits(ImGui::CalcTextSize(text).x * 2.5f);
    ImGui::AlignTextToFramePadding();
    ImGui::PushFont(runtime.fonts.bold);
    if (stats.dead_count > 0) {
        ImGui::TextColored(ToImVec4(colors.dead), "%s", text);
    } else {
        ImGui::TextUnformatted(text);
    }
    ImGui::PopFont();
    ItemTooltip("Hidden neurons with f\u2032(z) = 0 on every training sample: they no longer learn.");
    if (stats.dying_count > 0) {
        ImGui::SameLine();
        ImGui::TextColored(ToImVec4(colors.dying), "dying %zu", stats.dying_count);
        ItemTooltip("Hidden neurons active on under 5% of the training samples.");
    }
    if (diverged)
        ErrorText((trainer.divergence() + ". Press Reset, or lower the learning rate and reset.").c_str());
}

namespace {

void DrawDataControls(NetworkLessonState& lesson, UiRuntime& runtime) {
    ImGui::SetNextItemWidth(-FLT_MIN); // no label: the column's full width, so the text is never cut
    if (ImGui::BeginCombo("##lesson", "Load a lesson\u2026")) {
        // The lessons of the Lessons menu that are about the network: one list, the shipped presets.
        const std::vector<LessonEntry>& lessons = LessonEntries(runtime.scenes);
        for (std::size_t i = 0; i < lessons.size(); ++i) {
            if (!lessons[i].network) continue;
            ImGui::PushID(static_cast<int>(i));
            if (ImGui::Selectable(lessons[i].title.c_str())) runtime.scenes.preset_request = i;
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    ItemTooltip("Opens one of the lecture's lessons (as in the Lessons menu): network, data and training.");
    SectionHeading("Data", runtime.fonts.bold);
    const std::string current(DatasetName(lesson.dataset));
    if (ImGui::BeginCombo("dataset", current.c_str())) {
        for (std::size_t k = 0; k < kDatasetKindCount; ++k) {
            const auto kind = static_cast<DatasetKind>(k);
            if (ClassCount(kind) > 2)
                continue; // multi-class sets need a softmax output: command line only for now
            if (ImGui::Selectable(std::string(DatasetName(kind)).c_str(), kind == lesson.dataset))
                lesson.dataset = kind;
        }
        ImGui::EndCombo();
    }
    ItemTooltip("Points on the plane [\u22126, 6]\u00b2. 'chain' has one input: x \u2192 h1 \u2192 \u2026 "
                "\u2192 O, for chain-rule lessons.");
    SliderDouble("noise", &lesson.noise, 0.0, 3.0, "%.2f");
    ItemTooltip(
        "Standard deviation of Gaussian noise on the points (classification) or the target (regression).");
    double train_percent = lesson.train_fraction * 100.0;
    if (SliderDouble("train %", &train_percent, 10.0, 90.0, "%.0f%%"))
        lesson.train_fraction = train_percent / 100.0;
    ItemTooltip("The share of samples used for training; the rest are the test points (hollow).");
    SliderSize("samples", &lesson.samples, 20, 2000, true);
}

void DrawLayerControls(NetworkLessonState& lesson, UiRuntime& runtime) {
    SectionHeading("Network", runtime.fonts.bold);
    ImGui::AlignTextToFramePadding();
    ImGui::Text("hidden layers: %zu", lesson.hidden.size());
    SameLineIfFits(ImGui::GetFrameHeight() * 2 + ImGui::GetStyle().ItemSpacing.x);
    ImGui::BeginDisabled(lesson.hidden.empty());
    if (ImGui::Button("\u2212##layers")) {
        lesson.hidden.pop_back();
        lesson.activations.pop_back();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(lesson.hidden.size() >= kMaxHiddenLayers);
    if (ImGui::Button("+##layers")) {
        lesson.hidden.push_back(lesson.hidden.empty() ? 4 : lesson.hidden.back());
        lesson.activations.push_back(lesson.activations.empty() ? Activation::WithDefaults(ActivationId::Relu)
                                                                : lesson.activations.back());
    }
    ImGui::EndDisabled();
    for (std::size_t l = 0; l < lesson.hidden.size(); ++l) {
        ImGui::PushID(static_cast<int>(l));
        ImGui::AlignTextToFramePadding();
        ImGui::Text("layer %zu: %zu neurons", l + 1, lesson.hidden[l]);
        SameLineIfFits(ImGui::GetFrameHeight() * 2 + ImGui::GetStyle().ItemSpacing.x);
        ImGui::BeginDisabled(lesson.hidden[l] <= 1);
        if (ImGui::Button("\u2212")) --lesson.hidden[l];
        ImGui::EndDisabled();
        ImGui::SameLine();
        ImGui::BeginDisabled(lesson.hidden[l] >= kMaxLayerWidth);
        if (ImGui::Button("+")) ++lesson.hidden[l];
        ImGui::EndDisabled();
        Activation& activation = lesson.activations[l];
        if (ImGui::BeginCombo("activation", std::string(activation.info().display_name).c_str())) {
            for (const ActivationInfo& info : Catalogue()) {
                // Keeps the weights: switching dead ReLUs to Leaky ReLU or ELU revives them.
                if (ImGui::Selectable(std::string(info.display_name).c_str(), info.id == activation.id)) {
                    activation = Activation::WithDefaults(info.id);
                }
            }
            ImGui::EndCombo();
        }
        ItemTooltip("Changing the activation keeps the weights: switch dead ReLUs to Leaky ReLU or ELU to "
                    "revive them.");
        const auto specs = activation.info().params;
        for (std::size_t p = 0; p < specs.size(); ++p) {
            double value = activation.params[p];
            const std::string label = std::string(specs[p].symbol) + "##p" + std::to_string(p);
            if (SliderDouble(label.c_str(), &value, specs[p].slider_min, specs[p].slider_max, "%.3g")) {
                Activation edited = activation;
                if (SetParam(edited, specs[p].name, value).empty()) activation = edited;
            }
            ItemTooltip(std::string(specs[p].help).c_str());
        }
        ImGui::PopID();
    }
    const std::string output(Info(lesson.output).display_name);
    if (ImGui::BeginCombo("output", output.c_str())) {
        for (ActivationId id : {ActivationId::Tanh, ActivationId::Sigmoid, ActivationId::Linear}) {
            if (ImGui::Selectable(std::string(Info(id).display_name).c_str(), id == lesson.output))
                lesson.output = id;
        }
        ImGui::EndCombo();
    }
    ItemTooltip(
        "tanh: classes \u00b11 with mse; sigmoid: classes 0/1 with cross-entropy (bce); linear: regression.");
}

void DrawTrainingControls(AppState& state, UiRuntime& runtime) {
    NetworkLessonState& lesson = state.network;
    SectionHeading("Training", runtime.fonts.bold);
    ImGui::SetNextItemWidth(ImGui::CalcItemWidth() - AutoplayButtonWidth());
    SliderDouble("learning rate", &lesson.learning_rate, kMinLearningRate, kMaxLearningRate, "%.4g", true);
    ItemTooltip("\u03b7 in w \u2190 w \u2212 \u03b7\u00b7\u2202L/\u2202w. Log scale; above about 1 ReLU "
                "networks die or diverge.");
    // The sweep is linear in η, so its default span stays where the lesson happens (not 10⁻⁴ … 100).
    AutoplayButton(state, runtime, "network.learning_rate", kSweepLearningRateFrom, kSweepLearningRateTo);
    SliderSize("batch", &lesson.batch_size, 1, 200, true);
    ItemTooltip("Samples per step; the step's gradient is the mean over them.");
    int speed = lesson.steps_per_frame;
    const int min_speed = 1, max_speed = 10000;
    if (ReadableSlider("steps/frame", ImGuiDataType_S32, &speed, &min_speed, &max_speed, "%d",
                       ImGuiSliderFlags_Logarithmic))
        lesson.steps_per_frame = speed;
    ItemTooltip("Steps per frame while playing, within a few milliseconds of each frame.");
    const std::string init(InitSchemeName(lesson.init));
    if (ImGui::BeginCombo("init", init.c_str())) {
        for (InitScheme scheme : {InitScheme::He, InitScheme::Xavier, InitScheme::Lecun, InitScheme::Uniform,
                                  InitScheme::Normal}) {
            if (ImGui::Selectable(std::string(InitSchemeName(scheme)).c_str(), scheme == lesson.init))
                lesson.init = scheme;
        }
        ImGui::EndCombo();
    }
    ItemTooltip("he: N(0, 2/fan_in); xavier: N(0, 2/(fan_in + fan_out)); lecun: N(0, 1/fan_in); uniform: "
                "U(\u22120.5, 0.5); normal: N(0, std\u00b2).");
    if (lesson.init == InitScheme::Normal) SliderDouble("std", &lesson.init_std, 0.01, 5.0, "%.3g", true);
    ImGui::SetNextItemWidth(ImGui::CalcItemWidth() - AutoplayButtonWidth());
    SliderDouble("bias init", &lesson.bias_init, kMinBiasInit, kMaxBiasInit, "%.2f");
    ItemTooltip("Every bias starts here. A large negative value (\u22125) puts every ReLU below zero on "
                "every sample: born dead.");
    AutoplayButton(state, runtime, "network.bias_init", kMinBiasInit, kMaxBiasInit);
}

ChartSeries Series(std::string label, Color color, const std::vector<double>& x,
                   const std::vector<double>& y) {
    ChartSeries series;
    series.label = std::move(label);
    series.color = color;
    series.x = x;
    series.y = y;
    return series;
}

} // namespace

// The three charts over the steps side by side in `area`.
void DrawNetworkCharts(const AppState& state, UiRuntime& runtime, ImVec2 area) {
    const TrainingHistory& history = runtime.session.network.trainer().history();
    const FigureTheme theme = FigureThemeFor(state.display.theme);
    const float scale = runtime.Scale(state);
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const ImVec2 size{(area.x - 2 * spacing) / 3, area.y};
    const std::vector<double> steps(history.step.begin(), history.step.end());
    // One left margin and one x range (the steps) for all three, so their x ticks line up.
    const float left_margin = SharedChartLeftMargin(runtime.fonts, scale);
    ChartOptions options;
    options.title = "loss";
    options.include_zero = true; // train 0.498 vs test 0.508 is a small gap, and must look it
    options.min_left_margin = left_margin;
    LineChart("##loss",
              {Series("train", theme.palette[0], steps, history.train_loss),
               Series("test", theme.palette[1], steps, history.test_loss)},
              options, theme, runtime.fonts, scale, size);
    ImGui::SameLine();
    ChartOptions dead_options;
    dead_options.title = "dead fraction";
    dead_options.y_min = 0.0;
    dead_options.y_max = 1.0;
    dead_options.legend = false;
    dead_options.min_left_margin = left_margin;
    LineChart("##dead", {Series("", theme.palette[4], steps, history.dead_fraction)}, dead_options, theme,
              runtime.fonts, scale, size);
    ImGui::SameLine();
    ChartOptions norm_options;
    norm_options.title = "\u2016\u2202L/\u2202W\u2016 per layer (log)";
    norm_options.log_y = true;
    norm_options.min_left_margin = left_margin;
    // A deep net's legend would not fit the strip; the bars above name the layers in the same order.
    norm_options.legend = history.gradient_norm.size() <= 3;
    std::vector<ChartSeries> norms;
    for (std::size_t l = 0; l < history.gradient_norm.size(); ++l) {
        const bool output = l + 1 == history.gradient_norm.size();
        std::string label = output ? "out" : "L"; // appended, not "L" + …: GCC 12 warns falsely (-Wrestrict)
        if (!output) label += std::to_string(l + 1);
        norms.push_back(Series(label, PaletteColor(theme, l), steps, history.gradient_norm[l]));
    }
    LineChart("##norms", norms, norm_options, theme, runtime.fonts, scale, size);
}

void DrawNetworkControls(AppState& state, UiRuntime& runtime) {
    // Widgets keep at least half of a narrow column (lecture scale), so that short labels (dataset,
    // samples) still fit beside them.
    const float column = ImGui::GetContentRegionAvail().x;
    ImGui::PushItemWidth(
        std::max(column - ImGui::CalcTextSize("learning rate").x - ImGui::GetStyle().ItemInnerSpacing.x * 2,
                 column * 0.5f));
    DrawDataControls(state.network, runtime);
    ImGui::Spacing();
    DrawLayerControls(state.network, runtime);
    ImGui::Spacing();
    DrawTrainingControls(state, runtime);
    ImGui::PopItemWidth();
}

} // namespace actlab::ui
