// Recording and replaying draw-list geometry (see cached_geometry.h).
#include "ui/cached_geometry.h"

#include <algorithm>
#include <cstring>
#include <limits>

namespace actlab::ui {

GeometryKey& GeometryKey::Add(const void* data, std::size_t bytes) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < bytes; ++i) {
        hash_ ^= p[i];
        hash_ *= 0x100000001b3ULL;
    }
    return *this;
}

void CachedGeometry::BeginRecording(const ImDrawList* draw) {
    command_count_ = draw->CmdBuffer.Size;
    vertex_offset_ = draw->_CmdHeader.VtxOffset;
    first_vertex_ = draw->VtxBuffer.Size;
    first_index_ = draw->IdxBuffer.Size;
    base_index_ = draw->_VtxCurrentIdx;
}

void CachedGeometry::EndRecording(const ImDrawList* draw, std::uint64_t key) {
    valid_ = false;
    const int vertex_count = draw->VtxBuffer.Size - first_vertex_;
    if (draw->CmdBuffer.Size != command_count_ || draw->_CmdHeader.VtxOffset != vertex_offset_ ||
        vertex_count <= 0 || vertex_count > static_cast<int>(std::numeric_limits<ImDrawIdx>::max())) {
        return; // another draw command was started: the indices would not replay as recorded
    }
    vertices_.assign(draw->VtxBuffer.Data + first_vertex_, draw->VtxBuffer.Data + draw->VtxBuffer.Size);
    indices_.assign(draw->IdxBuffer.Data + first_index_, draw->IdxBuffer.Data + draw->IdxBuffer.Size);
    for (ImDrawIdx& index : indices_)
        index = static_cast<ImDrawIdx>(index - base_index_);
    key_ = key;
    valid_ = true;
    ++recordings_;
}

bool CachedGeometry::Replay(ImDrawList* draw, std::uint64_t key) {
    if (!valid_ || key != key_) return false;
    const int vertex_count = static_cast<int>(vertices_.size());
    const int index_count = static_cast<int>(indices_.size());
    draw->PrimReserve(index_count, vertex_count); // may start a new vertex offset: read the base after it
    const unsigned int base = draw->_VtxCurrentIdx;
    std::memcpy(draw->_VtxWritePtr, vertices_.data(), vertices_.size() * sizeof(ImDrawVert));
    for (int i = 0; i < index_count; ++i) {
        draw->_IdxWritePtr[i] = static_cast<ImDrawIdx>(base + indices_[static_cast<std::size_t>(i)]);
    }
    draw->_VtxWritePtr += vertex_count;
    draw->_IdxWritePtr += index_count;
    draw->_VtxCurrentIdx += static_cast<unsigned int>(vertex_count);
    ++replays_;
    return true;
}

} // namespace actlab::ui
