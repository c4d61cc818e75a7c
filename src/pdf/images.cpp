#include "pdf/images.hpp"

#include <podofo/podofo.h>

#include "pdf/pdf_format.hpp"
#include "util/config_error.hpp"

namespace bp::pdf {

using namespace PoDoFo;

ImageSet::ImageSet(PdfMemDocument& pdf) : pdf_(pdf) {}
ImageSet::~ImageSet() = default;

std::string ImageSet::draw(const layout::Page& page, bool tagged) {
  if (page.images.empty()) return "";
  std::string out = tagged ? "/Artifact BMC\n" : "";
  for (const auto& im : page.images) {
    auto& name = names_[im.file];
    if (name.empty()) {
      auto image = std::make_unique<PdfImage>(&pdf_);
      try {
        image->LoadFromPng(im.file.c_str());
      } catch (const PdfError& e) {
        throw ConfigError(im.file, "封面标志图片无法读取为 PNG（" + std::string(e.what()) + "）",
                          "E605");
      }
      name = "Im" + std::to_string(names_.size());
      by_file_[im.file] = std::move(image);
    }
    // The unit square scaled to the box; PDF's y axis points up.
    out += "q " + num(im.width) + " 0 0 " + num(im.height) + ' ' + num(im.x) + ' ' +
           num(page.height - im.y - im.height) + " cm /" + name + " Do Q\n";
  }
  if (tagged) out += "EMC\n";
  return out;
}

void ImageSet::add_resources(PdfPage& p, const layout::Page& page) {
  if (page.images.empty()) return;
  PdfDictionary xobjects;
  for (const auto& im : page.images)
    xobjects.AddKey(PdfName(names_.at(im.file)), by_file_.at(im.file)->GetObject()->Reference());
  p.GetResources()->GetDictionary().AddKey("XObject", xobjects);
}

}  // namespace bp::pdf
