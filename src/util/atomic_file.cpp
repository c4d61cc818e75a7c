#include "util/atomic_file.hpp"
#include "util/trace.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

namespace bp {

namespace {

std::filesystem::path temp_path_for(const std::filesystem::path& target) {
  // Unique per process and call, hidden, in the target directory so rename() is atomic.
  static thread_local unsigned counter = 0;
  return target.parent_path() / ("." + target.filename().string() + ".tmp." +
                                 std::to_string(::getpid()) + "." + std::to_string(++counter));
}

[[noreturn]] void sys_fail(const std::string& what, const std::filesystem::path& p) {
  throw std::runtime_error(what + " " + p.string() + "：" + std::strerror(errno));
}

void fsync_path(const std::filesystem::path& p, int flags) {
  int fd = ::open(p.c_str(), flags | O_CLOEXEC);
  if (fd < 0) sys_fail("无法打开", p);
  if (::fsync(fd) != 0 && errno != EINVAL) {
    ::close(fd);
    sys_fail("无法写入磁盘", p);
  }
  ::close(fd);
}

void commit(const std::filesystem::path& tmp, const std::filesystem::path& target,
            SyncDirectory sync_directory, SyncFile sync_file) {
  if (sync_file == SyncFile::now) {
    const trace::Span span("file.fsync");
    fsync_path(tmp, O_RDONLY);
  }
  if (::rename(tmp.c_str(), target.c_str()) != 0) {
    int e = errno;
    ::unlink(tmp.c_str());
    errno = e;
    sys_fail("无法替换", target);
  }
  if (sync_directory == SyncDirectory::no) return;
  auto dir = target.parent_path();
  fsync_path(dir.empty() ? "." : dir, O_RDONLY | O_DIRECTORY);
}

}  // namespace

void write_file_atomic(const std::filesystem::path& target, std::string_view bytes,
                       SyncDirectory sync_directory, SyncFile sync_file) {
  produce_file_atomic(
      target,
      [&](const std::filesystem::path& tmp) {
        const trace::Span span("file.write");
        int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        if (fd < 0) sys_fail("无法创建", tmp);
        size_t off = 0;
        while (off < bytes.size()) {
          ssize_t n = ::write(fd, bytes.data() + off, bytes.size() - off);
          if (n < 0) {
            if (errno == EINTR) continue;
            ::close(fd);
            sys_fail("无法写入", tmp);
          }
          off += static_cast<size_t>(n);
        }
        if (::close(fd) != 0) sys_fail("无法写入", tmp);
      },
      sync_directory, sync_file);
}

void produce_file_atomic(const std::filesystem::path& target,
                         const std::function<void(const std::filesystem::path& tmp)>& produce,
                         SyncDirectory sync_directory, SyncFile sync_file) {
  auto tmp = temp_path_for(target);
  try {
    produce(tmp);
    commit(tmp, target, sync_directory, sync_file);
  } catch (...) {
    std::error_code ec;
    std::filesystem::remove(tmp, ec);
    throw;
  }
}

void fsync_file_at(int dir_fd, const std::string& name, const std::filesystem::path& shown) {
  const int fd = ::openat(dir_fd, name.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) sys_fail("无法打开", shown);
  if (::fsync(fd) != 0 && errno != EINVAL) {
    const int e = errno;
    ::close(fd);
    errno = e;
    sys_fail("无法写入磁盘", shown);
  }
  ::close(fd);
}

}  // namespace bp
