// One font face, loaded once and shared read-only (by every document of a batch and by threads).
// The file is mapped once (text/mapped_font_file.hpp) and parsed by HarfBuzz alone: the metrics the
// PDF needs are read from its tables as FreeType would report them (text/font_facts.hpp).
#pragma once

#include <hb.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>

#include "text/mapped_font_file.hpp"
#include "text/raii.hpp"
#include "util/config_error.hpp"

namespace bp::text {

// A font that cannot be found or read. The message names the family and/or the file. Codes:
// E300 damaged or unreadable file, E602 family not found, E603 family without a regular face.
class FontError : public ConfigError {
 public:
  explicit FontError(const std::string& message, std::string code = "E300")
      : ConfigError("", message, std::move(code)) {}
};

// Metrics in font units (upem), as the PDF FontDescriptor needs them.
struct FontMetrics {
  int units_per_em = 1000;
  int ascender = 880;    // OS/2 typo ascender (top of the ideographic em box for CJK fonts)
  int descender = -120;  // OS/2 typo descender (negative)
  int cap_height = 700;
  int bbox[4] = {0, 0, 0, 0};
  double italic_angle = 0;
  bool fixed_pitch = false;
  bool serif = false;
};

// Declared only: the cache's header stays out of every file that includes this one (most of the
// tree), so changing it rebuilds only its users.
class CffSubsetCache;

class Font {
 public:
  // Loads face `face_index` of `file` (a TTC holds several faces: pass fontconfig's FC_INDEX).
  // `preprocess_for_subsetting`: see subset_face().
  Font(const std::filesystem::path& file, int face_index, bool preprocess_for_subsetting = false);
  // The synthetic bold of `regular` (a family without a bold face, as most Chinese fonts are):
  // the same outlines, metrics and advances, shared with `regular` (which must outlive it); the
  // PDF writer strokes its glyphs as well as filling them, as Word and WPS embolden such fonts.
  struct SyntheticBold {};
  Font(const Font& regular, SyntheticBold);
  ~Font();  // out of line: CffSubsetCache is complete only in font.cpp
  Font(const Font&) = delete;
  Font& operator=(const Font&) = delete;

  const std::filesystem::path& file() const { return file_; }
  int face_index() const { return face_index_; }
  const std::string& postscript_name() const { return ps_name_; }
  const FontMetrics& metrics() const { return metrics_; }
  unsigned upem() const { return static_cast<unsigned>(metrics_.units_per_em); }

  hb_face_t* hb_face() const { return face_.get(); }
  hb_font_t* hb_font() const { return font_.get(); }

  // Nominal glyph of a code point (cmap); 0 when the font does not cover it.
  uint32_t glyph(char32_t cp) const;
  bool covers(char32_t cp) const { return glyph(cp) != 0; }
  int advance(uint32_t gid) const;  // font units
  // Horizontal ink extent of a glyph in font units: [x_min, x_max).
  std::pair<int, int> ink_x(uint32_t gid) const;
  // Widest advance among the digits 0–9 (for tabular figures in tables).
  int digit_advance() const { return digit_advance_; }
  // The face hb-subset reads: a view showing only CFF, head, maxp, hhea and hmtx, so that a
  // subset plan does not walk the whole cmap (cuts hb-subset's plan cost ~8× for Noto CJK). With
  // preprocessing, a copy of that view made once by hb_subset_preprocess (about 1–3 s for a CJK
  // font) after which each subset is faster again. The subsets are byte-identical either way.
  // Thread-safe.
  hb_face_t* subset_face() const;
  // True when the face's outlines are CFF (embedded as CIDFontType0C); else they are TrueType
  // glyf outlines (embedded as CIDFontType2 with a FontFile2).
  bool is_cff() const { return is_cff_; }
  // True for the synthetic bold of a regular face (see the SyntheticBold constructor).
  bool synthetic_bold() const { return regular_ != nullptr; }
  // The face whose outlines this font draws: itself, or the regular face a synthetic bold strokes.
  // The PDF writer embeds one subset per outline face.
  const Font& outlines() const { return regular_ ? *regular_ : *this; }
  // The charstrings of the face's unhinted subsets so far, from which later subsets of the same
  // glyphs are assembled without hb-subset (text/cff_subset_cache.hpp). Null for TrueType
  // outlines. Lives as long as the face: one per process, shared by documents and threads.
  CffSubsetCache* cff_subset_cache() const {
    return regular_ ? regular_->cff_subset_cache() : cff_cache_.get();
  }
  // Gives back the pages of the font file read so far (text/mapped_font_file.hpp): after
  // hb-subset, which reads the charstrings of a document's glyphs all over the file. Thread-safe;
  // readers fault them back in.
  void release_file_pages() const { map_->release_pages(); }

 private:
  std::filesystem::path file_;
  int face_index_;
  std::shared_ptr<MappedFontFile> map_;  // shared with a synthetic bold; blob_ reads it
  HbBlobPtr blob_;
  HbFacePtr face_;
  HbFontPtr font_;
  std::string ps_name_;
  FontMetrics metrics_;
  int digit_advance_ = 0;
  bool is_cff_ = false;
  const Font* regular_ = nullptr;  // set for a synthetic bold
  bool preprocess_ = false;
  mutable std::once_flag preprocess_once_;
  mutable HbFacePtr preprocessed_;
  HbBlobPtr cff_table_;  // the face's 'CFF ' table, which cff_cache_ reads
  std::unique_ptr<CffSubsetCache> cff_cache_;
};

}  // namespace bp::text
