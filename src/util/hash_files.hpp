// A file's or a directory tree's bytes fed to a hash (Fnv1a64, util/fnv1a.hpp, or ContentHash,
// util/content_hash.hpp): the batch manifest's configuration inputs, a catalogue import's source.
#pragma once

#include <filesystem>

namespace bp {

// Hashes a file's bytes as a field (streamed in 64 KiB blocks). Throws std::runtime_error naming
// the file when it cannot be read.
template <class Hash>
void hash_file_into(Hash& h, const std::filesystem::path& file);

// Hashes every regular file under `dir` (recursively, sorted by relative path, '/' separators):
// relative path and bytes of each. A missing directory hashes as a fixed marker, so that creating
// it later counts as a change.
template <class Hash>
void hash_tree_into(Hash& h, const std::filesystem::path& dir);

}  // namespace bp
