// Raster images of a document (the title page's logo): each PNG file embedded once as an image
// XObject through PoDoFo (which decodes it with libpng; an alpha channel becomes an /SMask, allowed
// by PDF/A-2), drawn where the layout placed it.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "layout/page.hpp"

namespace PoDoFo {
class PdfMemDocument;
class PdfImage;
class PdfPage;
}  // namespace PoDoFo

namespace bp::pdf {

class ImageSet {
 public:
  explicit ImageSet(PoDoFo::PdfMemDocument& pdf);
  ~ImageSet();
  ImageSet(const ImageSet&) = delete;
  ImageSet& operator=(const ImageSet&) = delete;

  // The page's drawing operators for its images ("" when it has none), embedding each file on
  // first use, and its /XObject resources. Tagged: the images are artifacts (a decorative logo).
  // Throws ConfigError (E605) naming a file PoDoFo cannot read as PNG.
  std::string draw(const layout::Page& page, bool tagged);
  void add_resources(PoDoFo::PdfPage& p, const layout::Page& page);

 private:
  PoDoFo::PdfMemDocument& pdf_;
  std::map<std::string, std::unique_ptr<PoDoFo::PdfImage>> by_file_;
  std::map<std::string, std::string> names_;  // file → resource name (Im1, Im2 … in first use)
};

}  // namespace bp::pdf
