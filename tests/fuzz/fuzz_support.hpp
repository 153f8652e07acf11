#pragma once
// Shared by the case-data harnesses: the readers take a path, so each input is written to a
// scratch file first (one per fuzzing process, in $TMPDIR, removed at exit).
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace mizan::fuzz {

class ScratchFile {
 public:
  explicit ScratchFile(const char* ext) {
    const char* dir = std::getenv("TMPDIR");
    path_ = std::string(dir && *dir ? dir : "/tmp") + "/mizan-fuzz-" + std::to_string(::getpid()) + ext;
  }
  ~ScratchFile() { std::remove(path_.c_str()); }
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;

  const std::string& write(const void* data, std::size_t size) {
    std::FILE* f = std::fopen(path_.c_str(), "wb");
    if (!f) {
      std::perror(path_.c_str());
      std::abort();
    }
    if (size && std::fwrite(data, 1, size, f) != size) std::abort();
    std::fclose(f);
    return path_;
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace mizan::fuzz
