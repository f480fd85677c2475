// The X11 CLIPBOARD selection (see clipboard.h), following the ICCCM: a hidden window owns the
// selection and answers SelectionRequest events for TARGETS, TIMESTAMP, MULTIPLE and each format;
// data larger than one request goes by the INCR protocol, a chunk each time the requestor deletes
// the property. On exit SAVE_TARGETS asks a clipboard manager to copy everything. All X calls happen
// on one thread with its own Display connection; the caller talks to it through a mutex.
#include "app/clipboard.h"

#include <X11/Xatom.h>
#include <X11/Xlib.h>

#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <thread>

namespace actlab::app {

namespace {

// An INCR transfer under way: the rest of the data goes to `window`'s `property` chunk by chunk.
struct IncrTransfer {
    Window window = 0;
    Atom property = 0, type = 0;
    std::string data;
    std::size_t sent = 0;
    bool done = false;
};

class X11Clipboard final : public Clipboard {
public:
    ~X11Clipboard() override {
        stop_ = true;
        Wake();
        if (thread_.joinable()) thread_.join();
        if (display_ != nullptr) {
            XDestroyWindow(display_, window_);
            XCloseDisplay(display_);
        }
        if (wake_[0] >= 0) ::close(wake_[0]), ::close(wake_[1]);
    }

    std::string Open() {
        const char* x_display = std::getenv("DISPLAY");
        const char* wayland = std::getenv("WAYLAND_DISPLAY");
        if ((x_display == nullptr || *x_display == '\0') && wayland != nullptr && *wayland != '\0')
            return "this Wayland session has no X server (Xwayland) for the clipboard";
        display_ = XOpenDisplay(nullptr);
        if (display_ == nullptr) return "no X display to put the clipboard on";
        if (::pipe(wake_) != 0) return "cannot start the clipboard thread";
        window_ = XCreateSimpleWindow(display_, DefaultRootWindow(display_), 0, 0, 1, 1, 0, 0, 0);
        XSelectInput(display_, window_, PropertyChangeMask);
        const auto atom = [this](const char* name) { return XInternAtom(display_, name, False); };
        clipboard_ = atom("CLIPBOARD");
        targets_ = atom("TARGETS");
        timestamp_ = atom("TIMESTAMP");
        multiple_ = atom("MULTIPLE");
        incr_ = atom("INCR");
        atom_pair_ = atom("ATOM_PAIR");
        utf8_ = atom("UTF8_STRING");
        text_ = atom("TEXT");
        manager_ = atom("CLIPBOARD_MANAGER");
        save_targets_ = atom("SAVE_TARGETS");
        transfer_property_ = atom("ACTLAB_SELECTION");
        // Chunks well inside the largest request the server takes (its limit is in 4-byte units).
        const long max_request = XExtendedMaxRequestSize(display_) > 0 ? XExtendedMaxRequestSize(display_)
                                                                       : XMaxRequestSize(display_);
        chunk_ = static_cast<std::size_t>(std::clamp<long>(max_request * 4 - 1024, 4096, 1 << 18));
        thread_ = std::thread([this] { Loop(); });
        return "";
    }

    std::string Offer(std::vector<ClipboardItem> items) override {
        std::unique_lock lock(mutex_);
        pending_ = std::move(items);
        offer_requested_ = true;
        offer_error_.clear();
        Wake();
        done_.wait(lock, [this] { return !offer_requested_; });
        return offer_error_;
    }

    bool Owned() const override { return owned_; }

    bool HandOver(double timeout_s) override {
        if (!owned_) return true;
        {
            std::lock_guard lock(mutex_);
            handover_ = Handover::Requested;
        }
        Wake();
        std::unique_lock lock(mutex_);
        done_.wait_for(lock, std::chrono::duration<double>(timeout_s),
                       [this] { return handover_ == Handover::Finished; });
        return handover_ == Handover::Finished && handover_ok_;
    }

private:
    enum class Handover { Idle, Requested, Waiting, Finished };

    void Wake() const {
        const char byte = 1;
        if (wake_[1] >= 0) (void)!::write(wake_[1], &byte, 1);
    }

    // The X thread: events as they come, and the caller's requests when woken.
    void Loop() {
        const auto deadline_none = std::chrono::steady_clock::time_point::max();
        auto handover_deadline = deadline_none;
        while (!stop_) {
            while (XPending(display_) > 0) {
                XEvent event;
                XNextEvent(display_, &event);
                Handle(event);
            }
            {
                std::lock_guard lock(mutex_);
                if (offer_requested_) {
                    items_ = std::move(pending_);
                    XSetSelectionOwner(display_, clipboard_, window_, CurrentTime);
                    owned_ = XGetSelectionOwner(display_, clipboard_) == window_;
                    if (!owned_) offer_error_ = "the X server did not give ActLab the clipboard";
                    XFlush(display_);
                    offer_requested_ = false;
                    done_.notify_all();
                }
                if (handover_ == Handover::Requested) {
                    if (XGetSelectionOwner(display_, manager_) == None) {
                        handover_ = Handover::Finished;
                        handover_ok_ = true; // nobody to hand over to: nothing more to do
                        done_.notify_all();
                    } else {
                        // The targets to save, on the property named in the request (the manager
                        // reads them there; without them some managers save nothing).
                        std::vector<Atom> saved;
                        for (const ClipboardItem& item : items_)
                            saved.push_back(XInternAtom(display_, item.mime.c_str(), False));
                        XChangeProperty(display_, window_, transfer_property_, XA_ATOM, 32, PropModeReplace,
                                        reinterpret_cast<const unsigned char*>(saved.data()),
                                        static_cast<int>(saved.size()));
                        XConvertSelection(display_, manager_, save_targets_, transfer_property_, window_,
                                          CurrentTime);
                        XFlush(display_);
                        handover_ = Handover::Waiting;
                        handover_deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
                    }
                }
                if (handover_ == Handover::Waiting && std::chrono::steady_clock::now() > handover_deadline) {
                    handover_ = Handover::Finished;
                    handover_ok_ = false;
                    done_.notify_all();
                }
            }
            pollfd fds[2] = {{ConnectionNumber(display_), POLLIN, 0}, {wake_[0], POLLIN, 0}};
            if (::poll(fds, 2, 100) > 0 && (fds[1].revents & POLLIN) != 0) {
                char buffer[64];
                (void)!::read(wake_[0], buffer, sizeof buffer);
            }
        }
    }

    void Handle(const XEvent& event) {
        if (event.type == SelectionClear && event.xselectionclear.selection == clipboard_) {
            owned_ = false;
        } else if (event.type == SelectionRequest) {
            Answer(event.xselectionrequest);
        } else if (event.type == PropertyNotify && event.xproperty.state == PropertyDelete) {
            ContinueIncr(event.xproperty.window, event.xproperty.atom);
        } else if (event.type == SelectionNotify && event.xselection.selection == manager_) {
            std::lock_guard lock(mutex_);
            handover_ = Handover::Finished;
            handover_ok_ = event.xselection.property != None;
            done_.notify_all();
        }
    }

    // The item a target names: a MIME type, or one of the text aliases for the CSV.
    const ClipboardItem* ItemFor(Atom target) {
        char* name = XGetAtomName(display_, target);
        if (name == nullptr) return nullptr;
        std::string mime(name);
        XFree(name);
        if (target == utf8_ || target == XA_STRING || target == text_ || mime == "text/plain;charset=utf-8")
            mime = "text/plain";
        for (const ClipboardItem& item : items_)
            if (item.mime == mime) return &item;
        return nullptr;
    }

    // Writes one target into the requestor's property; false when we cannot give it.
    bool Convert(Window requestor, Atom target, Atom property) {
        if (target == targets_) {
            std::vector<Atom> list{targets_, timestamp_, multiple_, save_targets_};
            for (const ClipboardItem& item : items_) {
                list.push_back(XInternAtom(display_, item.mime.c_str(), False));
                if (item.mime == "text/plain") list.insert(list.end(), {utf8_, XA_STRING, text_});
            }
            XChangeProperty(display_, requestor, property, XA_ATOM, 32, PropModeReplace,
                            reinterpret_cast<const unsigned char*>(list.data()),
                            static_cast<int>(list.size()));
            return true;
        }
        if (target == timestamp_) {
            const long time = CurrentTime;
            XChangeProperty(display_, requestor, property, XA_INTEGER, 32, PropModeReplace,
                            reinterpret_cast<const unsigned char*>(&time), 1);
            return true;
        }
        if (target == save_targets_) { // a manager's confirmation: nothing to write
            XChangeProperty(display_, requestor, property, XInternAtom(display_, "NULL", False), 32,
                            PropModeReplace, nullptr, 0);
            return true;
        }
        const ClipboardItem* item = ItemFor(target);
        if (item == nullptr) return false;
        const Atom type = target == text_ ? utf8_ : target;
        if (item->bytes.size() <= chunk_) {
            XChangeProperty(display_, requestor, property, type, 8, PropModeReplace,
                            reinterpret_cast<const unsigned char*>(item->bytes.data()),
                            static_cast<int>(item->bytes.size()));
            return true;
        }
        // INCR: announce the size; each PropertyDelete on that property asks for the next chunk.
        XSelectInput(display_, requestor, PropertyChangeMask);
        const long size = static_cast<long>(item->bytes.size());
        XChangeProperty(display_, requestor, property, incr_, 32, PropModeReplace,
                        reinterpret_cast<const unsigned char*>(&size), 1);
        incr_transfers_.push_back({requestor, property, type, item->bytes, 0, false});
        return true;
    }

    void Answer(const XSelectionRequestEvent& request) {
        XSelectionEvent reply{};
        reply.type = SelectionNotify;
        reply.display = request.display;
        reply.requestor = request.requestor;
        reply.selection = request.selection;
        reply.target = request.target;
        reply.time = request.time;
        // Obsolete clients give no property: the target's name is used instead.
        reply.property = request.property == None ? request.target : request.property;
        bool ok = request.selection == clipboard_ && owned_;
        if (ok && request.target == multiple_) {
            // MULTIPLE: a list of (target, property) pairs on the requestor's property; a pair we
            // cannot convert gets its property replaced by None.
            Atom type = 0;
            int format = 0;
            unsigned long count = 0, after = 0;
            unsigned char* data = nullptr;
            if (XGetWindowProperty(display_, request.requestor, reply.property, 0, 1 << 16, False, atom_pair_,
                                   &type, &format, &count, &after, &data) == Success &&
                data != nullptr && format == 32) {
                auto* pairs = reinterpret_cast<Atom*>(data);
                for (unsigned long i = 0; i + 1 < count; i += 2) {
                    if (!Convert(request.requestor, pairs[i], pairs[i + 1])) pairs[i + 1] = None;
                }
                XChangeProperty(display_, request.requestor, reply.property, atom_pair_, 32, PropModeReplace,
                                data, static_cast<int>(count));
            } else {
                ok = false;
            }
            if (data != nullptr) XFree(data);
        } else if (ok) {
            ok = Convert(request.requestor, request.target, reply.property);
        }
        if (!ok) reply.property = None;
        XSendEvent(display_, request.requestor, False, NoEventMask, reinterpret_cast<XEvent*>(&reply));
        XFlush(display_);
    }

    void ContinueIncr(Window window, Atom property) {
        for (IncrTransfer& transfer : incr_transfers_) {
            if (transfer.window != window || transfer.property != property || transfer.done) continue;
            const std::size_t length = std::min(chunk_, transfer.data.size() - transfer.sent);
            // The last, empty chunk says the transfer is complete.
            XChangeProperty(display_, window, property, transfer.type, 8, PropModeReplace,
                            reinterpret_cast<const unsigned char*>(transfer.data.data() + transfer.sent),
                            static_cast<int>(length));
            transfer.sent += length;
            if (length == 0) transfer.done = true;
            XFlush(display_);
            break;
        }
        std::erase_if(incr_transfers_, [](const IncrTransfer& t) { return t.done; });
    }

    Display* display_ = nullptr;
    Window window_ = 0;
    Atom clipboard_ = 0, targets_ = 0, timestamp_ = 0, multiple_ = 0, incr_ = 0, atom_pair_ = 0, utf8_ = 0,
         text_ = 0;
    Atom manager_ = 0, save_targets_ = 0, transfer_property_ = 0;
    std::size_t chunk_ = 65536;
    std::vector<ClipboardItem> items_; // the X thread's
    std::vector<IncrTransfer> incr_transfers_;
    int wake_[2] = {-1, -1};
    std::thread thread_;
    std::atomic<bool> stop_{false};
    std::atomic<bool> owned_{false};

    std::mutex mutex_; // guards what follows, shared with the caller
    std::condition_variable done_;
    std::vector<ClipboardItem> pending_;
    bool offer_requested_ = false;
    std::string offer_error_;
    Handover handover_ = Handover::Idle;
    bool handover_ok_ = false;
};

} // namespace

std::unique_ptr<Clipboard> CreateSystemClipboard(std::string& error) {
    auto clipboard = std::make_unique<X11Clipboard>();
    error = clipboard->Open();
    if (!error.empty()) return nullptr;
    return clipboard;
}

} // namespace actlab::app
