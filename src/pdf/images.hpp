// Raster images of a document (the title page's logo): each PNG file embedded once as an image
// XObject (decoded by png_image.hpp; an alpha channel becomes an /SMask, allowed by PDF/A-2),
// drawn where the layout placed it.
#pragma once

#include <map>
#include <string>

#include "layout/page.hpp"
#include "pdf/object_store.hpp"

namespace bp::pdf {

class ImageSet {
 public:
  explicit ImageSet(ObjectStore& store) : store_(store) {}
  ImageSet(const ImageSet&) = delete;
  ImageSet& operator=(const ImageSet&) = delete;

  // The page's drawing operators for its images ("" when it has none), embedding each file on
  // first use, and its /XObject resources. Tagged: the images are artifacts (a decorative logo).
  // Throws ConfigError (E605) naming a file that cannot be read as PNG.
  std::string draw(const layout::Page& page, bool tagged);
  // Sets the page's /XObject resources (`resources`: the page's /Resources).
  void add_resources(Dict& resources, const layout::Page& page) const;

 private:
  // The image's objects in PoDoFo's order: the image, its soft mask, its palette.
  Ref embed(const std::string& file);

  ObjectStore& store_;
  std::map<std::string, Ref> by_file_;
  std::map<std::string, std::string> names_;  // file → resource name (Im1, Im2 … in first use)
};

}  // namespace bp::pdf
