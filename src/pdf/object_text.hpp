// The compact serialisation of PDF values (object.hpp) and indirect objects, byte for byte what
// PoDoFo 0.9.8 wrote in ePdfWriteMode_Compact (which the files kept when PoDoFo went, bench/pdf/
// README.md "Round 12, 20O"): no white space but a space before a number, boolean, null or
// reference; a dictionary's /Type first, then its keys in byte order; names escaped as #XX
// outside 33..124 and for delimiters; strings in parentheses with \n \r \t \b \f \( \) \\ escaped;
// reals in fixed notation with six decimals, trailing zeros and point dropped.
// tests/unit/test_pdf_object_text.cpp pins every kind of value.
#pragma once

#include <cstdint>
#include <string>

#include "pdf/object.hpp"
#include "pdf/object_store.hpp"

namespace bp::pdf {

// Appends `v` as a direct object (as in an object stream).
void append_object_text(std::string& out, const Object& v);

// Appends indirect object `num` as a whole: "num 0 obj", its value, a newline, its stream if any
// ("stream\n" data "\nendstream\n"), "endobj\n".
void append_indirect(std::string& out, uint32_t num, const Indirect& o);

}  // namespace bp::pdf
