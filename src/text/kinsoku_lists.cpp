#include "text/kinsoku_lists.hpp"

namespace bp::text {

KinsokuLists kinsoku_lists(Kinsoku level) {
  KinsokuLists l{"“‘（《「『【〔〖〈([{", "、，。．；：！？”’）》」』】〕〗〉·々!),.:;?]}%"};
  if (level == Kinsoku::Gb || level == Kinsoku::Strict) l.no_line_end += "／";
  if (level == Kinsoku::Strict) l.no_line_start += "—…";
  return l;
}

}  // namespace bp::text
