#include "core/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "core/problem.hpp"

namespace fs = std::filesystem;

namespace mizan {

namespace {

[[noreturn]] void fail(const std::string& path, const std::string& what) {
  throw InputError(Problem{path, 0, 0, "", what + ": " + std::strerror(errno)});
}

std::string temp_name(const std::string& path) {
  return path + ".tmp" + std::to_string(::getpid());
}

void fsync_path(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

void fsync_dir_of(const std::string& path) {
  auto dir = fs::path(path).parent_path();
  fsync_path(dir.empty() ? "." : dir.string());
}

void replace(const std::string& tmp, const std::string& path, bool keep_backup) {
  std::error_code ec;
  if (keep_backup && fs::exists(path, ec)) {
    // A hard link keeps the old version as .bak without a moment where `path` is missing.
    std::string bak = path + ".bak";
    std::string baktmp = bak + ".tmp" + std::to_string(::getpid());
    ::unlink(baktmp.c_str());
    if (::link(path.c_str(), baktmp.c_str()) == 0) {
      if (std::rename(baktmp.c_str(), bak.c_str()) != 0) ::unlink(baktmp.c_str());
    } else {
      fs::copy_file(path, bak, fs::copy_options::overwrite_existing, ec);
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    int saved = errno;
    ::unlink(tmp.c_str());
    errno = saved;
    fail(path, "cannot replace the file");
  }
  fsync_dir_of(path);
}

}  // namespace

void write_file_atomic(const std::string& path, const std::string& content, bool keep_backup) {
  std::string tmp = temp_name(path);
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) fail(path, "cannot write the file");
  size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      int saved = errno;
      ::close(fd);
      ::unlink(tmp.c_str());
      errno = saved;
      fail(path, "cannot write the file");
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    int saved = errno;
    ::unlink(tmp.c_str());
    errno = saved;
    fail(path, "cannot write the file");
  }
  replace(tmp, path, keep_backup);
}

void produce_file_atomic(const std::string& path, const std::function<void(const std::string&)>& produce,
                         bool keep_backup) {
  std::string tmp = temp_name(path);
  try {
    produce(tmp);
  } catch (...) {
    ::unlink(tmp.c_str());
    throw;
  }
  fsync_path(tmp);
  replace(tmp, path, keep_backup);
}

}  // namespace mizan
