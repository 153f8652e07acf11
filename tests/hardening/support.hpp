#pragma once
// Small helpers shared by the hardening tests: scratch folders, running a program and
// capturing its exit code and output, and snapshots that prove a folder was not touched.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

namespace mizan::hardening {

namespace fs = std::filesystem;

inline std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

inline void spit(const fs::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << bytes;
}

// A fresh folder under the system temp dir, removed with everything in it at the end of
// the scope.
class ScratchDir {
 public:
  explicit ScratchDir(const std::string& tag) {
    static int n = 0;
    path_ = fs::temp_directory_path() /
            ("mizan-hard-" + tag + "-" + std::to_string(::getpid()) + "-" + std::to_string(++n));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const fs::path& path() const { return path_; }
  fs::path operator/(const std::string& name) const { return path_ / name; }

 private:
  fs::path path_;
};

struct RunResult {
  int code = -1;      // exit code, or 128 + signal
  bool signaled = false;
  std::string out;
  std::string err;
  long max_rss_kb = 0;  // of this child (ru_maxrss over the children so far, see run())
  double seconds = 0;
};

// Runs `command` through /bin/sh with stdout and stderr captured in files of `dir`.
inline RunResult run(const std::string& command, const fs::path& dir) {
  fs::path out = dir / ".stdout", err = dir / ".stderr";
  std::string cmd = command + " >'" + out.string() + "' 2>'" + err.string() + "' </dev/null";
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  int st = std::system(cmd.c_str());
  clock_gettime(CLOCK_MONOTONIC, &t1);
  RunResult r;
  if (WIFEXITED(st)) {
    r.code = WEXITSTATUS(st);
    // sh reports a child killed by a signal as 128 + signal.
    r.signaled = r.code > 128;
  } else {
    r.signaled = true;
    r.code = 128 + WTERMSIG(st);
  }
  r.out = slurp(out);
  r.err = slurp(err);
  fs::remove(out);
  fs::remove(err);
  struct rusage ru {};
  getrusage(RUSAGE_CHILDREN, &ru);
  r.max_rss_kb = ru.ru_maxrss;  // the largest child so far: callers run the big cases alone
  r.seconds = double(t1.tv_sec - t0.tv_sec) + double(t1.tv_nsec - t0.tv_nsec) / 1e9;
  return r;
}

inline std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// Every file below `dir` with its size and a hash of its bytes (files larger than 64 MiB are
// hashed by size and modification time only).
inline std::map<std::string, std::string> snapshot(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) {
      out[fs::relative(e.path(), dir).string()] = "dir";
      continue;
    }
    auto size = e.file_size();
    std::string sig = std::to_string(size) + ":";
    if (size <= (64u << 20)) {
      std::uint64_t h = 1469598103934665603ull;
      for (unsigned char c : slurp(e.path())) h = (h ^ c) * 1099511628211ull;
      sig += std::to_string(h);
    } else {
      sig += std::to_string(fs::last_write_time(e.path()).time_since_epoch().count());
    }
    out[fs::relative(e.path(), dir).string()] = sig;
  }
  return out;
}

}  // namespace mizan::hardening
