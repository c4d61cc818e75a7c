#include "util/fnv1a.hpp"

#include <algorithm>
#include <fstream>
#include <stdexcept>
#include <vector>

namespace bp {

Fnv1a64& Fnv1a64::number(uint64_t v) {
  char b[8];
  for (int i = 0; i < 8; ++i) b[i] = static_cast<char>((v >> (8 * i)) & 0xff);
  return bytes(std::string_view(b, 8));
}

Fnv1a64& Fnv1a64::field(std::string_view data) {
  number(data.size());
  return bytes(data);
}

std::string hex64(uint64_t v) {
  static const char* digits = "0123456789abcdef";
  std::string s(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) s[i] = digits[v & 0xf];
  return s;
}

std::string Fnv1a64::hex() const {
  return hex64(h_);
}

void hash_file_into(Fnv1a64& h, const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("无法读取 " + file.string());
  std::error_code ec;
  auto size = std::filesystem::file_size(file, ec);
  h.number(ec ? 0 : size);
  std::vector<char> buf(64 * 1024);
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    h.bytes(std::string_view(buf.data(), static_cast<size_t>(in.gcount())));
  }
  if (in.bad()) throw std::runtime_error("无法读取 " + file.string());
}

void hash_tree_into(Fnv1a64& h, const std::filesystem::path& dir) {
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

}  // namespace bp
