#include "pdf/images.hpp"

#include <stdexcept>

#include "pdf/pdf_format.hpp"
#include "pdf/png_image.hpp"
#include "util/config_error.hpp"

namespace bp::pdf {

namespace {

// An image XObject's keys and data (PoDoFo's PdfImage::SetImageData), Flate-compressed.
void set_image_data(ObjectStore& store, Ref image, const PngImage& png, int bits,
                    std::string_view samples) {
  Dict& d = store.dict(image);
  d.set("Width", Object::integer(png.width));
  d.set("Height", Object::integer(png.height));
  d.set("BitsPerComponent", Object::integer(bits));
  d.set("BBox", rect_array(0, 0, png.width, png.height));
  set_packed_stream(store, image, flate_like_podofo(samples));
}

Ref new_image(ObjectStore& store) {
  const Ref r = store.add_typed("XObject");
  store.dict(r).set("Subtype", Object::name("Image"));
  store.dict(r).set("ColorSpace", Object::name("DeviceRGB"));
  return r;
}

}  // namespace

Ref ImageSet::embed(const std::string& file) {
  const Ref image = new_image(store_);
  PngImage png;
  try {
    png = decode_png(file);
  } catch (const std::runtime_error& e) {
    throw ConfigError(file, "封面标志图片无法读取为 PNG（" + std::string(e.what()) + "）", "E605");
  }
  if (png.has_mask) {
    const Ref mask = new_image(store_);
    store_.dict(mask).set("ColorSpace", Object::name("DeviceGray"));
    set_image_data(store_, mask, png, 8, png.mask);
    store_.dict(image).set("SMask", mask);
  }
  switch (png.colour) {
    case PngImage::Colour::kIndexed: {
      const Ref palette = store_.add();
      set_packed_stream(store_, palette, flate_like_podofo(png.palette));
      const auto n = static_cast<int64_t>(png.palette.size() / 3);
      store_.dict(image).set("ColorSpace", Array{Object::name("Indexed"), Object::name("DeviceRGB"),
                                                 Object::integer(n - 1), palette});
      break;
    }
    case PngImage::Colour::kGray:
      store_.dict(image).set("ColorSpace", Object::name("DeviceGray"));
      break;
    case PngImage::Colour::kRgb:
      break;
  }
  set_image_data(store_, image, png, png.bits, png.samples);
  return image;
}

std::string ImageSet::draw(const layout::Page& page, bool tagged) {
  if (page.images.empty()) return "";
  std::string out = tagged ? "/Artifact BMC\n" : "";
  for (const auto& im : page.images) {
    auto& name = names_[im.file];
    if (name.empty()) {
      by_file_[im.file] = embed(im.file);
      name = "Im" + std::to_string(names_.size());
    }
    // The unit square scaled to the box; PDF's y axis points up.
    out += "q " + num(im.width) + " 0 0 " + num(im.height) + ' ' + num(im.x) + ' ' +
           num(page.height - im.y - im.height) + " cm /" + name + " Do Q\n";
  }
  if (tagged) out += "EMC\n";
  return out;
}

void ImageSet::add_resources(Dict& resources, const layout::Page& page) const {
  if (page.images.empty()) return;
  Dict xobjects;
  for (const auto& im : page.images) xobjects.set(names_.at(im.file), by_file_.at(im.file));
  resources.set("XObject", std::move(xobjects));
}

}  // namespace bp::pdf
