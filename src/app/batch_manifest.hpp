// Incremental builds: what went into each output of the last build, so that a department whose
// inputs did not change is not rendered again.
//
// OUT/.budgetpress-manifest.json maps a department file (its path relative to OUT, e.g.
// "../depts/2024/434.yaml") to the outputs built from it, one per format, each with the XXH3-64
// hash (util/content_hash.hpp) of everything the output depends on:
//   - the department's YAML bytes and the bytes of its year profile (config/profiles/<form>.yaml),
//   - every file under config/catalog/, config/themes/, templates/ and fonts/ (bytes, not mtimes),
//   - the program version, SOURCE_DATE_EPOCH and the output format,
//   - `build --pdf-tags` when given.
// An output is "unchanged" when the recorded hash equals the current one and the file still exists.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "app/context.hpp"
#include "app/outputs.hpp"

namespace bp {

inline constexpr const char* kManifestFile = ".budgetpress-manifest.json";
// One JSON line per department finished since the manifest was last written (appended and
// fsync'ed as each department's outputs are in place), so that a run killed with -9 loses no
// finished department: the next run reads it on top of the manifest and rebuilds only the rest.
inline constexpr const char* kManifestJournal = ".budgetpress-manifest.journal";

// The hashes of the shared inputs, computed once per run (font files are read once, here).
class InputFingerprint {
 public:
  // Throws std::runtime_error when a configuration file cannot be read.
  InputFingerprint(const Context& ctx, int64_t epoch, std::string_view version = BP_VERSION);
  // The hash of one output of one department: shared inputs + profile of `form` + YAML bytes +
  // format.
  std::string output_hash(std::string_view yaml, const std::string& form, Format f) const;

 private:
  uint64_t shared_ = 0;
  std::map<std::string, uint64_t> profiles_;  // profile id → hash of its file
};

struct ManifestOutput {
  std::string file;  // relative to OUT, '/' separators
  std::string hash;  // InputFingerprint::output_hash
};

struct ManifestEntry {
  std::string form;
  int year = 0;
  std::map<std::string, ManifestOutput> outputs;  // by format extension ("pdf", "json", …)
};

class Manifest {
 public:
  // Reads OUT/.budgetpress-manifest.json and replays the journal on top. A missing file is an empty
  // manifest; an unreadable or malformed one is empty too, with `warning` saying so (everything is
  // rebuilt, nothing is lost).
  static Manifest load(const std::filesystem::path& out_dir);

  const ManifestEntry* find(const std::string& key) const;
  // Records the outputs built for `key` (formats not in `e` keep their previous record).
  void update(const std::string& key, const ManifestEntry& e);
  size_t size() const { return entries_.size(); }
  const std::string& warning() const { return warning_; }

  // True when every format of `formats` has a record for `key` whose hash equals `hash_of(format)`
  // and whose file exists under `out_dir`.
  template <class HashOf>
  bool unchanged(const std::string& key, const std::set<Format>& formats,
                 const std::filesystem::path& out_dir, HashOf hash_of) const {
    const ManifestEntry* e = find(key);
    if (!e) return false;
    for (Format f : formats) {
      auto it = e->outputs.find(format_ext(f));
      if (it == e->outputs.end() || it->second.hash != hash_of(e->form, f)) return false;
      std::error_code ec;
      if (!std::filesystem::is_regular_file(out_dir / it->second.file, ec)) return false;
    }
    return true;
  }

  // Writes the manifest atomically and empties the journal (its records are merged in). Under an
  // exclusive flock on OUT, the file on disk is re-read
  // and only the entries updated in this run replace theirs, so that concurrent runs on the same
  // OUT (shards) do not drop each other's records. Throws std::runtime_error on failure.
  void save(const std::filesystem::path& out_dir) const;

  // Appends the record of one finished department to OUT's journal and fsyncs it (under the same
  // directory lock as save()). Throws std::runtime_error on failure.
  static void journal(const std::filesystem::path& out_dir, const std::string& key,
                      const ManifestEntry& e);

  std::string to_json() const;
  static Manifest from_json(std::string_view text);  // throws on malformed text

 private:
  std::map<std::string, ManifestEntry> entries_;
  std::set<std::string> updated_;
  std::string warning_;
};

}  // namespace bp
