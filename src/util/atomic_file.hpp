// Writes an output file so that readers see either the old or the complete new version, never a
// truncated one: data goes to a temp file in the same directory, is fsync'ed, then renamed into place.
#pragma once

#include <filesystem>
#include <functional>
#include <string_view>

namespace bp {

// Whether the new directory entry is made durable (fsync of the directory after the rename).
// `no` is for files written into a private staging directory that the caller renames again into
// their final directory and syncs that one (the batch's publish step): the staging directory's own
// entries never need to survive a crash, the next build removes it. One fsync less per file; the
// file's data is fsync'ed either way.
enum class SyncDirectory { yes, no };

// Writes `bytes` to `target` atomically. Throws std::runtime_error with the path on failure.
void write_file_atomic(const std::filesystem::path& target, std::string_view bytes,
                       SyncDirectory sync_directory = SyncDirectory::yes);

// For writers that need a path (libraries that open the file themselves): `produce` writes the temp
// path it is given; on success the temp file is fsync'ed and renamed to `target`; on an exception the
// temp file is removed and the exception propagates.
void produce_file_atomic(const std::filesystem::path& target,
                         const std::function<void(const std::filesystem::path& tmp)>& produce,
                         SyncDirectory sync_directory = SyncDirectory::yes);

}  // namespace bp
