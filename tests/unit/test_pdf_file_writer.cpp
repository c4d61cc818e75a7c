// The file writer in steps (pdf/file_writer.hpp): object streams made ahead, while some objects
// are still changed (and some get their stream only later), give the same file as written in one
// go — also when the caller's list of objects that will get a stream was wrong, with and without
// a helper thread, packed and plain.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "pdf/file_writer.hpp"
#include "pdf/flate.hpp"
#include "pdf/helper_thread.hpp"

using namespace bp;
using namespace PoDoFo;

TEST_CASE("file writer: object streams made ahead are the same as made at the end",
          "[pdf][file_writer]") {
  for (const bool object_streams : {true, false})
    for (const bool parallel : {true, false})
      for (const bool wrong : {false, true}) {
        PdfMemDocument pdf;
        std::vector<PdfObject*> all;
        for (int i = 0; i < 1300; ++i) {
          PdfObject* o = pdf.GetObjects().CreateObject("Thing");
          o->GetDictionary().AddKey("N", PdfVariant(static_cast<pdf_int64>(i)));
          all.push_back(o);
        }
        pdf::RawObjects raw{pdf::next_object_number(pdf), {}};
        for (int i = 0; i < 600; ++i) raw.bodies.push_back("<</K " + std::to_string(i) + ">>");
        // all[5] is in the first object stream, all[700] in the second, all[1100] in the third
        // (a stream later); with `wrong`, all[5] is said to get a stream and does not.
        std::vector<const PdfObject*> pending{all[5], all[700], all[1100]};
        std::vector<const PdfObject*> will_stream{all[1100]};
        if (wrong) will_stream.push_back(all[5]);

        pdf::HelperThread helper(parallel);
        pdf::Flate flate;
        std::string ahead;
        {
          pdf::FileWriter writer(pdf, raw, object_streams, helper);
          writer.pack_ahead(pending, will_stream);
          all[5]->GetDictionary().AddKey("Late", PdfName("Yes"));
          all[700]->GetDictionary().AddKey("N", PdfVariant(static_cast<pdf_int64>(-1)));
          writer.pack_rest(flate);
          pdf::set_flate_stream(*all[1100], "0 0 m 10 10 l S", flate);
          ahead = writer.finish(flate);
        }
        pdf::HelperThread none(false);
        const std::string once = pdf::write_file(pdf, raw, object_streams, flate, none);
        CHECK(ahead == once);
        if (object_streams) CHECK(once.find("/Type/ObjStm/N 500") != std::string::npos);
      }
}
