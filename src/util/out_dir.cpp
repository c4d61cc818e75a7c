#include "util/out_dir.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace bp {

namespace fs = std::filesystem;

namespace {

std::string why(int e) {
  switch (e) {
    case EACCES:
    case EPERM:
      return "没有权限";
    case EROFS:
      return "文件系统是只读的";
    case ENOSPC:
      return "磁盘已满";
    case ENOTDIR:
      return "路径中有一部分不是目录";
    case ELOOP:
      return "符号链接循环";
    default:
      return std::strerror(e);
  }
}

[[noreturn]] void unusable(const fs::path& out, const std::string& what) {
  throw OutDirError("输出目录 " + out.string() + " 不可用：" + what + "（没有生成任何部门）");
}

}  // namespace

OutDir::OutDir(const fs::path& out) : path_(out) {
  std::error_code ec;
  const auto link = fs::symlink_status(out, ec);
  if (!ec && fs::is_symlink(link) && !fs::exists(out, ec))
    unusable(out, "它是指向不存在位置的符号链接（" + fs::read_symlink(out, ec).string() + "）");
  if (!ec && fs::exists(link) && !fs::is_directory(out, ec))
    unusable(out, "同名的文件已存在，不是目录");
  if (!fs::exists(out, ec)) {
    fs::create_directories(out, ec);
    if (ec) unusable(out, "无法创建目录：" + why(ec.value()));
  }
  fd_.reset(::open(out.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!fd_) unusable(out, "无法打开目录：" + why(errno));
  // Readable is not enough: every build creates its lock file here first. access() answers for
  // the real user; a read-only mount answers EROFS even for root.
  if (::faccessat(fd_.get(), ".", W_OK | X_OK, AT_EACCESS) != 0)
    unusable(out, "不能写入（" + why(errno) + "）");
}

fs::path OutDir::fd_path(int dir_fd) {
  return fs::path("/proc/self/fd") / std::to_string(dir_fd);
}

UniqueFd OutDir::open_subdir(int dir_fd, const std::string& name, const std::string& shown,
                             bool create, unsigned mode) {
  if (name.empty() || name == "." || name == ".." || name.find('/') != std::string::npos)
    throw std::runtime_error("无效的目录名 " + shown);
  for (int attempt = 0; attempt < 2; ++attempt) {
    int fd = ::openat(dir_fd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd >= 0) return UniqueFd(fd);
    const int e = errno;
    if (e == ELOOP || e == ENOTDIR) {
      struct stat st {};
      if (::fstatat(dir_fd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode))
        throw OutPathError(shown +
                           " 是符号链接：为了不把文件写到输出目录之外，不会跟随它；"
                           "请删除这个链接，或直接用它指向的目录作为 --out");
      throw OutPathError(shown + " 已存在但不是目录");
    }
    if (e != ENOENT || !create) throw std::runtime_error("无法打开目录 " + shown + "：" + why(e));
    if (::mkdirat(dir_fd, name.c_str(), mode) != 0 && errno != EEXIST)
      throw std::runtime_error("无法创建目录 " + shown + "：" + why(errno));
  }
  throw std::runtime_error("无法打开目录 " + shown);
}

}  // namespace bp
