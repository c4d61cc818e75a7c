#include "xlsx/options.hpp"

namespace bp::xlsx {

int64_t creation_time(int64_t epoch) {
  return epoch > 0 ? epoch : kFixedCreated;
}

XlsxOptions options_from_style(const style::Theme& s, int64_t epoch) {
  XlsxOptions o;
  o.font = s.family(s.body.font);
  o.type.title = s.table_title.size;
  o.type.title_bold = s.table_title.bold;
  o.type.block = s.table.header_block.size;
  o.type.head = s.table.head.size;
  o.type.head_bold = s.table.head.bold;
  o.type.body = s.table.cell.size;
  o.type.note = s.table.note.size;
  o.type.total_bold = s.table.bold_total;
  o.epoch = epoch;
  o.terms = s.terms;
  return o;
}

}  // namespace bp::xlsx
