// fontconfig's answers kept between runs: which files (and faces of a collection) a family has, in
// a small per-user file, so that a run whose fonts have not changed never initialises fontconfig
// (FcInitLoadConfigAndFonts reads every configuration file and every font cache: ≈ 30 M
// instructions, a fifth of a cold build). The cache is a hint, never trusted: it is used only when
// every file and directory fontconfig's answer depended on (its configuration files, its font and
// cache directories, a few environment variables) and every font file it names are unchanged
// (modification time, size, inode); a damaged, truncated or stale file is ignored and rewritten.
// Writing is atomic (a temporary file renamed over the old one), and a cache directory that cannot
// be written only means no cache.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace bp::text {

// One face of a family as fontconfig listed it (roman faces only; weight already corrected for
// faces whose style says Bold, see FontSet::list_family).
struct ListedFace {
  std::filesystem::path file;
  int index = 0;
  int weight = 80;
  bool operator==(const ListedFace&) const = default;
};

// What a file or directory looked like: absent, or its modification time, size and inode.
struct FileStamp {
  bool exists = false;
  int64_t mtime_ns = 0;
  uint64_t size = 0;
  uint64_t inode = 0;
  bool operator==(const FileStamp&) const = default;
};
FileStamp stamp_of(const std::filesystem::path& p);

// 64-bit FNV-1a: stable across builds and runs (std::hash is not promised to be).
uint64_t fnv1a(std::string_view bytes, uint64_t h = 0xcbf29ce484222325ull);

// $XDG_CACHE_HOME/budgetpress/fonts.cache (else ~/.cache/budgetpress/fonts.cache); nullopt when
// neither variable gives an absolute directory or BUDGETPRESS_FONT_CACHE=off.
std::optional<std::filesystem::path> default_font_cache_file();

class FontLookupCache {
 public:
  // Reads `file` (a missing, damaged or differently versioned file gives an empty cache). `env`:
  // what else fontconfig's answer depends on (its environment variables), compared as a string.
  FontLookupCache(std::filesystem::path file, std::string env);

  // The faces of `family` under the application font files summarised by `app_key`, when the
  // cached state still holds (every stamped path as recorded) and every listed file is unchanged.
  std::optional<std::vector<ListedFace>> find(uint64_t app_key, const std::string& family) const;

  // Records fontconfig's answer for `family` and writes the file. `state`: the paths fontconfig's
  // configuration depends on, stamped now; when they differ from what the file held, its other
  // entries are dropped. So are the entries of all but the kKeptAppKeys application font sets
  // stored last (`app_key` first): every test's own font directory added its entries for good,
  // and a cache of 500 of them cost 7 M instructions to read at every start. Never throws: a
  // cache that cannot be written is simply not written.
  static constexpr size_t kKeptAppKeys = 4;
  void store(const std::vector<std::filesystem::path>& state, uint64_t app_key,
             const std::string& family, const std::vector<ListedFace>& faces);

  // True when the file was read and its recorded state still holds (for tests and --verbose).
  bool usable() const { return valid_; }

 private:
  struct Entry {
    ListedFace face;
    FileStamp stamp;
  };
  void read();
  bool write() const;

  std::filesystem::path file_;
  std::string env_;
  bool valid_ = false;
  std::vector<std::pair<std::filesystem::path, FileStamp>> state_;
  std::map<std::pair<uint64_t, std::string>, std::vector<Entry>> entries_;
  std::vector<uint64_t> recent_;  // the app keys of entries_, the one stored last first
};

}  // namespace bp::text
