#include "app/watch.hpp"

#include <poll.h>
#include <sys/inotify.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace bp {

namespace fs = std::filesystem;

namespace {
constexpr uint32_t kMask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_ONLYDIR;
}

bool is_department_file_name(const std::string& name) {
  if (name.empty() || name[0] == '.') return false;
  auto ends = [&](const char* s) {
    size_t n = std::strlen(s);
    return name.size() > n && name.compare(name.size() - n, n, s) == 0;
  };
  return ends(".yaml") || ends(".yml");
}

FileWatcher::FileWatcher() : fd_(::inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {
  if (!fd_)
    throw std::runtime_error(std::string("无法启用文件监视（inotify）：") + std::strerror(errno));
}

void FileWatcher::add_dir(const fs::path& dir, bool tree, const std::string& name) {
  int wd = ::inotify_add_watch(fd_.get(), dir.c_str(), kMask);
  if (wd < 0)
    throw std::runtime_error("无法监视目录 " + dir.string() + "：" + std::strerror(errno) +
                             (errno == ENOSPC ? "（请调大 fs.inotify.max_user_watches）" : ""));
  Watched& w = by_wd_[wd];  // the same directory twice gives the same wd: merge
  w.dir = dir;
  w.tree = w.tree || tree;
  if (!name.empty()) w.names.insert(name);
  by_dir_[dir] = wd;
}

void FileWatcher::watch_file(const fs::path& file) {
  fs::path dir = file.parent_path();
  add_dir(dir.empty() ? fs::path(".") : dir, false, file.filename().string());
}

void FileWatcher::watch_tree(const fs::path& dir) {
  add_dir(dir, true, "");
  std::error_code ec;
  for (auto it =
           fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (!it->is_directory()) continue;
    if (!name.empty() && name[0] == '.') {
      it.disable_recursion_pending();
      continue;
    }
    add_dir(it->path(), true, "");
  }
}

FileWatcher::Changes FileWatcher::wait(std::chrono::milliseconds timeout) {
  Changes out;
  pollfd p{fd_.get(), POLLIN, 0};
  int r = ::poll(&p, 1, static_cast<int>(timeout.count()));
  if (r <= 0) return out;  // timeout, or EINTR (a signal: the caller checks its flag)
  alignas(inotify_event) char buf[64 * 1024];
  for (;;) {
    ssize_t n = ::read(fd_.get(), buf, sizeof buf);
    if (n <= 0) break;  // EAGAIN: drained
    for (char* q = buf; q < buf + n;) {
      auto* ev = reinterpret_cast<inotify_event*>(q);
      q += sizeof(inotify_event) + ev->len;
      if (ev->mask & IN_Q_OVERFLOW) {
        out.overflow = true;
        continue;
      }
      auto it = by_wd_.find(ev->wd);
      if (it == by_wd_.end() || ev->len == 0) continue;
      std::string name(ev->name);
      const Watched& w = it->second;
      fs::path path = w.dir / name;
      if ((ev->mask & IN_ISDIR) && w.tree && name[0] != '.') {
        if (ev->mask & (IN_CREATE | IN_MOVED_TO)) {
          watch_tree(path);  // a new subdirectory: watch it, and build what it already holds
          std::error_code ec;
          for (auto d = fs::recursive_directory_iterator(path, ec);
               !ec && d != fs::recursive_directory_iterator(); d.increment(ec))
            if (d->is_regular_file() && is_department_file_name(d->path().filename().string()))
              out.files.push_back(d->path());
        }
        continue;
      }
      if (!(ev->mask & (IN_CLOSE_WRITE | IN_MOVED_TO))) continue;
      if (w.tree ? is_department_file_name(name) : w.names.count(name) > 0)
        out.files.push_back(path);
    }
  }
  return out;
}

}  // namespace bp
