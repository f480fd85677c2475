// The system clipboard for images and text: ActLab owns the CLIPBOARD selection and serves each
// format it offers (PNG, SVG, CSV as text) for as long as it runs, then hands the data to a
// clipboard manager on exit where one announces itself. GLFW's clipboard is text only; this is our
// own Xlib code (clipboard_x11.cpp), behind this small interface.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace actlab::app {

struct ClipboardItem {
    std::string mime; // "image/png", "image/svg+xml", "text/plain"
    std::string bytes;
};

class Clipboard {
public:
    virtual ~Clipboard() = default;
    // Takes the clipboard, offering these formats until another program takes it. "" or the reason.
    virtual std::string Offer(std::vector<ClipboardItem> items) = 0;
    // Whether what we offered is still on the clipboard (no other program has taken it since).
    virtual bool Owned() const = 0;
    // Hands the data to a clipboard manager, if one runs, waiting at most `timeout_s`; true when
    // it took it (or there was nothing to hand over).
    virtual bool HandOver(double timeout_s) = 0;
};

// The X11 clipboard on its own display connection, served from a thread of its own; null with the
// reason in `error` when there is no X display (e.g. a Wayland session without Xwayland).
std::unique_ptr<Clipboard> CreateSystemClipboard(std::string& error);

} // namespace actlab::app
