#include "util/lane_thread.hpp"

#include <cerrno>
#include <exception>
#include <memory>
#include <system_error>
#include <utility>

namespace bp {

namespace {

struct Start {
  std::function<void()> body;
  std::optional<CpuLanes> pin_itself;  // the affinity could not be given at creation
};

extern "C" void* run_start(void* arg) {
  std::unique_ptr<Start> start(static_cast<Start*>(arg));
  if (start->pin_itself) start->pin_itself->pin_side();
  std::function<void()> body = std::move(start->body);
  start.reset();
  try {
    body();
  } catch (...) {
    std::terminate();  // as from a std::thread
  }
  return nullptr;
}

// pthread_create with `attr`; the Start is the new thread's from then on, ours again on failure.
int create(pthread_t& handle, const pthread_attr_t* attr, std::unique_ptr<Start>& start) {
  const int err = pthread_create(&handle, attr, run_start, start.get());
  if (err == 0) (void)start.release();
  return err;
}

}  // namespace

LaneThread::LaneThread(std::function<void()> body, const std::optional<CpuLanes>& lanes) {
  auto start = std::make_unique<Start>(Start{std::move(body), std::nullopt});
  int err = EINVAL;
  if (lanes) {
    pthread_attr_t attr;
    if (pthread_attr_init(&attr) == 0) {
      const cpu_set_t side = lanes->side_set();
      if (pthread_attr_setaffinity_np(&attr, sizeof side, &side) == 0)
        err = create(handle_, &attr, start);
      pthread_attr_destroy(&attr);
    }
    if (err == EAGAIN) throw std::system_error(err, std::generic_category(), "pthread_create");
    if (err != 0) start->pin_itself = lanes;  // refused at creation: it pins itself
  }
  if (err != 0) err = create(handle_, nullptr, start);
  if (err != 0) throw std::system_error(err, std::generic_category(), "pthread_create");
  started_ = true;
}

LaneThread::~LaneThread() {
  if (started_) std::terminate();
}

LaneThread::LaneThread(LaneThread&& other) noexcept
    : handle_(other.handle_), started_(std::exchange(other.started_, false)) {}

LaneThread& LaneThread::operator=(LaneThread&& other) noexcept {
  if (started_) std::terminate();
  handle_ = other.handle_;
  started_ = std::exchange(other.started_, false);
  return *this;
}

void LaneThread::join() {
  if (!started_) throw std::system_error(EINVAL, std::generic_category(), "LaneThread::join");
  const int err = pthread_join(handle_, nullptr);
  if (err != 0) throw std::system_error(err, std::generic_category(), "pthread_join");
  started_ = false;
}

void LaneThread::detach() {
  if (!started_) throw std::system_error(EINVAL, std::generic_category(), "LaneThread::detach");
  (void)pthread_detach(handle_);
  started_ = false;
}

}  // namespace bp
