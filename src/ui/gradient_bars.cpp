// Per-layer gradient norms as log-scale bars (see gradient_bars.h). Drawn through ImGuiCanvas, so its
// text is in the layout report like every chart's.
#include "ui/gradient_bars.h"

#include "core/ticks.h"
#include "ui/imgui_canvas.h"
#include "ui/line_chart.h"

#include <algorithm>
#include <cmath>

namespace actlab::ui {

DecadeRange BarDecades(const std::vector<GradientBar>& bars, int max_decades) {
    double smallest = 0.0, largest = 0.0;
    for (const GradientBar& bar : bars) {
        if (!(bar.norm > 0.0) || !std::isfinite(bar.norm)) continue;
        smallest = smallest > 0.0 ? std::min(smallest, bar.norm) : bar.norm;
        largest = std::max(largest, bar.norm);
    }
    if (largest <= 0.0) return {};
    DecadeRange range{static_cast<int>(std::floor(std::log10(smallest))),
                      static_cast<int>(std::ceil(std::log10(largest)))};
    if (range.hi - range.lo < 2) range.lo = range.hi - 2;
    if (range.hi - range.lo > max_decades) range.lo = range.hi - max_decades;
    return range;
}

void GradientBars(const char* id, const std::string& title, const std::vector<GradientBar>& bars,
                  const FigureTheme& theme, const FontSet& fonts, float scale, ImVec2 size,
                  const std::string& short_title) {
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::PushID(id);
    ImGui::Dummy(size);
    ImGui::PopID();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImGuiCanvas canvas(draw, fonts);
    const float font = fonts.body_size;
    const float pad = 6.0f * scale;
    canvas.PushClip({origin.x, origin.y}, {origin.x + size.x, origin.y + size.y});
    const bool fits = short_title.empty() || canvas.MeasureText(title, font).x <= size.x;
    canvas.Text({origin.x, origin.y}, fits ? title : short_title, theme.text, font);

    const DecadeRange decades = BarDecades(bars);
    const int step =
        decades.hi - decades.lo > 6 ? 2 : 1; // every other decade when many, so labels never touch
    float label_width = 0.0f;
    for (int e = decades.lo; e <= decades.hi; e += step) {
        label_width = std::max(label_width, canvas.MeasureText(DecadeLabel(e), font).x);
    }
    const Vec2 box_min{origin.x + label_width + 2 * pad, origin.y + font * 1.6f};
    const Vec2 box_max{origin.x + size.x - pad, origin.y + size.y - font * 1.5f};
    if (box_max.x - box_min.x < 10.0f || box_max.y - box_min.y < 10.0f) {
        canvas.PopClip();
        return;
    }
    canvas.FilledRect(box_min, box_max, theme.plot_background);
    const auto y_of = [&](double exponent) {
        const double t = (exponent - decades.lo) / static_cast<double>(decades.hi - decades.lo);
        return box_max.y - static_cast<float>(t) * (box_max.y - box_min.y);
    };
    for (int e = decades.lo; e <= decades.hi; e += step) {
        const float y = y_of(e);
        canvas.Line({box_min.x, y}, {box_max.x, y}, theme.grid, 1.0f);
        canvas.Text({box_min.x - pad, y}, DecadeLabel(e), theme.text, font, TextAlign::Right,
                    TextBaseline::Middle);
    }
    const float slot = (box_max.x - box_min.x) / static_cast<float>(std::max<std::size_t>(bars.size(), 1));
    const float bar_width = std::min(slot * 0.7f, 60.0f * scale);
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const float center = box_min.x + slot * (static_cast<float>(i) + 0.5f);
        const GradientBar& bar = bars[i];
        if (bar.norm > 0.0 && std::isfinite(bar.norm)) {
            const float top = y_of(std::clamp(std::log10(bar.norm), static_cast<double>(decades.lo),
                                              static_cast<double>(decades.hi)));
            canvas.FilledRect({center - bar_width / 2, top}, {center + bar_width / 2, box_max.y},
                              PaletteColor(theme, 2));
        }
        // The layer's name under its bar, when the slot holds it.
        if (canvas.MeasureText(bar.label, font).x <= slot) {
            canvas.Text({center, box_max.y + pad * 0.5f}, bar.label, theme.text, font, TextAlign::Center);
        }
        const ImVec2 lo{center - slot / 2, box_min.y}, hi{center + slot / 2, box_max.y};
        if (ImGui::IsMouseHoveringRect(lo, hi) && ImGui::IsWindowHovered()) {
            ImGui::SetTooltip("%s: \u2016\u2202L/\u2202W\u2016 = %s", bar.label.c_str(),
                              FormatReadout(bar.norm, 4).c_str());
        }
    }
    canvas.Rect(box_min, box_max, theme.frame, 1.0f);
    canvas.PopClip();
}

} // namespace actlab::ui
