// PNG encoding in memory with zlib; the file is then written atomically (core/file_io.h), so a
// failed write never leaves a truncated picture under the requested name. A 4K figure is 33 MB of
// pixels: stb_image_write's deflate took about 60 % of a headless 4K render, so the rows are
// filtered (Up) and deflated here at zlib's fastest level, in bands compressed in parallel and
// joined into one zlib stream (each band but the last ends on a byte boundary with a sync flush).
#include "render/png_writer.h"

#include "core/file_io.h"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <thread>
#include <vector>

namespace actlab {

namespace {

// The band count is fixed, not the thread count, so the same pixels give the same bytes on every
// machine (`actlab render` output is deterministic).
constexpr std::size_t kBands = 8;

void AppendBigEndian(std::string& out, std::uint32_t value) {
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>((value >> shift) & 0xffu));
}

void AppendChunk(std::string& out, const char type[4], const std::string& data) {
    AppendBigEndian(out, static_cast<std::uint32_t>(data.size()));
    const std::size_t start = out.size();
    out.append(type, 4);
    out += data;
    const auto* crc_bytes = reinterpret_cast<const Bytef*>(out.data() + start);
    AppendBigEndian(out, static_cast<std::uint32_t>(crc32(0L, crc_bytes, static_cast<uInt>(out.size() - start))));
}

struct Band {
    std::size_t first_row = 0, rows = 0;
    std::string deflated;      // raw deflate data, no zlib header
    uLong adler = 1;           // of the filtered bytes
    uLong filtered_size = 0;
    bool ok = false;
};

// Filters the band's rows with PNG's Up filter (each byte minus the one above it) and deflates them
// row by row: no band-sized buffer to allocate and fault in.
void CompressBand(Band& band, int width, std::span<const std::uint8_t> pixels, bool last) {
    const std::size_t row_bytes = static_cast<std::size_t>(width) * 4;
    std::vector<std::uint8_t> filtered(row_bytes + 1);
    filtered[0] = 2;  // Up
    z_stream stream{};
    if (deflateInit2(&stream, Z_BEST_SPEED, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) return;
    // Figures are mostly flat colour: a sixteenth of the raw size is usually plenty; grown if not.
    band.deflated.resize(band.rows * (row_bytes + 1) / 16 + 4096);
    stream.next_out = reinterpret_cast<Bytef*>(band.deflated.data());
    stream.avail_out = static_cast<uInt>(band.deflated.size());
    bool ok = true;
    for (std::size_t r = 0; r < band.rows && ok; ++r) {
        const std::size_t y = band.first_row + r;
        const std::uint8_t* row = pixels.data() + y * row_bytes;
        if (y == 0) {
            std::copy(row, row + row_bytes, filtered.begin() + 1);
        } else {
            const std::uint8_t* above = row - row_bytes;
            for (std::size_t i = 0; i < row_bytes; ++i) filtered[1 + i] = static_cast<std::uint8_t>(row[i] - above[i]);
        }
        band.adler = adler32(band.adler, filtered.data(), static_cast<uInt>(filtered.size()));
        band.filtered_size += static_cast<uLong>(filtered.size());
        stream.next_in = filtered.data();
        stream.avail_in = static_cast<uInt>(filtered.size());
        const bool final_row = r + 1 == band.rows;
        const int flush = !final_row ? Z_NO_FLUSH : last ? Z_FINISH : Z_SYNC_FLUSH;
        for (;;) {
            if (stream.avail_out == 0) {
                const std::size_t used = band.deflated.size();
                band.deflated.resize(used * 2);
                stream.next_out = reinterpret_cast<Bytef*>(band.deflated.data() + used);
                stream.avail_out = static_cast<uInt>(band.deflated.size() - used);
            }
            const int result = deflate(&stream, flush);
            if (result == Z_STREAM_ERROR) {
                ok = false;
                break;
            }
            if (flush == Z_FINISH ? result == Z_STREAM_END : stream.avail_in == 0 && stream.avail_out > 0) break;
        }
    }
    band.ok = ok;
    band.deflated.resize(stream.total_out);
    deflateEnd(&stream);
}

}  // namespace

std::string EncodePng(int width, int height, std::span<const std::uint8_t> pixels) {
    if (width <= 0 || height <= 0) return "";
    const std::size_t rows = static_cast<std::size_t>(height);
    // One zlib call takes at most 4 GiB; a band of an 8192-wide image stays far below that.
    std::vector<Band> bands(std::min(kBands, rows));
    for (std::size_t b = 0; b < bands.size(); ++b) {
        bands[b].first_row = rows * b / bands.size();
        bands[b].rows = rows * (b + 1) / bands.size() - bands[b].first_row;
    }
    const std::size_t threads = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, bands.size());
    {
        std::vector<std::jthread> workers;
        for (std::size_t t = 0; t < threads; ++t) {
            workers.emplace_back([&, t] {
                for (std::size_t b = t; b < bands.size(); b += threads) {
                    CompressBand(bands[b], width, pixels, b + 1 == bands.size());
                }
            });
        }
    }
    // The zlib stream: header (deflate, 32 KiB window, fastest), the bands, Adler-32 of all bytes.
    std::string idat = "\x78\x01";
    uLong adler = 1;
    for (const Band& band : bands) {
        if (!band.ok) return "";
        idat += band.deflated;
        adler = adler32_combine(adler, band.adler, static_cast<z_off_t>(band.filtered_size));
    }
    AppendBigEndian(idat, static_cast<std::uint32_t>(adler));

    std::string png("\x89PNG\r\n\x1a\n", 8);
    std::string header;
    AppendBigEndian(header, static_cast<std::uint32_t>(width));
    AppendBigEndian(header, static_cast<std::uint32_t>(height));
    header += std::string{'\x08', '\x06', '\0', '\0', '\0'};  // 8 bits, RGBA, deflate, adaptive filters, no interlace
    AppendChunk(png, "IHDR", header);
    AppendChunk(png, "IDAT", idat);
    AppendChunk(png, "IEND", "");
    return png;
}

std::string WritePng(const std::string& path, int width, int height, std::span<const std::uint8_t> pixels) {
    if (width <= 0 || height <= 0 ||
        pixels.size() < static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4) {
        return path + ": cannot write (empty image)";
    }
    const std::string encoded = EncodePng(width, height, pixels);
    if (encoded.empty()) return path + ": cannot write (PNG encoding failed)";
    return WriteFileAtomically(path, encoded);
}

}  // namespace actlab
