// What presenter mode draws: the fading "slide 3/18 · title" indicator, the G-number prompt, the
// speaker-notes window (off by default, N) and the deck dialogs (open a deck, add this view as a slide).
#include "ui/deck_mode.h"
#include "ui/ui_runtime.h"
#include "ui/widgets.h"

#include <imgui.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

namespace actlab::ui {

namespace {

constexpr const char* kOpenTitle = "Open deck##deck_dialog";
constexpr const char* kAddTitle = "Add this view as a slide##deck_dialog";

// A small label in the bottom-right corner on a translucent plate, drawn above everything.
void DrawCornerLabel(const std::string& text, float alpha, float y_lift) {
    if (alpha <= 0.0f) return;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImDrawList* draw = ImGui::GetForegroundDrawList();
    const float pad = ImGui::GetFontSize() * 0.35f;
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    const ImVec2 corner{viewport->WorkPos.x + viewport->WorkSize.x - pad * 2.0f,
                        viewport->WorkPos.y + viewport->WorkSize.y - pad * 2.0f - y_lift};
    const ImVec2 min{corner.x - size.x - 2.0f * pad, corner.y - size.y - 2.0f * pad};
    const ImVec4 bg = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
    const ImVec4 fg = ImGui::GetStyleColorVec4(ImGuiCol_Text);
    draw->AddRectFilled(min, corner, ImGui::GetColorU32({bg.x, bg.y, bg.z, 0.8f * alpha}), pad);
    draw->AddText({min.x + pad, min.y + pad}, ImGui::GetColorU32({fg.x, fg.y, fg.z, 0.85f * alpha}),
                  text.c_str());
}

void DrawIndicator(DeckMode& deck) {
    const double now = ImGui::GetTime();
    if (deck.indicator_since < 0.0) deck.indicator_since = now;
    const double age = now - deck.indicator_since;
    const double fade = (age - kSlideIndicatorSeconds) / kSlideIndicatorFadeSeconds;
    const float alpha = static_cast<float>(std::clamp(1.0 - fade, 0.0, 1.0));
    std::string text = SlideIndicatorText(deck);
    const float max_width = ImGui::GetMainViewport()->WorkSize.x * 0.45f;
    text = FitText(text, max_width);
    if (deck.jump) {
        DrawCornerLabel("go to slide: " + *deck.jump + "_  (Enter)", 1.0f,
                        ImGui::GetFrameHeightWithSpacing());
        return;
    }
    // Above the status line, whose deck hints it would otherwise cover while it fades.
    DrawCornerLabel(text, alpha, ImGui::GetFrameHeightWithSpacing());
}

void DrawNotes(const AppState& state, UiRuntime& runtime) {
    DeckMode& deck = runtime.deck;
    if (!deck.notes) return;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float scale = runtime.Scale(state);
    ImGui::SetNextWindowPos({viewport->WorkPos.x + viewport->WorkSize.x * 0.55f,
                             viewport->WorkPos.y + viewport->WorkSize.y * 0.55f},
                            ImGuiCond_Appearing);
    ImGui::SetNextWindowSize({std::min(520.0f * scale, viewport->WorkSize.x * 0.43f),
                              std::min(260.0f * scale, viewport->WorkSize.y * 0.4f)},
                             ImGuiCond_Appearing);
    if (ImGui::Begin("Speaker notes (N)###deck_notes", &deck.notes, ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::TextDisabled("%s", SlideIndicatorText(deck).c_str());
        ImGui::Separator();
        const std::string& notes = deck.slide().notes;
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(notes.empty() ? "(no notes for this slide)" : notes.c_str());
        ImGui::PopTextWrapPos();
        if (deck.index + 1 < deck.deck.slides.size()) {
            ImGui::Separator();
            ImGui::TextDisabled("next: %s", deck.deck.slides[deck.index + 1].title.c_str());
        }
    }
    ImGui::End();
}

void DrawDialogs(const AppState& state, UiRuntime& runtime) {
    DeckMode& deck = runtime.deck;
    if (deck.requested_dialog != DeckDialog::None) {
        deck.dialog = deck.requested_dialog;
        deck.requested_dialog = DeckDialog::None;
        deck.dialog_error.clear();
        std::string path = deck.recent.empty() || deck.recent.front().rfind("deck:", 0) == 0
                               ? std::string()
                               : deck.recent.front();
        if (path.empty()) {
            const char* home = std::getenv("HOME");
            path = home && *home ? std::string(home) + "/actlab-deck.json" : "actlab-deck.json";
        }
        deck.path_field.fill('\0');
        std::copy_n(path.begin(), std::min(path.size(), deck.path_field.size() - 1), deck.path_field.begin());
        const std::string title = runtime.scenes.title.empty() ? "New slide" : runtime.scenes.title;
        deck.title_field.fill('\0');
        std::copy_n(title.begin(), std::min(title.size(), deck.title_field.size() - 1),
                    deck.title_field.begin());
        ImGui::OpenPopup(deck.dialog == DeckDialog::Open ? kOpenTitle : kAddTitle);
    }
    const float scale = runtime.Scale(state);
    for (DeckDialog kind : {DeckDialog::Open, DeckDialog::AddSlide}) {
        const bool open = kind == DeckDialog::Open;
        const ImGuiViewport* viewport = ImGui::GetMainViewport();
        ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, {0.5f, 0.5f});
        ImGui::SetNextWindowSize({std::min(640.0f * scale, viewport->WorkSize.x * 0.9f), 0.0f});
        if (!ImGui::BeginPopupModal(open ? kOpenTitle : kAddTitle, nullptr, ImGuiWindowFlags_NoSavedSettings))
            continue;
        ImGui::TextUnformatted(open ? "Deck file to open (or deck:NAME):"
                                    : "Deck file (created when missing):");
        ImGui::SetNextItemWidth(-FLT_MIN);
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        bool go = ImGui::InputText("##deck_path", deck.path_field.data(), deck.path_field.size(),
                                   ImGuiInputTextFlags_EnterReturnsTrue);
        if (!open) {
            ImGui::TextUnformatted("Slide title:");
            ImGui::SetNextItemWidth(-FLT_MIN);
            go |= ImGui::InputText("##deck_slide_title", deck.title_field.data(), deck.title_field.size(),
                                   ImGuiInputTextFlags_EnterReturnsTrue);
        }
        if (!deck.dialog_error.empty()) ErrorText(deck.dialog_error.c_str());
        go |= ImGui::Button(open ? "Open" : "Add slide");
        const std::string path(deck.path_field.data());
        const std::string title(deck.title_field.data());
        if (go && path.empty()) {
            deck.dialog_error = "Type a file name first.";
        } else if (go && open) {
            deck.load_request = path;
        } else if (go) {
            deck.add_request = std::pair{path, title};
        }
        ImGui::SameLine();
        const bool cancel =
            ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
        // A finished load or add closes the dialog (the request handler clears `dialog`).
        if (cancel || deck.dialog != kind) {
            deck.dialog = DeckDialog::None;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

} // namespace

void DrawDeckOverlay(const AppState& state, UiRuntime& runtime) {
    if (runtime.deck.open()) {
        DrawIndicator(runtime.deck);
        DrawNotes(state, runtime);
    }
    DrawDialogs(state, runtime);
}

} // namespace actlab::ui
