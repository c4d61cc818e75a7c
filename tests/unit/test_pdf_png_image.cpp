// The title page's logo without PoDoFo (pdf/png_image.hpp, pdf/images.hpp): decoded as PoDoFo
// 0.9.8's PdfImage::LoadFromPng decoded it — 8-bit samples, alpha split into a soft mask, palettes
// kept as indices — and compressed by zlib so that the bytes equal PoDoFo's (bench/pdf/README.md
// "Round 12, 20O" compares whole PDFs with eleven kinds of PNG).
#include <zlib.h>

#include <catch2/catch.hpp>

#include <cstdint>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "../support/files.hpp"
#include "pdf/images.hpp"
#include "pdf/object_text.hpp"
#include "pdf/png_image.hpp"

using namespace bp;

namespace {

void put32(std::string& out, uint32_t v) {
  for (int s = 24; s >= 0; s -= 8) out += static_cast<char>((v >> s) & 0xFF);
}

void chunk(std::string& png, const char* type, const std::string& data) {
  put32(png, static_cast<uint32_t>(data.size()));
  const std::string body = type + data;
  png += body;
  put32(png, static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(body.data()),
                                         static_cast<uInt>(body.size()))));
}

// A PNG file of `rows` (filter byte 0 added), with extra chunks (PLTE, tRNS) before IDAT.
std::string png_file(uint32_t w, uint32_t h, int depth, int colour_type,
                     const std::vector<std::string>& rows, const std::string& extra = "") {
  std::string raw;
  for (const std::string& r : rows) raw += '\0' + r;
  uLongf n = compressBound(static_cast<uLong>(raw.size()));
  std::string packed(n, '\0');
  compress(reinterpret_cast<Bytef*>(packed.data()), &n, reinterpret_cast<const Bytef*>(raw.data()),
           static_cast<uLong>(raw.size()));
  packed.resize(n);
  std::string ihdr;
  put32(ihdr, w);
  put32(ihdr, h);
  ihdr += {static_cast<char>(depth), static_cast<char>(colour_type), 0, 0, 0};
  std::string png = "\x89PNG\r\n\x1a\n";
  chunk(png, "IHDR", ihdr);
  png += extra;
  chunk(png, "IDAT", packed);
  chunk(png, "IEND", "");
  return png;
}

std::string write(const test::TempDir& dir, const std::string& name, const std::string& bytes) {
  const std::string path = (dir.path / name).string();
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

}  // namespace

TEST_CASE("png image: RGBA splits into RGB samples and an alpha mask", "[pdf][image]") {
  test::TempDir dir;
  const std::string f = write(
      dir, "rgba.png", png_file(2, 1, 8, 6, {std::string("\x01\x02\x03\x80\x04\x05\x06\xff", 8)}));
  const pdf::PngImage im = pdf::decode_png(f);
  CHECK(im.width == 2);
  CHECK(im.height == 1);
  CHECK(im.bits == 8);
  CHECK(im.colour == pdf::PngImage::Colour::kRgb);
  CHECK(im.samples == std::string("\x01\x02\x03\x04\x05\x06", 6));
  REQUIRE(im.has_mask);
  CHECK(im.mask == std::string("\x80\xff", 2));
}

TEST_CASE("png image: 16-bit gray stripped to 8 bits, palettes kept as indices", "[pdf][image]") {
  test::TempDir dir;
  const pdf::PngImage gray = pdf::decode_png(
      write(dir, "g16.png", png_file(2, 1, 16, 0, {std::string("\x12\x34\xab\xcd", 4)})));
  CHECK(gray.colour == pdf::PngImage::Colour::kGray);
  CHECK(gray.bits == 8);
  CHECK(gray.samples == "\x12\xab");
  CHECK_FALSE(gray.has_mask);

  // 4-bit indices 1, 0, 2 with a tRNS for the first two palette entries.
  std::string plte, trns, extra;
  plte = std::string("\xff\x00\x00\x00\xff\x00\x00\x00\xff", 9);
  chunk(extra, "PLTE", plte);
  chunk(extra, "tRNS", std::string("\x10\x20", 2));
  const pdf::PngImage pal = pdf::decode_png(
      write(dir, "p4.png", png_file(3, 1, 4, 3, {std::string("\x10\x20", 2)}, extra)));
  CHECK(pal.colour == pdf::PngImage::Colour::kIndexed);
  CHECK(pal.bits == 4);
  CHECK(pal.palette == plte);
  CHECK(pal.samples == std::string("\x10\x20", 2));
  REQUIRE(pal.has_mask);
  // Packed indices are read from each byte's high bits down (PNG 1.2, 7.2): 1, 0, 2 — entry 1 →
  // 0x20, entry 0 → 0x10, entry 2 has no tRNS value → opaque. (PoDoFo 0.9.8 read 0, 1, 0.)
  CHECK(pal.mask == std::string("\x20\x10\xff", 3));

  // 1-bit indices across a byte boundary: 9 pixels, two bytes a row (PoDoFo read row[c / 4], past
  // the row's end from pixel 8 on).
  std::string two;
  chunk(two, "PLTE", std::string("\x00\x00\x00\xff\xff\xff", 6));
  chunk(two, "tRNS", std::string("\x00", 1));
  const pdf::PngImage bits = pdf::decode_png(
      write(dir, "p1.png", png_file(9, 1, 1, 3, {std::string("\xa0\x80", 2)}, two)));
  REQUIRE(bits.has_mask);
  // Indices 1 0 1 0 0 0 0 0 | 1: entry 0 transparent, entry 1 (no tRNS value) opaque.
  CHECK(bits.mask == std::string("\xff\x00\xff\x00\x00\x00\x00\x00\xff", 9));
}

TEST_CASE("png image: a file that is not a PNG is an error with a reason", "[pdf][image]") {
  test::TempDir dir;
  CHECK_THROWS_AS(pdf::decode_png(write(dir, "x.png", "GIF89a and more bytes")),
                  std::runtime_error);
  CHECK_THROWS_AS(pdf::decode_png((dir.path / "missing.png").string()), std::runtime_error);
  std::string cut = png_file(2, 2, 8, 2, {std::string(6, 'a'), std::string(6, 'b')});
  cut.resize(cut.size() - 30);  // IDAT cut short
  CHECK_THROWS_AS(pdf::decode_png(write(dir, "cut.png", cut)), std::runtime_error);
}

TEST_CASE("png image: zlib in 4 KB steps gives zlib's one-shot bytes", "[pdf][image]") {
  std::string data;
  for (int i = 0; i < 20000; ++i) data += static_cast<char>((i * 7 + i / 100) % 251);
  const std::string ours = pdf::flate_like_podofo(data);
  uLongf n = compressBound(static_cast<uLong>(data.size()));
  std::string once(n, '\0');
  compress2(reinterpret_cast<Bytef*>(once.data()), &n, reinterpret_cast<const Bytef*>(data.data()),
            static_cast<uLong>(data.size()), Z_DEFAULT_COMPRESSION);
  once.resize(n);
  CHECK(ours == once);
}

TEST_CASE("images: the logo's objects as PoDoFo made them", "[pdf][image]") {
  test::TempDir dir;
  const std::string f = write(
      dir, "logo.png", png_file(2, 1, 8, 6, {std::string("\x01\x02\x03\x80\x04\x05\x06\xff", 8)}));
  pdf::ObjectStore store;
  pdf::ImageSet images(store);
  layout::Page page;
  page.height = 100;
  page.images.push_back({f, 10, 20, 30, 15});
  CHECK(images.draw(page, true) == "/Artifact BMC\nq 30 0 0 15 10 65 cm /Im1 Do Q\nEMC\n");
  REQUIRE(store.size() == 5);  // the image (4), then its soft mask (5)
  std::string image, mask;
  pdf::append_object_text(image, store.at({4, 0}).value);
  pdf::append_object_text(mask, store.at({5, 0}).value);
  CHECK(image ==
        "<</Type/XObject/BBox[ 0 0 2 1]/BitsPerComponent 8/ColorSpace/DeviceRGB/Filter/FlateDecode"
        "/Height 1/Length " +
            std::to_string(pdf::flate_like_podofo("\x01\x02\x03\x04\x05\x06").size()) +
            "/SMask 5 0 R/Subtype/Image/Width 2>>");
  CHECK(mask ==
        "<</Type/XObject/BBox[ 0 0 2 1]/BitsPerComponent 8/ColorSpace/DeviceGray/Filter/FlateDecode"
        "/Height 1/Length " +
            std::to_string(pdf::flate_like_podofo("\x80\xff").size()) + "/Subtype/Image/Width 2>>");
  pdf::Dict resources;
  images.add_resources(resources, page);
  std::string res;
  pdf::append_object_text(res, pdf::Object(resources));
  CHECK(res == "<</XObject<</Im1 4 0 R>>>>");
}
