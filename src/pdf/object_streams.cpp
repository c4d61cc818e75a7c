#include "pdf/object_streams.hpp"

// Opt in to qpdf 11 semantics of PointerHolder (no deprecation warning).
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFWriter.hh>

namespace bp::pdf {

std::string pack_object_streams(const std::string& pdf) {
  try {
    QPDF in;
    in.setSuppressWarnings(true);
    in.processMemoryFile("budgetpress.pdf", pdf.data(), pdf.size());
    QPDFWriter w(in);
    w.setOutputMemory();
    w.setObjectStreamMode(qpdf_o_generate);
    w.setDecodeLevel(qpdf_dl_none);  // streams are Flate already: copy, don't recompress
    w.setCompressStreams(true);
    w.setDeterministicID(true);
    w.write();
    const auto buf = w.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(buf->getBuffer()), buf->getSize());
  } catch (const std::exception& e) {
    throw PackError(std::string("PDF object streams (qpdf): ") + e.what());
  }
}

}  // namespace bp::pdf
