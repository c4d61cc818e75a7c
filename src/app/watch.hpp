// Change notification for `budgetpress watch` (Linux inotify). Directories are watched, not files:
// editors that save by writing a new file and renaming it over the old one (gedit, kate, vim with
// some settings) replace the inode, and a watch on the old inode would go silent.
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "util/unique_fd.hpp"

namespace bp {

class FileWatcher {
 public:
  // Throws std::runtime_error when inotify is unavailable.
  FileWatcher();

  // A department file: its directory is watched for this name.
  void watch_file(const std::filesystem::path& file);
  // A directory tree: every *.yaml / *.yml below it (hidden entries skipped), including
  // subdirectories created later.
  void watch_tree(const std::filesystem::path& dir);

  struct Changes {
    std::vector<std::filesystem::path> files;  // written (close after write) or moved into place
    bool overflow = false;                     // events were lost: rescan everything
  };
  // Waits at most `timeout` (returns early when interrupted by a signal).
  Changes wait(std::chrono::milliseconds timeout);

 private:
  struct Watched {
    std::filesystem::path dir;
    bool tree = false;
    std::set<std::string> names;  // for file watches
  };
  void add_dir(const std::filesystem::path& dir, bool tree, const std::string& name);

  UniqueFd fd_;
  std::map<int, Watched> by_wd_;
  std::map<std::filesystem::path, int> by_dir_;
};

// *.yaml / *.yml and not hidden (editor swap and temp files are hidden or have other endings).
bool is_department_file_name(const std::string& name);

}  // namespace bp
