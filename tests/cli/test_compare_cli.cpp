// mizan compare as scripts use it: exit codes, files left out said aloud with their path,
// atomic output, anonymised workbook free of the agency's name and code.
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;

namespace {

struct Ran {
  int code = -1;
  std::string out, err;
};

std::string slurp_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

fs::path cmp_scratch() {
  fs::path d = fs::temp_directory_path() / ("mizan-cmpcli-" + std::to_string(::getpid()));
  fs::create_directories(d);
  return d;
}

Ran run(const std::string& args) {
  fs::path d = cmp_scratch();
  std::string cmd = std::string(MIZAN_EXE) + " compare " + args + " >" + (d / "out").string() + " 2>" + (d / "err").string();
  int st = std::system(cmd.c_str());
  Ran r;
  r.code = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
  r.out = slurp_file(d / "out");
  r.err = slurp_file(d / "err");
  return r;
}

const std::string kExamples = std::string(MIZAN_SOURCE_DIR) + "/assets/examples";

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("compare the bundled examples: one agency, two periods", "[cli][compare]") {
  fs::path out = cmp_scratch() / "examples.xlsx";
  fs::remove(out);
  Ran r = run(kExamples + " -o " + out.string());
  CHECK(r.code == 0);
  INFO(r.err);
  CHECK(r.out.find("1 agency, 2 assessments, 2 periods") != std::string::npos);
  CHECK(fs::file_size(out) > 5000);
  Ran ar = run(kExamples + "/amal-2026-H1.mizan.json " + kExamples + "/amal-2026-H2.mizan.json -o " +
               (cmp_scratch() / "examples-ar.xlsx").string() + " --lang ar");
  CHECK(ar.code == 0);
}

TEST_CASE("compare says aloud which files are left out and why", "[cli][compare]") {
  fs::path in = cmp_scratch() / "mixed";
  fs::remove_all(in);
  fs::create_directories(in / "sub");
  std::string h2 = slurp_file(kExamples + "/amal-2026-H2.mizan.json");
  std::ofstream(in / "amal-2026-H2.mizan.json") << h2;
  // The same agency and period again, changed earlier: the duplicate that loses.
  std::string older = h2;
  replace_all(older, "2026-", "2025-");  // every change stamp earlier…
  replace_all(older, "\"period\": \"2025-H2\"", "\"period\": \"2026-H2\"");  // …same period
  std::ofstream(in / "sub" / "zz-copy.mizan.json") << older;
  std::string other = h2;
  replace_all(other, "2019.08-1", "2018.01");
  std::ofstream(in / "other-version.mizan.json") << other;
  std::ofstream(in / "broken.mizan.json") << "{\n  \"format\": \"mizan-assessment\",\n  oops\n}";
  fs::path out = cmp_scratch() / "mixed.xlsx";
  Ran r = run(in.string() + " -o " + out.string());
  CHECK(r.code == 0);
  INFO(r.err);
  CHECK(r.err.find((in / "broken.mizan.json").generic_string() + ": left out: cannot be read: 3:3:") != std::string::npos);
  CHECK(r.err.find((in / "other-version.mizan.json").generic_string() + ": left out: uses rubric cmtf-qaf 2018.01") !=
        std::string::npos);
  CHECK(r.err.find((in / "sub/zz-copy.mizan.json").generic_string() + ": left out: same agency and period (2026-H2) as " +
                   (in / "amal-2026-H2.mizan.json").generic_string()) != std::string::npos);
  CHECK(r.out.find("3 file(s) left out") != std::string::npos);
  CHECK(fs::exists(out));
}

TEST_CASE("compare --anonymize leaves no agency name or code in the workbook", "[cli][compare]") {
  fs::path out = cmp_scratch() / "anon.xlsx";
  Ran r = run(kExamples + " -o " + out.string() + " --anonymize");
  REQUIRE(r.code == 0);
  fs::path parts = cmp_scratch() / "anon-parts";
  fs::remove_all(parts);
  REQUIRE(std::system(("unzip -q -o '" + out.string() + "' -d '" + parts.string() + "'").c_str()) == 0);
  std::string all;
  for (const auto& e : fs::recursive_directory_iterator(parts))
    if (e.is_regular_file()) all += slurp_file(e.path());
  CHECK(all.size() > 10000);
  for (const char* secret : {"AMAL", "Amal", "amal", "الأمل", "fictional", "Rania", "Omar"}) {
    INFO(secret);
    CHECK(all.find(secret) == std::string::npos);
  }
  CHECK(all.find("Agency A01") != std::string::npos);
}

TEST_CASE("compare: exit 1 with nothing written, 2 for usage", "[cli][compare]") {
  fs::path out = cmp_scratch() / "never.xlsx";
  fs::remove(out);
  Ran missing = run(cmp_scratch().string() + "/no-such-folder -o " + out.string());
  CHECK(missing.code == 1);
  CHECK(missing.err.find("no-such-folder: no such file or folder") != std::string::npos);
  fs::path empty = cmp_scratch() / "empty";
  fs::create_directories(empty);
  Ran none = run(empty.string() + " -o " + out.string());
  CHECK(none.code == 1);
  CHECK(none.err.find("no *.mizan.json file found") != std::string::npos);
  fs::path bad = cmp_scratch() / "only-bad.mizan.json";
  std::ofstream(bad) << "not json";
  Ran allbad = run(bad.string() + " -o " + out.string());
  CHECK(allbad.code == 1);
  CHECK(allbad.err.find(bad.string() + ":1:") != std::string::npos);
  CHECK(allbad.err.find("not valid JSON") != std::string::npos);
  Ran nodir = run(kExamples + " -o " + (cmp_scratch() / "nope" / "x.xlsx").string());
  CHECK(nodir.code == 1);
  CHECK_FALSE(fs::exists(out));
  CHECK(run("").code == 2);
  CHECK(run(kExamples).code == 2);  // -o is required
  CHECK(run(kExamples + " -o x.xlsx --lang fr").code == 2);
}
