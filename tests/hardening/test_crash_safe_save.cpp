// Crash-safe saving: a child saves two versions over each other in a loop and is killed
// with SIGKILL at a random moment, hundreds of times. After every kill the file under the
// final name must be one of the two versions, complete — never a mix, a cut-off file or
// missing — and so must the .bak copy. The same for workbook exports (.xlsx).
//
// MIZAN_HARDENING_KILLS overrides the number of kills (default 300 for assessments, 150 for
// exports); MIZAN_HARDENING_SEED the random seed (default: from the clock, printed).
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zip.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <iostream>
#include <random>
#include <thread>

#include "core/assessment.hpp"
#include "save_versions.hpp"
#include "support.hpp"

using namespace mizan;
using namespace mizan::hardening;

namespace {

int env_int(const char* name, int fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::atoi(v) : fallback;
}

unsigned seed() {
  static unsigned s = static_cast<unsigned>(
      env_int("MIZAN_HARDENING_SEED", static_cast<int>(std::chrono::steady_clock::now().time_since_epoch().count() & 0x7fffffff)));
  return s;
}

struct Child {
  pid_t pid = -1;
  int out = -1;  // read end of the child's stdout
};

Child spawn(const std::vector<std::string>& args) {
  int fds[2];
  REQUIRE(::pipe2(fds, O_CLOEXEC) == 0);
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::dup2(fds[1], 1);
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(fds[1]);
  return Child{pid, fds[0]};
}

// Waits for the child's "ready" line; false when it exits or takes longer than 60 s.
bool wait_ready(const Child& c) {
  std::string got;
  while (got.find('\n') == std::string::npos) {
    pollfd p{c.out, POLLIN, 0};
    if (::poll(&p, 1, 60000) <= 0) return false;
    char buf[64];
    ssize_t n = ::read(c.out, buf, sizeof buf);
    if (n <= 0) return false;
    got.append(buf, static_cast<size_t>(n));
  }
  return got.rfind("ready", 0) == 0;
}

// Mean microseconds of one save in `mode`, measured by the helper itself.
long save_micros(const std::string& mode, const fs::path& dir) {
  RunResult r = run(quote(MIZAN_SAVE_LOOP) + " time " + mode + " " + quote((dir / "timing").string()), dir);
  INFO(r.err);
  REQUIRE(r.code == 0);
  for (const auto& e : fs::directory_iterator(dir)) fs::remove_all(e.path());
  return std::max(1000L, std::atol(r.out.c_str()));
}

// Leftover temporary files of killed saves (name.tmpPID, name.bak.tmpPID): counted, removed.
int remove_leftovers(const fs::path& dir, const std::string& name) {
  int n = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    std::string f = e.path().filename().string();
    if (f != name && f != name + ".bak" && f.rfind(name, 0) == 0) {
      fs::remove(e.path());
      ++n;
    }
  }
  return n;
}

struct Tally {
  int kills = 0;
  int a = 0, b = 0;           // the file held version A / B after the kill
  int changed = 0;            // a save completed before the kill
  int mid_write = 0;          // a temporary file was left: the kill hit a save in progress
  int bak_checked = 0;
  int child_exited = 0;       // the child was not running any more (must stay 0)
  double seconds = 0;
};

void report(const char* what, const Tally& t) {
  std::cout << "crash-safe " << what << ": " << t.kills << " kills in " << t.seconds << " s (seed " << seed()
            << "): file was A " << t.a << " times, B " << t.b << " times, never anything else; changed by a "
            << "completed save " << t.changed << " times; killed while a temporary file was open/unrenamed "
            << t.mid_write << " times; .bak checked " << t.bak_checked << " times\n";
}

// The kill loop. `classify(bytes)` returns 'A', 'B' or 0 for anything else.
template <class Classify>
Tally kill_loop(const std::string& mode, const fs::path& dir, const std::string& name, int kills, Classify classify,
                bool check_bak) {
  std::mt19937 rng(seed());
  long t = save_micros(mode, dir);
  std::uniform_int_distribution<long> delay(0, t * 5 / 2);
  fs::path file = dir / name;
  Tally tally;
  auto t0 = std::chrono::steady_clock::now();
  // The first child writes the file for the first time.
  char on_disk = 0;
  for (int i = 0; i < kills; ++i) {
    char next = on_disk == 'A' ? 'B' : 'A';
    Child c = spawn({MIZAN_SAVE_LOOP, mode, file.string(), std::string(1, next)});
    bool ready = wait_ready(c);
    if (ready) std::this_thread::sleep_for(std::chrono::microseconds(delay(rng)));
    ::kill(c.pid, SIGKILL);
    int st = 0;
    ::waitpid(c.pid, &st, 0);
    ::close(c.out);
    REQUIRE(ready);
    if (!(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL)) ++tally.child_exited;
    ++tally.kills;
    tally.mid_write += remove_leftovers(dir, name) > 0;

    std::error_code ec;
    if (!fs::exists(file, ec)) {
      // Only before the first save ever completed.
      REQUIRE(on_disk == 0);
      continue;
    }
    std::string bytes = slurp(file);
    char v = classify(bytes);
    INFO("kill " << i + 1 << " (seed " << seed() << "): " << bytes.size() << " bytes, starting \""
                 << bytes.substr(0, 40) << "\"");
    REQUIRE(v != 0);
    (v == 'A' ? tally.a : tally.b)++;
    if (v != on_disk) ++tally.changed;
    on_disk = v;
    if (check_bak && fs::exists(file.string() + ".bak")) {
      ++tally.bak_checked;
      REQUIRE(classify(slurp(file.string() + ".bak")) != 0);
    }
  }
  tally.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  CHECK(tally.child_exited == 0);
  return tally;
}

// Reads every entry of a zip to the end (libzip checks sizes and CRCs); returns the text of
// xl/workbook.xml, or "" when the archive is damaged.
std::string read_xlsx(const std::string& path) {
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &err);
  if (!z) return "";
  std::string workbook;
  bool ok = true;
  zip_int64_t n = zip_get_num_entries(z, 0);
  for (zip_int64_t i = 0; i < n && ok; ++i) {
    zip_file_t* f = zip_fopen_index(z, static_cast<zip_uint64_t>(i), 0);
    if (!f) { ok = false; break; }
    std::string data;
    char buf[65536];
    zip_int64_t got;
    while ((got = zip_fread(f, buf, sizeof buf)) > 0) data.append(buf, static_cast<size_t>(got));
    if (got < 0) ok = false;
    zip_fclose(f);
    if (std::string(zip_get_name(z, static_cast<zip_uint64_t>(i), 0)) == "xl/workbook.xml") workbook = data;
  }
  zip_discard(z);
  return ok ? workbook : "";
}

}  // namespace

TEST_CASE("an assessment killed while saving is always the old or the new version, complete", "[hardening][crash]") {
  ScratchDir dir("kill-save");
  Rubric r = load_rubric(kRubricPath);
  const std::string a = assessment_to_text(make_version(r, 'A'));
  const std::string b = assessment_to_text(make_version(r, 'B'));
  REQUIRE(a.size() > 1000000);
  REQUIRE(b.size() > a.size());
  Tally t = kill_loop("assessment", dir.path(), "review.mizan.json", env_int("MIZAN_HARDENING_KILLS", 300),
                      [&](const std::string& bytes) -> char {
                        if (bytes == a) return 'A';
                        if (bytes == b) return 'B';
                        return 0;
                      }, true);
  report("assessment save", t);
  // The kills must really land in saves: both versions seen, and saves interrupted.
  CHECK(t.a > 0);
  CHECK(t.b > 0);
  CHECK(t.mid_write > 0);
  // What is on disk also reads back as an assessment.
  auto loaded = load_assessment((dir / "review.mizan.json").string(), &r);
  CHECK(assessment_to_text(loaded.assessment) == slurp(dir / "review.mizan.json"));
}

TEST_CASE("a file produced through produce_file_atomic and killed is never cut off", "[hardening][crash]") {
  ScratchDir dir("kill-produce");
  auto expected = [](char which) {
    std::string block = filler(which == 'B' ? 2 : 1, 64 * 1024), s;
    for (int i = 0; i < (which == 'B' ? 48 : 40); ++i) s += block;
    return s + "END " + which + "\n";
  };
  const std::string a = expected('A'), b = expected('B');
  Tally t = kill_loop("produce", dir.path(), "report.bin", env_int("MIZAN_HARDENING_KILLS", 300) / 2,
                      [&](const std::string& bytes) -> char {
                        if (bytes == a) return 'A';
                        if (bytes == b) return 'B';
                        return 0;
                      }, false);
  report("produce_file_atomic", t);
  CHECK(t.a + t.b > 0);
  CHECK(t.mid_write > 0);
}

#ifdef MIZAN_HAVE_EXPORT
TEST_CASE("a workbook export killed at any moment leaves no truncated .xlsx", "[hardening][crash]") {
  ScratchDir dir("kill-export");
  Tally t = kill_loop("export", dir.path(), "plan.xlsx", env_int("MIZAN_HARDENING_KILLS", 300) / 2,
                      [&](const std::string&) -> char {
                        // Workbooks carry timestamps, so check structure instead of bytes:
                        // a complete zip whose every entry reads back with the right CRC.
                        std::string wb = read_xlsx((dir / "plan.xlsx").string());
                        if (wb.empty()) return 0;
                        // Version A is exported in English, B in Arabic.
                        return wb.find("Summary") != std::string::npos ? 'A' : 'B';
                      }, false);
  report("xlsx export", t);
  CHECK(t.a > 0);
  CHECK(t.b > 0);
  CHECK(t.mid_write > 0);
}
#endif
