// The output directory as a directory descriptor. Everything a build creates below OUT is reached
// relative to that descriptor (openat/mkdirat/renameat with O_NOFOLLOW), so a symlink planted in
// OUT (OUT/<year>, a lock or journal file, a staging directory) is never followed out of OUT.
// OUT itself is resolved normally: it may be a symlink to a directory (the clerk chose it).
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>

#include "util/unique_fd.hpp"

namespace bp {

// OUT cannot be used (missing parent, a file, a dangling symlink, read-only, no permission). The
// message is Chinese and names the directory; the CLI prints it once and exits 2.
class OutDirError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A path below OUT that the build will not use: a symlink (never followed) or not a directory.
// Fails the department concerned (错误[E302]).
class OutPathError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class OutDir {
 public:
  // Opens OUT, creating it (and its parents) when missing. Throws OutDirError.
  explicit OutDir(const std::filesystem::path& out);

  int fd() const { return fd_.get(); }
  const std::filesystem::path& path() const { return path_; }

  // A path that libraries taking file names can use and that resolves through `dir_fd` itself
  // (/proc/self/fd/N), not through the names above it.
  static std::filesystem::path fd_path(int dir_fd);

  // Opens directory `name` (one path component) below `dir_fd`, creating it with `mode` when
  // missing. A symlink there is refused (OutPathError naming `shown`), never followed; other
  // failures throw std::runtime_error.
  static UniqueFd open_subdir(int dir_fd, const std::string& name, const std::string& shown,
                              bool create = true, unsigned mode = 0755);

  // Opens OUT/<name> as above.
  UniqueFd subdir(const std::string& name, bool create = true) const {
    return open_subdir(fd(), name, (path_ / name).string(), create);
  }

 private:
  std::filesystem::path path_;
  UniqueFd fd_;
};

}  // namespace bp
