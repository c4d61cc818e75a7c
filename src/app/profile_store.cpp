#include "app/profile_store.hpp"

#include <new>

namespace bp {

ProfileStore::ProfileStore(const std::map<std::string, std::filesystem::path>& files) {
  for (const auto& [rel, file] : files) {
    if (file.extension() != ".yaml" || rel.find('/') != std::string::npos) continue;
    auto slot = std::make_unique<Slot>();
    slot->id = file.stem().string();
    slot->file = file;
    if (by_id_.emplace(slot->id, slot.get()).second) slots_.push_back(std::move(slot));
  }
}

const Profile* ProfileStore::load(Slot& s) const {
  std::lock_guard lock(s.mu);
  if (!s.tried) {
    s.tried = true;
    try {
      s.profile = std::make_unique<Profile>(load_profile_file(s.file));
    } catch (const std::bad_alloc&) {
      // Out of memory (under --max-memory) is not the file's error: not kept as its verdict (a
      // later department tries again) and left to the caller to report as memory (E014).
      s.tried = false;
      throw;
    } catch (const std::exception& e) {
      s.error = e.what();
    }
  }
  if (!s.profile) throw ProfileError(s.error);
  return s.profile.get();
}

const Profile* ProfileStore::get(const std::string& id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : load(*it->second);
}

void ProfileStore::load_all() const {
  for (const auto& s : slots_) load(*s);
}

std::vector<const Profile*> ProfileStore::all() const {
  load_all();
  std::vector<const Profile*> out;
  for (const auto& [id, slot] : by_id_) out.push_back(slot->profile.get());
  return out;
}

std::vector<std::string> ProfileStore::ids() const {
  std::vector<std::string> out;
  for (const auto& [id, slot] : by_id_) out.push_back(id);
  return out;
}

size_t ProfileStore::parsed_count() const {
  size_t n = 0;
  for (const auto& s : slots_) {
    std::lock_guard lock(s->mu);
    n += s->profile ? 1 : 0;
  }
  return n;
}

}  // namespace bp
