// MP4 (H.264, yuv420p) and WebM (VP9, yuv420p) through FFmpeg's libraries: RGBA frames converted to
// BT.709 limited-range YUV 4:2:0 by libswscale, encoded by libx264 or libvpx-vp9 (whatever H.264 or
// VP9 encoder this FFmpeg has otherwise), muxed by libavformat into memory, so that nothing reaches
// the disk until the caller's atomic write.
#include "render/animation_encoder.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
}

#include <algorithm>
#include <cmath>
#include <cstring>

namespace actlab {

namespace {

constexpr int kIoBufferSize = 1 << 16;

std::string AvError(const char* what, int code) {
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof text);
    return std::string(what) + ": " + text;
}

// The muxer's output: a growing byte string with a write position (MP4 seeks back to fill in sizes).
struct MemoryFile {
    std::string bytes;
    std::size_t position = 0;

    static int Write(void* opaque, std::uint8_t* data, int size) {
        auto* file = static_cast<MemoryFile*>(opaque);
        const auto count = static_cast<std::size_t>(size);
        if (file->position + count > file->bytes.size()) file->bytes.resize(file->position + count);
        std::memcpy(file->bytes.data() + file->position, data, count);
        file->position += count;
        return size;
    }
    static std::int64_t Seek(void* opaque, std::int64_t offset, int whence) {
        auto* file = static_cast<MemoryFile*>(opaque);
        const auto size = static_cast<std::int64_t>(file->bytes.size());
        if ((whence & AVSEEK_SIZE) != 0) return size;
        std::int64_t target = offset;
        if ((whence & 3) == SEEK_CUR) target += static_cast<std::int64_t>(file->position);
        if ((whence & 3) == SEEK_END) target += size;
        if (target < 0) return -1;
        file->position = static_cast<std::size_t>(target);
        return target;
    }
};

// The first encoder of this FFmpeg for the codec, preferring the software one we tune below.
const AVCodec* FindEncoder(AnimationFormat format) {
    const char* preferred = format == AnimationFormat::Mp4 ? "libx264" : "libvpx-vp9";
    if (const AVCodec* codec = avcodec_find_encoder_by_name(preferred)) return codec;
    return avcodec_find_encoder(format == AnimationFormat::Mp4 ? AV_CODEC_ID_H264 : AV_CODEC_ID_VP9);
}

class VideoEncoder final : public AnimationEncoder {
public:
    explicit VideoEncoder(const AnimationSettings& settings)
        : settings_(settings), size_(EncodedSize(settings.format, settings.rendered)) {}
    ~VideoEncoder() override {
        sws_freeContext(scaler_);
        av_frame_free(&frame_);
        av_packet_free(&packet_);
        avcodec_free_context(&codec_);
        if (format_ != nullptr) {
            if (format_->pb != nullptr) {
                av_freep(&format_->pb->buffer);
                avio_context_free(&format_->pb);
            }
            avformat_free_context(format_);
        }
    }
    VideoEncoder(const VideoEncoder&) = delete;
    VideoEncoder& operator=(const VideoEncoder&) = delete;

    std::string Open() {
        const bool mp4 = settings_.format == AnimationFormat::Mp4;
        av_log_set_level(AV_LOG_ERROR); // the encoders' statistics are not for our users' terminals
        const AVCodec* codec = FindEncoder(settings_.format);
        if (codec == nullptr) {
            return std::string("this FFmpeg has no ") + (mp4 ? "H.264" : "VP9") +
                   " encoder (libavcodec without " + (mp4 ? "libx264" : "libvpx") + ")";
        }
        encoder_name_ = codec->name;
        if (const int code = avformat_alloc_output_context2(&format_, nullptr, mp4 ? "mp4" : "webm", nullptr);
            code < 0) {
            return AvError("cannot start the container", code);
        }
        auto* buffer = static_cast<unsigned char*>(av_malloc(kIoBufferSize));
        format_->pb = avio_alloc_context(buffer, kIoBufferSize, 1, &file_, nullptr, &MemoryFile::Write,
                                         &MemoryFile::Seek);
        if (format_->pb == nullptr) {
            av_free(buffer);
            return "out of memory";
        }
        codec_ = avcodec_alloc_context3(codec);
        if (codec_ == nullptr) return "out of memory";
        const AVRational fps = av_d2q(settings_.fps, 1000);
        codec_->width = size_.width;
        codec_->height = size_.height;
        codec_->pix_fmt = AV_PIX_FMT_YUV420P;
        codec_->time_base = av_inv_q(fps);
        codec_->framerate = fps;
        codec_->gop_size = std::max(1, static_cast<int>(std::lround(settings_.fps * 2)));
        codec_->color_range = AVCOL_RANGE_MPEG;
        codec_->colorspace = AVCOL_SPC_BT709;
        codec_->color_primaries = AVCOL_PRI_BT709;
        codec_->color_trc = AVCOL_TRC_BT709;
        codec_->thread_count = 0; // as many as the machine has
        if ((format_->oformat->flags & AVFMT_GLOBALHEADER) != 0) codec_->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
        // Figures are flat colours and thin lines: a quality target high enough for crisp text, the
        // fastest settings that keep it (x264 "veryfast"; libvpx's realtime mode with row threads).
        if (encoder_name_ == "libx264") {
            av_opt_set(codec_->priv_data, "preset", "veryfast", 0);
            av_opt_set(codec_->priv_data, "crf", "20", 0);
        } else if (encoder_name_ == "libvpx-vp9") {
            codec_->bit_rate = 0;
            av_opt_set(codec_->priv_data, "crf", "30", 0);
            av_opt_set(codec_->priv_data, "deadline", "realtime", 0);
            av_opt_set(codec_->priv_data, "cpu-used", "8", 0);
            av_opt_set(codec_->priv_data, "row-mt", "1", 0);
        }
        if (const int code = avcodec_open2(codec_, codec, nullptr); code < 0)
            return AvError(codec->name, code);
        AVStream* stream = avformat_new_stream(format_, nullptr);
        if (stream == nullptr) return "out of memory";
        stream->time_base = codec_->time_base;
        avcodec_parameters_from_context(stream->codecpar, codec_);
        stream_ = stream;
        if (const int code = avformat_write_header(format_, nullptr); code < 0)
            return AvError("container header", code);

        frame_ = av_frame_alloc();
        packet_ = av_packet_alloc();
        if (frame_ == nullptr || packet_ == nullptr) return "out of memory";
        frame_->format = AV_PIX_FMT_YUV420P;
        frame_->width = size_.width;
        frame_->height = size_.height;
        if (av_frame_get_buffer(frame_, 0) < 0) return "out of memory";
        scaler_ = sws_getContext(size_.width, size_.height, AV_PIX_FMT_RGBA, size_.width, size_.height,
                                 AV_PIX_FMT_YUV420P, SWS_POINT, nullptr, nullptr, nullptr);
        if (scaler_ == nullptr) return "libswscale cannot convert RGBA to yuv420p";
        const int* bt709 = sws_getCoefficients(SWS_CS_ITU709);
        sws_setColorspaceDetails(scaler_, bt709, 1, bt709, 0, 0, 1 << 16, 1 << 16);
        padded_.resize(static_cast<std::size_t>(size_.width) * static_cast<std::size_t>(size_.height) * 4);
        return "";
    }

    std::string AddFrame(std::span<const std::uint8_t> rgba) override {
        Pad(rgba);
        if (av_frame_make_writable(frame_) < 0) return "out of memory";
        const std::uint8_t* source[1] = {padded_.data()};
        const int stride[1] = {size_.width * 4};
        sws_scale(scaler_, source, stride, 0, size_.height, frame_->data, frame_->linesize);
        frame_->pts = frames_++;
        return Encode(frame_);
    }

    std::string Finish(std::string& error) override {
        error = Encode(nullptr);
        if (error.empty()) {
            if (const int code = av_write_trailer(format_); code < 0)
                error = AvError("container trailer", code);
        }
        if (!error.empty()) return "";
        avio_flush(format_->pb);
        return std::move(file_.bytes);
    }

private:
    // The rendered frame in the even-sided buffer: the last column and row repeated where needed; a
    // transparent figure laid on white, since these videos have no alpha channel.
    void Pad(std::span<const std::uint8_t> rgba) {
        const int width = settings_.rendered.width, height = settings_.rendered.height;
        for (int y = 0; y < size_.height; ++y) {
            const std::uint8_t* row = rgba.data() + static_cast<std::size_t>(std::min(y, height - 1)) *
                                                        static_cast<std::size_t>(width) * 4;
            std::uint8_t* out =
                padded_.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(size_.width) * 4;
            std::memcpy(out, row, static_cast<std::size_t>(width) * 4);
            for (int x = width; x < size_.width; ++x)
                std::memcpy(out + x * 4, row + (width - 1) * 4, 4);
            if (!settings_.transparent) continue;
            for (int x = 0; x < size_.width; ++x) {
                std::uint8_t* p = out + x * 4;
                for (int c = 0; c < 3; ++c)
                    p[c] = static_cast<std::uint8_t>((p[c] * p[3] + 255 * (255 - p[3]) + 127) / 255);
                p[3] = 255;
            }
        }
    }

    // Sends a frame (null: drain) and muxes every packet the encoder has ready.
    std::string Encode(AVFrame* frame) {
        if (const int code = avcodec_send_frame(codec_, frame); code < 0)
            return AvError(encoder_name_.c_str(), code);
        while (true) {
            const int code = avcodec_receive_packet(codec_, packet_);
            if (code == AVERROR(EAGAIN) || code == AVERROR_EOF) return "";
            if (code < 0) return AvError(encoder_name_.c_str(), code);
            av_packet_rescale_ts(packet_, codec_->time_base, stream_->time_base);
            packet_->stream_index = stream_->index;
            const int written = av_interleaved_write_frame(format_, packet_);
            av_packet_unref(packet_);
            if (written < 0) return AvError("container", written);
        }
    }

    AnimationSettings settings_;
    AnimationSize size_;
    std::string encoder_name_;
    MemoryFile file_;
    AVFormatContext* format_ = nullptr;
    AVCodecContext* codec_ = nullptr;
    AVStream* stream_ = nullptr;
    AVFrame* frame_ = nullptr;
    AVPacket* packet_ = nullptr;
    SwsContext* scaler_ = nullptr;
    std::vector<std::uint8_t> padded_;
    std::int64_t frames_ = 0;
};

} // namespace

std::unique_ptr<AnimationEncoder> CreateVideoEncoder(const AnimationSettings& settings, std::string& error) {
    auto encoder = std::make_unique<VideoEncoder>(settings);
    error = encoder->Open();
    if (!error.empty()) return nullptr;
    return encoder;
}

AnimationSize EncodedSize(AnimationFormat format, AnimationSize rendered) {
    if (format == AnimationFormat::Gif) return rendered;
    return {rendered.width + rendered.width % 2, rendered.height + rendered.height % 2};
}

std::unique_ptr<AnimationEncoder> CreateAnimationEncoder(const AnimationSettings& settings,
                                                         std::string& error) {
    if (settings.format == AnimationFormat::Gif) return CreateGifEncoder(settings, error);
    return CreateVideoEncoder(settings, error);
}

} // namespace actlab
