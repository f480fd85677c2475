// Presenter mode's deck: the open deck, the slide on screen, each slide's state as the presenter left
// it, the clicker keys, the fading "slide 3/18 · title" indicator, speaker notes, and the File menu's
// deck entries. Navigation is a request carried out at the start of the next frame (before the session
// runs), like opening a scene.
#pragma once

#include "core/app_state.h"
#include "core/deck.h"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace actlab::ui {

struct UiRuntime;

inline constexpr double kSlideIndicatorSeconds = 3.0; // fully shown, then it fades
inline constexpr double kSlideIndicatorFadeSeconds = 1.0;

enum class DeckDialog { None, Open, AddSlide };

struct DeckMode {
    std::string source;                      // the deck file, or deck:NAME
    Deck deck;                               // no slides: no deck is open
    std::vector<Scene> opening;              // each slide's scene as the deck opens it (R returns to it)
    std::vector<std::optional<Scene>> left;  // each slide as the presenter left it, trained weights too
    std::size_t index = 0;                   // the slide on screen, from 0
    double indicator_since = -1.0;           // ImGui time of the last change of slide (-1: the next frame's)
    bool notes = false;                      // the speaker-notes window (N), off on the projected view
    std::optional<std::string> jump;         // digits typed after G or a digit; Enter jumps, Esc cancels
    std::optional<std::size_t> goto_request; // carried out at the next frame
    bool reset_request = false;              // R: the slide back to its scene

    std::vector<std::string> recent; // recent deck files, most recent first (settings.json)
    DeckDialog requested_dialog = DeckDialog::None;
    DeckDialog dialog = DeckDialog::None;
    std::array<char, 1024> path_field{};
    std::array<char, 256> title_field{};
    std::string dialog_error;
    std::optional<std::string> load_request;                        // a deck file to open
    std::optional<std::pair<std::string, std::string>> add_request; // deck file, slide title

    bool open() const { return !deck.slides.empty(); }
    const DeckSlide& slide() const { return deck.slides[index]; }
};

// Opens a parsed deck at slide `index` (from 0, within the deck): the lesson becomes that slide's
// scene, the theme, scale and screen mode stay the presenter's.
void OpenDeck(DeckParseResult parsed, std::string source, std::size_t index, AppState& state,
              UiRuntime& runtime);

// Keeps the slide on screen as it is, then shows slide `index`: as it was left, else its scene. A
// slide with a sweep starts it.
void GoToSlide(std::size_t index, AppState& state, UiRuntime& runtime);

// The slide on screen back to its scene (fresh weights from its seed).
void ResetSlide(AppState& state, UiRuntime& runtime);

// The clicker keys while a deck is open (HandleShortcuts leaves these keys to the deck): next
// PageDown, Right, Down, Space; previous PageUp, Left, Up, Backspace; Home, End; G or a digit, digits,
// Enter; R reset; N notes.
void HandleDeckKeys(UiRuntime& runtime);

// Opens, navigates, resets and appends as the keys, menus and dialogs asked during the last frame.
void ProcessDeckRequests(AppState& state, UiRuntime& runtime);

// The File menu's deck entries (inside BeginMenu("File")).
void DrawDeckMenuItems(UiRuntime& runtime);

// The slide indicator, the jump prompt, the notes window and the deck dialogs, at the top level.
void DrawDeckOverlay(const AppState& state, UiRuntime& runtime);

// "slide 3/18 · Leaky ReLU".
std::string SlideIndicatorText(const DeckMode& deck);

} // namespace actlab::ui
