#include "text/font_set.hpp"

#include <hb-ot.h>

#include <algorithm>
#include <cstdlib>
#include <string>

namespace bp::text {

namespace {
constexpr int kRegular = FC_WEIGHT_REGULAR;  // 80
constexpr int kBold = FC_WEIGHT_BOLD;        // 200

bool under(const std::filesystem::path& file, const std::filesystem::path& dir) {
  auto f = file.lexically_normal().string();
  auto d = dir.lexically_normal().string();
  return !d.empty() && f.compare(0, d.size(), d) == 0;
}

// The project's font directories are walked here instead of being handed to
// FcConfigAppFontAddDir, which opens every entry it finds: opening a FIFO (or some devices) there
// blocked the build forever. Only regular files (symlinks followed) go to fontconfig; a file it
// cannot parse is simply not listed, so a broken file that no style uses does not matter.
std::vector<std::filesystem::path> font_files(const std::filesystem::path& dir) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return files;
  for (auto it =
           fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::error_code fec;
    if (it->is_regular_file(fec)) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

void add_font_files(FcConfig* fc, const std::vector<std::filesystem::path>& files) {
  for (const auto& f : files)
    FcConfigAppFontAddFile(fc, reinterpret_cast<const FcChar8*>(f.c_str()));  // false: not a font
}

// What fontconfig's answers depend on besides its files: the variables it reads its
// configuration and caches by, its own version, and the version of list_family's filtering.
std::string fontconfig_environment() {
  std::string env = "list v1; fontconfig " + std::to_string(FcGetVersion());
  for (const char* v : {"FONTCONFIG_FILE", "FONTCONFIG_PATH", "FONTCONFIG_SYSROOT", "HOME",
                        "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"}) {
    const char* value = std::getenv(v);
    env += std::string("; ") + v + (value ? "=" + std::string(value) : " unset");
  }
  return env;
}

// Every file and directory fontconfig's configuration was built from: its configuration files
// and their directories (a file added to conf.d), the user configuration places even when absent,
// its font directories (fontconfig itself rescans one whose time changed) and its cache
// directories (fc-cache writes there when fonts are installed).
std::vector<std::filesystem::path> fontconfig_state(FcConfig* fc) {
  std::vector<std::filesystem::path> out;
  auto take = [&](FcStrList* list, bool with_parent) {
    if (!list) return;
    while (FcChar8* s = FcStrListNext(list)) {
      std::filesystem::path p(reinterpret_cast<const char*>(s));
      out.push_back(p);
      if (with_parent) out.push_back(p.parent_path());
    }
    FcStrListDone(list);
  };
  take(FcConfigGetConfigFiles(fc), true);
  take(FcConfigGetConfigDirs(fc), false);
  take(FcConfigGetFontDirs(fc), false);
  take(FcConfigGetCacheDirs(fc), false);
  std::filesystem::path config_home;
  if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x == '/')
    config_home = x;
  else if (const char* h = std::getenv("HOME"); h && *h == '/')
    config_home = std::filesystem::path(h) / ".config";
  if (!config_home.empty()) {
    out.push_back(config_home / "fontconfig");
    out.push_back(config_home / "fontconfig" / "fonts.conf");
    out.push_back(config_home / "fontconfig" / "conf.d");
  }
  if (const char* h = std::getenv("HOME"); h && *h == '/') {
    out.push_back(std::filesystem::path(h) / ".fonts.conf");
    out.push_back(std::filesystem::path(h) / ".fonts.conf.d");
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}
}  // namespace

FontSet::FontSet(std::vector<std::filesystem::path> font_dirs, bool preprocess_for_subsetting,
                 std::optional<std::filesystem::path> cache_file)
    : preprocess_(preprocess_for_subsetting) {
  if (cache_file) cache_.emplace(std::move(*cache_file), fontconfig_environment());
  for (auto& d : font_dirs) {
    std::error_code ec;
    auto abs = std::filesystem::weakly_canonical(d, ec);
    register_dir(ec ? d : abs);
  }
  if (!cache_) (void)fontconfig();  // without a cache, as before: fontconfig at once
}

FontSet::~FontSet() = default;

// Registers `dir`'s font files: at once when fontconfig runs already, else when it starts. The
// files and their stamps go into the key of the cached answers, so that a font added, replaced
// or removed there is never answered from the cache.
void FontSet::register_dir(const std::filesystem::path& dir) {
  dirs_.push_back(dir);
  auto files = font_files(dir);
  app_key_ = fnv1a(dir.native() + '\n', app_key_);
  for (const auto& f : files) {
    const FileStamp s = stamp_of(f);
    app_key_ = fnv1a(f.native() + '\t' + std::to_string(s.mtime_ns) + '\t' +
                         std::to_string(s.size) + '\t' + std::to_string(s.inode) + '\n',
                     app_key_);
  }
  if (fc_) add_font_files(fc_.get(), files);
  app_files_.insert(app_files_.end(), files.begin(), files.end());
}

FcConfig* FontSet::fontconfig() {
  if (!fc_) {
    fc_.reset(FcInitLoadConfigAndFonts());
    if (!fc_) throw FontError("无法初始化 fontconfig（字体配置库）");
    add_font_files(fc_.get(), app_files_);
  }
  return fc_.get();
}

bool FontSet::fontconfig_started() const {
  std::lock_guard lock(mu_);
  return fc_ != nullptr;
}

std::vector<const Font*> FontSet::faces() const {
  std::lock_guard lock(mu_);
  std::vector<const Font*> out;
  for (const auto& [key, font] : by_face_) out.push_back(font.get());
  return out;
}

void FontSet::warm_layout_tables() const {
  // Without the lock: HarfBuzz's lazy table loaders are thread-safe.
  for (const Font* font : faces()) {
    hb_face_t* face = font->hb_face();
    (void)hb_ot_layout_has_glyph_classes(face);
    (void)hb_ot_layout_has_substitution(face);
    (void)hb_ot_layout_has_positioning(face);
  }
}

void FontSet::release_file_pages() const {
  std::lock_guard lock(mu_);
  for (const auto& [key, font] : by_face_) font->release_file_pages();
}

std::vector<ListedFace> FontSet::ask_fontconfig(const std::string& family) {
  FcPatternPtr pat(FcPatternCreate());
  FcPatternAddString(pat.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
  FcObjectSetPtr os(FcObjectSetBuild(FC_FILE, FC_INDEX, FC_WEIGHT, FC_SLANT, FC_STYLE, nullptr));
  FcFontSetPtr set(FcFontList(fontconfig(), pat.get(), os.get()));
  std::vector<ListedFace> out;
  if (!set) return out;
  for (int i = 0; i < set->nfont; ++i) {
    FcPattern* p = set->fonts[i];
    FcChar8* file = nullptr;
    int index = 0, weight = kRegular, slant = FC_SLANT_ROMAN;
    if (FcPatternGetString(p, FC_FILE, 0, &file) != FcResultMatch) continue;
    FcPatternGetInteger(p, FC_INDEX, 0, &index);
    FcPatternGetInteger(p, FC_WEIGHT, 0, &weight);
    FcPatternGetInteger(p, FC_SLANT, 0, &slant);
    if (slant != FC_SLANT_ROMAN) continue;
    // Some fonts state the regular weight class for their bold face too (TeX Live's FandolSong-Bold
    // and FandolHei-Bold: fontconfig weight 80 for both faces); their style name says which is
    // which.
    FcChar8* style = nullptr;
    if (weight < kBold && FcPatternGetString(p, FC_STYLE, 0, &style) == FcResultMatch &&
        std::string_view(reinterpret_cast<const char*>(style)) == "Bold")
      weight = kBold;
    out.push_back(ListedFace{reinterpret_cast<const char*>(file), index, weight});
  }
  return out;
}

std::vector<FontSet::Candidate> FontSet::list_family(const std::string& family) {
  std::optional<std::vector<ListedFace>> faces;
  if (cache_) faces = cache_->find(app_key_, family);
  if (!faces) {
    faces = ask_fontconfig(family);
    // An unknown family is not kept: it stops the run (E602), and installing it must be seen.
    if (cache_ && !faces->empty())
      cache_->store(fontconfig_state(fc_.get()), app_key_, family, *faces);
  }
  std::vector<Candidate> out;
  for (auto& f : *faces) {
    Candidate c{std::move(f.file), f.index, f.weight, false};
    c.in_app_dir =
        std::any_of(dirs_.begin(), dirs_.end(), [&](auto& d) { return under(c.file, d); });
    out.push_back(std::move(c));
  }
  return out;
}

void FontSet::add_dir(const std::filesystem::path& dir) {
  std::lock_guard lock(mu_);
  std::error_code ec;
  auto abs = std::filesystem::weakly_canonical(dir, ec);
  if (ec) abs = dir;
  if (std::find(dirs_.begin(), dirs_.end(), abs) != dirs_.end()) return;
  register_dir(abs);
}

namespace {
std::string where_looked(const std::vector<std::filesystem::path>& dirs) {
  std::string s;
  for (const auto& d : dirs) s += (s.empty() ? "" : "、") + d.string();
  return s.empty() ? "系统字体" : s + " 和系统字体";
}
}  // namespace

const Font& FontSet::get(std::string_view family, bool bold, bool allow_synthetic_bold) {
  std::lock_guard lock(mu_);
  auto key = std::make_pair(std::string(family), bold);
  if (auto it = by_request_.find(key); it != by_request_.end()) {
    if (allow_synthetic_bold || !it->second->synthetic_bold()) return *it->second;
  }

  auto cands = list_family(key.first);
  if (cands.empty())
    throw FontError(
        "找不到字体“" + key.first + "”（已查找 " + where_looked(dirs_) +
            "）：请安装该字体，或把字体文件放入站点的 fonts 目录，或在主题中改用已安装的字体"
            "（fc-list 列出已安装的字体）",
        "E602");
  int want = bold ? kBold : kRegular;
  // Nearest weight; then the project's own fonts; then a stable order.
  auto nearest = [&](int w) {
    std::sort(cands.begin(), cands.end(), [&](const Candidate& a, const Candidate& b) {
      int da = std::abs(a.weight - w), db = std::abs(b.weight - w);
      if (da != db) return da < db;
      if (a.in_app_dir != b.in_app_dir) return a.in_app_dir;
      if (a.file != b.file) return a.file < b.file;
      return a.index < b.index;
    });
    return cands.front();
  };
  auto load = [&](const Candidate& c) -> const Font& {
    auto& slot = by_face_[std::make_pair(c.file.string(), c.index)];
    if (!slot) slot = std::make_unique<Font>(c.file, c.index, preprocess_);
    return *slot;
  };
  const Candidate best = nearest(want);
  if (std::abs(best.weight - want) <= 40) {
    const Font& f = load(best);
    by_request_[key] = &f;
    return f;
  }
  // A bold request of a family without a bold face: its regular face, emboldened.
  const Candidate regular = nearest(kRegular);
  if (std::abs(regular.weight - kRegular) > 40 || !bold || !allow_synthetic_bold)
    throw FontError("字体“" + key.first + "”没有" + (bold ? "粗体" : "常规体") + "（最接近的是 " +
                        regular.file.string() + "，字重 " + std::to_string(regular.weight) +
                        "）：请在主题中为这一字体角色另指定字体",
                    "E603");
  const Font& base = load(regular);
  auto& slot = synthetic_bold_[&base];
  if (!slot) slot = std::make_unique<Font>(base, Font::SyntheticBold{});
  by_request_[key] = slot.get();
  return *slot;
}

}  // namespace bp::text
