#include "util/hash_files.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "util/content_hash.hpp"
#include "util/fnv1a.hpp"
#include "util/unique_fd.hpp"

namespace bp {

template <class Hash>
void hash_file_into(Hash& h, const std::filesystem::path& file) {
  // A plain descriptor and a block that is not zeroed first: an ifstream's set-up and a zero-filled
  // 64 KiB vector per file were most of what hashing the configuration cost (bench/pdf/README.md,
  // "Process start and exit (issue 20s)").
  UniqueFd fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
  if (!fd) throw std::runtime_error("无法读取 " + file.string());
  std::error_code ec;
  auto size = std::filesystem::file_size(file, ec);
  h.number(ec ? 0 : size);
  constexpr size_t kBlock = 64 * 1024;
  auto buf = std::make_unique_for_overwrite<char[]>(kBlock);
  for (;;) {
    const ssize_t n = ::read(fd.get(), buf.get(), kBlock);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error("无法读取 " + file.string());
    }
    h.bytes(std::string_view(buf.get(), static_cast<size_t>(n)));
  }
}

template <class Hash>
void hash_tree_into(Hash& h, const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    h.field("<no directory>");
    return;
  }
  std::vector<std::pair<std::string, std::filesystem::path>> files;
  for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec))
    if (it->is_regular_file())
      files.emplace_back(it->path().lexically_relative(dir).generic_string(), it->path());
  if (ec) throw std::runtime_error("无法读取目录 " + dir.string() + "：" + ec.message());
  std::sort(files.begin(), files.end());
  h.number(files.size());
  for (const auto& [rel, path] : files) {
    h.field(rel);
    hash_file_into(h, path);
  }
}

template void hash_file_into(Fnv1a64&, const std::filesystem::path&);
template void hash_file_into(ContentHash&, const std::filesystem::path&);
template void hash_tree_into(Fnv1a64&, const std::filesystem::path&);
template void hash_tree_into(ContentHash&, const std::filesystem::path&);

}  // namespace bp
