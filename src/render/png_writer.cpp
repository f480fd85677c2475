// PNG encoding with zlib, in memory; the file is then written atomically (see file_output.h), so a
// failed write never leaves a truncated picture under the requested name. Our own encoder rather
// than stb_image_write's: stb's deflate takes seconds on a 4K figure, zlib a fraction of that.
#include "render/png_writer.h"

#include "render/file_output.h"

#include <zlib.h>

#include <vector>

namespace actlab {

namespace {

void AppendBigEndian(std::string& out, std::uint32_t value) {
    for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((value >> shift) & 0xFF);
}

// A chunk: length, type, data, and the CRC-32 of type and data.
void AppendChunk(std::string& out, const char* type, std::string_view data) {
    AppendBigEndian(out, static_cast<std::uint32_t>(data.size()));
    const std::size_t type_at = out.size();
    out.append(type, 4);
    out.append(data);
    const auto* crc_from = reinterpret_cast<const Bytef*>(out.data() + type_at);
    AppendBigEndian(out, static_cast<std::uint32_t>(crc32(0L, crc_from, static_cast<uInt>(4 + data.size()))));
}

// Filters one scanline with Up (the difference from the row above; Sub for the first row): a figure
// is mostly flat colour and straight lines, where Up leaves runs of zeros that deflate well. Trying
// every filter per row (the spec's heuristic) saved a few per cent of the size and cost more time
// than the rest of the export.
void FilterRow(const std::uint8_t* line, const std::uint8_t* above, std::size_t row, std::uint8_t* dest) {
    if (above == nullptr) {
        dest[0] = 1;  // Sub
        for (std::size_t i = 0; i < row; ++i) dest[i + 1] = static_cast<std::uint8_t>(line[i] - (i >= 4 ? line[i - 4] : 0));
        return;
    }
    dest[0] = 2;  // Up
    for (std::size_t i = 0; i < row; ++i) dest[i + 1] = static_cast<std::uint8_t>(line[i] - above[i]);
}

}  // namespace

std::string EncodePng(int width, int height, std::span<const std::uint8_t> pixels) {
    // Rows are filtered and deflated one at a time: a 4K image never exists twice in memory.
    // Level 1: on filtered figures higher levels spend seconds (long zero runs make zlib's match
    // search slow) to save a few per cent.
    z_stream stream{};
    if (deflateInit(&stream, 1) != Z_OK) return "";
    const std::size_t row = static_cast<std::size_t>(width) * 4;
    std::vector<std::uint8_t> filtered(row + 1);
    std::vector<std::uint8_t> chunk(1 << 18);
    std::string compressed;
    int status = Z_OK;
    for (std::size_t y = 0; y <= static_cast<std::size_t>(height) && status == Z_OK; ++y) {
        const bool last = y == static_cast<std::size_t>(height);
        if (!last) {
            const std::uint8_t* line = pixels.data() + y * row;
            FilterRow(line, y > 0 ? line - row : nullptr, row, filtered.data());
            stream.next_in = filtered.data();
            stream.avail_in = static_cast<uInt>(filtered.size());
        }
        do {
            stream.next_out = chunk.data();
            stream.avail_out = static_cast<uInt>(chunk.size());
            status = deflate(&stream, last ? Z_FINISH : Z_NO_FLUSH);
            compressed.append(reinterpret_cast<const char*>(chunk.data()), chunk.size() - stream.avail_out);
        } while (status == Z_OK && (stream.avail_out == 0 || (last && status != Z_STREAM_END)));
    }
    deflateEnd(&stream);
    if (status != Z_STREAM_END) return "";

    std::string png("\x89PNG\r\n\x1a\n", 8);
    std::string header;
    AppendBigEndian(header, static_cast<std::uint32_t>(width));
    AppendBigEndian(header, static_cast<std::uint32_t>(height));
    header += std::string("\x08\x06\x00\x00\x00", 5);  // 8 bits, RGBA, deflate, adaptive filters, no interlace
    AppendChunk(png, "IHDR", header);
    AppendChunk(png, "IDAT", compressed);
    AppendChunk(png, "IEND", "");
    return png;
}

std::string WritePng(const std::string& path, int width, int height, std::span<const std::uint8_t> pixels) {
    if (width <= 0 || height <= 0 || pixels.size() < static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4) {
        return "cannot write " + path + ": empty image";
    }
    const std::string encoded = EncodePng(width, height, pixels);
    if (encoded.empty()) return "cannot write " + path + ": PNG encoding failed";
    return WriteFileAtomically(path, encoded);
}

}  // namespace actlab
