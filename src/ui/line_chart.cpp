// Line charts over training time (see line_chart.h).
#include "ui/line_chart.h"

#include "core/ticks.h"
#include "ui/widgets.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace actlab::ui {

namespace {

ImU32 U32(Color c) { return IM_COL32(c.r, c.g, c.b, c.a); }

bool Usable(double v, bool log_y) { return std::isfinite(v) && (!log_y || v > 0.0); }

double Mapped(double v, bool log_y) { return log_y ? std::log10(v) : v; }

}  // namespace

bool ChartRange(std::span<const ChartSeries> series, bool log_y, double& lo, double& hi) {
    bool any = false;
    for (const ChartSeries& s : series) {
        for (double v : s.y) {
            if (!Usable(v, log_y)) continue;
            const double m = Mapped(v, log_y);
            lo = any ? std::min(lo, m) : m;
            hi = any ? std::max(hi, m) : m;
            any = true;
        }
    }
    if (!any) return false;
    if (log_y) {
        lo = std::floor(lo);
        hi = std::max(std::ceil(hi), lo + 1.0);  // whole decades read best on a log axis
    } else {
        if (lo > 0.0 && lo < 0.3 * hi) lo = 0.0;  // a loss chart starts at 0 when that costs little
        const double pad = hi > lo ? 0.05 * (hi - lo) : std::max(1e-3, 0.1 * std::abs(hi));
        lo -= lo == 0.0 ? 0.0 : pad;
        hi += pad;
    }
    return true;
}

void LineChart(const char* id, std::span<const ChartSeries> series, const LineChartOptions& options,
               const FigureTheme& theme, float scale) {
    ImGui::PushID(id);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float width = std::max(ImGui::GetContentRegionAvail().x, 60.0f * scale);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("##chart", {width, options.height});
    const bool hovered = ImGui::IsItemHovered();
    const float line = ImGui::GetTextLineHeight();

    // Title and legend on the first line, the plot area below with room for tick labels on the left.
    draw->AddText({origin.x, origin.y}, U32(theme.text), options.title);
    float legend_x = origin.x + ImGui::CalcTextSize(options.title).x + 12.0f * scale;
    for (const ChartSeries& s : series) {
        if (s.label.empty()) continue;
        const float label_width = ImGui::CalcTextSize(s.label.c_str()).x;
        if (legend_x + 18.0f * scale + label_width > origin.x + width) break;
        draw->AddLine({legend_x, origin.y + line * 0.55f}, {legend_x + 14.0f * scale, origin.y + line * 0.55f}, U32(s.color),
                      2.5f * scale);
        draw->AddText({legend_x + 17.0f * scale, origin.y}, U32(theme.dim_text), s.label.c_str());
        legend_x += 17.0f * scale + label_width + 10.0f * scale;
    }
    const float label_width = ImGui::CalcTextSize("10\u207b\u00b9\u2070").x + 6.0f * scale;
    const ImVec2 p0{origin.x + label_width, origin.y + line + 4.0f * scale};
    const ImVec2 p1{origin.x + width - 4.0f * scale, origin.y + options.height - 2.0f * scale};
    draw->AddRectFilled(p0, p1, U32(theme.plot_background));
    draw->AddRect(p0, p1, U32(theme.frame));
    if (p1.y - p0.y < 10.0f || p1.x - p0.x < 10.0f) {
        ImGui::PopID();
        return;
    }

    double lo = 0.0, hi = 1.0;
    std::size_t count = 0;
    for (const ChartSeries& s : series) count = std::max(count, s.y.size());
    const bool has_data = ChartRange(series, options.log_y, lo, hi);
    if (options.fixed_range) {
        lo = options.y_lo;
        hi = options.y_hi;
    }
    if (!has_data || count < 1) {
        const char* empty = "no data yet";
        const ImVec2 size = ImGui::CalcTextSize(empty);
        draw->AddText({(p0.x + p1.x - size.x) / 2, (p0.y + p1.y - size.y) / 2}, U32(theme.dim_text), empty);
        ImGui::PopID();
        return;
    }
    const auto x_of = [&](std::size_t i) {
        return options.x.size() > i ? options.x[i] : static_cast<double>(i);
    };
    const double x_lo = x_of(0);
    const double x_hi = std::max(x_of(count - 1), x_lo + 1.0);
    const auto px = [&](double x) { return p0.x + static_cast<float>((x - x_lo) / (x_hi - x_lo)) * (p1.x - p0.x); };
    const auto py = [&](double m) { return p1.y - static_cast<float>((m - lo) / (hi - lo)) * (p1.y - p0.y); };

    // Y ticks: decades on a log axis, nice 1-2-5 steps otherwise.
    const int max_ticks = std::max(2, static_cast<int>((p1.y - p0.y) / (line * 1.6f)));
    const Ticks ticks = NiceTicks(lo, hi, max_ticks);
    for (double t : ticks.values) {
        if (options.log_y && std::abs(t - std::round(t)) > 1e-9) continue;
        const float y = py(t);
        draw->AddLine({p0.x + 1, y}, {p1.x - 1, y}, U32(theme.grid));
        // Appending piece by piece: GCC 12 warns falsely (-Wrestrict) on "1e" + std::string.
        std::string label;
        if (options.log_y) {
            label = t == 0.0 ? "1" : "1e";
            if (t != 0.0) label += FormatTick(t, 1.0);
        } else {
            label = FormatTick(t, ticks.step);
        }
        const ImVec2 size = ImGui::CalcTextSize(label.c_str());
        draw->AddText({p0.x - size.x - 4.0f * scale, y - size.y / 2}, U32(theme.dim_text), label.c_str());
    }

    draw->PushClipRect(p0, p1, true);
    const std::size_t columns = static_cast<std::size_t>(std::max(1.0f, p1.x - p0.x));
    std::vector<ImVec2> points;
    for (const ChartSeries& s : series) {
        points.clear();
        // One min and one max per pixel column when there are more points than columns.
        const std::size_t stride = std::max<std::size_t>(1, s.y.size() / columns);
        for (std::size_t start = 0; start < s.y.size(); start += stride) {
            const std::size_t end = std::min(s.y.size(), start + stride);
            double mn = 0, mx = 0;
            bool any = false;
            for (std::size_t i = start; i < end; ++i) {
                if (!Usable(s.y[i], options.log_y)) continue;
                const double m = Mapped(s.y[i], options.log_y);
                mn = any ? std::min(mn, m) : m;
                mx = any ? std::max(mx, m) : m;
                any = true;
            }
            if (!any) continue;
            const float x = px(x_of(start));
            points.push_back({x, py(mx)});
            if (mn != mx) points.push_back({x, py(mn)});
        }
        if (points.size() == 1) draw->AddCircleFilled(points[0], 2.5f * scale, U32(s.color));
        if (points.size() >= 2) {
            draw->AddPolyline(points.data(), static_cast<int>(points.size()), U32(s.color), ImDrawFlags_None, 2.0f * scale);
        }
    }
    draw->PopClipRect();

    // The x range in words under the pointer: the chart has no x tick labels to save height.
    if (hovered) {
        const double mouse_x = x_lo + static_cast<double>((ImGui::GetIO().MousePos.x - p0.x) / (p1.x - p0.x)) * (x_hi - x_lo);
        std::size_t nearest = 0;
        for (std::size_t i = 0; i < count; ++i) {
            if (std::abs(x_of(i) - mouse_x) < std::abs(x_of(nearest) - mouse_x)) nearest = i;
        }
        draw->AddLine({px(x_of(nearest)), p0.y}, {px(x_of(nearest)), p1.y}, U32(theme.crosshair));
        ImGui::BeginTooltip();
        ImGui::Text("step %s", FormatReadout(x_of(nearest), 8).c_str());
        for (const ChartSeries& s : series) {
            if (nearest >= s.y.size()) continue;
            ColorSwatch(s.color);
            ImGui::SameLine();
            ImGui::Text("%s  %s", s.label.c_str(), FormatReadout(s.y[nearest], 4).c_str());
        }
        ImGui::EndTooltip();
    }
    ImGui::PopID();
}

}  // namespace actlab::ui
