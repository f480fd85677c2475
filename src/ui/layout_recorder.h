// Records where this frame's regions (plots, charts, tables, panels) and the labels our own widgets
// place in them landed, for `--layout-report`. Off unless a report is asked for: then the frame
// loop makes it the context's recorder and ImGuiCanvas, the charts and the graph report through it.
#pragma once

#include "core/layout_report.h"

#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

namespace actlab::ui {

class LayoutRecorder {
public:
    // Starts a frame: forgets the last one.
    void BeginFrame();

    // A region of `min`–`max` in screen pixels. Regions nest; labels belong to the innermost open
    // one. `clipped` is also set when the region reaches past the clip rectangle it is drawn in.
    void BeginRegion(std::string_view id, ImVec2 min, ImVec2 max);
    void EndRegion(bool content_clipped = false);

    // A text placed by one of our widgets at `min`–`max`: truncated when the clip rectangle it is
    // drawn in cuts it, or when `shortened` (an ellipsis replaced its end).
    void Label(std::string_view text, ImVec2 min, ImVec2 max, bool shortened = false);

    // Texts between these two become one label whose rect is the box (a legend).
    void BeginBox(ImVec2 min, ImVec2 max);
    void EndBox();

    // The report of the frame just drawn; call after ImGui::Render(). Marks a region covered when a
    // window other than `main_window` (a popup, a dialog, a drawer) is drawn over it: one drawn above
    // the window the region is in (a dialog's own regions are not covered by the dialog).
    LayoutReport Finish(int width, int height, float scale, std::vector<std::string> focus,
                        const char* main_window) const;

    // Whether a region of this id was recorded this frame (so views can ask what they showed).
    bool Has(std::string_view id) const;

private:
    struct Box {
        LayoutRect rect;
        std::string text;
        bool truncated = false;
        bool open = false;
    };
    std::vector<LayoutRegion> regions_;
    std::vector<const void*> region_windows_; // the top-level ImGui window each region is drawn in
    std::vector<LayoutLabel> labels_;
    std::vector<std::size_t> open_; // indices into regions_
    Box box_;
};

// The recorder of the current ImGui context, or null when no report is asked for.
LayoutRecorder* ActiveRecorder();
void SetActiveRecorder(LayoutRecorder* recorder);

// Reports a text drawn with the current font at `at` (for widgets that draw with ImDrawList::AddText);
// `shortened` when it was cut to fit with an ellipsis. Does nothing without a report.
void RecordText(const std::string& text, ImVec2 at, bool shortened = false);

// A child window that is a report region: BeginChild plus BeginRegion; EndRegionChild reports the
// region clipped when its content needs scrolling.
bool BeginRegionChild(const char* id, std::string_view region, ImVec2 size, bool border = false,
                      ImGuiWindowFlags flags = 0);
void EndRegionChild();

// Convenience for regions drawn at the cursor with a known size (charts, plots).
void BeginRegionAtCursor(std::string_view region, ImVec2 size);
void EndRegionAtCursor();

} // namespace actlab::ui
