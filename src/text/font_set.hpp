// The fonts of a process: found by family name through fontconfig (the project's own font
// directories registered first and preferred over system fonts), loaded once, shared by every
// document of a batch. Thread-safe; the returned references stay valid for the FontSet's lifetime.
// With a cache file (text/font_cache.hpp) fontconfig is initialised only when the cache cannot
// answer: a run whose fonts and font configuration are unchanged never starts it.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/font.hpp"
#include "text/font_cache.hpp"
#include "text/raii.hpp"
#include "text/typeset_caches.hpp"

namespace bp::text {

class FontSet {
 public:
  // The regular files below `font_dirs` (e.g. the project's fonts/) are added to fontconfig before
  // any lookup (FIFOs, sockets and devices are skipped; files that are not fonts are ignored); a
  // face found there wins over a system face of the same family and weight.
  // `preprocess_for_subsetting`: Font::subset_face() (slower first use, faster batches).
  // `cache_file`: where fontconfig's answers are kept between runs (default_font_cache_file());
  // none = ask fontconfig every run.
  explicit FontSet(std::vector<std::filesystem::path> font_dirs = {},
                   bool preprocess_for_subsetting = false,
                   std::optional<std::filesystem::path> cache_file = std::nullopt);
  ~FontSet();
  FontSet(const FontSet&) = delete;
  FontSet& operator=(const FontSet&) = delete;

  // The face of `family` in the requested weight. Never substitutes another family: an unknown
  // family (E602) or one without a regular face (E603) is a FontError naming the family. A family
  // without a bold face (most Chinese fonts: 仿宋_GB2312, WenQuanYi Zen Hei, AR PL UMing) gives
  // the synthetic bold of its regular face when bold is asked for (Font::synthetic_bold; the PDF
  // strokes it as Word and WPS do), unless `allow_synthetic_bold` is false (then E603 as well).
  const Font& get(std::string_view family, bool bold, bool allow_synthetic_bold = true);

  // Adds the font files below `dir` (e.g. a theme's fonts.dirs: TeX Live's Fandol fonts are not in
  // fontconfig's directories) with the same preference as the constructor's directories. Safe to
  // call again with the same directory (nothing happens); thread-safe.
  void add_dir(const std::filesystem::path& dir);

  // The workers' caches of text shaped and prepared in these fonts (text/typeset_caches.hpp).
  TypesetCachePool& caches() { return caches_; }

  // Whether fontconfig has been initialised (false while the cache answered every lookup).
  bool fontconfig_started() const;

  // Gives back the pages of every loaded face's file read so far (Font::release_file_pages): a
  // lone document's layout is done with its tables, and the PDF writer reads back only the few it
  // needs. Thread-safe.
  void release_file_pages() const;

  // Every face loaded so far (regular faces: a synthetic bold draws its regular face's outlines),
  // in a stable order. Thread-safe; the faces live as long as this FontSet.
  std::vector<const Font*> faces() const;

  // Loads HarfBuzz's GSUB, GPOS and GDEF accelerators of every face loaded so far (sanitizing the
  // tables and the digests of every lookup: ≈ 1–1.5 M instructions a CJK face, once per face and
  // process, kept in the hb_face_t). Called on a thread that is idle before a lone document's
  // layout: otherwise the layout's two threads pay it at their first shaping, each racing to
  // build the same accelerator (bench/pdf/README.md "Round 10, 20J"). Thread-safe.
  void warm_layout_tables() const;

 private:
  struct Candidate {
    std::filesystem::path file;
    int index = 0;
    int weight = 80;
    bool in_app_dir = false;
  };
  std::vector<Candidate> list_family(const std::string& family);
  std::vector<ListedFace> ask_fontconfig(const std::string& family);
  FcConfig* fontconfig();
  void register_dir(const std::filesystem::path& dir);

  mutable std::mutex mu_;
  std::vector<std::filesystem::path> dirs_;
  std::vector<std::filesystem::path> app_files_;  // the regular files below dirs_, in order
  uint64_t app_key_ = 0;                          // app_files_ with their stamps, summarised
  std::optional<FontLookupCache> cache_;
  bool preprocess_ = false;
  FcConfigPtr fc_;
  std::map<std::pair<std::string, bool>, const Font*> by_request_;
  std::map<std::pair<std::string, int>, std::unique_ptr<Font>> by_face_;  // (file, index)
  std::map<const Font*, std::unique_ptr<Font>> synthetic_bold_;           // by regular face
  TypesetCachePool caches_;  // last: its entries point at the fonts above
};

}  // namespace bp::text
