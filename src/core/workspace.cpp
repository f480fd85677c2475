// Views, focus regions and size classes of the workspace (see workspace.h).
#include "core/workspace.h"

#include <algorithm>
#include <cmath>

namespace actlab {

namespace {

constexpr std::array<std::string_view, kWorkspaceViewCount> kViewNames{"functions",   "network",   "softmax",
                                                                       "propagation", "born_dead", "gated"};
constexpr std::array<std::string_view, kWorkspaceViewCount> kViewLabels{"Functions",   "Network",   "Softmax",
                                                                        "Propagation", "Born dead", "Gated"};

constexpr std::array<RegionInfo, 30> kRegions{{
    {"functions.toolbar", WorkspaceView::Functions, false},
    {"functions.catalogue", WorkspaceView::Functions, false},
    {"functions.parameters", WorkspaceView::Functions, false},
    {"functions.card", WorkspaceView::Functions, false},
    {"plot.f", WorkspaceView::Functions, true},
    {"plot.df", WorkspaceView::Functions, true},
    {"network.toolbar", WorkspaceView::Network, false},
    {"network.controls", WorkspaceView::Network, false},
    {"network.graph", WorkspaceView::Network, true},
    {"network.output", WorkspaceView::Network, true},
    {"network.gradients", WorkspaceView::Network, true},
    {"network.charts", WorkspaceView::Network, false},
    {"network.chain_rule", WorkspaceView::Network, false},
    {"softmax.controls", WorkspaceView::Softmax, false},
    {"softmax.bars", WorkspaceView::Softmax, true},
    {"softmax.formula", WorkspaceView::Softmax, true},
    {"softmax.jacobian", WorkspaceView::Softmax, false},
    {"propagation.controls", WorkspaceView::Propagation, false},
    {"propagation.variance", WorkspaceView::Propagation, true},
    {"propagation.gradient", WorkspaceView::Propagation, true},
    {"propagation.mean", WorkspaceView::Propagation, false},
    {"propagation.map", WorkspaceView::Propagation, false},
    {"born_dead.controls", WorkspaceView::BornDead, false},
    {"born_dead.chart", WorkspaceView::BornDead, true},
    {"gated.controls", WorkspaceView::Gated, false},
    {"gated.f", WorkspaceView::Gated, true},
    {"gated.df_da", WorkspaceView::Gated, true},
    {"gated.df_db", WorkspaceView::Gated, true},
    {"gated.slice_f", WorkspaceView::Gated, true},
    {"gated.slice_df", WorkspaceView::Gated, true},
}};

} // namespace

std::string_view WorkspaceViewName(WorkspaceView view) {
    return kViewNames.at(static_cast<std::size_t>(view));
}

std::string_view WorkspaceViewLabel(WorkspaceView view) {
    return kViewLabels.at(static_cast<std::size_t>(view));
}

std::optional<WorkspaceView> ParseWorkspaceView(std::string_view name) {
    for (std::size_t i = 0; i < kViewNames.size(); ++i) {
        if (kViewNames[i] == name) return static_cast<WorkspaceView>(i);
    }
    return std::nullopt;
}

std::span<const RegionInfo> AllRegions() {
    return kRegions;
}

std::optional<RegionInfo> FindRegion(std::string_view id) {
    const auto found =
        std::find_if(kRegions.begin(), kRegions.end(), [&](const RegionInfo& r) { return r.id == id; });
    if (found == kRegions.end()) return std::nullopt;
    return *found;
}

std::vector<std::string> FocusOf(WorkspaceView view, const std::vector<std::string>& lesson_focus) {
    std::vector<std::string> focus;
    for (const std::string& id : lesson_focus) {
        const auto region = FindRegion(id);
        if (region && region->view == view && std::find(focus.begin(), focus.end(), id) == focus.end()) {
            focus.push_back(id);
        }
    }
    if (!focus.empty()) return focus;
    for (const RegionInfo& region : kRegions) {
        if (region.view == view && region.focus_by_default) focus.emplace_back(region.id);
    }
    return focus;
}

SizeClass ClassifyWidth(float logical_width) {
    if (logical_width >= kWideFromWidth) return SizeClass::Wide;
    if (logical_width >= kMediumFromWidth) return SizeClass::Medium;
    return SizeClass::Narrow;
}

bool SideBySide(float width, float height) {
    if (!(width > 0.0f) || !(height > 0.0f)) return false;
    constexpr float kTargetAspect = 1.4f;
    const auto distance = [](float aspect) { return std::abs(std::log(aspect / kTargetAspect)); };
    const float beside = (width / 2.0f) / height;
    const float stacked = width / (height / 2.0f);
    return distance(beside) < distance(stacked);
}

float SideWidth(float total, float wanted, float max_share) {
    return std::max(0.0f, std::min(wanted, total * max_share));
}

} // namespace actlab
