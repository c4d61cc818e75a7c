// The item number at the start of a numbered paragraph (layout/list_items): what the keep rule
// (a one-line item title stays with its text) and the tagged PDF's Lbl are built on. Matched on
// characters: full-width brackets and Chinese numerals included.
#include <catch2/catch.hpp>

#include "layout/list_items.hpp"

using bp::layout::label_length;

TEST_CASE("item numbers: 1. 1、 一、 （一） （2） (3)", "[layout][list]") {
  CHECK(label_length("1.部门职责") == 2);
  CHECK(label_length("12、项目") == 3);
  CHECK(label_length("一、部门职责") == 2);
  CHECK(label_length("十二、其他") == 3);
  CHECK(label_length("（一）总体目标") == 3);
  CHECK(label_length("（2）区志、年鉴、大事纪") == 3);
  CHECK(label_length("（十一）其他") == 4);
  CHECK(label_length("(3)经济发展") == 3);
  // Not item numbers: a year, an unclosed bracket, a bracketed word, plain text.
  CHECK(label_length("2023年预算") == 0);
  CHECK(label_length("（2区志") == 0);
  CHECK(label_length("（室）及相关机构") == 0);
  CHECK(label_length("部门职责") == 0);
  CHECK(label_length("") == 0);
}
