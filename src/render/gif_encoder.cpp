// Animated GIF through giflib: each frame stores only the rectangle that changed since the one before,
// with its own adaptive palette of at most 256 colours. Flat areas and the theme's colours (background,
// axes, text, curves) keep their exact colour; other colours (anti-aliased edges) map to the nearest
// palette entry, never dithered, so flat areas carry no noise.
#include "render/animation_encoder.h"

#include <gif_lib.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>

namespace actlab {

namespace {

constexpr std::uint32_t kTransparentKey = 0x01000000; // above every 24-bit colour
constexpr std::uint32_t kEmptyKey = 0xFFFFFFFF;
constexpr std::size_t kFrequentColors = 160; // kept exact by frequency: flat areas, then theme colours

// Opaque colours as 0xRRGGBB; pixels less than half covered as transparent.
std::uint32_t KeyOf(const std::uint8_t* pixel) {
    if (pixel[3] < 128) return kTransparentKey;
    return (std::uint32_t{pixel[0]} << 16) | (std::uint32_t{pixel[1]} << 8) | pixel[2];
}

// Distinct colours of a region with their pixel counts: open addressing, grown at half full.
class ColorTable {
public:
    struct Entry {
        std::uint32_t key = kEmptyKey;
        std::uint32_t count = 0;
        int index = -1; // in the frame's palette, once chosen
    };

    ColorTable() { slots_.resize(4096); }

    Entry& Find(std::uint32_t key) {
        if (2 * (size_ + 1) > slots_.size()) Grow();
        std::size_t i = Hash(key) & (slots_.size() - 1);
        while (slots_[i].key != key && slots_[i].key != kEmptyKey)
            i = (i + 1) & (slots_.size() - 1);
        if (slots_[i].key == kEmptyKey) {
            slots_[i].key = key;
            ++size_;
        }
        return slots_[i];
    }
    void Clear() {
        std::fill(slots_.begin(), slots_.end(), Entry{});
        size_ = 0;
    }
    std::vector<Entry*> Entries() {
        std::vector<Entry*> entries;
        entries.reserve(size_);
        for (Entry& e : slots_)
            if (e.key != kEmptyKey) entries.push_back(&e);
        return entries;
    }

private:
    static std::size_t Hash(std::uint32_t key) { return (key * 2654435761u) >> 8; }
    void Grow() {
        std::vector<Entry> old(slots_.size() * 2);
        old.swap(slots_);
        size_ = 0;
        for (const Entry& e : old) {
            if (e.key == kEmptyKey) continue;
            Entry& moved = Find(e.key);
            moved.count = e.count;
            moved.index = e.index;
        }
    }
    std::vector<Entry> slots_;
    std::size_t size_ = 0;
};

struct Rect {
    int x = 0, y = 0, width = 0, height = 0;
};

int Channel(std::uint32_t key, std::size_t channel) {
    return static_cast<int>((key >> (16 - 8 * channel)) & 0xFF);
}

// Median cut over the colours left after the exact ones: the box with the widest channel range is
// split at the pixel-weighted median of that channel until there are `boxes` boxes. Each box gives
// its pixel-weighted mean colour.
std::vector<std::uint32_t> MedianCut(std::vector<ColorTable::Entry*> colors, std::size_t boxes) {
    struct Box {
        std::size_t begin, end;
        std::size_t channel = 0;
        int range = 0;
    };
    const auto measure = [&colors](Box& box) {
        std::array<int, 3> lo{255, 255, 255}, hi{0, 0, 0};
        for (std::size_t i = box.begin; i < box.end; ++i) {
            for (std::size_t c = 0; c < 3; ++c) {
                lo[c] = std::min(lo[c], Channel(colors[i]->key, c));
                hi[c] = std::max(hi[c], Channel(colors[i]->key, c));
            }
        }
        box.range = -1;
        for (std::size_t c = 0; c < 3; ++c) {
            if (hi[c] - lo[c] > box.range) box.range = hi[c] - lo[c], box.channel = c;
        }
    };
    std::vector<Box> list;
    if (colors.empty() || boxes == 0) return {};
    list.push_back({0, colors.size()});
    measure(list.back());
    while (list.size() < boxes) {
        auto widest = std::max_element(list.begin(), list.end(),
                                       [](const Box& a, const Box& b) { return a.range < b.range; });
        if (widest->range <= 0 || widest->end - widest->begin < 2) break;
        const std::size_t channel = widest->channel;
        std::sort(colors.begin() + static_cast<std::ptrdiff_t>(widest->begin),
                  colors.begin() + static_cast<std::ptrdiff_t>(widest->end),
                  [channel](const ColorTable::Entry* a, const ColorTable::Entry* b) {
                      return Channel(a->key, channel) < Channel(b->key, channel);
                  });
        std::uint64_t total = 0;
        for (std::size_t i = widest->begin; i < widest->end; ++i)
            total += colors[i]->count;
        std::uint64_t running = 0;
        std::size_t split = widest->begin + 1;
        for (std::size_t i = widest->begin; i < widest->end - 1; ++i) {
            running += colors[i]->count;
            split = i + 1;
            if (2 * running >= total) break;
        }
        Box upper{split, widest->end};
        widest->end = split;
        measure(*widest);
        measure(upper);
        list.push_back(upper);
    }
    std::vector<std::uint32_t> result;
    for (const Box& box : list) {
        std::array<std::uint64_t, 3> sum{};
        std::uint64_t weight = 0;
        for (std::size_t i = box.begin; i < box.end; ++i) {
            for (std::size_t c = 0; c < 3; ++c)
                sum[c] += std::uint64_t(Channel(colors[i]->key, c)) * colors[i]->count;
            weight += colors[i]->count;
        }
        std::uint32_t key = 0;
        for (std::size_t c = 0; c < 3; ++c)
            key = (key << 8) | static_cast<std::uint32_t>((sum[c] + weight / 2) / weight);
        result.push_back(key);
    }
    return result;
}

class GifEncoder final : public AnimationEncoder {
public:
    explicit GifEncoder(const AnimationSettings& settings) : settings_(settings) {
        for (const Color& color : settings.exact_colors) {
            if (color.a == 255)
                exact_.push_back((std::uint32_t{color.r} << 16) | (std::uint32_t{color.g} << 8) | color.b);
        }
    }
    ~GifEncoder() override {
        int error = 0;
        if (gif_ != nullptr) EGifCloseFile(gif_, &error);
    }
    GifEncoder(const GifEncoder&) = delete;
    GifEncoder& operator=(const GifEncoder&) = delete;

    std::string Open() {
        int error = 0;
        gif_ = EGifOpen(&bytes_, &GifEncoder::Write, &error);
        if (gif_ == nullptr) return std::string("GIF: ") + GifErrorString(error);
        EGifSetGifVersion(gif_, true);
        if (EGifPutScreenDesc(gif_, settings_.rendered.width, settings_.rendered.height, 8, 0, nullptr) ==
            GIF_ERROR) {
            return Failure();
        }
        // NETSCAPE2.0 application extension: loop forever (count 0).
        static const char kApplication[] = "NETSCAPE2.0";
        static const unsigned char kLoop[] = {1, 0, 0};
        if (EGifPutExtensionLeader(gif_, APPLICATION_EXT_FUNC_CODE) == GIF_ERROR ||
            EGifPutExtensionBlock(gif_, 11, kApplication) == GIF_ERROR ||
            EGifPutExtensionBlock(gif_, 3, kLoop) == GIF_ERROR ||
            EGifPutExtensionTrailer(gif_) == GIF_ERROR) {
            return Failure();
        }
        return "";
    }

    std::string AddFrame(std::span<const std::uint8_t> rgba) override {
        const int width = settings_.rendered.width;
        const bool has_transparency = settings_.transparent;
        // A transparent figure cannot paint "transparent" over an earlier frame's pixel: whole frames,
        // each cleared away before the next.
        const Rect rect = previous_.empty() || has_transparency ? Rect{0, 0, width, settings_.rendered.height}
                                                                : ChangedRect(rgba);
        const std::vector<std::uint32_t> palette = BuildPalette(rgba, rect);
        ColorMapObject* map = GifMakeMapObject(256, nullptr);
        if (map == nullptr) return "GIF: out of memory";
        for (std::size_t i = 0; i < 256; ++i) {
            const std::uint32_t key = i < palette.size() ? palette[i] : 0;
            map->Colors[i] = {static_cast<GifByteType>(key >> 16), static_cast<GifByteType>(key >> 8),
                              static_cast<GifByteType>(key)};
        }
        GraphicsControlBlock control{};
        control.DisposalMode = has_transparency ? DISPOSE_BACKGROUND : DISPOSE_DO_NOT;
        control.UserInputFlag = false;
        control.TransparentColor = transparent_index_;
        // Delays are in hundredths of a second: each frame ends at round(100·(i+1)/fps).
        const auto end_of = [this](long frame) {
            return std::lround(100.0 * static_cast<double>(frame) / settings_.fps);
        };
        control.DelayTime = static_cast<int>(end_of(frames_ + 1) - end_of(frames_));
        GifByteType extension[4];
        const std::size_t length = EGifGCBToExtension(&control, extension);
        const bool ok =
            EGifPutExtension(gif_, GRAPHICS_EXT_FUNC_CODE, static_cast<int>(length), extension) !=
                GIF_ERROR &&
            EGifPutImageDesc(gif_, rect.x, rect.y, rect.width, rect.height, false, map) != GIF_ERROR;
        GifFreeMapObject(map);
        if (!ok) return Failure();
        std::vector<GifPixelType> line(static_cast<std::size_t>(rect.width));
        for (int y = rect.y; y < rect.y + rect.height; ++y) {
            const std::uint8_t* pixel =
                rgba.data() + (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                               static_cast<std::size_t>(rect.x)) *
                                  4;
            std::uint32_t last_key = kEmptyKey;
            int last_index = 0;
            for (int x = 0; x < rect.width; ++x, pixel += 4) {
                const std::uint32_t key = KeyOf(pixel);
                if (key != last_key) {
                    last_key = key;
                    last_index = table_.Find(key).index;
                }
                line[static_cast<std::size_t>(x)] = static_cast<GifPixelType>(last_index);
            }
            if (EGifPutLine(gif_, line.data(), rect.width) == GIF_ERROR) return Failure();
        }
        previous_.assign(rgba.begin(), rgba.end());
        ++frames_;
        return "";
    }

    std::string Finish(std::string& error) override {
        int code = 0;
        const int closed = EGifCloseFile(gif_, &code);
        gif_ = nullptr;
        if (closed == GIF_ERROR) {
            error = std::string("GIF: ") + GifErrorString(code);
            return "";
        }
        return std::move(bytes_);
    }

private:
    static int Write(GifFileType* gif, const GifByteType* data, int length) {
        static_cast<std::string*>(gif->UserData)
            ->append(reinterpret_cast<const char*>(data), static_cast<std::size_t>(length));
        return length;
    }
    std::string Failure() const { return std::string("GIF: ") + GifErrorString(gif_->Error); }

    // The smallest rectangle holding every pixel that differs from the previous frame; one pixel
    // when none does (a frame must still be there, for its duration).
    Rect ChangedRect(std::span<const std::uint8_t> rgba) const {
        const int width = settings_.rendered.width, height = settings_.rendered.height;
        const auto* now = reinterpret_cast<const std::uint32_t*>(rgba.data());
        const auto* before = reinterpret_cast<const std::uint32_t*>(previous_.data());
        int x0 = width, y0 = height, x1 = -1, y1 = -1;
        for (int y = 0; y < height; ++y) {
            const std::size_t row = static_cast<std::size_t>(y) * static_cast<std::size_t>(width);
            if (std::memcmp(now + row, before + row, static_cast<std::size_t>(width) * 4) == 0) continue;
            y0 = std::min(y0, y), y1 = y;
            int left = 0, right = width - 1;
            while (now[row + static_cast<std::size_t>(left)] == before[row + static_cast<std::size_t>(left)])
                ++left;
            while (now[row + static_cast<std::size_t>(right)] ==
                   before[row + static_cast<std::size_t>(right)])
                --right;
            x0 = std::min(x0, left), x1 = std::max(x1, right);
        }
        if (y1 < 0) return {0, 0, 1, 1};
        return {x0, y0, x1 - x0 + 1, y1 - y0 + 1};
    }

    // Counts the region's colours, chooses at most 256, and stores each colour's palette index in
    // the table. Equal neighbours (the common case) are counted without a lookup.
    std::vector<std::uint32_t> BuildPalette(std::span<const std::uint8_t> rgba, const Rect& rect) {
        table_.Clear();
        const int width = settings_.rendered.width;
        for (int y = rect.y; y < rect.y + rect.height; ++y) {
            const std::uint8_t* pixel =
                rgba.data() + (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                               static_cast<std::size_t>(rect.x)) *
                                  4;
            std::uint32_t last_key = KeyOf(pixel);
            std::uint32_t run = 0;
            for (int x = 0; x < rect.width; ++x, pixel += 4) {
                const std::uint32_t key = KeyOf(pixel);
                if (key != last_key) {
                    table_.Find(last_key).count += run;
                    last_key = key, run = 0;
                }
                ++run;
            }
            table_.Find(last_key).count += run;
        }
        std::vector<ColorTable::Entry*> entries = table_.Entries();
        std::vector<std::uint32_t> palette;
        transparent_index_ = NO_TRANSPARENT_COLOR;
        const auto take = [&palette](ColorTable::Entry* entry) {
            entry->index = static_cast<int>(palette.size());
            palette.push_back(entry->key == kTransparentKey ? 0 : entry->key);
        };
        for (ColorTable::Entry* entry : entries) {
            if (entry->key == kTransparentKey) {
                transparent_index_ = static_cast<int>(palette.size());
                take(entry);
            }
        }
        if (entries.size() <= 256) {
            for (ColorTable::Entry* entry : entries)
                if (entry->index < 0) take(entry);
            return palette;
        }
        // The theme's colours first, then the most frequent: together they cover the flat areas.
        for (std::uint32_t key : exact_) {
            ColorTable::Entry& entry = table_.Find(key);
            if (entry.count > 0 && entry.index < 0) take(&entry);
        }
        std::sort(entries.begin(), entries.end(),
                  [](const ColorTable::Entry* a, const ColorTable::Entry* b) { return a->count > b->count; });
        for (ColorTable::Entry* entry : entries) {
            if (palette.size() >= kFrequentColors) break;
            if (entry->index < 0) take(entry);
        }
        const std::size_t exact_count = palette.size();
        std::vector<ColorTable::Entry*> rest;
        for (ColorTable::Entry* entry : entries)
            if (entry->index < 0) rest.push_back(entry);
        for (std::uint32_t key : MedianCut(rest, 256 - exact_count))
            palette.push_back(key);
        // Every other colour: the nearest palette colour (squared RGB distance), transparency aside.
        for (ColorTable::Entry* entry : rest) {
            int best = 0;
            int best_distance = 1 << 30;
            for (std::size_t i = 0; i < palette.size(); ++i) {
                if (static_cast<int>(i) == transparent_index_) continue;
                int distance = 0;
                for (std::size_t c = 0; c < 3; ++c) {
                    const int d = Channel(entry->key, c) - Channel(palette[i], c);
                    distance += d * d;
                }
                if (distance < best_distance) best_distance = distance, best = static_cast<int>(i);
            }
            entry->index = best;
        }
        return palette;
    }

    AnimationSettings settings_;
    std::vector<std::uint32_t> exact_;
    GifFileType* gif_ = nullptr;
    std::string bytes_;
    std::vector<std::uint8_t> previous_;
    ColorTable table_;
    int transparent_index_ = NO_TRANSPARENT_COLOR;
    long frames_ = 0;
};

} // namespace

std::unique_ptr<AnimationEncoder> CreateGifEncoder(const AnimationSettings& settings, std::string& error) {
    auto encoder = std::make_unique<GifEncoder>(settings);
    error = encoder->Open();
    if (!error.empty()) return nullptr;
    return encoder;
}

} // namespace actlab
