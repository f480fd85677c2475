// The layout report (`actlab --layout-report OUT.json`): where every region and every label of our
// own widgets landed in one frame, and the checks the window tests run on it. Pure data and JSON;
// the UI records it (ui/layout_recorder.h). Pixels, origin top-left.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace actlab {

struct LayoutRect {
    float x = 0.0f, y = 0.0f, w = 0.0f, h = 0.0f;

    float Area() const { return w > 0.0f && h > 0.0f ? w * h : 0.0f; }
    float Right() const { return x + w; }
    float Bottom() const { return y + h; }
    // Overlap of more than `tolerance` pixels in both directions (touching edges do not count).
    bool Overlaps(const LayoutRect& other, float tolerance = 0.5f) const;
    // `other` inside this rectangle, give or take `tolerance` pixels.
    bool Contains(const LayoutRect& other, float tolerance = 0.5f) const;
    bool operator==(const LayoutRect&) const = default;
};

struct LayoutRegion {
    std::string id; // stable: "plot.f", "network.gradients" (docs/layout-report.md)
    LayoutRect rect;
    bool clipped = false; // part of its content is cut off or needs scrolling
    bool covered = false; // another window is drawn over part of it
    bool operator==(const LayoutRegion&) const = default;
};

struct LayoutLabel {
    std::string region;
    std::string text;
    LayoutRect rect;        // the text's box; a legend's whole box
    bool truncated = false; // cut by its region's edge or shortened with "…"
    bool operator==(const LayoutLabel&) const = default;
};

// The deck slide on screen while a deck is open (1-based index).
struct LayoutSlide {
    std::size_t index = 0, count = 0;
    std::string title;
    bool operator==(const LayoutSlide&) const = default;
};

struct LayoutReport {
    int width = 0, height = 0; // the window in pixels
    float scale = 1.0f;        // the UI scale
    std::vector<LayoutRegion> regions;
    std::vector<LayoutLabel> labels;
    std::vector<std::string> focus;
    std::optional<LayoutSlide> slide; // "slide": {"index", "count", "title"} while a deck is open
    bool operator==(const LayoutReport&) const = default;
};

// {"size": [W, H], "scale": S, "regions": [...], "labels": [...], "focus": [...]} (docs/layout-report.md).
std::string LayoutReportToJson(const LayoutReport& report);

// Reads what LayoutReportToJson wrote; `error` says why not ("" on success).
LayoutReport ParseLayoutReport(std::string_view text, std::string& error);

// The area covered by the union of `rects` (overlaps counted once).
double UnionArea(const std::vector<LayoutRect>& rects);

// What the lecture hall needs of a layout: every focus region inside the window, neither clipped nor
// covered; the focus regions together at least `min_focus_share` of the window; no two labels of one
// region overlapping; no label truncated. One line per problem; empty when the layout passes.
std::vector<std::string> LayoutProblems(const LayoutReport& report, double min_focus_share = 0.4);

// The share of the window the regions `ids` take together (0 when one is missing).
double WindowShare(const LayoutReport& report, const std::vector<std::string>& ids);

} // namespace actlab
