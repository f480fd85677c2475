// The clipboard's hand-off on exit under Xvfb: a clipboard manager of the test's own (Xlib, as the
// freedesktop clipboard manager protocol has it) owns CLIPBOARD_MANAGER; `actlab --copy f` asks it to
// SAVE_TARGETS as it exits, the manager reads the targets and the PNG from actlab's CLIPBOARD and
// confirms. And on a Wayland session without X the clipboard says so instead of failing silently.
#include "app/clipboard.h"
#include "png_test_support.h"

// GoogleTest before Xlib: Xlib's None macro would otherwise rename a GoogleTest type.
#include <gtest/gtest.h>

#include <X11/Xatom.h>
#include <X11/Xlib.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <poll.h>
#include <spawn.h>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace actlab::test {
namespace {

namespace fs = std::filesystem;

// Sets (or, with nullopt, removes) an environment variable for one scope.
class ScopedEnv {
public:
    ScopedEnv(const char* name, std::optional<std::string> value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        if (value) {
            ::setenv(name, value->c_str(), 1);
        } else {
            ::unsetenv(name);
        }
    }
    ~ScopedEnv() {
        if (old_) {
            ::setenv(name_, old_->c_str(), 1);
        } else {
            ::unsetenv(name_);
        }
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    const char* name_;
    std::optional<std::string> old_;
};

TEST(Clipboard, WaylandSessionWithoutXIsSaid) {
    const ScopedEnv no_x("DISPLAY", std::nullopt);
    {
        const ScopedEnv wayland("WAYLAND_DISPLAY", "wayland-0");
        std::string error;
        EXPECT_EQ(app::CreateSystemClipboard(error), nullptr);
        EXPECT_NE(error.find("Wayland session has no X server"), std::string::npos) << error;
    }
    const ScopedEnv no_wayland("WAYLAND_DISPLAY", std::nullopt);
    std::string error;
    EXPECT_EQ(app::CreateSystemClipboard(error), nullptr);
    EXPECT_EQ(error.find("Wayland"), std::string::npos) << "no Wayland either: " << error;
    EXPECT_NE(error.find("no X display"), std::string::npos) << error;
}

// A minimal clipboard manager: owns CLIPBOARD_MANAGER and answers one SAVE_TARGETS request by
// fetching TARGETS and then image/png from the CLIPBOARD owner (following INCR if it is used).
class FakeClipboardManager {
public:
    FakeClipboardManager() {
        display_ = XOpenDisplay(nullptr);
        if (display_ == nullptr) return;
        window_ = XCreateSimpleWindow(display_, DefaultRootWindow(display_), 0, 0, 1, 1, 0, 0, 0);
        XSelectInput(display_, window_, PropertyChangeMask);
        manager_ = Atom("CLIPBOARD_MANAGER");
        save_targets_ = Atom("SAVE_TARGETS");
        clipboard_ = Atom("CLIPBOARD");
        targets_ = Atom("TARGETS");
        png_ = Atom("image/png");
        incr_ = Atom("INCR");
        XSetSelectionOwner(display_, manager_, window_, CurrentTime);
        XSync(display_, False);
    }
    ~FakeClipboardManager() {
        if (display_ == nullptr) return;
        XDestroyWindow(display_, window_);
        XCloseDisplay(display_);
    }
    FakeClipboardManager(const FakeClipboardManager&) = delete;
    FakeClipboardManager& operator=(const FakeClipboardManager&) = delete;

    bool Ready() const { return display_ != nullptr && XGetSelectionOwner(display_, manager_) == window_; }

    // Serves events until the hand-off is done or `seconds` pass; true when the PNG was saved.
    bool Serve(double seconds) {
        const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
        while (std::chrono::steady_clock::now() < end && !confirmed_) {
            while (XPending(display_) > 0 && !confirmed_) {
                XEvent event;
                XNextEvent(display_, &event);
                Handle(event);
            }
            pollfd fd{ConnectionNumber(display_), POLLIN, 0};
            ::poll(&fd, 1, 50);
        }
        return confirmed_;
    }

    std::vector<std::string> asked_targets; // what the owner listed on its SAVE_TARGETS property
    std::vector<std::string> offered;       // the owner's TARGETS
    std::string png;                        // the saved image/png

private:
    ::Atom Atom(const char* name) const { return XInternAtom(display_, name, False); }

    std::string Name(::Atom atom) const {
        char* name = XGetAtomName(display_, atom);
        std::string text = name != nullptr ? name : "";
        if (name != nullptr) XFree(name);
        return text;
    }

    // The property's whole value (deleted once read); its type in `type`.
    std::string ReadProperty(Window window, ::Atom property, ::Atom& type, int& format) {
        unsigned long count = 0, after = 0;
        unsigned char* data = nullptr;
        std::string value;
        if (XGetWindowProperty(display_, window, property, 0, 1 << 24, True, AnyPropertyType, &type, &format,
                               &count, &after, &data) == Success &&
            data != nullptr) {
            const std::size_t unit = format == 32 ? sizeof(long) : static_cast<std::size_t>(format / 8);
            value.assign(reinterpret_cast<const char*>(data), count * unit);
        }
        if (data != nullptr) XFree(data);
        return value;
    }

    std::vector<std::string> AtomNames(const std::string& value) const {
        std::vector<std::string> names;
        for (std::size_t i = 0; i + sizeof(long) <= value.size(); i += sizeof(long)) {
            long atom = 0;
            value.copy(reinterpret_cast<char*>(&atom), sizeof(long), i);
            names.push_back(Name(static_cast<::Atom>(atom)));
        }
        return names;
    }

    void Handle(const XEvent& event) {
        if (event.type == SelectionRequest && event.xselectionrequest.selection == manager_ &&
            event.xselectionrequest.target == save_targets_) {
            request_ = event.xselectionrequest;
            ::Atom type = 0;
            int format = 0;
            if (request_.property != None)
                asked_targets = AtomNames(ReadProperty(request_.requestor, request_.property, type, format));
            XConvertSelection(display_, clipboard_, targets_, Atom("FAKE_TARGETS"), window_, CurrentTime);
            XFlush(display_);
        } else if (event.type == SelectionNotify && event.xselection.target == targets_) {
            ::Atom type = 0;
            int format = 0;
            if (event.xselection.property != None)
                offered = AtomNames(ReadProperty(window_, event.xselection.property, type, format));
            XConvertSelection(display_, clipboard_, png_, Atom("FAKE_PNG"), window_, CurrentTime);
            XFlush(display_);
        } else if (event.type == SelectionNotify && event.xselection.target == png_) {
            if (event.xselection.property == None) return Confirm(false);
            ::Atom type = 0;
            int format = 0;
            const std::string value = ReadProperty(window_, event.xselection.property, type, format);
            if (type != incr_) {
                png = value;
                return Confirm(true);
            }
            incr_property_ = event.xselection.property; // chunks follow, each on a new value
        } else if (event.type == PropertyNotify && event.xproperty.state == PropertyNewValue &&
                   incr_property_ != None && event.xproperty.atom == incr_property_) {
            ::Atom type = 0;
            int format = 0;
            const std::string chunk = ReadProperty(window_, incr_property_, type, format);
            if (chunk.empty()) return Confirm(true);
            png += chunk;
        }
    }

    // Tells the owner the hand-off is over (property None: it failed).
    void Confirm(bool saved) {
        XSelectionEvent reply{};
        reply.type = SelectionNotify;
        reply.display = display_;
        reply.requestor = request_.requestor;
        reply.selection = manager_;
        reply.target = save_targets_;
        reply.property = saved ? request_.property : None;
        reply.time = request_.time;
        XSendEvent(display_, request_.requestor, False, NoEventMask, reinterpret_cast<XEvent*>(&reply));
        XFlush(display_);
        confirmed_ = saved;
    }

    Display* display_ = nullptr;
    Window window_ = 0;
    ::Atom manager_ = 0, save_targets_ = 0, clipboard_ = 0, targets_ = 0, png_ = 0, incr_ = 0;
    ::Atom incr_property_ = None;
    XSelectionRequestEvent request_{};
    bool confirmed_ = false;
};

TEST(Clipboard, HandsTheFigureToAClipboardManagerOnExit) {
    FakeClipboardManager manager;
    ASSERT_TRUE(manager.Ready()) << "the test's manager could not own CLIPBOARD_MANAGER";
    const fs::path dir = fs::temp_directory_path() / ("actlab-clipman-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    // Serves for a second, then exits, handing the clipboard over.
    const std::string command = "XDG_CONFIG_HOME='" + dir.string() +
                                "' exec '" ACTLAB_EXE
                                "' --size 800x500 --frames 3 --copy f --copy-hold 1 2>'" +
                                (dir / "err").string() + "'";
    const char* argv[] = {"sh", "-c", command.c_str(), nullptr};
    pid_t pid = 0;
    ASSERT_EQ(posix_spawn(&pid, "/bin/sh", nullptr, nullptr, const_cast<char**>(argv), environ), 0);
    const bool saved = manager.Serve(90.0);
    int status = 0;
    if (!saved) ::kill(pid, SIGTERM);
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    std::ifstream err_file(dir / "err");
    std::stringstream err;
    err << err_file.rdbuf();
    ASSERT_TRUE(saved) << "no hand-off; actlab said: " << err.str();
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << err.str();
    EXPECT_NE(err.str().find("Copied the f plot"), std::string::npos) << err.str();
    EXPECT_EQ(manager.asked_targets, (std::vector<std::string>{"image/png", "image/svg+xml", "text/plain"}));
    EXPECT_NE(std::find(manager.offered.begin(), manager.offered.end(), "image/png"), manager.offered.end());
    // What the manager keeps is the figure: the export dialog's default 2× of 1200×750.
    std::ofstream(dir / "saved.png", std::ios::binary) << manager.png;
    const Image image = LoadPng(dir / "saved.png");
    EXPECT_EQ(image.width, 2400);
    EXPECT_EQ(image.height, 1500);
    fs::remove_all(dir);
}

} // namespace
} // namespace actlab::test
