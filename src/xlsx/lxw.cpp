#include "xlsx/lxw.hpp"

namespace bp::lxw {

const LibrarySpec kSpec{"libxlsxwriter.so.4", "libxlsxwriter4", "E990", "生成 XLSX 工作簿"};

BP_DEFINE_LIBRARY_TABLE(BP_LXW_FUNCTIONS)

}  // namespace bp::lxw
