// The year profiles of a configuration (config/profiles/<id>.yaml, overlay first), each parsed on
// first use and at most once per process. A department needs one of them; parsing all five at
// start was a sixth of a cold build. Thread-safe: the workers of a batch share one store.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "app/run_abort.hpp"
#include "model/profile.hpp"

namespace bp {

// A year profile that cannot be read or is malformed. what() is the message load_profile_file
// gives ("FILE:LINE: 年度格式配置错误：…"), the same every time the profile is asked for.
class ProfileError : public RunAbort {
 public:
  using RunAbort::RunAbort;
};

class ProfileStore {
 public:
  // `files`: relative path → file, as ConfigLayers::files(ConfigPart::Profiles) gives them; only
  // the top-level *.yaml files are profiles (their stem is the id). Reads nothing yet.
  explicit ProfileStore(const std::map<std::string, std::filesystem::path>& files);

  // The profile `id`, parsed now if it was not yet; nullptr when there is no such file. Throws
  // ProfileError when the file cannot be parsed (again on every later call, without parsing it
  // again). The pointer stays valid for the store's lifetime.
  const Profile* get(const std::string& id) const;
  // Parses every profile not parsed yet, in the order of their file names; throws the first
  // ProfileError (what the configuration gave when all were parsed at start).
  void load_all() const;
  // Every profile by id (load_all first).
  std::vector<const Profile*> all() const;
  // Ids of the profiles there are, sorted.
  std::vector<std::string> ids() const;
  // How many profiles have been parsed so far (for tests).
  size_t parsed_count() const;

 private:
  struct Slot {
    std::string id;
    std::filesystem::path file;
    std::mutex mu;  // held while parsing: another worker asking for it waits, no second parse
    bool tried = false;
    std::unique_ptr<Profile> profile;
    std::string error;
  };
  const Profile* load(Slot& s) const;

  std::vector<std::unique_ptr<Slot>> slots_;  // in file-name order (the order they were parsed)
  std::map<std::string, Slot*> by_id_;
};

}  // namespace bp
