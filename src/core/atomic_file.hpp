#pragma once
// Writes that never leave a half-written file under the final name: write name.tmp, flush
// and fsync, keep the previous file as name.bak, then rename over name.
#include <functional>
#include <string>

namespace mizan {

// Writes `content` to `path` atomically. When `keep_backup` and `path` exists, the old
// version is kept as `path.bak`. Throws InputError (with the path) on failure; the
// previous file stays intact.
void write_file_atomic(const std::string& path, const std::string& content, bool keep_backup = true);

// For writers that need a file name (libxlsxwriter): `produce(tmp_path)` writes the
// temporary file; on success it is fsynced and renamed over `path`; on any exception the
// temporary file is removed and the exception rethrown.
void produce_file_atomic(const std::string& path, const std::function<void(const std::string& tmp)>& produce,
                         bool keep_backup = false);

}  // namespace mizan
