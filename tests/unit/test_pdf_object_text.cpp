// pdf/object_text.hpp writes values as PoDoFo 0.9.8's compact mode wrote them (the object model
// until round 12; the PDFs stay byte-identical). The expected texts were printed by PoDoFo 0.9.8's
// own PdfVariant::Write and PdfObject::WriteObject for the same values.
#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "pdf/object_store.hpp"
#include "pdf/object_text.hpp"

using namespace bp::pdf;

namespace {

std::string text(const Object& v) {
  std::string out = "x";  // appends
  append_object_text(out, v);
  return out.substr(1);
}

// The bytes of a hexadecimal text.
std::string bytes(std::string_view hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2)
    out += static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16));
  return out;
}

}  // namespace

TEST_CASE("object text: numbers, reals, booleans, references and null as PoDoFo wrote them",
          "[pdf][object]") {
  CHECK(text(Object::integer(0)) == " 0");
  CHECK(text(Object::integer(-1013)) == " -1013");
  CHECK(text(Object::integer(std::numeric_limits<int64_t>::max())) == " 9223372036854775807");
  CHECK(text(Object::integer(std::numeric_limits<int64_t>::min())) == " -9223372036854775808");
  const std::pair<double, const char*> reals[] = {{0.0, " 0"},
                                                  {-0.0, " -0"},
                                                  {1.0, " 1"},
                                                  {-1.0, " -1"},
                                                  {0.5, " 0.5"},
                                                  {595.275590551, " 595.275591"},
                                                  {841.889763779, " 841.889764"},
                                                  {716.823622, " 716.823622"},
                                                  {0.0000001, " 0"},
                                                  {-0.0000004, " -0"},
                                                  {0.0000005, " 0"},
                                                  {1e15, " 1000000000000000"},
                                                  {123456789.123456789, " 123456789.123457"},
                                                  {2.5e-6, " 0.000003"},
                                                  {1.0 / 3.0, " 0.333333"},
                                                  {-2.0 / 3.0, " -0.666667"}};
  for (const auto& [d, want] : reals) {
    INFO(d);
    CHECK(text(Object::real(d)) == want);
  }
  CHECK(text(Object::boolean(true)) == " true");
  CHECK(text(Object::boolean(false)) == " false");
  CHECK(text(Ref{3596, 2}) == " 3596 2 R");
  CHECK(text(Object()) == " null");
}

TEST_CASE("object text: names escaped as PoDoFo escaped them", "[pdf][object]") {
  const std::pair<const char*, const char*> names[] = {
      {"QAOBEZ+NotoSansCJKsc-Bold", "/QAOBEZ+NotoSansCJKsc-Bold"},
      {"A#B", "/A#23B"},
      {"A B", "/A#20B"},
      {"a(b)c", "/a#28b#29c"},
      {"x/y", "/x#2Fy"},
      {"50%", "/50#25"},
      {"tilde~", "/tilde#7E"},
      {"bar|", "/bar|"},
      {"brace{}", "/brace#7B#7D"},
      {"lt<gt>", "/lt#3Cgt#3E"},
      {"br[]", "/br#5B#5D"},
      {"\x7f", "/#7F"},
      {"\xe4\xb8\xad", "/#E4#B8#AD"},
      {"\t\n", "/#09#0A"},
      {"!\"$&'*+,-.:;=?@^_`", "/!\"$&'*+,-.:;=?@^_`"},
      {"", "/"}};
  for (const auto& [n, want] : names) CHECK(text(Object::name(n)) == want);
}

TEST_CASE("object text: strings, UTF-16 text strings, arrays and dictionaries", "[pdf][object]") {
  CHECK(text(Object::plain("zh-CN")) == "(zh-CN)");
  CHECK(text(Object::plain("BudgetPress (HarfBuzz, PoDoFo)\\ \r\n\t\b\f")) ==
        "(BudgetPress \\(HarfBuzz, PoDoFo\\)\\\\ \\r\\n\\t\\b\\f)");
  // PoDoFo's PdfString(const pdf_utf8*): the byte-order mark, UTF-16BE, escapes on the bytes.
  CHECK(text(Object::text("2023 年部门预算（公开）")) ==
        bytes("28FEFF003200300032003300205E7490E895E898847B97FF5C62516C5F00FF5C7429"));
  CHECK(text(Object::text("A(\xf0\x9f\x98\x80)\n")) ==
        bytes("28FEFF0041005C28D83DDE00005C29005C6E29"));
  CHECK(text(Object::text("")) == "(\xfe\xff)");
  CHECK(text(Object::text(std::string("ab\0cd", 5))) == bytes("28FEFF0061006229"));
  CHECK_THROWS_AS(Object::text("\xe4\xb8"), std::invalid_argument);  // cut off
  CHECK_THROWS_AS(Object::text("\xc0\xaf"), std::invalid_argument);  // overlong

  CHECK(text(Array{}) == "[]");
  const Array dest{Ref{23, 0}, Object::name("XYZ"), Object::real(0), Object::real(716.823622),
                   Object::real(0)};
  CHECK(text(dest) == "[ 23 0 R/XYZ 0 716.823622 0]");
  const Array nested{dest, Object::integer(5), Object::plain("s"), Object()};
  CHECK(text(nested) == "[[ 23 0 R/XYZ 0 716.823622 0] 5(s) null]");

  Dict inner;
  inner.set("Supplement", Object::integer(0));
  inner.set("Registry", Object::plain("Adobe"));
  Dict d;
  d.set("Subtype", Object::name("Link"));
  d.set("Rect", nested);
  d.set("Marked", Object::boolean(true));
  d.set("CIDSystemInfo", inner);
  d.set("Type", Object::name("Annot"));  // written first whatever its place in the key order
  d.set("A B", Object::real(-2.5));
  d.set("P", Ref{21, 0});
  d.set("Q", Object::integer(1));
  d.remove("Q");
  d.set("Marked", Object::boolean(false));  // replaced
  CHECK(text(d) ==
        "<</Type/Annot/A#20B -2.5/CIDSystemInfo<</Registry(Adobe)/Supplement 0>>/Marked false"
        "/P 21 0 R/Rect[[ 23 0 R/XYZ 0 716.823622 0] 5(s) null]/Subtype/Link>>");
  Dict no_type;
  no_type.set("Z", Object::integer(1));
  no_type.set("A", Object::name("B"));
  CHECK(text(no_type) == "<</A/B/Z 1>>");
}

TEST_CASE("object text: indirect objects as PoDoFo's WriteObject wrote them", "[pdf][object]") {
  ObjectStore store;  // 1 catalog, 2 Info, 3 page tree
  std::string out;
  append_indirect(out, 1, store.at(ObjectStore::kCatalog));
  append_indirect(out, 3, store.at(ObjectStore::kPages));
  CHECK(out ==
        "1 0 obj<</Type/Catalog/Pages 3 0 R>>\nendobj\n"
        "3 0 obj<</Type/Pages/Count 0/Kids[]>>\nendobj\n");
  const Ref dest = store.add(
      Array{Ref{4, 0}, Object::name("XYZ"), Object::real(0), Object::real(700.5), Object::real(0)});
  CHECK(dest.num == 4);
  out.clear();
  append_indirect(out, dest.num, store.at(dest));
  CHECK(out == "4 0 obj[ 4 0 R/XYZ 0 700.5 0]\nendobj\n");
  const Ref s = store.add();
  set_packed_stream(store, s, "xyz");
  out.clear();
  append_indirect(out, s.num, store.at(s));
  CHECK(out == "5 0 obj<</Filter/FlateDecode/Length 3>>\nstream\nxyz\nendstream\nendobj\n");
}

TEST_CASE("object: rectangles as PoDoFo's PdfRect::ToVariant", "[pdf][object]") {
  CHECK(text(rect_array(10.5, 20.25, 30.125, 12)) == "[ 10.5 20.25 40.625 32.25]");
  CHECK(text(rect_array(0, 0, 595.275590551, 841.889763779)) == "[ 0 0 595.275591 841.889764]");
}
