// The layout recorder (see layout_recorder.h). It reads Dear ImGui's window list, which only the
// internal header exposes, to find what floats over a region.
#include "ui/layout_recorder.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cstring>

namespace actlab::ui {

namespace {

LayoutRect ToRect(ImVec2 min, ImVec2 max) {
    return {min.x, min.y, max.x - min.x, max.y - min.y};
}

// The clip rectangle of what is being drawn now.
LayoutRect CurrentClip() {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    return ToRect(draw->GetClipRectMin(), draw->GetClipRectMax());
}

} // namespace

void LayoutRecorder::BeginFrame() {
    regions_.clear();
    region_windows_.clear();
    labels_.clear();
    open_.clear();
    box_ = {};
}

void LayoutRecorder::BeginRegion(std::string_view id, ImVec2 min, ImVec2 max) {
    LayoutRegion region{std::string(id), ToRect(min, max), false, false};
    region.clipped = !CurrentClip().Contains(region.rect, 1.0f);
    regions_.push_back(std::move(region));
    region_windows_.push_back(ImGui::GetCurrentWindow()->RootWindow);
    open_.push_back(regions_.size() - 1);
}

void LayoutRecorder::EndRegion(bool content_clipped) {
    if (open_.empty()) return;
    if (content_clipped) regions_[open_.back()].clipped = true;
    open_.pop_back();
}

void LayoutRecorder::Label(std::string_view text, ImVec2 min, ImVec2 max, bool shortened) {
    if (open_.empty() || text.empty()) return;
    const LayoutRect rect = ToRect(min, max);
    const bool cut = shortened || !CurrentClip().Contains(rect, 1.0f);
    if (box_.open) {
        box_.text += (box_.text.empty() ? "" : " | ") + std::string(text);
        box_.truncated = box_.truncated || cut;
        return;
    }
    labels_.push_back({regions_[open_.back()].id, std::string(text), rect, cut});
}

void LayoutRecorder::BeginBox(ImVec2 min, ImVec2 max) {
    box_ = {ToRect(min, max), "", false, true};
}

void LayoutRecorder::EndBox() {
    if (box_.open && !open_.empty() && !box_.text.empty()) {
        labels_.push_back({regions_[open_.back()].id, box_.text, box_.rect, box_.truncated});
    }
    box_ = {};
}

bool LayoutRecorder::Has(std::string_view id) const {
    return std::any_of(regions_.begin(), regions_.end(), [&](const LayoutRegion& r) { return r.id == id; });
}

LayoutReport LayoutRecorder::Finish(int width, int height, float scale, std::vector<std::string> focus,
                                    const char* main_window) const {
    LayoutReport report{width, height, scale, regions_, labels_, std::move(focus), std::nullopt};
    const ImGuiContext& g = *GImGui;
    // g.Windows is in display order, back to front: a window covers the regions of those before it.
    const auto display_order = [&g](const void* window) {
        for (int i = 0; i < g.Windows.Size; ++i) {
            if (g.Windows[i] == window) return i;
        }
        return -1;
    };
    for (int index = 0; index < g.Windows.Size; ++index) {
        const ImGuiWindow* window = g.Windows[index];
        if (!window->Active || window->Hidden || (window->Flags & ImGuiWindowFlags_ChildWindow) ||
            std::strcmp(window->Name, main_window) == 0) {
            continue;
        }
        const LayoutRect rect =
            ToRect(window->Pos, {window->Pos.x + window->Size.x, window->Pos.y + window->Size.y});
        for (std::size_t r = 0; r < report.regions.size(); ++r) {
            if (display_order(region_windows_[r]) >= index) continue; // its own window, or one above
            if (report.regions[r].rect.Overlaps(rect)) report.regions[r].covered = true;
        }
    }
    return report;
}

LayoutRecorder* ActiveRecorder() {
    if (!ImGui::GetCurrentContext()) return nullptr;
    return static_cast<LayoutRecorder*>(ImGui::GetIO().UserData);
}

void SetActiveRecorder(LayoutRecorder* recorder) {
    ImGui::GetIO().UserData = recorder;
}

void RecordText(const std::string& text, ImVec2 at, bool shortened) {
    LayoutRecorder* recorder = ActiveRecorder();
    if (!recorder) return;
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    recorder->Label(text, at, {at.x + size.x, at.y + size.y}, shortened);
}

bool BeginRegionChild(const char* id, std::string_view region, ImVec2 size, bool border,
                      ImGuiWindowFlags flags) {
    if (LayoutRecorder* recorder = ActiveRecorder()) {
        // As BeginChild reads the size: 0 fills the space left, a negative size leaves that much.
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const ImVec2 left = ImGui::GetContentRegionAvail();
        const ImVec2 resolved{size.x > 0.0f ? size.x : std::max(left.x + size.x, 4.0f),
                              size.y > 0.0f ? size.y : std::max(left.y + size.y, 4.0f)};
        recorder->BeginRegion(region, at, {at.x + resolved.x, at.y + resolved.y});
    }
    return ImGui::BeginChild(id, size, border, flags);
}

void EndRegionChild() {
    const bool scrolls = ImGui::GetScrollMaxY() > 0.5f || ImGui::GetScrollMaxX() > 0.5f;
    ImGui::EndChild();
    if (LayoutRecorder* recorder = ActiveRecorder()) recorder->EndRegion(scrolls);
}

void BeginRegionAtCursor(std::string_view region, ImVec2 size) {
    if (LayoutRecorder* recorder = ActiveRecorder()) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        recorder->BeginRegion(region, at, {at.x + size.x, at.y + size.y});
    }
}

void EndRegionAtCursor() {
    if (LayoutRecorder* recorder = ActiveRecorder()) recorder->EndRegion();
}

} // namespace actlab::ui
