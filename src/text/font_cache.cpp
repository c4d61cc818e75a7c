#include "text/font_cache.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string_view>

namespace bp::text {

namespace {

constexpr std::string_view kHeader = "budgetpress-font-cache\t1";

std::string hex(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

// Splits `line` at its first `n` tabs: n fields and the rest (which may hold tabs: a path, a
// family name). False when there are fewer tabs.
bool split(std::string_view line, size_t n, std::vector<std::string_view>& out) {
  out.clear();
  for (size_t i = 0; i < n; ++i) {
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos) return false;
    out.push_back(line.substr(0, tab));
    line.remove_prefix(tab + 1);
  }
  out.push_back(line);
  return true;
}

template <class T>
bool number(std::string_view s, T& v, int base = 10) {
  if (s.empty()) return false;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v, base);
  return ec == std::errc() && end == s.data() + s.size();
}

// exists, mtime, size, inode — the four fields a stamp is written as.
bool parse_stamp(const std::vector<std::string_view>& f, size_t at, FileStamp& s) {
  int exists = 0;
  if (!number(f[at], exists) || (exists != 0 && exists != 1)) return false;
  s.exists = exists == 1;
  return number(f[at + 1], s.mtime_ns) && number(f[at + 2], s.size) && number(f[at + 3], s.inode);
}

std::string stamp_fields(const FileStamp& s) {
  return std::string(s.exists ? "1" : "0") + '\t' + std::to_string(s.mtime_ns) + '\t' +
         std::to_string(s.size) + '\t' + std::to_string(s.inode);
}

bool has_newline(std::string_view s) {
  return s.find('\n') != std::string_view::npos;
}

}  // namespace

uint64_t fnv1a(std::string_view bytes, uint64_t h) {
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return h;
}

FileStamp stamp_of(const std::filesystem::path& p) {
  struct stat st {};
  if (::stat(p.c_str(), &st) != 0) return {};
  return FileStamp{true, static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec,
                   static_cast<uint64_t>(st.st_size), static_cast<uint64_t>(st.st_ino)};
}

std::optional<std::filesystem::path> default_font_cache_file() {
  if (const char* off = std::getenv("BUDGETPRESS_FONT_CACHE");
      off && std::string_view(off) == "off")
    return std::nullopt;
  std::filesystem::path base;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg == '/')
    base = xdg;
  else if (const char* home = std::getenv("HOME"); home && *home == '/')
    base = std::filesystem::path(home) / ".cache";
  else
    return std::nullopt;
  return base / "budgetpress" / "fonts.cache";
}

FontLookupCache::FontLookupCache(std::filesystem::path file, std::string env)
    : file_(std::move(file)), env_(std::move(env)) {
  read();
}

void FontLookupCache::read() {
  std::ifstream in(file_, std::ios::binary);
  if (!in) return;
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // The last line is the checksum of everything before it: a truncated or edited file is ignored.
  const size_t last = text.rfind("\nC\t");
  if (last == std::string::npos || text.empty() || text.back() != '\n') return;
  uint64_t sum = 0;
  if (!number(std::string_view(text).substr(last + 3, text.size() - last - 4), sum, 16) ||
      sum != fnv1a(std::string_view(text).substr(0, last + 1)))
    return;

  decltype(state_) state;
  decltype(entries_) entries;
  decltype(recent_) recent;
  std::istringstream lines(text.substr(0, last + 1));
  std::string line;
  std::vector<std::string_view> f;
  if (!std::getline(lines, line) || line != kHeader) return;
  if (!std::getline(lines, line) || line != "E\t" + hex(fnv1a(env_))) return;  // other environment
  while (std::getline(lines, line)) {
    if (line.rfind("S\t", 0) == 0) {
      FileStamp s;
      if (!split(line, 5, f) || !parse_stamp(f, 1, s)) return;
      state.emplace_back(std::string(f[5]), s);
    } else if (line.rfind("F\t", 0) == 0) {
      uint64_t key = 0;
      size_t count = 0;
      if (!split(line, 3, f) || !number(f[1], key, 16) || !number(f[2], count)) return;
      if (std::find(recent.begin(), recent.end(), key) == recent.end()) recent.push_back(key);
      auto& faces = entries[{key, std::string(f[3])}];
      faces.clear();
      for (size_t i = 0; i < count; ++i) {
        Entry e;
        if (!std::getline(lines, line) || line.rfind("G\t", 0) != 0 || !split(line, 7, f) ||
            !number(f[1], e.face.index) || !number(f[2], e.face.weight) ||
            !parse_stamp(f, 3, e.stamp))
          return;
        e.face.file = std::string(f[7]);
        faces.push_back(std::move(e));
      }
    } else {
      return;
    }
  }
  // The configuration fontconfig answered under: every file and directory as it was then.
  for (const auto& [path, s] : state)
    if (stamp_of(path) != s) return;
  state_ = std::move(state);
  entries_ = std::move(entries);
  recent_ = std::move(recent);
  valid_ = true;
}

std::optional<std::vector<ListedFace>> FontLookupCache::find(uint64_t app_key,
                                                             const std::string& family) const {
  if (!valid_) return std::nullopt;
  auto it = entries_.find({app_key, family});
  if (it == entries_.end()) return std::nullopt;
  std::vector<ListedFace> out;
  for (const Entry& e : it->second) {
    if (stamp_of(e.face.file) != e.stamp) return std::nullopt;  // replaced or removed since
    out.push_back(e.face);
  }
  return out;
}

void FontLookupCache::store(const std::vector<std::filesystem::path>& state, uint64_t app_key,
                            const std::string& family, const std::vector<ListedFace>& faces) {
  try {
    decltype(state_) now;
    for (const auto& p : state) now.emplace_back(p, stamp_of(p));
    if (!valid_ || now != state_) {  // answers of another configuration
      entries_.clear();
      recent_.clear();
    }
    state_ = std::move(now);
    valid_ = true;
    // This application font set first; the entries of those stored before the last few go.
    std::erase(recent_, app_key);
    recent_.insert(recent_.begin(), app_key);
    while (recent_.size() > kKeptAppKeys) {
      const uint64_t old = recent_.back();
      recent_.pop_back();
      std::erase_if(entries_, [old](const auto& e) { return e.first.first == old; });
    }
    auto& slot = entries_[{app_key, family}];
    slot.clear();
    for (const auto& face : faces) slot.push_back(Entry{face, stamp_of(face.file)});
    (void)write();
  } catch (const std::exception&) {
    // Out of memory or a path that cannot be converted: no cache, the fonts are found anyway.
  }
}

bool FontLookupCache::write() const {
  std::string text(kHeader);
  text += "\nE\t" + hex(fnv1a(env_)) + '\n';
  for (const auto& [path, s] : state_) {
    if (has_newline(path.native())) return false;
    text += "S\t" + stamp_fields(s) + '\t' + path.native() + '\n';
  }
  // By application font set, the one stored last first (what read() takes for the order).
  std::vector<const decltype(entries_)::value_type*> ordered;
  for (uint64_t app : recent_)
    for (const auto& e : entries_)
      if (e.first.first == app) ordered.push_back(&e);
  for (const auto* e : ordered) {
    const auto& [key, faces] = *e;
    if (has_newline(key.second)) continue;
    std::string block =
        "F\t" + hex(key.first) + '\t' + std::to_string(faces.size()) + '\t' + key.second + '\n';
    bool ok = true;
    for (const Entry& e : faces) {
      ok = ok && !has_newline(e.face.file.native());
      block += "G\t" + std::to_string(e.face.index) + '\t' + std::to_string(e.face.weight) + '\t' +
               stamp_fields(e.stamp) + '\t' + e.face.file.native() + '\n';
    }
    if (ok) text += block;
  }
  text += "C\t" + hex(fnv1a(text)) + '\n';

  std::error_code ec;
  std::filesystem::create_directories(file_.parent_path(), ec);
  if (ec) return false;
  // Written beside the cache and renamed over it: a reader sees the old file or the new one.
  std::string tmp = file_.native() + ".XXXXXX";
  const int fd = ::mkstemp(tmp.data());
  if (fd < 0) return false;
  size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  const bool ok =
      ::close(fd) == 0 && done == text.size() && ::rename(tmp.c_str(), file_.c_str()) == 0;
  if (!ok) ::unlink(tmp.c_str());
  return ok;
}

}  // namespace bp::text
