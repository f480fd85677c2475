// Fuzz target: a scene file as `actlab --scene`, `render --scene` and File → Open read it. Whatever the
// bytes, parsing ends in a scene or an error message (never a crash), and a scene that loads saves to
// text that loads again without an error and then saves byte-identically.
#include "fuzz/fuzz_target.h"

#include "core/scene.h"

ACTLAB_FUZZ_TARGET(scene) {
    using namespace actlab;
    const SceneParseResult loaded = ParseScene(fuzz::AsText(data, size), "fuzz.json");
    if (!loaded.ok()) {
        fuzz::Check(!loaded.error.empty());
        return 0;
    }
    const std::string saved = SceneToJson(loaded.scene);
    const SceneParseResult reloaded = ParseScene(saved, "saved.json");
    fuzz::Check(reloaded.ok());
    fuzz::Check(SceneToJson(reloaded.scene) == saved);
    return 0;
}
