// Our PNG encoder: what it writes decodes (stb_image) to exactly the pixels given, alpha included.
#include "render/png_writer.h"

#include <gtest/gtest.h>
#include <stb_image.h>

#include <vector>

namespace actlab {
namespace {

TEST(PngWriter, RoundTripsEveryByteIncludingAlpha) {
    constexpr int kWidth = 37, kHeight = 23;  // odd sizes: no row happens to align
    std::vector<std::uint8_t> pixels(static_cast<std::size_t>(kWidth * kHeight * 4));
    for (std::size_t i = 0; i < pixels.size(); ++i) pixels[i] = static_cast<std::uint8_t>((i * 7919u) ^ (i >> 5));
    // A flat band and identical rows, as in a figure's margins.
    for (std::size_t i = 0; i < static_cast<std::size_t>(kWidth * 4 * 5); ++i) pixels[i] = 255;
    const std::string png = EncodePng(kWidth, kHeight, pixels);
    ASSERT_GT(png.size(), 8u);
    EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
    int width = 0, height = 0, channels = 0;
    unsigned char* decoded = stbi_load_from_memory(reinterpret_cast<const unsigned char*>(png.data()),
                                                   static_cast<int>(png.size()), &width, &height, &channels, 4);
    ASSERT_NE(decoded, nullptr) << stbi_failure_reason();
    EXPECT_EQ(width, kWidth);
    EXPECT_EQ(height, kHeight);
    EXPECT_EQ(channels, 4);
    EXPECT_TRUE(std::equal(pixels.begin(), pixels.end(), decoded));
    stbi_image_free(decoded);
}

TEST(PngWriter, RefusesAnEmptyImageAndAnUnwritablePath) {
    const std::vector<std::uint8_t> one_pixel{1, 2, 3, 4};
    EXPECT_NE(WritePng("/tmp/x.png", 0, 0, {}), "");
    EXPECT_NE(WritePng("/nonexistent/x.png", 1, 1, one_pixel).find("/nonexistent/x.png: cannot write (No such file or directory)"), std::string::npos);
}

}  // namespace
}  // namespace actlab
