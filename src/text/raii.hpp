// unique_ptr deleters for the C libraries of the text layer (HarfBuzz, FreeType, fontconfig).
#pragma once

#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb.h>

#include <memory>

namespace bp::text {

template <class T, auto Destroy>
struct CDeleter {
  void operator()(T* p) const {
    if (p) Destroy(p);
  }
};

using HbBlobPtr = std::unique_ptr<hb_blob_t, CDeleter<hb_blob_t, hb_blob_destroy>>;
using HbFacePtr = std::unique_ptr<hb_face_t, CDeleter<hb_face_t, hb_face_destroy>>;
using HbFontPtr = std::unique_ptr<hb_font_t, CDeleter<hb_font_t, hb_font_destroy>>;
using HbBufferPtr = std::unique_ptr<hb_buffer_t, CDeleter<hb_buffer_t, hb_buffer_destroy>>;
using HbSetPtr = std::unique_ptr<hb_set_t, CDeleter<hb_set_t, hb_set_destroy>>;
using FcConfigPtr = std::unique_ptr<FcConfig, CDeleter<FcConfig, FcConfigDestroy>>;
using FcPatternPtr = std::unique_ptr<FcPattern, CDeleter<FcPattern, FcPatternDestroy>>;
using FcFontSetPtr = std::unique_ptr<FcFontSet, CDeleter<FcFontSet, FcFontSetDestroy>>;
using FcObjectSetPtr = std::unique_ptr<FcObjectSet, CDeleter<FcObjectSet, FcObjectSetDestroy>>;

struct FtFaceDeleter {
  void operator()(FT_Face f) const {
    if (f) FT_Done_Face(f);
  }
};
using FtFacePtr = std::unique_ptr<std::remove_pointer_t<FT_Face>, FtFaceDeleter>;

struct FtLibraryDeleter {
  void operator()(FT_Library l) const {
    if (l) FT_Done_FreeType(l);
  }
};
using FtLibraryPtr = std::unique_ptr<std::remove_pointer_t<FT_Library>, FtLibraryDeleter>;

}  // namespace bp::text
