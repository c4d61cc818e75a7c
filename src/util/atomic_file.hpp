// Writes an output file so that readers see either the old or the complete new version, never a
// truncated one: data goes to a temp file in the same directory, is fsync'ed, then renamed into
// place.
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

// Whether the temp file's data is fsync'ed before its rename. `by_caller` is for files written into
// a private staging directory whose publisher fsyncs each of them before renaming it into its final
// directory (the batch's publish step, on another thread: the worker does not wait for the disk).
// A file under its final name has been fsync'ed either way.
enum class SyncFile { now, by_caller };

// Writes `bytes` to `target` atomically. Throws std::runtime_error with the path on failure.
void write_file_atomic(const std::filesystem::path& target, std::string_view bytes,
                       SyncDirectory sync_directory = SyncDirectory::yes,
                       SyncFile sync_file = SyncFile::now);

// For writers that need a path (libraries that open the file themselves): `produce` writes the temp
// path it is given; on success the temp file is fsync'ed and renamed to `target`; on an exception
// the temp file is removed and the exception propagates.
void produce_file_atomic(const std::filesystem::path& target,
                         const std::function<void(const std::filesystem::path& tmp)>& produce,
                         SyncDirectory sync_directory = SyncDirectory::yes,
                         SyncFile sync_file = SyncFile::now);

// fsync of the file `name` in the directory `dir_fd` (`shown`: its path in messages). Throws
// std::runtime_error with the path on failure.
void fsync_file_at(int dir_fd, const std::string& name, const std::filesystem::path& shown);

}  // namespace bp
