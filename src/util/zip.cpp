#include "util/zip.hpp"

namespace bp::libzip {

const LibrarySpec kSpec{"libzip.so.4", "libzip4", "E991", "生成 DOCX 文档和读取 .xlsx 工作簿"};

BP_DEFINE_LIBRARY_TABLE(BP_LIBZIP_FUNCTIONS)

}  // namespace bp::libzip
