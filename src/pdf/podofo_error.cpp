#include "pdf/podofo_error.hpp"

#include <new>
#include <stdexcept>
#include <string>

namespace bp::pdf {

void rethrow_as_std(const PoDoFo::PdfError& e) {
  if (e.GetError() == PoDoFo::ePdfError_OutOfMemory) throw std::bad_alloc();
  const char* name = PoDoFo::PdfError::ErrorName(e.GetError());
  const char* text = PoDoFo::PdfError::ErrorMessage(e.GetError());
  std::string message = "PDF 写入失败（PoDoFo 错误 " + std::string(name ? name : "?");
  if (text && *text) message += "：" + std::string(text);
  throw std::runtime_error(message + "）");
}

}  // namespace bp::pdf
