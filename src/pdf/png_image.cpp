#include "pdf/png_image.hpp"

#include <png.h>
#include <zlib.h>

#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <memory>
#include <new>
#include <stdexcept>
#include <vector>

namespace bp::pdf {

namespace {

// libpng reports errors by longjmp to the setjmp in read(): its state lives on the heap (only the
// pointer to it is a local of read()), so nothing is left indeterminate by the jump.
struct Reader {
  FILE* file = nullptr;
  png_structp png = nullptr;
  png_infop info = nullptr;
  std::string error;
  std::vector<unsigned char> buffer;
  std::vector<png_bytep> rows;
  ~Reader() {
    if (png) png_destroy_read_struct(&png, info ? &info : nullptr, nullptr);
    if (file) std::fclose(file);
  }
};

[[noreturn]] void on_error(png_structp png, png_const_charp message) {
  static_cast<Reader*>(png_get_error_ptr(png))->error = message ? message : "";
  png_longjmp(png, 1);
}
void on_warning(png_structp, png_const_charp) {}

// The decoding steps of PoDoFo's LoadFromPngContent; false with r.error set on a libpng error.
bool read(Reader* r, PngImage& out) {
  if (setjmp(png_jmpbuf(r->png))) return false;
  png_init_io(r->png, r->file);
  png_set_sig_bytes(r->png, 8);
  png_read_info(r->png, r->info);
  png_uint_32 width = 0, height = 0;
  int depth = 0, color_type = 0, interlace = 0;
  png_get_IHDR(r->png, r->info, &width, &height, &depth, &color_type, &interlace, nullptr, nullptr);
  if (color_type == PNG_COLOR_TYPE_GRAY)
    png_set_expand_gray_1_2_4_to_8(r->png);
  else if (color_type != PNG_COLOR_TYPE_PALETTE && depth < 8)
    png_set_packing(r->png);
  if (color_type != PNG_COLOR_TYPE_PALETTE && png_get_valid(r->png, r->info, PNG_INFO_tRNS))
    png_set_tRNS_to_alpha(r->png);
  if (depth == 16) png_set_strip_16(r->png);
  if (interlace != PNG_INTERLACE_NONE) png_set_interlace_handling(r->png);
  png_read_update_info(r->png, r->info);
  png_get_IHDR(r->png, r->info, &width, &height, &depth, &color_type, &interlace, nullptr, nullptr);

  const size_t row_len = png_get_rowbytes(r->png, r->info);
  size_t len = row_len * height;
  r->buffer.assign(len, 0);
  r->rows.resize(height);
  for (png_uint_32 y = 0; y < height; ++y) r->rows[y] = r->buffer.data() + y * row_len;
  png_read_image(r->png, r->rows.data());
  char* pixels = reinterpret_cast<char*>(r->buffer.data());

  png_bytep trans = nullptr;
  int num_trans = 0;
  out.width = width;
  out.height = height;
  out.bits = depth;
  if ((color_type & PNG_COLOR_MASK_ALPHA) ||
      (color_type == PNG_COLOR_TYPE_PALETTE && png_get_valid(r->png, r->info, PNG_INFO_tRNS) &&
       png_get_tRNS(r->png, r->info, &trans, &num_trans, nullptr))) {
    // The soft mask. A palette row packs 1, 2 or 4-bit indices from the high bits of each byte
    // down (PNG 1.2, 7.2). PoDoFo 0.9.8 read them from the low bits, and 1-bit rows at row[c / 4],
    // past the row's end: a wrong mask (and a read out of bounds) for such logos, not kept.
    out.has_mask = true;
    out.mask.assign(static_cast<size_t>(width) * height, '\0');
    size_t k = 0;
    if (color_type == PNG_COLOR_TYPE_PALETTE) {
      const unsigned index_mask = (1u << depth) - 1;
      for (png_uint_32 y = 0; y < height; ++y) {
        const png_bytep row = r->rows[y];
        for (png_uint_32 c = 0; c < width; ++c) {
          const size_t bit = static_cast<size_t>(c) * static_cast<size_t>(depth);
          const unsigned shift = 8u - static_cast<unsigned>(depth) - static_cast<unsigned>(bit % 8);
          const unsigned colour = (row[bit / 8] >> shift) & index_mask;
          out.mask[k++] =
              static_cast<char>(static_cast<int>(colour) < num_trans ? trans[colour] : 0xFF);
        }
      }
    } else if (color_type == PNG_COLOR_TYPE_RGB_ALPHA) {
      for (png_uint_32 y = 0; y < height; ++y) {
        const png_bytep row = r->rows[y];
        for (png_uint_32 c = 0; c < width; ++c) {
          std::memmove(pixels + 3 * k, row + 4 * c, 3);
          out.mask[k++] = static_cast<char>(row[c * 4 + 3]);
        }
      }
      len = 3 * static_cast<size_t>(width) * height;
    } else if (color_type == PNG_COLOR_TYPE_GRAY_ALPHA) {
      for (png_uint_32 y = 0; y < height; ++y) {
        const png_bytep row = r->rows[y];
        for (png_uint_32 c = 0; c < width; ++c) {
          pixels[k] = static_cast<char>(row[c * 2]);
          out.mask[k++] = static_cast<char>(row[c * 2 + 1]);
        }
      }
      len = static_cast<size_t>(width) * height;
    }
  }
  if (color_type == PNG_COLOR_TYPE_PALETTE) {
    png_colorp colours = nullptr;
    int n = 0;
    png_get_PLTE(r->png, r->info, &colours, &n);
    out.colour = PngImage::Colour::kIndexed;
    for (int i = 0; i < n; ++i) {
      out.palette += static_cast<char>(colours[i].red);
      out.palette += static_cast<char>(colours[i].green);
      out.palette += static_cast<char>(colours[i].blue);
    }
  } else if (color_type == PNG_COLOR_TYPE_GRAY || color_type == PNG_COLOR_TYPE_GRAY_ALPHA) {
    out.colour = PngImage::Colour::kGray;
  } else {
    out.colour = PngImage::Colour::kRgb;
  }
  out.samples.assign(pixels, len);
  return true;
}

}  // namespace

PngImage decode_png(const std::string& file) {
  auto r = std::make_unique<Reader>();
  r->file = std::fopen(file.c_str(), "rb");
  if (!r->file) throw std::runtime_error("文件无法打开");
  png_byte header[8];
  if (std::fread(header, 1, 8, r->file) != 8 || png_sig_cmp(header, 0, 8))
    throw std::runtime_error("不是 PNG 文件");
  r->png = png_create_read_struct(PNG_LIBPNG_VER_STRING, r.get(), on_error, on_warning);
  if (!r->png) throw std::bad_alloc();
  r->info = png_create_info_struct(r->png);
  if (!r->info) throw std::bad_alloc();
  PngImage out;
  if (!read(r.get(), out)) throw std::runtime_error("PNG 解码失败：" + r->error);
  return out;
}

std::string flate_like_podofo(std::string_view data) {
  z_stream z{};
  if (deflateInit(&z, Z_DEFAULT_COMPRESSION) != Z_OK) throw std::bad_alloc();
  // deflateEnd however this ends (out.append may throw std::bad_alloc).
  const std::unique_ptr<z_stream, int (*)(z_stream*)> end(&z, deflateEnd);
  std::string out;
  unsigned char buf[4096];
  auto step = [&](const char* in, size_t n, int mode) {
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in));
    z.avail_in = static_cast<uInt>(n);
    do {
      z.next_out = buf;
      z.avail_out = sizeof buf;
      if (deflate(&z, mode) == Z_STREAM_ERROR) throw std::runtime_error("zlib 压缩失败");
      out.append(reinterpret_cast<const char*>(buf), sizeof buf - z.avail_out);
    } while (z.avail_out == 0);
  };
  for (size_t at = 0; at < data.size(); at += 4096)
    step(data.data() + at, std::min<size_t>(4096, data.size() - at), Z_NO_FLUSH);
  step(nullptr, 0, Z_FINISH);
  return out;
}

}  // namespace bp::pdf
