// Presenter mode's deck (see deck_mode.h).
#include "ui/deck_mode.h"

#include "core/autoplay.h"
#include "ui/scene_files.h"
#include "ui/shortcuts.h"
#include "ui/ui_runtime.h"
#include "ui/widgets.h"

#include <imgui.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace actlab::ui {

namespace {

bool Pressed(int key) {
    return ImGui::IsKeyPressed(key, true); // a held clicker button repeats, as in slide tools
}

template <std::size_t N> void SetField(std::array<char, N>& field, const std::string& text) {
    field.fill('\0');
    std::memcpy(field.data(), text.data(), std::min(text.size(), N - 1));
}

// "~/x.json" → "$HOME/x.json": the fields are typed by hand, as a shell would take them.
std::string ExpandHome(const std::string& path) {
    const char* home = std::getenv("HOME");
    if (path.size() >= 2 && path[0] == '~' && path[1] == '/' && home && *home) return home + path.substr(1);
    return path;
}

// Shows the slide at `deck.index`: as it was left, else its scene, whose plots then fit the curves
// over the whole sweep (they never leave the plot while it plays); its sweep starts.
void ShowSlide(AppState& state, UiRuntime& runtime) {
    DeckMode& deck = runtime.deck;
    const std::size_t i = deck.index;
    const bool as_left = deck.left[i].has_value();
    Scene scene = as_left ? *deck.left[i] : deck.opening[i];
    ApplyScene(std::move(scene), state, runtime, true);
    if (!as_left && deck.slide().sweep) FitViewToSweep(state, *deck.slide().sweep);
    runtime.scenes.title = deck.slide().title;
    state.autoplay = deck.slide().sweep ? AutoplayState{true, *deck.slide().sweep, 0.0} : AutoplayState{};
    deck.indicator_since = -1.0;
    deck.jump.reset();
}

void LoadDeck(const std::string& source, AppState& state, UiRuntime& runtime) {
    DeckMode& deck = runtime.deck;
    DeckParseResult parsed = LoadDeckOrShipped(source);
    if (!parsed.ok()) {
        // Nothing changes: the deck was parsed into its own copy, the lesson and an open deck stay.
        deck.dialog_error = parsed.error;
        runtime.Say(parsed.error, MessageKind::Error);
        return;
    }
    const std::size_t warnings = parsed.warnings.size();
    const std::string first_warning = warnings ? parsed.warnings.front() : "";
    OpenDeck(std::move(parsed), source, 0, state, runtime);
    AddRecentScene(deck.recent, source);
    deck.dialog = DeckDialog::None;
    deck.dialog_error.clear();
    const std::string opened =
        "Opened deck " + source + " (" + std::to_string(deck.deck.slides.size()) + " slides)";
    if (warnings == 0) {
        runtime.Say(opened);
    } else {
        runtime.Say(opened + "; " + std::to_string(warnings) + " warning(s): " + first_warning,
                    MessageKind::Error);
    }
}

void AddSlide(const std::string& path, const std::string& title, const AppState& state, UiRuntime& runtime) {
    DeckMode& deck = runtime.deck;
    if (const std::string error = AppendSlideToDeckFile(path, title, CurrentScene(state, runtime));
        !error.empty()) {
        deck.dialog_error = error; // the dialog stays open with what was typed
        runtime.Say(error, MessageKind::Error);
        return;
    }
    AddRecentScene(deck.recent, path);
    deck.dialog = DeckDialog::None;
    deck.dialog_error.clear();
    runtime.Say("Added \"" + title + "\" to " + path);
}

// The jump prompt's keys: digits, Backspace, Enter, Esc. True while the prompt takes the keys.
bool HandleJumpKeys(DeckMode& deck) {
    for (int digit = 0; digit <= 9; ++digit) {
        if (ImGui::IsKeyPressed('0' + digit, false) || ImGui::IsKeyPressed(key::kKeypad0 + digit, false)) {
            if (!deck.jump) deck.jump.emplace();
            if (deck.jump->size() < 4) *deck.jump += static_cast<char>('0' + digit);
        }
    }
    if (!deck.jump) return false;
    if (ImGui::IsKeyPressed(key::kBackspace, false) && !deck.jump->empty()) deck.jump->pop_back();
    if (ImGui::IsKeyPressed(key::kEscape, false)) deck.jump.reset();
    if (deck.jump &&
        (ImGui::IsKeyPressed(key::kEnter, false) || ImGui::IsKeyPressed(key::kKeypadEnter, false))) {
        const std::size_t n = deck.jump->empty() ? 0 : std::stoul(*deck.jump);
        if (n >= 1 && n <= deck.deck.slides.size()) deck.goto_request = n - 1;
        deck.jump.reset();
    }
    return true;
}

} // namespace

void OpenDeck(DeckParseResult parsed, std::string source, std::size_t index, AppState& state,
              UiRuntime& runtime) {
    DeckMode& deck = runtime.deck;
    deck.source = std::move(source);
    deck.deck = std::move(parsed.deck);
    deck.opening = std::move(parsed.scenes);
    deck.left.assign(deck.deck.slides.size(), std::nullopt);
    deck.index = std::min(index, deck.deck.slides.size() - 1);
    deck.goto_request.reset();
    deck.reset_request = false;
    ShowSlide(state, runtime);
}

void GoToSlide(std::size_t index, AppState& state, UiRuntime& runtime) {
    DeckMode& deck = runtime.deck;
    if (!deck.open() || index >= deck.deck.slides.size() || index == deck.index) return;
    Scene leaving = CurrentScene(state, runtime);
    leaving.title = deck.slide().title;
    deck.left[deck.index] = std::move(leaving);
    deck.index = index;
    ShowSlide(state, runtime);
}

void ResetSlide(AppState& state, UiRuntime& runtime) {
    DeckMode& deck = runtime.deck;
    if (!deck.open()) return;
    deck.left[deck.index].reset();
    ShowSlide(state, runtime);
    runtime.Say("Slide " + std::to_string(deck.index + 1) + " reset to its scene");
}

void HandleDeckKeys(UiRuntime& runtime) {
    DeckMode& deck = runtime.deck;
    if (!deck.open()) return;
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || io.KeyCtrl || io.KeyAlt) return;
    if (ImGui::IsKeyPressed('G', false) && !deck.jump) {
        deck.jump.emplace();
        return;
    }
    if (HandleJumpKeys(deck)) return;
    const std::size_t last = deck.deck.slides.size() - 1;
    const std::size_t from = deck.goto_request.value_or(deck.index);
    if (Pressed(key::kPageDown) || Pressed(key::kRight) || Pressed(key::kDown) || Pressed(key::kSpace)) {
        deck.goto_request = std::min(from + 1, last);
    }
    if (Pressed(key::kPageUp) || Pressed(key::kLeft) || Pressed(key::kUp) || Pressed(key::kBackspace)) {
        deck.goto_request = from == 0 ? 0 : from - 1;
    }
    if (ImGui::IsKeyPressed(key::kHome, false)) deck.goto_request = 0;
    if (ImGui::IsKeyPressed(key::kEnd, false)) deck.goto_request = last;
    if (ImGui::IsKeyPressed('R', false)) deck.reset_request = true;
    if (ImGui::IsKeyPressed('N', false)) deck.notes = !deck.notes;
    // At either end the indicator says where the deck stands instead of nothing happening.
    if (deck.goto_request == deck.index) {
        deck.goto_request.reset();
        deck.indicator_since = -1.0;
    }
}

void ProcessDeckRequests(AppState& state, UiRuntime& runtime) {
    DeckMode& deck = runtime.deck;
    if (deck.load_request) {
        const std::string source = *deck.load_request;
        deck.load_request.reset();
        LoadDeck(source.rfind("deck:", 0) == 0 ? source : ExpandHome(source), state, runtime);
    }
    if (deck.add_request) {
        const auto [path, title] = *deck.add_request;
        deck.add_request.reset();
        AddSlide(ExpandHome(path), title, state, runtime);
    }
    if (deck.goto_request) {
        const std::size_t index = *deck.goto_request;
        deck.goto_request.reset();
        GoToSlide(index, state, runtime);
    }
    if (deck.reset_request) {
        deck.reset_request = false;
        ResetSlide(state, runtime);
    }
}

std::string SlideIndicatorText(const DeckMode& deck) {
    if (!deck.open()) return "";
    return "slide " + std::to_string(deck.index + 1) + "/" + std::to_string(deck.deck.slides.size()) +
           " \u00b7 " + deck.slide().title;
}

void DrawDeckMenuItems(UiRuntime& runtime) {
    DeckMode& deck = runtime.deck;
    if (ImGui::MenuItem("Open deck\u2026")) deck.requested_dialog = DeckDialog::Open;
    if (ImGui::BeginMenu("Recent decks", !deck.recent.empty())) {
        for (std::size_t i = 0; i < deck.recent.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            const std::string& source = deck.recent[i];
            std::error_code ec;
            const bool exists = source.rfind("deck:", 0) == 0 || std::filesystem::exists(source, ec);
            const std::string label = exists ? source : source + "  (missing)";
            if (ImGui::MenuItem(label.c_str(), nullptr, false, exists)) deck.load_request = source;
            ImGui::PopID();
        }
        ImGui::Separator();
        if (ImGui::MenuItem("Clear the list")) deck.recent.clear();
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Shipped decks")) {
        for (const EmbeddedDeck& shipped : EmbeddedDecks()) {
            const std::string source = "deck:" + std::string(shipped.name);
            if (ImGui::MenuItem(source.c_str())) deck.load_request = source;
        }
        ImGui::EndMenu();
    }
    if (ImGui::MenuItem("Add this view as a slide\u2026")) deck.requested_dialog = DeckDialog::AddSlide;
    if (ImGui::MenuItem("Close deck", nullptr, false, deck.open())) {
        deck.deck = Deck{};
        deck.opening.clear();
        deck.left.clear();
    }
}

} // namespace actlab::ui
