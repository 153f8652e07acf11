// Issue 9's "done when", end to end through the command line on the bundled example.
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

struct Run {
  int code = -1;
  std::string out, err;
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

fs::path dir() {
  static fs::path d = [] {
    fs::path p = fs::temp_directory_path() / ("mizan-review-cli-" + std::to_string(::getpid()));
    fs::remove_all(p);
    fs::create_directories(p);
    return p;
  }();
  return d;
}

Run mizan(const std::string& args) {
  std::string cmd = std::string(MIZAN_EXE) + " " + args + " >" + (dir() / "o").string() + " 2>" + (dir() / "e").string();
  int st = std::system(cmd.c_str());
  return Run{WIFEXITED(st) ? WEXITSTATUS(st) : -1, slurp(dir() / "o"), slurp(dir() / "e")};
}

const std::string kExample = std::string(MIZAN_SOURCE_DIR) + "/assets/examples/amal-2026-H2.mizan.json";

void write_json(const fs::path& p, const json& j) { std::ofstream(p) << j.dump(2); }

}  // namespace

TEST_CASE("a new period from the example carries every answer over, marked", "[cli][review]") {
  fs::path next = dir() / "amal-2027-H1.mizan.json";
  Run r = mizan("new-review " + kExample + " -o " + next.string() + " --by Rania");
  REQUIRE(r.code == 0);
  json prev = json::parse(slurp(kExample));
  json cur = json::parse(slurp(next));
  CHECK(cur["period"] == "2027-H1");
  CHECK(cur["baseline"]["period"] == "2026-H2");
  CHECK(cur["baseline"]["sha256"].get<std::string>().size() == 64);
  REQUIRE(cur["items"].size() == prev["items"].size());
  for (auto& [id, item] : prev["items"].items()) {
    INFO(id);
    CHECK(cur["items"][id]["status"] == item["status"]);
    CHECK(cur["items"][id]["carried_over"] == true);
  }
  // The same levels as the review it came from.
  CHECK(json::parse(mizan("score " + next.string() + " --json").out) == json::parse(mizan("score " + kExample + " --json").out));
  // Refuses to overwrite.
  CHECK(mizan("new-review " + kExample + " -o " + next.string()).code == 1);
}

TEST_CASE("two changed items show in what changed, with their reasons", "[cli][review]") {
  fs::path next = dir() / "changed.mizan.json";
  REQUIRE(mizan("new-review " + kExample + " -o " + next.string() + " --period 2027-H1").code == 0);
  json cur = json::parse(slurp(next));
  // 4.m1 was met: it falls back; 2e.m1 was met: it becomes N/A. Both with reasons.
  cur["items"]["4.m1"] = {{"status", "not_met"}, {"change_reason", "coordination meetings stopped in March"}};
  cur["items"]["2e.m1"] = {{"status", "na"}, {"justification", "follow-up moved to partner"},
                           {"change_reason", "the partner now follows up all cases"}};
  write_json(next, cur);
  Run r = mizan("changes " + next.string() + " --baseline " + kExample + " --json");
  REQUIRE(r.code == 0);
  json j = json::parse(r.out);
  std::map<std::string, json> changed;
  for (auto& c : j["changes"])
    if (c["change"] != "unchanged" && c["change"] != "still_open") changed[c["item"]] = c;
  REQUIRE(changed.size() == 2);
  CHECK(changed["4.m1"]["change"] == "fell_back");
  CHECK(changed["4.m1"]["reason"] == "coordination meetings stopped in March");
  CHECK(changed["2e.m1"]["change"] == "newly_na");
  CHECK(changed["2e.m1"]["reason"] == "the partner now follows up all cases");
  CHECK(j["missing_reasons"].empty());
}

TEST_CASE("merging two assessors who disagree on three items lists exactly those three", "[cli][review]") {
  json base = json::parse(slurp(kExample));
  json huda = base, sami = base;
  huda["assessors"] = {"Huda"};
  sami["assessors"] = {"Sami"};
  sami["items"]["1.m1"]["status"] = "not_met";  // Huda: met
  sami["items"]["5b.a2"]["status"] = "met";     // Huda: not_met
  sami["items"]["7.a1"] = {{"status", "na"}, {"justification", "no database"}};  // Huda: met
  sami["items"]["8.g1"] = {{"status", "met"}};  // Huda left it unanswered: not a disagreement
  huda["items"].erase("8.g1");
  write_json(dir() / "huda.mizan.json", huda);
  write_json(dir() / "sami.mizan.json", sami);
  fs::path merged = dir() / "merged.mizan.json";
  Run r = mizan("merge " + (dir() / "huda.mizan.json").string() + " " + (dir() / "sami.mizan.json").string() +
                " --lead Rania -o " + merged.string());
  REQUIRE(r.code == 0);
  json m = json::parse(slurp(merged));
  std::vector<std::string> items;
  for (auto& c : m["conflicts"]) items.push_back(c["item"]);
  CHECK(items == std::vector<std::string>{"1.m1", "5b.a2", "7.a1"});
  CHECK(m["conflicts"][0]["answers"][0]["author"] == "Huda");
  CHECK(m["conflicts"][0]["answers"][1]["status"] == "not_met");
  CHECK(m["items"]["8.g1"]["status"] == "met");
  CHECK(m["audit"].back()["field"] == "merge");
  CHECK(r.out.find("3 items for the lead assessor") != std::string::npos);
  // Signing waits for the conflicts.
  Run s = mizan("sign " + merged.string() + " --name Omar");
  CHECK(s.code == 1);
  CHECK(s.err.find("conflicts") != std::string::npos);
}

TEST_CASE("copies made from one file are told apart by their file names in a merge", "[cli][review]") {
  json base = json::parse(slurp(kExample));
  json a = base, b = base;  // both still name the example's first assessor
  b["items"]["1.m1"]["status"] = "not_met";
  write_json(dir() / "copy-a.mizan.json", a);
  write_json(dir() / "copy-b.mizan.json", b);
  fs::path merged = dir() / "merged-same.mizan.json";
  Run r = mizan("merge " + (dir() / "copy-a.mizan.json").string() + " " + (dir() / "copy-b.mizan.json").string() +
                " --lead Rania -o " + merged.string());
  REQUIRE(r.code == 0);
  json m = json::parse(slurp(merged));
  REQUIRE(m["conflicts"].size() == 1);
  const std::string first = m["conflicts"][0]["answers"][0]["author"];
  const std::string second = m["conflicts"][0]["answers"][1]["author"];
  CHECK(first != second);
  CHECK(first.find("(copy-a.mizan.json)") != std::string::npos);
  CHECK(second.find("(copy-b.mizan.json)") != std::string::npos);
}

TEST_CASE("sign-off and reopen from the command line", "[cli][review]") {
  fs::path p = dir() / "signed.mizan.json";
  fs::copy_file(kExample, p, fs::copy_options::overwrite_existing);
  CHECK(mizan("sign " + p.string()).code == 2);
  REQUIRE(mizan("sign " + p.string() + " --name Omar --role Manager --date 2026-11-20").code == 0);
  json j = json::parse(slurp(p));
  CHECK(j["signoff"]["name"] == "Omar");
  CHECK(j["signoff"]["date"] == "2026-11-20");
  CHECK(mizan("sign " + p.string() + " --name Omar").code == 1);  // already signed
  CHECK(mizan("sign " + p.string() + " --reopen --name Omar --reason typo").code == 0);
  CHECK_FALSE(json::parse(slurp(p)).contains("signoff"));
}

TEST_CASE("explain names the items holding 2a", "[cli][review]") {
  Run r = mizan("explain " + kExample);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("2a stays at Medium because 2a.a1 and 2a.a3 are not met; meeting them would raise it to Acceptable.") !=
        std::string::npos);
  Run ar = mizan("explain " + kExample + " --lang ar");
  // Ids sit between LRI and PDI so that bidi keeps them left-to-right inside Arabic.
  CHECK(ar.out.find("يبقى القسم \u20662a\u2069 عند المستوى متوسط") != std::string::npos);
}
