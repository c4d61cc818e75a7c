#include "text/font.hpp"

#include "text/cff_subset_cache.hpp"
#include "text/font_facts.hpp"
#include "text/font_tables.hpp"

#include <hb-ot.h>
#include <hb-subset.h>

#include <algorithm>

namespace bp::text {

Font::Font(const std::filesystem::path& file, int face_index, bool preprocess_for_subsetting)
    : file_(file), face_index_(face_index), preprocess_(preprocess_for_subsetting) {
  map_ = MappedFontFile::open(file);
  if (map_) blob_.reset(map_->blob(map_));
  if (!blob_)
    throw FontError("无法读取字体文件 " + file.string() + "（文件不存在、无权限或不是字体文件）");
  unsigned face_count = hb_face_count(blob_.get());
  if (face_index < 0 || static_cast<unsigned>(face_index) >= std::max(face_count, 1u))
    throw FontError("字体文件 " + file.string() + " 中没有第 " + std::to_string(face_index) +
                    " 个字形集（共 " + std::to_string(face_count) + " 个）");
  face_.reset(hb_face_create(blob_.get(), static_cast<unsigned>(face_index)));
  font_.reset(hb_font_create(face_.get()));
  hb_font_make_immutable(font_.get());  // shared read-only between documents and threads
  validate_font_tables(face_.get(), font_.get(), file);

  // Read from the tables HarfBuzz has mapped, as FreeType would report them (text/font_facts.hpp):
  // the face is not parsed a second time.
  ps_name_ = text::postscript_name(face_.get()).value_or("");
  if (ps_name_.empty())
    throw FontError("字体文件 " + file.string() + " 没有 PostScript 名称（PDF 嵌入字体需要）");
  metrics_ = text::read_metrics(face_.get());

  cff_table_.reset(hb_face_reference_table(face_.get(), HB_TAG('C', 'F', 'F', ' ')));
  unsigned cff_length = 0;
  const char* cff_data = hb_blob_get_data(cff_table_.get(), &cff_length);
  is_cff_ = cff_length > 0;
  if (is_cff_)
    cff_cache_ = std::make_unique<CffSubsetCache>(std::string_view(cff_data, cff_length));

  for (char32_t d = U'0'; d <= U'9'; ++d)
    if (uint32_t g = glyph(d)) digit_advance_ = std::max(digit_advance_, advance(g));
}

Font::~Font() = default;

Font::Font(const Font& regular, SyntheticBold)
    : file_(regular.file_),
      face_index_(regular.face_index_),
      map_(regular.map_),
      blob_(hb_blob_reference(regular.blob_.get())),
      face_(hb_face_reference(regular.face_.get())),
      font_(hb_font_reference(regular.font_.get())),
      ps_name_(regular.ps_name_),
      metrics_(regular.metrics_),
      digit_advance_(regular.digit_advance_),
      is_cff_(regular.is_cff_),
      regular_(&regular.outlines()),
      preprocess_(regular.preprocess_) {}

namespace {
// The tables a subset is made from. hb-subset's plan otherwise walks the whole cmap (tens of
// thousands of entries in a CJK font) for every subset, although the PDF embeds only the outlines:
// the CFF table of a CFF font; for TrueType outlines the tables a PDF FontFile2 needs (glyf, loca,
// the metrics and the hinting programs; no cmap — a CIDFontType2 maps CIDs to glyphs itself — and
// no embedded bitmaps, which are most of the bytes of fonts like WenQuanYi Zen Hei).
hb_blob_t* subset_table(hb_face_t*, hb_tag_t tag, void* user_data) {
  switch (tag) {
    case HB_TAG('C', 'F', 'F', ' '):
    case HB_TAG('h', 'e', 'a', 'd'):
    case HB_TAG('m', 'a', 'x', 'p'):
    case HB_TAG('h', 'h', 'e', 'a'):
    case HB_TAG('h', 'm', 't', 'x'):
    case HB_TAG('g', 'l', 'y', 'f'):
    case HB_TAG('l', 'o', 'c', 'a'):
    case HB_TAG('c', 'v', 't', ' '):
    case HB_TAG('f', 'p', 'g', 'm'):
    case HB_TAG('p', 'r', 'e', 'p'):
      return hb_face_reference_table(static_cast<hb_face_t*>(user_data), tag);
    default:
      return hb_blob_get_empty();
  }
}
}  // namespace

hb_face_t* Font::subset_face() const {
  if (regular_) return regular_->subset_face();
  std::call_once(preprocess_once_, [&] {
    HbFacePtr slim(
        hb_face_create_for_tables(subset_table, hb_face_reference(face_.get()),
                                  [](void* f) { hb_face_destroy(static_cast<hb_face_t*>(f)); }));
    hb_face_set_upem(slim.get(), hb_face_get_upem(face_.get()));
    hb_face_set_glyph_count(slim.get(), hb_face_get_glyph_count(face_.get()));
    if (preprocess_)
      preprocessed_.reset(hb_subset_preprocess(slim.get()));
    else
      preprocessed_ = std::move(slim);
  });
  return preprocessed_.get();
}

uint32_t Font::glyph(char32_t cp) const {
  hb_codepoint_t g = 0;
  if (!hb_font_get_nominal_glyph(font_.get(), cp, &g)) return 0;
  return g;
}

int Font::advance(uint32_t gid) const {
  return hb_font_get_glyph_h_advance(font_.get(), gid);
}

std::pair<int, int> Font::ink_x(uint32_t gid) const {
  hb_glyph_extents_t e{};
  if (!hb_font_get_glyph_extents(font_.get(), gid, &e)) return {0, 0};
  return {e.x_bearing, e.x_bearing + e.width};
}

}  // namespace bp::text
