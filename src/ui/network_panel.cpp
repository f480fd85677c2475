// The mini network's parts: toolbar (play, step, reset, counters), the lesson's controls and the
// training charts. The Network view (network_view.cpp) arranges them around the graph.
#include "core/network_geometry.h"
#include "core/ticks.h"
#include "core/workspace.h"
#include "ui/autoplay_controls.h"
#include "ui/layout_recorder.h"
#include "ui/line_chart.h"
#include "ui/network_graph.h"
#include "ui/network_parts.h"
#include "ui/panels.h"
#include "ui/widgets.h"

#include <imgui.h>

#include <algorithm>
#include <array>
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

std::string NetworkAccuracyText(const AppState& state, const UiRuntime& runtime) {
    const NetworkSession& session = runtime.session.network;
    if (!session.ready() || !IsClassification(state.network.dataset)) return {};
    const TrainingHistory& history = session.trainer().history();
    const double test_accuracy = history.test_accuracy.empty() ? 0.0 : history.test_accuracy.back();
    std::string text = "accuracy ";
    text += FormatReadout(100.0 * session.stats().accuracy, 3);
    text += "% / test ";
    text += FormatReadout(100.0 * test_accuracy, 3);
    text += '%';
    return text;
}

bool DrawNetworkToolbar(AppState& state, UiRuntime& runtime) {
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
    ItemTooltip("One update of the chosen optimizer on one batch.");
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
    if (!session.ready()) return false;

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
    // Accuracy: the share of points on the right side of the boundary (the most likely class). Only
    // where it fits beside the loss and the dead counter; otherwise the output plane's title row shows it.
    const std::string accuracy = NetworkAccuracyText(state, runtime);
    bool accuracy_shown = false;
    if (!accuracy.empty()) {
        // The row's room right of the loss, against the accuracy, the dead counter and the drawer button.
        const float room =
            ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x - ImGui::GetItemRectMax().x;
        const float needed = ImGui::CalcTextSize(accuracy.c_str()).x +
                             ImGui::CalcTextSize("dead 00/00").x * 2.5f + ButtonWidth("Controls\u2026") +
                             4 * ImGui::GetStyle().ItemSpacing.x;
        if (room >= needed) {
            ImGui::SameLine();
            ImGui::TextUnformatted(accuracy.c_str());
            RecordText(accuracy, ImGui::GetItemRectMin());
            ItemTooltip("Training and test points classified right: the most likely class (softmax), or the "
                        "side of the threshold (0.5 for sigmoid, 0 for tanh).");
            accuracy_shown = true;
        }
    }
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
    return accuracy_shown;
}

namespace {

// A multi-class set gets a softmax output with one neuron per class (the lecture's rule); leaving one
// for a two-class set goes back to tanh, for a regression set to a linear output.
void SelectDataset(NetworkLessonState& lesson, DatasetKind kind) {
    const bool was_multi_class = ClassCount(lesson.dataset) > 2;
    lesson.dataset = kind;
    if (ClassCount(kind) > 2) {
        lesson.softmax = true;
    } else if (!IsClassification(kind)) {
        lesson.softmax = false;
        lesson.output = ActivationId::Linear;
    } else if (was_multi_class) {
        lesson.softmax = false;
        lesson.output = ActivationId::Tanh;
    }
}

std::string OutputLabel(const NetworkLessonState& lesson) {
    if (lesson.softmax)
        return "softmax \u00d7 " + std::to_string(std::max<std::size_t>(ClassCount(lesson.dataset), 2)) +
               " (ce)";
    switch (lesson.output) {
    case ActivationId::Sigmoid:
        return IsClassification(lesson.dataset) ? "sigmoid (bce)" : "sigmoid (mse)";
    case ActivationId::Linear:
        return "linear (mse)";
    default:
        return std::string(Info(lesson.output).display_name) + " (mse)";
    }
}

// The output layer and its loss: tanh/sigmoid/linear (one neuron) or softmax (K neurons).
void DrawOutputControl(NetworkLessonState& lesson) {
    const bool multi_class = ClassCount(lesson.dataset) > 2;
    const bool classification = IsClassification(lesson.dataset);
    if (ImGui::BeginCombo("output", OutputLabel(lesson).c_str())) {
        ImGui::BeginDisabled(multi_class); // K > 2 classes: softmax only
        for (ActivationId id : {ActivationId::Tanh, ActivationId::Sigmoid, ActivationId::Linear}) {
            NetworkLessonState choice = lesson;
            choice.softmax = false;
            choice.output = id;
            if (ImGui::Selectable(OutputLabel(choice).c_str(), !lesson.softmax && id == lesson.output)) {
                lesson.output = id;
                lesson.softmax = false;
            }
        }
        ImGui::EndDisabled();
        ImGui::BeginDisabled(!classification);
        NetworkLessonState choice = lesson;
        choice.softmax = true;
        if (ImGui::Selectable(OutputLabel(choice).c_str(), lesson.softmax)) lesson.softmax = true;
        ImGui::EndDisabled();
        ImGui::EndCombo();
    }
    ItemTooltip("tanh: classes \u00b11 with mse; sigmoid: classes 0/1 with cross-entropy (bce); linear: "
                "regression (mse); softmax: one neuron per class, p = softmax(z), cross-entropy "
                "\u2212log p_y (the only choice for 3 or more classes).");
}

// The optimizer and its parameters; a new optimizer starts from a fresh state, as does Reset.
void DrawOptimizerControls(NetworkLessonState& lesson) {
    const std::string name(OptimizerName(lesson.optimizer));
    if (ImGui::BeginCombo("optimizer", name.c_str())) {
        for (Optimizer optimizer : {Optimizer::Sgd, Optimizer::Momentum, Optimizer::Adam}) {
            if (ImGui::Selectable(std::string(OptimizerName(optimizer)).c_str(),
                                  optimizer == lesson.optimizer))
                lesson.optimizer = optimizer;
        }
        ImGui::EndCombo();
    }
    ItemTooltip(
        "sgd: w \u2190 w \u2212 \u03b7g. momentum: v \u2190 \u03bcv + g, w \u2190 w \u2212 \u03b7v. "
        "adam: running means of g and g\u00b2, bias-corrected, w \u2190 w \u2212 "
        "\u03b7\u00b7m\u0302/(\u221av\u0302 + \u03b5), as PyTorch. Switching restarts from the seed (the "
        "same weights and batches) and keeps the last run's train loss on the loss chart, so the "
        "curves differ by the optimizer alone.");
    if (lesson.optimizer == Optimizer::Momentum) {
        SliderDouble("\u03bc##momentum", &lesson.momentum, 0.0, 0.99, "%.3g");
        ItemTooltip("Momentum \u03bc: how much of the last update carries over (0 is plain SGD).");
    } else if (lesson.optimizer == Optimizer::Adam) {
        SliderDouble("\u03b21", &lesson.beta1, 0.0, 0.99, "%.3g");
        ItemTooltip("Decay of the running mean of the gradient (default 0.9).");
        SliderDouble("\u03b22", &lesson.beta2, 0.9, kMaxLessonMomentum, "%.4g");
        ItemTooltip("Decay of the running mean of the squared gradient (default 0.999).");
        SliderDouble("\u03b5", &lesson.eps, 1e-10, 1e-2, "%.0e", true);
        ItemTooltip("Added to \u221av\u0302 so that the step stays finite (default 1e\u22128).");
    }
}

// Your own points: the class a click adds, and clearing them.
void DrawUserPointControls(NetworkLessonState& lesson) {
    const std::size_t classes = ClassCount(lesson.dataset);
    if (classes < 2 || IsOneInput(lesson.dataset)) return;
    const auto class_name = [&](std::size_t k) {
        if (classes == 2 && !lesson.softmax) return std::string(k == 0 ? "class 0 (\u2212)" : "class 1 (+)");
        return "class " + std::to_string(k);
    };
    if (ImGui::BeginCombo("click adds", class_name(std::min(lesson.point_class, classes - 1)).c_str())) {
        for (std::size_t k = 0; k < classes; ++k) {
            if (ImGui::Selectable(class_name(k).c_str(), k == lesson.point_class)) lesson.point_class = k;
        }
        ImGui::EndCombo();
    }
    ItemTooltip(
        "Click the output plane to add a training point of this class; Shift+click or right-click adds "
        "the next class. Drag a point to move it; Delete removes the one under the pointer.");
    ImGui::BeginDisabled(lesson.points.empty());
    const std::string clear = "Clear points (" + std::to_string(lesson.points.size()) + ")";
    if (ImGui::Button(clear.c_str())) lesson.points.clear();
    ImGui::EndDisabled();
    ItemTooltip("Removes every point you added; the dataset's own points stay.");
}

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
            if (ImGui::Selectable(std::string(DatasetName(kind)).c_str(), kind == lesson.dataset))
                SelectDataset(lesson, kind);
        }
        ImGui::EndCombo();
    }
    ItemTooltip(
        "Points on the plane [\u22126, 6]\u00b2. blobs3, spiral3 and blobs4 have 3 or 4 classes "
        "(a softmax output). 'chain' has one input: x \u2192 h1 \u2192 \u2026 \u2192 O, for chain-rule "
        "lessons; 'reg-1d' one input too: y = f(x).");
    SliderDouble("noise", &lesson.noise, 0.0, 3.0, "%.2f");
    ItemTooltip(
        "Standard deviation of Gaussian noise on the points (classification) or the target (regression).");
    double train_percent = lesson.train_fraction * 100.0;
    if (SliderDouble("train %", &train_percent, 10.0, 90.0, "%.0f%%"))
        lesson.train_fraction = train_percent / 100.0;
    ItemTooltip("The share of samples used for training; the rest are the test points (hollow).");
    SliderSize("samples", &lesson.samples, 20, 2000, true);
    DrawUserPointControls(lesson);
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
    DrawOutputControl(lesson);
    // Linear regions exist for the ReLU family only (piecewise linear with one corner at 0).
    const bool relu_family = !lesson.hidden.empty() &&
                             std::all_of(lesson.activations.begin(), lesson.activations.end(),
                                         [](const Activation& a) { return IsReluFamilyPiecewise(a.id); });
    ImGui::BeginDisabled(!relu_family || IsOneInput(lesson.dataset));
    ImGui::Checkbox("linear regions", &lesson.linear_regions);
    ImGui::EndDisabled();
    ItemTooltip(
        "ReLU, Leaky ReLU and PReLU networks are piecewise linear: on the output plane, each first-layer "
        "neuron's line w\u00b7x + b = 0 and the regions where the network is one affine function, found "
        "by sampling the on/off pattern of every ReLU on a 160 \u00d7 160 grid (regions smaller than a "
        "cell can be missed).");
}

void DrawTrainingControls(AppState& state, UiRuntime& runtime) {
    NetworkLessonState& lesson = state.network;
    SectionHeading("Training", runtime.fonts.bold);
    DrawOptimizerControls(lesson);
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
void DrawNetworkCharts(const AppState& state, UiRuntime& runtime, ImVec2 area, bool one_at_a_time) {
    const TrainingHistory& history = runtime.session.network.trainer().history();
    const FigureTheme theme = FigureThemeFor(state.display.theme);
    const float scale = runtime.Scale(state);
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    // The middle chart shows the accuracy (with the dead fraction) for a classification run.
    const std::array<const char*, 3> kTabs{
        "loss", IsClassification(state.network.dataset) ? "accuracy" : "dead", "\u2016\u2202L/\u2202W\u2016"};
    if (one_at_a_time) {
        // Small tab buttons, the shown chart's in the active tab colour.
        for (std::size_t i = 0; i < kTabs.size(); ++i) {
            const bool current = runtime.network_chart_tab == static_cast<int>(i);
            if (i > 0) ImGui::SameLine(0.0f, ImGui::GetStyle().ItemInnerSpacing.x);
            ImGui::PushStyleColor(ImGuiCol_Button,
                                  ImGui::GetStyleColorVec4(current ? ImGuiCol_TabActive : ImGuiCol_Tab));
            if (ImGui::SmallButton(kTabs[i])) runtime.network_chart_tab = static_cast<int>(i);
            ImGui::PopStyleColor();
        }
        area.y -= ImGui::GetTextLineHeightWithSpacing();
    }
    // A lesson about the charts (comparing optimizers) gives the loss half the strip.
    const std::vector<std::string> focus = FocusOf(WorkspaceView::Network, state.workspace.focus);
    const bool loss_first = std::find(focus.begin(), focus.end(), "network.charts") != focus.end();
    const float third = (area.x - 2 * spacing) / 3;
    const ImVec2 loss_size{one_at_a_time ? area.x : (loss_first ? (area.x - 2 * spacing) / 2 : third),
                           area.y};
    const ImVec2 other_size{one_at_a_time ? area.x : (loss_first ? (area.x - 2 * spacing) / 4 : third),
                            area.y};
    const auto shown = [&](int chart) { return !one_at_a_time || runtime.network_chart_tab == chart; };
    const std::vector<double> steps(history.step.begin(), history.step.end());
    // One left margin and one x range (the steps) for all three, so their x ticks line up.
    const float left_margin = SharedChartLeftMargin(runtime.fonts, scale);
    if (shown(0)) {
        ChartOptions options;
        options.title = "loss";
        options.include_zero = true; // train 0.498 vs test 0.508 is a small gap, and must look it
        options.min_left_margin = left_margin;
        std::vector<ChartSeries> losses{Series("train", theme.palette[0], steps, history.train_loss),
                                        Series("test", theme.palette[1], steps, history.test_loss)};
        // The run before the last restart (another optimizer from the same seed, or Reset): its train loss.
        if (const auto& previous = runtime.session.network.previous_run()) {
            std::string label = "last run: "; // appended: GCC 12 warns falsely (-Wrestrict) on "…" + string
            label += previous->label;
            losses.push_back(Series(label, theme.dim_text, previous->step, previous->train_loss));
        }
        LineChart("##loss", losses, options, theme, runtime.fonts, scale, loss_size);
        if (!one_at_a_time) ImGui::SameLine();
    }
    if (shown(1)) {
        // Accuracy shares the dead fraction's 0 … 1 axis: one chart of fractions for classification runs.
        ChartOptions dead_options;
        dead_options.y_min = 0.0;
        dead_options.y_max = 1.0;
        dead_options.min_left_margin = left_margin;
        std::vector<ChartSeries> fractions;
        if (IsClassification(state.network.dataset) && history.train_accuracy.size() == steps.size()) {
            // Short names, coloured as the loss chart's train and test, so the legend fits the title row.
            dead_options.title = "accuracy";
            fractions.push_back(Series("train", theme.palette[0], steps, history.train_accuracy));
            fractions.push_back(Series("test", theme.palette[1], steps, history.test_accuracy));
            fractions.push_back(Series("dead", theme.palette[4], steps, history.dead_fraction));
        } else {
            dead_options.title = "dead fraction";
            dead_options.legend = false;
            fractions.push_back(Series("", theme.palette[4], steps, history.dead_fraction));
        }
        LineChart("##dead", fractions, dead_options, theme, runtime.fonts, scale, other_size);
        if (!one_at_a_time) ImGui::SameLine();
    }
    if (!shown(2)) return;
    ChartOptions norm_options;
    norm_options.log_y = true;
    norm_options.min_left_margin = left_margin;
    // A deep net's legend would not fit the strip; the bars above name the layers in the same order.
    // A chart shown alone (a tab) has the width: there the chart flows the legend into rows under
    // the title, or a box in the data area, so that each line can be told from the others.
    // A legend says "per layer" itself, and the shorter title leaves it room in the title row.
    norm_options.legend = one_at_a_time || history.gradient_norm.size() <= 3;
    norm_options.title = norm_options.legend ? "\u2016\u2202L/\u2202W\u2016 (log)"
                                             : "\u2016\u2202L/\u2202W\u2016 per layer (log)";
    std::vector<ChartSeries> norms;
    for (std::size_t l = 0; l < history.gradient_norm.size(); ++l) {
        const bool output = l + 1 == history.gradient_norm.size();
        std::string label = output ? "out" : "L"; // appended, not "L" + …: GCC 12 warns falsely (-Wrestrict)
        if (!output) label += std::to_string(l + 1);
        norms.push_back(Series(label, PaletteColor(theme, l), steps, history.gradient_norm[l]));
    }
    LineChart("##norms", norms, norm_options, theme, runtime.fonts, scale, other_size);
}

// One row: a slider over the weight snapshots (the step it shows), and Latest to go back.
void DrawReplayScrubber(UiRuntime& runtime, float width) {
    NetworkSession& session = runtime.session.network;
    const WeightSnapshots& snapshots = session.snapshots();
    if (snapshots.empty()) return;
    const int last = static_cast<int>(snapshots.size()) - 1;
    int index = session.replay_index() ? static_cast<int>(*session.replay_index()) : last;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("replay");
    ItemTooltip(
        "Rewind: the weights at earlier steps (up to 256 snapshots, thinned evenly as training goes on). "
        "The graph, heatmaps, dead marks and chain rule show that step; Play or Step from there "
        "continues as a new branch (the later steps are dropped, the optimizer starts afresh).");
    ImGui::SameLine();
    const float latest = ButtonWidth("Latest");
    ImGui::SetNextItemWidth(
        std::max(width - ImGui::GetItemRectSize().x - latest - 2 * ImGui::GetStyle().ItemSpacing.x,
                 ImGui::GetFontSize() * 4));
    const std::string format = "step " +
                               std::to_string(snapshots.snapshots()[static_cast<std::size_t>(index)].step) +
                               (session.replaying() ? "" : " (latest)");
    ImGui::BeginDisabled(last == 0);
    const int lo = 0;
    if (ImGui::SliderScalar("##replay", ImGuiDataType_S32, &index, &lo, &last, format.c_str(),
                            ImGuiSliderFlags_NoInput))
        session.ScrubTo(static_cast<std::size_t>(index));
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(!session.replaying());
    if (ImGui::Button("Latest")) session.ReturnToLatest();
    ImGui::EndDisabled();
    ItemTooltip("Back to where training stopped.");
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
