#include "pdf/object_store.hpp"

namespace bp::pdf {

ObjectStore::ObjectStore() {
  add_typed("Catalog");
  add();  // Info, filled by the writer
  Dict pages;
  pages.set("Type", Object::name("Pages"));
  pages.set("Kids", Array{});
  pages.set("Count", Object::integer(0));
  add(std::move(pages));
  dict(kCatalog).set("Pages", kPages);
}

Ref ObjectStore::add(Object value) {
  objects_.push_back({std::move(value), std::nullopt});
  return {static_cast<uint32_t>(objects_.size()), 0};
}

Ref ObjectStore::add_typed(std::string_view type) {
  Dict d;
  d.set("Type", Object::name(type));
  return add(std::move(d));
}

void ObjectStore::set_stream(Ref r, std::string data) {
  Indirect& o = at(r);
  o.value.dict().set("Length", Object::integer(static_cast<int64_t>(data.size())));
  o.stream = std::move(data);
}

void set_packed_stream(ObjectStore& store, Ref r, std::string packed) {
  store.dict(r).set("Filter", Object::name("FlateDecode"));
  store.set_stream(r, std::move(packed));
}

}  // namespace bp::pdf
