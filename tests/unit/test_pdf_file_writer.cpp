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
using pdf::Object;
using pdf::Ref;

TEST_CASE("file writer: object streams made ahead are the same as made at the end",
          "[pdf][file_writer]") {
  for (const bool object_streams : {true, false})
    for (const bool parallel : {true, false})
      for (const bool wrong : {false, true}) {
        pdf::ObjectStore store;
        std::vector<Ref> all;
        for (int i = 0; i < 1300; ++i) {
          const Ref o = store.add_typed("Thing");
          store.dict(o).set("N", Object::integer(i));
          all.push_back(o);
        }
        pdf::RawObjects raw{store.next_number(), {}};
        for (int i = 0; i < 600; ++i) raw.bodies.push_back("<</K " + std::to_string(i) + ">>");
        // all[5] is in the first object stream, all[700] in the second, all[1100] in the third
        // (a stream later); with `wrong`, all[5] is said to get a stream and does not.
        std::vector<Ref> pending{all[5], all[700], all[1100]};
        std::vector<Ref> will_stream{all[1100]};
        if (wrong) will_stream.push_back(all[5]);

        pdf::HelperThread helper(parallel);
        pdf::Flate flate;
        std::string ahead;
        {
          pdf::FileWriter writer(store, raw, object_streams, helper);
          writer.pack_ahead(pending, will_stream);
          store.dict(all[5]).set("Late", Object::name("Yes"));
          store.dict(all[700]).set("N", Object::integer(-1));
          writer.pack_rest(flate);
          pdf::set_flate_stream(store, all[1100], "0 0 m 10 10 l S", flate);
          ahead = writer.finish(flate);
        }
        pdf::HelperThread none(false);
        const std::string once = pdf::write_file(store, raw, object_streams, flate, none);
        CHECK(ahead == once);
        if (object_streams) CHECK(once.find("/Type/ObjStm/N 500") != std::string::npos);
        // The trailer points at the store's catalog and Info dictionary.
        CHECK(once.find("/Root 1 0 R/Info 2 0 R/ID[<") != std::string::npos);
        if (!object_streams)
          CHECK(once.find("\n1 0 obj<</Type/Catalog/Pages 3 0 R>>\nendobj\n") != std::string::npos);
      }
}
