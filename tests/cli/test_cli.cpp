// The command line as scripts use it: exit codes, stdout JSON, messages naming file and place.
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

namespace fs = std::filesystem;

namespace {

struct Run {
  int code = -1;
  std::string out;
  std::string err;
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

fs::path scratch() {
  fs::path d = fs::temp_directory_path() / ("mizan-cli-" + std::to_string(::getpid()));
  fs::create_directories(d);
  return d;
}

Run mizan(const std::string& args) {
  fs::path d = scratch();
  std::string cmd = std::string(MIZAN_EXE) + " " + args + " >" + (d / "out").string() + " 2>" + (d / "err").string();
  int st = std::system(cmd.c_str());
  Run r;
  r.code = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
  r.out = slurp(d / "out");
  r.err = slurp(d / "err");
  return r;
}

std::string write(const std::string& name, const std::string& text) {
  fs::path p = scratch() / name;
  std::ofstream(p, std::ios::binary) << text;
  return p.string();
}

const std::string kSrc = MIZAN_SOURCE_DIR;
const std::string kExample = kSrc + "/assets/examples/amal-2026-H2.mizan.json";

}  // namespace

TEST_CASE("validate accepts the bundled rubric", "[cli]") {
  Run r = mizan("validate " + kSrc + "/rubric/cmtf-qaf.json");
  CHECK(r.code == 0);
  CHECK(r.out.find("135 items") != std::string::npos);
  Run d = mizan("validate");
  CHECK(d.code == 0);
}

TEST_CASE("validate reports a broken rubric as file:line:col and exits 1", "[cli]") {
  std::string p = write("broken.json", "{\n  \"format\": \"mizan-rubric\",\n  \"id\": ,\n}");
  Run r = mizan("validate " + p);
  CHECK(r.code == 1);
  CHECK(r.err.rfind(p + ":3:9: not valid JSON", 0) == 0);
}

TEST_CASE("validate lists every problem of a wrong rubric", "[cli]") {
  std::string text = slurp(kSrc + "/rubric/cmtf-qaf.json");
  // Duplicate an id and blank an English text: two problems, two lines.
  auto at = text.find("\"id\": \"1.m2\"");
  REQUIRE(at != std::string::npos);
  text.replace(at, 12, "\"id\": \"1.m1\"");
  auto en = text.find("\"en\": \"", text.find("\"id\": \"3.a1\""));
  auto close = text.find('"', en + 7);
  text.erase(en + 7, close - (en + 7));
  std::string p = write("wrong.json", text);
  Run r = mizan("validate " + p);
  CHECK(r.code == 1);
  CHECK(r.err.find("duplicate item id \"1.m1\"") != std::string::npos);
  CHECK(r.err.find("empty English text") != std::string::npos);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 2);
}

TEST_CASE("score --json prints the contract's shape", "[cli]") {
  Run r = mizan("score " + kExample + " --json");
  REQUIRE(r.code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["sections"].size() == 17);
  CHECK(j["dimensions"].size() == 8);
  for (auto& [id, s] : j["sections"].items()) {
    INFO(id);
    CHECK(s["level"].is_string());
    CHECK(s["progress"].get<double>() >= 0.0);
    CHECK(s["progress"].get<double>() <= 1.0);
  }
}

TEST_CASE("score prints a readable table", "[cli]") {
  Run r = mizan("score " + kExample);
  CHECK(r.code == 0);
  CHECK(r.out.find("2a") != std::string::npos);
  CHECK(r.out.find("Identification") != std::string::npos);
  Run ar = mizan("score " + kExample + " --lang ar");
  CHECK(ar.out.find("التحديد") != std::string::npos);
}

TEST_CASE("score refuses bad files with exit 1 and the file name", "[cli]") {
  std::string p = write("bad.mizan.json", "{\"format\": \"mizan-assessment\", \"format_version\": 1, \"items\": {\"2a.m1\": {\"status\": \"yes\"}}}");
  Run r = mizan("score " + p);
  CHECK(r.code == 1);
  CHECK(r.err.find(p + ":1:") != std::string::npos);
  CHECK(r.err.find("unknown status") != std::string::npos);
  Run missing = mizan("score /nonexistent/x.mizan.json");
  CHECK(missing.code == 1);
  CHECK(missing.err.find("/nonexistent/x.mizan.json") != std::string::npos);
  Run junk = mizan("score " + write("junk.bin", std::string("\x00\x01\x02\xff\xfe", 5)));
  CHECK(junk.code == 1);
}

TEST_CASE("usage errors exit 2, help exits 0 on every subcommand", "[cli]") {
  CHECK(mizan("score").code == 2);
  CHECK(mizan("frobnicate").code == 2);
  CHECK(mizan("score a b c --bogus").code == 2);
  for (const char* sub : {"gui", "validate", "score", "indicators", "export", "compare", "new-review", "changes",
                          "explain", "merge", "sign"}) {
    INFO(sub);
    Run r = mizan(std::string(sub) + " --help");
    CHECK(r.code == 0);
    CHECK(r.out.find(std::string("Usage: mizan ") + sub) != std::string::npos);
  }
}
