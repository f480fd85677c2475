// Geometry that ImGui would tessellate the same way every frame, recorded once and copied into
// later frames' draw lists while what shaped it stays the same: the decision surface's data points
// are 1,000 anti-aliased circles, and tessellating them was a tenth of a frame.
#pragma once

#include <imgui.h>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace actlab::ui {

// FNV-1a over raw bytes, for building a CachedGeometry key from everything the geometry depends on.
class GeometryKey {
public:
    GeometryKey& Add(const void* data, std::size_t bytes);
    template <typename T> GeometryKey& Add(const T& value) { return Add(&value, sizeof value); }
    std::uint64_t value() const { return hash_; }

private:
    std::uint64_t hash_ = 0xcbf29ce484222325ULL;
};

class CachedGeometry {
public:
    // Appends the recorded vertices and indices to `draw` when `key` is the one they were recorded
    // under; otherwise appends nothing and returns false.
    bool Replay(ImDrawList* draw, std::uint64_t key);
    // Brackets drawing to keep. What is drawn in between must go to one draw command (no clip rect
    // or texture change); if ImGui had to start another one, nothing is kept and Replay says false.
    void BeginRecording(const ImDrawList* draw);
    void EndRecording(const ImDrawList* draw, std::uint64_t key);

    std::size_t recordings() const { return recordings_; } // kept recordings, for tests
    std::size_t replays() const { return replays_; }

private:
    std::size_t recordings_ = 0, replays_ = 0;
    bool valid_ = false;
    std::uint64_t key_ = 0;
    std::vector<ImDrawVert> vertices_;
    std::vector<ImDrawIdx> indices_; // relative to the first recorded vertex
    int command_count_ = 0;
    unsigned int vertex_offset_ = 0;
    int first_vertex_ = 0, first_index_ = 0;
    unsigned int base_index_ = 0;
};

} // namespace actlab::ui
