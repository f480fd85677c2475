// The workspace's views and how they share a window: which view shows, which regions a lesson is
// about (its focus), and the size classes and splits every view lays itself out by. Pure layout
// arithmetic in logical pixels (window pixels ÷ UI scale); the UI turns it into widgets.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace actlab {

// The full-window views, in tab order (F2 … F7, Ctrl+1 … 6).
enum class WorkspaceView { Functions, Network, Softmax, Propagation, BornDead, Gated };
inline constexpr std::size_t kWorkspaceViewCount = 6;

struct WorkspaceState {
    WorkspaceView view = WorkspaceView::Functions;
    std::vector<std::string> focus; // region ids the lesson is about; empty: the view's own focus
    bool operator==(const WorkspaceState&) const = default;
};

std::string_view WorkspaceViewName(WorkspaceView view);  // "functions", "network", … (files)
std::string_view WorkspaceViewLabel(WorkspaceView view); // "Functions", "Network", … (tabs)
std::optional<WorkspaceView> ParseWorkspaceView(std::string_view name);

// Every region id a layout report can name, with the view it belongs to (docs/layout-report.md).
struct RegionInfo {
    std::string_view id;
    WorkspaceView view;
    bool focus_by_default; // what the view is about when the lesson names no focus
};
std::span<const RegionInfo> AllRegions();
std::optional<RegionInfo> FindRegion(std::string_view id);

// The focus of `view`: the lesson's own ids that belong to this view, or else the view's default.
std::vector<std::string> FocusOf(WorkspaceView view, const std::vector<std::string>& lesson_focus);

// Window widths in logical pixels: wide ≥ 1400, medium 1000–1400, narrow < 1000.
enum class SizeClass { Narrow, Medium, Wide };
inline constexpr float kMediumFromWidth = 1000.0f;
inline constexpr float kWideFromWidth = 1400.0f;
SizeClass ClassifyWidth(float logical_width);

// Whether two plots of an area `width` × `height` sit side by side (true) or one above the other:
// the arrangement whose plots come nearer a 1.4 : 1 landscape shape (a wide, short window puts f and
// f′ next to each other; a tall one stacks them).
bool SideBySide(float width, float height);

// Splits `total` between a focus part and the rest: the rest gets `wanted` but never more than
// `max_share` of the total, so focus regions keep the space first.
float SideWidth(float total, float wanted, float max_share);

} // namespace actlab
