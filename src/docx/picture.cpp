#include "docx/picture.hpp"

#include "docx/xml.hpp"

namespace bp::docx {

namespace {
constexpr const char* kWp =
    "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
constexpr const char* kA = "http://schemas.openxmlformats.org/drawingml/2006/main";
constexpr const char* kPic = "http://schemas.openxmlformats.org/drawingml/2006/picture";
}  // namespace

void add_picture(pugi::xml_node p, const std::string& rel_id, int64_t cx, int64_t cy,
                 const std::string& name) {
  using xml::add;
  using xml::attr;
  const std::string w = std::to_string(cx), h = std::to_string(cy);
  auto drawing = add(add(p, "w:r"), "w:drawing");
  auto inl = add(drawing, "wp:inline");
  attr(inl, "xmlns:wp", kWp);
  for (const char* d : {"distT", "distB", "distL", "distR"}) attr(inl, d, "0");
  auto extent = add(inl, "wp:extent");
  attr(extent, "cx", w);
  attr(extent, "cy", h);
  auto doc_pr = add(inl, "wp:docPr");
  attr(doc_pr, "id", "1");
  attr(doc_pr, "name", name);
  attr(doc_pr, "descr", name);
  auto graphic = add(inl, "a:graphic");
  attr(graphic, "xmlns:a", kA);
  auto data = add(graphic, "a:graphicData");
  attr(data, "uri", kPic);
  auto pic = add(data, "pic:pic");
  attr(pic, "xmlns:pic", kPic);
  auto nv = add(pic, "pic:nvPicPr");
  auto c_nv = add(nv, "pic:cNvPr");
  attr(c_nv, "id", "0");
  attr(c_nv, "name", "logo.png");
  add(nv, "pic:cNvPicPr");
  auto fill = add(pic, "pic:blipFill");
  attr(add(fill, "a:blip"), "r:embed", rel_id);
  add(add(fill, "a:stretch"), "a:fillRect");
  auto sp = add(pic, "pic:spPr");
  auto xfrm = add(sp, "a:xfrm");
  auto off = add(xfrm, "a:off");
  attr(off, "x", "0");
  attr(off, "y", "0");
  auto ext = add(xfrm, "a:ext");
  attr(ext, "cx", w);
  attr(ext, "cy", h);
  auto geom = add(sp, "a:prstGeom");
  attr(geom, "prst", "rect");
  add(geom, "a:avLst");
}

}  // namespace bp::docx
