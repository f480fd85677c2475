// One computation on a worker thread, so that a long simulation never blocks a frame: the session
// starts it, reads its progress every frame, may cancel it, and takes the result when it is done.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <thread>
#include <utility>

namespace actlab::session {

// What the work function sees: it reports progress (0 to 1) and should stop early when cancelled.
struct JobControl {
    std::atomic<double> progress{0.0};
    std::atomic<bool> cancel{false};
    std::atomic<bool> done{false};
};

template <typename Result> class BackgroundJob {
public:
    BackgroundJob() = default;
    BackgroundJob(const BackgroundJob&) = delete;
    BackgroundJob& operator=(const BackgroundJob&) = delete;
    // Leaving the window cancels the work and waits for the worker, so no thread outlives its data.
    ~BackgroundJob() { Stop(); }

    // Starts `work` on a new thread; call only when !Busy().
    void Start(std::function<Result(JobControl&)> work) {
        Stop();
        control_ = std::make_unique<JobControl>();
        result_.reset();
        JobControl* control = control_.get();
        thread_ = std::thread([this, control, work = std::move(work)] {
            result_ = work(*control);
            control->done.store(true, std::memory_order_release);
        });
    }

    // A thread was started and its result has not been taken yet.
    bool Busy() const { return thread_.joinable(); }
    double Progress() const { return control_ ? control_->progress.load(std::memory_order_relaxed) : 0.0; }
    void RequestCancel() {
        if (control_) control_->cancel.store(true, std::memory_order_relaxed);
    }

    // The result once the worker has finished (then the job is idle again); nothing while it runs.
    std::optional<Result> TakeIfDone() {
        if (!thread_.joinable() || !control_->done.load(std::memory_order_acquire)) return std::nullopt;
        thread_.join();
        return std::exchange(result_, std::nullopt);
    }

    // Cancels and waits for the worker; the result, if any, is dropped.
    void Stop() {
        if (!thread_.joinable()) return;
        RequestCancel();
        thread_.join();
        result_.reset();
    }

private:
    std::unique_ptr<JobControl> control_;
    std::optional<Result> result_; // written by the worker before `done`, read after it
    std::thread thread_;
};

} // namespace actlab::session
