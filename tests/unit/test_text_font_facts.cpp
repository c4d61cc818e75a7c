// The face facts the PDF needs, read by HarfBuzz from the sfnt tables (text/font_facts.hpp), must
// be what FreeType reported before it stopped parsing every face a second time: PostScript name,
// units per em, bounding box, OS/2 ascender/descender/cap height/serif class, post's italic angle
// and fixed pitch — on every face fontconfig lists on this machine (the Noto CJK collections, the
// TrueType CJK fonts, Fandol, DejaVu, Latin Modern, …).
#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include <catch2/catch.hpp>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H

#include <set>

#include "text/font.hpp"
#include "text/font_facts.hpp"
#include "text/font_tables.hpp"
#include "text/raii.hpp"

using namespace bp::text;

namespace {

// What the face constructor computed from FreeType until now (the former Font::Font).
FontMetrics freetype_metrics(FT_Face raw) {
  FontMetrics m;
  m.units_per_em = raw->units_per_EM;
  m.bbox[0] = static_cast<int>(raw->bbox.xMin);
  m.bbox[1] = static_cast<int>(raw->bbox.yMin);
  m.bbox[2] = static_cast<int>(raw->bbox.xMax);
  m.bbox[3] = static_cast<int>(raw->bbox.yMax);
  m.fixed_pitch = FT_IS_FIXED_WIDTH(raw);
  if (auto* os2 = static_cast<TT_OS2*>(FT_Get_Sfnt_Table(raw, FT_SFNT_OS2))) {
    m.ascender = os2->sTypoAscender;
    m.descender = os2->sTypoDescender;
    if (os2->version >= 2 && os2->sCapHeight > 0) m.cap_height = os2->sCapHeight;
    m.serif = (os2->sFamilyClass >> 8) >= 1 && (os2->sFamilyClass >> 8) <= 7;
  } else {
    m.ascender = raw->ascender;
    m.descender = raw->descender;
  }
  if (auto* post = static_cast<TT_Postscript*>(FT_Get_Sfnt_Table(raw, FT_SFNT_POST)))
    m.italic_angle = static_cast<double>(post->italicAngle) / 65536.0;
  return m;
}

std::set<std::pair<std::string, int>> installed_faces() {
  std::set<std::pair<std::string, int>> out;
  FcConfigPtr fc(FcInitLoadConfigAndFonts());
  FcPatternPtr pat(FcPatternCreate());
  FcObjectSetPtr os(FcObjectSetBuild(FC_FILE, FC_INDEX, nullptr));
  FcFontSetPtr set(FcFontList(fc.get(), pat.get(), os.get()));
  for (int i = 0; set && i < set->nfont; ++i) {
    FcChar8* file = nullptr;
    int index = 0;
    if (FcPatternGetString(set->fonts[i], FC_FILE, 0, &file) != FcResultMatch) continue;
    FcPatternGetInteger(set->fonts[i], FC_INDEX, 0, &index);
    if (index >= 0x10000) continue;  // a named instance of a variable font: not what we load
    out.emplace(reinterpret_cast<const char*>(file), index);
  }
  return out;
}

}  // namespace

TEST_CASE("face facts read by HarfBuzz equal FreeType's on every installed face", "[font]") {
  FtLibraryPtr lib([] {
    FT_Library l = nullptr;
    REQUIRE(FT_Init_FreeType(&l) == 0);
    return l;
  }());
  const auto faces = installed_faces();
  REQUIRE(faces.size() >= 10);  // Noto CJK (5 faces a collection), WenQuanYi, AR PL, Fandol …
  bool saw_cff = false, saw_glyf = false;
  for (const auto& [file, index] : faces) {
    INFO(file << " face " << index);
    HbBlobPtr blob(hb_blob_create_from_file_or_fail(file.c_str()));
    if (!blob) continue;
    HbFacePtr face(hb_face_create(blob.get(), static_cast<unsigned>(index)));
    if (hb_face_get_glyph_count(face.get()) == 0) continue;  // not an sfnt (Type 1, PCF, …)
    FT_Face raw = nullptr;
    REQUIRE(FT_New_Face(lib.get(), file.c_str(), index, &raw) == 0);
    FtFacePtr ft(raw);
    if (!FT_IS_SFNT(raw)) continue;
    const char* ps = FT_Get_Postscript_Name(raw);
    CHECK(postscript_name(face.get()).value_or("") == std::string(ps ? ps : ""));
    const FontMetrics want = freetype_metrics(raw), got = read_metrics(face.get());
    CHECK(got.units_per_em == want.units_per_em);
    for (int k = 0; k < 4; ++k) CHECK(got.bbox[k] == want.bbox[k]);
    CHECK(got.ascender == want.ascender);
    CHECK(got.descender == want.descender);
    CHECK(got.cap_height == want.cap_height);
    CHECK(got.italic_angle == want.italic_angle);
    CHECK(got.fixed_pitch == want.fixed_pitch);
    CHECK(got.serif == want.serif);
    (SfntTable(face.get(), HB_TAG('C', 'F', 'F', ' ')).present() ? saw_cff : saw_glyf) = true;
  }
  CHECK(saw_cff);
  CHECK(saw_glyf);
}

TEST_CASE("a Noto CJK face is loaded with the PostScript name of its own language", "[font]") {
  // Face 2 of the collection is Simplified Chinese (STACK-NOTES): the /BaseFont the PDF names.
  const Font f("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2);
  CHECK(f.postscript_name() == "NotoSerifCJKsc-Regular");
  CHECK(f.upem() == 1000);
  CHECK(f.is_cff());
}
