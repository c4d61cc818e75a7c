#include "app/batch_manifest.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "util/atomic_file.hpp"
#include "util/content_hash.hpp"
#include "util/hash_files.hpp"

namespace bp {

namespace {

constexpr int kManifestVersion = 1;

std::string read_all(const std::filesystem::path& p, bool& exists) {
  std::ifstream in(p, std::ios::binary);
  exists = static_cast<bool>(in);
  if (!in) return {};
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// An exclusive flock on a directory, released on destruction.
class DirLock {
 public:
  explicit DirLock(const std::filesystem::path& dir) {
    fd_ = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd_ < 0)
      throw std::runtime_error("无法打开目录 " + dir.string() + "：" + std::strerror(errno));
    while (::flock(fd_, LOCK_EX) != 0) {
      if (errno == EINTR) continue;
      int e = errno;
      ::close(fd_);
      throw std::runtime_error("无法锁定目录 " + dir.string() + "：" + std::strerror(e));
    }
  }
  ~DirLock() { ::close(fd_); }  // closing the descriptor releases the lock
  DirLock(const DirLock&) = delete;
  DirLock& operator=(const DirLock&) = delete;

 private:
  int fd_ = -1;
};

nlohmann::json entry_json(const ManifestEntry& e) {
  nlohmann::json d;
  d["form"] = e.form;
  d["year"] = e.year;
  d["outputs"] = nlohmann::json::object();
  for (const auto& [ext, o] : e.outputs) d["outputs"][ext] = {{"file", o.file}, {"inputs", o.hash}};
  return d;
}

ManifestEntry entry_from_json(const nlohmann::json& d) {
  ManifestEntry e;
  e.form = d.at("form").get<std::string>();
  e.year = d.at("year").get<int>();
  for (const auto& [ext, o] : d.at("outputs").items())
    e.outputs[ext] = {o.at("file").get<std::string>(), o.at("inputs").get<std::string>()};
  return e;
}

}  // namespace

InputFingerprint::InputFingerprint(const Context& ctx, int64_t epoch, std::string_view version) {
  const ConfigLayers& layers = ctx.layers();
  ContentHash h;
  h.field("budgetpress-inputs-v2").field(version).number(static_cast<uint64_t>(epoch));
  // Every layer of each part in precedence order: a file added to, changed in or removed from the
  // site overlay changes the hash as much as one of the installed defaults.
  for (auto part :
       {ConfigPart::Catalog, ConfigPart::Themes, ConfigPart::Templates, ConfigPart::Fonts}) {
    h.field(part_dir_name(part));
    for (const auto& dir : layers.dirs(part)) hash_tree_into(h, dir);
  }
  if (const auto tagged = ctx.pdf_tagged_override())  // build --pdf-tags: changes the PDF
    h.field(*tagged ? "pdf-tags-on" : "pdf-tags-off");
  shared_ = h.value();
  for (const auto& [rel, file] : layers.files(ConfigPart::Profiles)) {
    if (file.extension() != ".yaml" || rel.find('/') != std::string::npos) continue;
    ContentHash p;
    hash_file_into(p, file);
    profiles_[file.stem().string()] = p.value();
  }
}

std::string InputFingerprint::output_hash(std::string_view yaml, const std::string& form,
                                          Format f) const {
  ContentHash h;
  h.number(shared_).field(form);
  auto it = profiles_.find(form);
  h.number(it == profiles_.end() ? 0 : it->second);
  h.field(yaml).field(format_ext(f));
  return h.hex();
}

const ManifestEntry* Manifest::find(const std::string& key) const {
  auto it = entries_.find(key);
  return it == entries_.end() ? nullptr : &it->second;
}

void Manifest::update(const std::string& key, const ManifestEntry& e) {
  ManifestEntry& mine = entries_[key];
  mine.form = e.form;
  mine.year = e.year;
  for (const auto& [ext, out] : e.outputs) mine.outputs[ext] = out;
  updated_.insert(key);
}

std::string Manifest::to_json() const {
  nlohmann::json j;
  j["budgetpress_manifest"] = kManifestVersion;
  j["departments"] = nlohmann::json::object();
  for (const auto& [key, e] : entries_) j["departments"][key] = entry_json(e);
  return j.dump(1) + "\n";
}

Manifest Manifest::from_json(std::string_view text) {
  auto j = nlohmann::json::parse(text);
  if (j.at("budgetpress_manifest").get<int>() != kManifestVersion)
    throw std::runtime_error("清单版本不同");
  Manifest m;
  for (const auto& [key, d] : j.at("departments").items()) m.entries_[key] = entry_from_json(d);
  return m;
}

namespace {

// The journal's records in file order. A line that does not parse (the last one, cut by kill -9
// or a power loss in the middle of a write) is skipped: that department is simply built again.
std::vector<std::pair<std::string, ManifestEntry>> read_journal(const std::filesystem::path& dir) {
  std::vector<std::pair<std::string, ManifestEntry>> out;
  bool exists = false;
  const std::string text = read_all(dir / kManifestJournal, exists);
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) break;  // no newline yet: the write did not finish
    try {
      auto j = nlohmann::json::parse(std::string_view(text).substr(start, end - start));
      if (j.at("budgetpress_journal").get<int>() == kManifestVersion)
        out.emplace_back(j.at("file").get<std::string>(), entry_from_json(j.at("entry")));
    } catch (const std::exception&) {
    }
    start = end + 1;
  }
  return out;
}

}  // namespace

Manifest Manifest::load(const std::filesystem::path& out_dir) {
  bool exists = false;
  std::string text = read_all(out_dir / kManifestFile, exists);
  Manifest m;
  if (exists) {
    try {
      m = from_json(text);
    } catch (const std::exception& e) {
      m = Manifest();
      m.warning_ = "无法读取增量构建清单 " + (out_dir / kManifestFile).string() + "（" + e.what() +
                   "），全部重新生成";
    }
  }
  // Departments finished by a run that was killed before it wrote the manifest.
  for (auto& [key, e] : read_journal(out_dir)) {
    m.update(key, e);
    m.updated_.erase(key);
  }
  return m;
}

void Manifest::journal(const std::filesystem::path& out_dir, const std::string& key,
                       const ManifestEntry& e) {
  nlohmann::json j;
  j["budgetpress_journal"] = kManifestVersion;
  j["file"] = key;
  j["entry"] = entry_json(e);
  const std::string line = j.dump() + "\n";
  DirLock lock(out_dir);  // not in the middle of another run's compaction
  const auto path = out_dir / kManifestJournal;
  // O_NOFOLLOW: a symlink planted under this name is not followed out of OUT.
  int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0) throw std::runtime_error("无法写入 " + path.string() + "：" + std::strerror(errno));
  size_t off = 0;
  bool ok = true;
  while (ok && off < line.size()) {
    ssize_t n = ::write(fd, line.data() + off, line.size() - off);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) off += static_cast<size_t>(n);
  }
  ok = ok && ::fsync(fd) == 0;
  const int e2 = errno;
  ::close(fd);
  if (!ok) throw std::runtime_error("无法写入 " + path.string() + "：" + std::strerror(e2));
}

void Manifest::save(const std::filesystem::path& out_dir) const {
  std::filesystem::create_directories(out_dir);
  DirLock lock(out_dir);
  Manifest merged;
  bool exists = false;
  std::string text = read_all(out_dir / kManifestFile, exists);
  if (exists) {
    try {
      merged = from_json(text);
    } catch (const std::exception&) {
      merged = Manifest();  // a damaged manifest is replaced
    }
  }
  // Compaction: the journal's records (this run's, and those of runs killed before their end)
  // go into the manifest, then the journal is emptied — under the lock, so no record of a
  // concurrent run is lost between reading and truncating.
  for (auto& [key, e] : read_journal(out_dir)) merged.update(key, e);
  for (const auto& key : updated_) {
    auto it = entries_.find(key);
    if (it != entries_.end()) merged.update(key, it->second);
  }
  write_file_atomic(out_dir / kManifestFile, merged.to_json());
  const auto journal = out_dir / kManifestJournal;
  if (::unlink(journal.c_str()) != 0 && errno != ENOENT)
    throw std::runtime_error("无法清理 " + journal.string() + "：" + std::strerror(errno));
}

}  // namespace bp
