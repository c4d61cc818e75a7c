#include "text/font_set.hpp"

#include <algorithm>
#include <cstdlib>

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
void add_font_files(FcConfig* fc, const std::filesystem::path& dir) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::error_code fec;
    if (it->is_regular_file(fec)) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files)
    FcConfigAppFontAddFile(fc, reinterpret_cast<const FcChar8*>(f.c_str()));  // false: not a font
}
}  // namespace

FontSet::FontSet(std::vector<std::filesystem::path> font_dirs, bool preprocess_for_subsetting)
    : preprocess_(preprocess_for_subsetting) {
  for (auto& d : font_dirs) {
    std::error_code ec;
    auto abs = std::filesystem::weakly_canonical(d, ec);
    dirs_.push_back(ec ? d : abs);
  }
  FT_Library lib = nullptr;
  if (FT_Init_FreeType(&lib) != 0) throw FontError("cannot initialise FreeType");
  ft_.reset(lib);
  fc_.reset(FcInitLoadConfigAndFonts());
  if (!fc_) throw FontError("cannot initialise fontconfig");
  for (auto& d : dirs_) {
    std::error_code ec;
    if (std::filesystem::is_directory(d, ec)) add_font_files(fc_.get(), d);
  }
}

FontSet::~FontSet() = default;

std::vector<FontSet::Candidate> FontSet::list_family(std::string_view family) const {
  FcPatternPtr pat(FcPatternCreate());
  std::string fam(family);
  FcPatternAddString(pat.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(fam.c_str()));
  FcObjectSetPtr os(FcObjectSetBuild(FC_FILE, FC_INDEX, FC_WEIGHT, FC_SLANT, nullptr));
  FcFontSetPtr set(FcFontList(fc_.get(), pat.get(), os.get()));
  std::vector<Candidate> out;
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
    Candidate c{reinterpret_cast<const char*>(file), index, weight, false};
    c.in_app_dir =
        std::any_of(dirs_.begin(), dirs_.end(), [&](auto& d) { return under(c.file, d); });
    out.push_back(std::move(c));
  }
  return out;
}

const Font& FontSet::get(std::string_view family, bool bold) {
  std::lock_guard lock(mu_);
  auto key = std::make_pair(std::string(family), bold);
  if (auto it = by_request_.find(key); it != by_request_.end()) return *it->second;

  auto cands = list_family(family);
  if (cands.empty())
    throw FontError("font family '" + key.first +
                    "' not found (looked in the project font directories and the system fonts)");
  int want = bold ? kBold : kRegular;
  // Nearest weight; then the project's own fonts; then a stable order.
  std::sort(cands.begin(), cands.end(), [&](const Candidate& a, const Candidate& b) {
    int da = std::abs(a.weight - want), db = std::abs(b.weight - want);
    if (da != db) return da < db;
    if (a.in_app_dir != b.in_app_dir) return a.in_app_dir;
    if (a.file != b.file) return a.file < b.file;
    return a.index < b.index;
  });
  const Candidate& best = cands.front();
  if (std::abs(best.weight - want) > 40)
    throw FontError("font family '" + key.first + "' has no " + (bold ? "bold" : "regular") +
                    " face (nearest: " + best.file.string() + ", weight " +
                    std::to_string(best.weight) + "); a synthetic substitute is never used");

  auto face_key = std::make_pair(best.file.string(), best.index);
  auto& slot = by_face_[face_key];
  if (!slot) slot = std::make_unique<Font>(ft_.get(), best.file, best.index, preprocess_);
  by_request_[key] = slot.get();
  return *slot;
}

}  // namespace bp::text
