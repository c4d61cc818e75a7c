// pdf/object_text.hpp writes PoDoFo's compact serialisation itself: every kind of value must come
// out byte for byte as PoDoFo 0.9.8's own PdfVariant::Write gives it (the PDFs stay identical).
#include <catch2/catch.hpp>

#include <podofo/podofo.h>

#include <cmath>
#include <limits>
#include <string>

#include "pdf/object_text.hpp"

using namespace PoDoFo;

namespace {

std::string podofo_text(const PdfVariant& v) {
  PdfRefCountedBuffer buffer;
  PdfOutputDevice device(&buffer);
  v.Write(&device, ePdfWriteMode_Compact, nullptr);
  return std::string(buffer.GetBuffer(), device.GetLength());
}

std::string ours(const PdfVariant& v) {
  std::string out = "x";  // appends
  bp::pdf::append_object_text(out, v);
  return out.substr(1);
}

void same(const PdfVariant& v) {
  INFO("PoDoFo: " << podofo_text(v));
  CHECK(ours(v) == podofo_text(v));
}

}  // namespace

TEST_CASE("object text: numbers, reals, booleans and references as PoDoFo writes them") {
  for (pdf_int64 n : {pdf_int64{0}, pdf_int64{1}, pdf_int64{-1}, pdf_int64{42}, pdf_int64{-1013},
                      pdf_int64{65535}, std::numeric_limits<pdf_int64>::max(),
                      std::numeric_limits<pdf_int64>::min()})
    same(PdfVariant(n));
  for (double d : {0.0,       -0.0,          1.0,           -1.0,
                   0.5,       595.275590551, 841.889763779, 716.823622,
                   100.0,     -7.25,         0.0000001,     -0.0000004,
                   0.0000005, 1e-7,          1e15,          123456789.123456789,
                   2.5e-6,    1.0 / 3.0,     -2.0 / 3.0,    1e300})
    same(PdfVariant(d));
  same(PdfVariant(true));
  same(PdfVariant(false));
  same(PdfVariant(PdfReference(19, 0)));
  same(PdfVariant(PdfReference(3596, 2)));
  same(PdfVariant());  // null
}

TEST_CASE("object text: names escaped as PoDoFo escapes them") {
  for (const char* n : {"Type", "FontFile3", "QAOBEZ+NotoSansCJKsc-Bold", "A#B", "A B", "a(b)c",
                        "x/y", "50%", "tilde~", "bar|", "brace{}", "lt<gt>", "br[]", "\x7f",
                        "\xe4\xb8\xad", "\t\n", "!\"$&'*+,-.:;=?@^_`"})
    same(PdfVariant(PdfName(n)));
  same(PdfVariant(PdfName("")));
}

TEST_CASE("object text: strings are still PoDoFo's, inside arrays and dictionaries") {
  same(PdfVariant(PdfString("zh-CN")));
  same(PdfVariant(PdfString("BudgetPress (HarfBuzz, PoDoFo)\\ \r\n\t")));
  same(PdfVariant(PdfString(reinterpret_cast<const pdf_utf8*>("2023 年部门预算（公开）"))));
  same(PdfVariant(PdfString("hex", true)));

  PdfArray empty;
  same(PdfVariant(empty));
  PdfArray dest;
  dest.push_back(PdfReference(23, 0));
  dest.push_back(PdfName("XYZ"));
  dest.push_back(PdfVariant(0.0));
  dest.push_back(PdfVariant(716.823622));
  dest.push_back(PdfVariant(0.0));
  PdfArray nested;
  nested.push_back(dest);
  nested.push_back(PdfVariant(pdf_int64{5}));
  nested.push_back(PdfVariant(PdfString("s")));
  nested.push_back(PdfVariant());
  same(PdfVariant(nested));

  PdfDictionary inner;
  inner.AddKey("Registry", PdfString("Adobe"));
  inner.AddKey("Supplement", PdfVariant(pdf_int64{0}));
  PdfDictionary d;
  d.AddKey("Subtype", PdfName("Link"));
  d.AddKey("Rect", nested);
  d.AddKey("Marked", PdfVariant(true));
  d.AddKey("CIDSystemInfo", inner);
  d.AddKey("Type", PdfName("Annot"));  // written first whatever its place in the key order
  d.AddKey("A B", PdfVariant(-2.5));
  d.AddKey("P", PdfReference(21, 0));
  same(PdfVariant(d));
  PdfDictionary no_type;
  no_type.AddKey("Z", PdfVariant(pdf_int64{1}));
  no_type.AddKey("A", PdfName("B"));
  same(PdfVariant(no_type));
}

TEST_CASE("object text: a document's objects as PoDoFo writes them") {
  PdfMemDocument pdf;
  PdfPage* page = pdf.CreatePage(PdfRect(0, 0, 595.275590551, 841.889763779));
  page->GetResources()->GetDictionary().AddKey("Font", PdfDictionary());
  for (const PdfObject* o : pdf.GetObjects()) same(*o);
}
