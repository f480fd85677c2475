// Fuzz target: a deck file as `actlab --deck` and File → Open deck read it (its scene files are not
// read here: no file system). Whatever the bytes, parsing ends in a deck or an error message that
// leads with the file's name, and a deck that loads saves to text that loads again and then saves
// byte-identically, with one opening scene per slide.
#include "fuzz/fuzz_target.h"

#include "core/deck.h"

ACTLAB_FUZZ_TARGET(deck) {
    using namespace actlab;
    const DeckParseResult loaded = ParseDeck(fuzz::AsText(data, size), "fuzz.json");
    if (!loaded.ok()) {
        fuzz::Check(loaded.error.rfind("fuzz.json:", 0) == 0);
        return 0;
    }
    fuzz::Check(!loaded.deck.slides.empty() && loaded.deck.slides.size() <= kMaxDeckSlides);
    fuzz::Check(loaded.scenes.size() == loaded.deck.slides.size());
    const std::string saved = DeckToJson(loaded.deck);
    const DeckParseResult reloaded = ParseDeck(saved, "saved.json");
    fuzz::Check(reloaded.ok());
    fuzz::Check(DeckToJson(reloaded.deck) == saved);
    return 0;
}
