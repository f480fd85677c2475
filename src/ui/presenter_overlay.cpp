// The presenter's on-screen tools (see presenter_overlay.h): blank screen, laser pointer, ink, timer.
#include "ui/presenter_overlay.h"

#include "core/number_parse.h"
#include "ui/autoplay_controls.h"
#include "ui/shortcuts.h"
#include "ui/ui_runtime.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <vector>

namespace actlab::ui {

namespace {

bool MouseValid(const ImVec2& pos) {
    return pos.x > -FLT_MAX / 2 && pos.y > -FLT_MAX / 2;
}

ImU32 ToU32(Color color, float opacity = 1.0f) {
    const auto alpha = static_cast<int>(std::lround(color.a * std::clamp(opacity, 0.0f, 1.0f)));
    return IM_COL32(color.r, color.g, color.b, alpha);
}

// Any key pressed this frame (letters, clicker keys, modifiers): what ends a blank screen.
bool AnyKeyPressed() {
    for (int key = 0; key < IM_ARRAYSIZE(ImGui::GetIO().KeysDown); ++key) {
        if (ImGui::IsKeyPressed(key, false)) return true;
    }
    return false;
}

// Strokes as polylines; each stroke's opacity follows InkLayer::Opacity.
void DrawInk(ImDrawList& draw, const InkLayer& ink, double now, float scale) {
    const float width = 4.0f * scale;
    for (const InkStroke& stroke : ink.strokes()) {
        const ImU32 color = ToU32(kInkColor, InkLayer::Opacity(stroke, now));
        if (stroke.points.size() == 1) {
            draw.AddCircleFilled({stroke.points[0].x, stroke.points[0].y}, width / 2, color);
            continue;
        }
        std::vector<ImVec2> points;
        points.reserve(stroke.points.size());
        for (const MarkPoint& p : stroke.points)
            points.emplace_back(p.x, p.y);
        draw.AddPolyline(points.data(), static_cast<int>(points.size()), color, ImDrawFlags_None, width);
        // Round ends, so a short dash reads as a dot and a line does not end square.
        draw.AddCircleFilled(points.front(), width / 2, color);
        draw.AddCircleFilled(points.back(), width / 2, color);
    }
}

// The trail thins and fades towards its tail; the head is a red dot with a light ring and a dark
// rim, so it reads on white, black and the projector's grey alike.
void DrawLaser(ImDrawList& draw, const PointerTrail& trail, ImVec2 head, bool head_valid, double now,
               float scale) {
    const auto& points = trail.points();
    for (std::size_t i = 1; i < points.size(); ++i) {
        const float opacity = PointerTrail::Opacity(points[i - 1], now);
        draw.AddLine({points[i - 1].x, points[i - 1].y}, {points[i].x, points[i].y},
                     ToU32(kLaserColor, opacity * 0.8f), (2.0f + 6.0f * opacity) * scale);
    }
    if (!head_valid) return;
    const float radius = 7.0f * scale;
    draw.AddCircleFilled(head, radius * 2.0f, ToU32(kLaserColor, 0.18f));
    draw.AddCircleFilled(head, radius * 1.45f, ToU32(kLaserColor, 0.30f));
    draw.AddCircleFilled(head, radius + 1.5f * scale, IM_COL32(40, 0, 0, 200));
    draw.AddCircleFilled(head, radius, ToU32(kLaserColor));
    draw.AddCircleFilled(head, radius * 0.35f, IM_COL32(255, 220, 220, 255));
}

// Top right over the menu bar's empty end; with the controls hidden (no menu bar, plots to the
// window's edges) bottom left, under the f plot's axis labels, where no legend or title sits.
void DrawTimer(ImDrawList& draw, const PresenterTools& tools, const UiRuntime& runtime, float scale,
               bool controls_hidden) {
    const std::string text = FormatElapsed(ImGui::GetTime() - tools.timer_started);
    ImFont* font = runtime.fonts.bold ? runtime.fonts.bold : ImGui::GetFont();
    const float size = ImGui::GetFontSize() * (controls_hidden ? 0.9f : 1.1f);
    const ImVec2 extent = font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.c_str());
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float pad = (controls_hidden ? 3.0f : 6.0f) * scale;
    const ImVec2 box{extent.x + 4 * pad, extent.y + 2 * pad};
    const ImVec2 min = controls_hidden
                           ? ImVec2{viewport->Pos.x + pad, viewport->Pos.y + viewport->Size.y - pad - box.y}
                           : ImVec2{viewport->Pos.x + viewport->Size.x - pad - box.x, viewport->Pos.y + pad};
    draw.AddRectFilled(min, {min.x + box.x, min.y + box.y}, IM_COL32(20, 20, 24, 200), 4.0f * scale);
    draw.AddText(font, size, {min.x + 2 * pad, min.y + pad}, IM_COL32(255, 255, 255, 255), text.c_str());
}

} // namespace

std::string FormatElapsed(double seconds) {
    const long long total = seconds > 0.0 && std::isfinite(seconds) ? static_cast<long long>(seconds) : 0;
    char text[32];
    if (total >= 3600) {
        std::snprintf(text, sizeof text, "%lld:%02lld:%02lld", total / 3600, total / 60 % 60, total % 60);
    } else {
        std::snprintf(text, sizeof text, "%lld:%02lld", total / 60, total % 60);
    }
    return text;
}

namespace {

// "X,Y" in window pixels.
bool ParsePoint(std::string_view text, float& x, float& y) {
    const std::size_t comma = text.find(',');
    if (comma == std::string_view::npos) return false;
    const auto a = ParseFiniteNumber(text.substr(0, comma));
    const auto b = ParseFiniteNumber(text.substr(comma + 1));
    if (!a || !b) return false;
    x = static_cast<float>(a.value);
    y = static_cast<float>(b.value);
    return true;
}

} // namespace

std::string ApplyPresenterScript(std::string_view spec, PresenterTools& tools) {
    tools.scripted = true;
    if (spec == "black" || spec == "white") {
        tools.blank = spec == "black" ? BlankScreen::Black : BlankScreen::White;
        return "";
    }
    if (spec == "timer") {
        tools.timer = true;
        tools.timer_started = 0.0;
        return "";
    }
    if (spec == "pen") {
        tools.pen = true;
        return "";
    }
    const std::size_t equals = spec.find('=');
    const std::string_view name = spec.substr(0, equals);
    const std::string_view value =
        equals == std::string_view::npos ? std::string_view{} : spec.substr(equals + 1);
    if (name == "pointer") {
        float x = 0, y = 0;
        if (!ParsePoint(value, x, y)) return "expected pointer=X,Y, got \"" + std::string(spec) + "\"";
        tools.pointer = true;
        tools.mouse_valid = true;
        tools.mouse_x = x;
        tools.mouse_y = y;
        return "";
    }
    if (name == "ink") {
        std::vector<std::pair<float, float>> points;
        std::size_t start = 0;
        while (start <= value.size()) {
            const std::size_t end = std::min(value.find(':', start), value.size());
            float x = 0, y = 0;
            if (!ParsePoint(value.substr(start, end - start), x, y))
                return "expected ink=X,Y:X,Y:\u2026, got \"" + std::string(spec) + "\"";
            points.emplace_back(x, y);
            start = end + 1;
        }
        if (points.empty()) return "expected ink=X,Y:X,Y:\u2026, got \"" + std::string(spec) + "\"";
        tools.ink.Begin(points.front().first, points.front().second, 0.0, true);
        for (const auto& [x, y] : points)
            tools.ink.Extend(x, y, 0.0);
        tools.ink.End(0.0);
        return "";
    }
    return "expected black, white, timer, pen, pointer=X,Y or ink=X,Y:X,Y:\u2026, got \"" +
           std::string(spec) + "\"";
}

void CapturePresenterMouse(UiRuntime& runtime) {
    PresenterTools& tools = runtime.presenter;
    ImGuiIO& io = ImGui::GetIO();
    const double now =
        ImGui::GetTime() + static_cast<double>(io.DeltaTime); // the time NewFrame is about to set
    if (tools.scripted) {
        tools.mouse_taken = tools.pen || tools.blank != BlankScreen::None;
        return;
    }
    const bool valid = MouseValid(io.MousePos);
    tools.mouse_valid = valid;
    tools.mouse_x = io.MousePos.x;
    tools.mouse_y = io.MousePos.y;
    for (std::size_t i = 0; i < tools.buttons.size(); ++i)
        tools.buttons[i] = io.MouseDown[i];
    if (tools.pointer && valid) tools.trail.Add(io.MousePos.x, io.MousePos.y, now);
    tools.trail.Age(now);
    if (tools.pen && tools.blank == BlankScreen::None && valid && io.MouseDown[0]) {
        if (tools.ink.drawing()) {
            tools.ink.Extend(io.MousePos.x, io.MousePos.y, now);
        } else {
            tools.ink.Begin(io.MousePos.x, io.MousePos.y, now, io.KeyShift);
        }
    } else {
        tools.ink.End(now);
    }
    tools.ink.Age(now);
    tools.mouse_taken = tools.pen || tools.blank != BlankScreen::None;
    if (!tools.mouse_taken) return;
    for (std::size_t i = 0; i < tools.buttons.size(); ++i)
        io.MouseDown[i] = false;
    io.MouseWheel = 0.0f;
    io.MouseWheelH = 0.0f;
    io.MousePos = {-FLT_MAX, -FLT_MAX};
}

void ReleasePresenterMouse(UiRuntime& runtime) {
    const PresenterTools& tools = runtime.presenter;
    if (!tools.mouse_taken || tools.scripted) return;
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = tools.mouse_valid ? ImVec2{tools.mouse_x, tools.mouse_y} : ImVec2{-FLT_MAX, -FLT_MAX};
    for (std::size_t i = 0; i < tools.buttons.size(); ++i)
        io.MouseDown[i] = tools.buttons[i];
}

bool HandlePresenterKeys(AppState& state, UiRuntime& runtime) {
    PresenterTools& tools = runtime.presenter;
    if (tools.blank != BlankScreen::None) {
        if (AnyKeyPressed()) tools.blank = BlankScreen::None;
        return true;
    }
    const ImGuiIO& io = ImGui::GetIO();
    if (io.KeyCtrl || io.KeyAlt || io.KeySuper) return false;
    const auto pressed = [](int key) { return ImGui::IsKeyPressed(key, false); };
    if (pressed('B') || pressed(key::kPeriod)) tools.blank = BlankScreen::Black;
    if (pressed('W')) tools.blank = BlankScreen::White;
    if (pressed('L')) {
        tools.pointer = !tools.pointer;
        tools.trail.Clear();
    }
    if (pressed('P')) tools.pen = !tools.pen;
    if (pressed('E')) tools.ink.Clear();
    if (pressed('A')) ToggleAutoplay(state, runtime);
    if (pressed('T') && io.KeyShift) {
        tools.timer = !tools.timer;
        if (tools.timer_started < 0.0) tools.timer_started = ImGui::GetTime();
    }
    return false;
}

void DrawPresenterOverlay(const AppState& state, UiRuntime& runtime) {
    PresenterTools& tools = runtime.presenter;
    ImDrawList& draw = *ImGui::GetForegroundDrawList();
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float scale = runtime.Scale(state);
    if (tools.blank != BlankScreen::None) {
        const ImU32 color =
            tools.blank == BlankScreen::Black ? IM_COL32(0, 0, 0, 255) : IM_COL32(255, 255, 255, 255);
        draw.AddRectFilled(viewport->Pos,
                           {viewport->Pos.x + viewport->Size.x, viewport->Pos.y + viewport->Size.y}, color);
        ImGui::SetMouseCursor(ImGuiMouseCursor_None);
        return;
    }
    const double now = ImGui::GetTime();
    DrawInk(draw, tools.ink, now, scale);
    // The pen and the pointer replace the arrow, at the mouse as the backend reported it (ImGui may
    // have been shown no mouse at all this frame).
    const ImVec2 mouse{tools.mouse_x, tools.mouse_y};
    if (tools.pointer) {
        DrawLaser(draw, tools.trail, mouse, tools.mouse_valid, now, scale);
        ImGui::SetMouseCursor(ImGuiMouseCursor_None);
    } else if (tools.pen && tools.mouse_valid) {
        draw.AddCircle(mouse, 5.0f * scale, IM_COL32(255, 255, 255, 220), 0, 3.5f * scale);
        draw.AddCircleFilled(mouse, 5.0f * scale, ToU32(kInkColor));
    }
    if (tools.pen) ImGui::SetMouseCursor(ImGuiMouseCursor_None);
    if (tools.timer) DrawTimer(draw, tools, runtime, scale, state.display.hide_controls);
}

} // namespace actlab::ui
