// The child of the crash-safety test (test_crash_safe_save.cpp): saves two versions over
// each other in a loop until it is killed.
//   hardening_save_loop assessment PATH A|B   save_assessment, versions A and B alternately
//   hardening_save_loop export PATH A|B       export_assessment_workbook (.xlsx), A and B
//   hardening_save_loop produce PATH A|B      produce_file_atomic with a slow writer
//   hardening_save_loop time MODE PATH        prints the mean microseconds of one save
// It writes "ready\n" to stdout once the versions are built, just before the first save,
// so the parent can time its kill from the start of a save.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>

#include "core/atomic_file.hpp"
#include "save_versions.hpp"
#ifdef MIZAN_HAVE_EXPORT
#include "export/assessment_workbook.hpp"
#endif

using namespace mizan;

namespace {

// A writer that needs a file name and writes a large file in small pieces (as
// libxlsxwriter does), used when the export library is not built.
void slow_produce(const std::string& path, char which) {
  produce_file_atomic(path, [&](const std::string& tmp) {
    std::ofstream out(tmp, std::ios::binary);
    std::string block = hardening::filler(which == 'B' ? 2 : 1, 64 * 1024);
    int blocks = which == 'B' ? 48 : 40;
    for (int i = 0; i < blocks; ++i) {
      out << block;
      out.flush();
      ::usleep(500);  // slow, like a writer that computes as it goes
    }
    out << "END " << which << "\n";
    if (!out) throw std::runtime_error("write failed");
  });
}

struct Saver {
  std::string mode;
  std::string path;
  Rubric rubric;
  Assessment a, b;

  void save(char which) {
    const Assessment& v = which == 'B' ? b : a;
    if (mode == "assessment") {
      save_assessment(path, v);
    } else if (mode == "produce") {
      slow_produce(path, which);
#ifdef MIZAN_HAVE_EXPORT
    } else if (mode == "export") {
      WorkbookOptions o;
      o.today = "2026-11-22";
      export_assessment_workbook(rubric, v, path, which == 'B' ? Lang::ar : Lang::en, o);
#endif
    } else {
      throw std::runtime_error("unknown mode " + mode);
    }
  }
};

}  // namespace

int main(int argc, char** argv) {
  try {
    bool timing = argc == 4 && std::strcmp(argv[1], "time") == 0;
    if (argc != 4) {
      std::fprintf(stderr, "usage: hardening_save_loop assessment|export|produce PATH A|B\n"
                           "       hardening_save_loop time MODE PATH\n");
      return 2;
    }
    Saver s;
    s.mode = timing ? argv[2] : argv[1];
    s.path = timing ? argv[3] : argv[2];
    s.rubric = load_rubric(hardening::kRubricPath);
    s.a = hardening::make_version(s.rubric, 'A');
    s.b = hardening::make_version(s.rubric, 'B');
    if (timing) {
      const int n = 6;
      auto t0 = std::chrono::steady_clock::now();
      for (int i = 0; i < n; ++i) s.save(i % 2 ? 'B' : 'A');
      auto us = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0).count();
      std::printf("%lld\n", static_cast<long long>(us / n));
      return 0;
    }
    char which = std::strcmp(argv[3], "B") == 0 ? 'B' : 'A';
    std::fputs("ready\n", stdout);
    std::fflush(stdout);
    for (;;) {
      s.save(which);
      which = which == 'A' ? 'B' : 'A';
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "hardening_save_loop: %s\n", e.what());
    return 1;
  }
}
