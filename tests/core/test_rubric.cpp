#include <algorithm>
#include <catch2/catch.hpp>

#include "core/rubric.hpp"
#include "fixtures.hpp"

using namespace mizan;
using nlohmann::json;

namespace {
// Parse a mutated copy of the small rubric and return the first problem.
Problem first_problem(const json& doc) {
  try {
    parse_rubric(doc.dump(2), "r.json");
  } catch (const InputError& e) {
    REQUIRE_FALSE(e.problems().empty());
    return e.problems()[0];
  }
  FAIL("the rubric was accepted");
  return {};
}
json& first_item(json& doc) { return doc["dimensions"][0]["sections"][0]["steps"]["m"][0]; }
}  // namespace

TEST_CASE("the small rubric loads", "[rubric]") {
  Rubric r = test::small_rubric();
  CHECK(r.item_count() == 14);
  CHECK(r.find_item("2b.a2") != nullptr);
  CHECK(r.find_item("2b.a2")->step == 1);
  CHECK(r.find_item("2b.a3") == nullptr);
  CHECK(r.find_item("junk") == nullptr);
  CHECK(r.find_section("2a")->dimension == "2");
}

TEST_CASE("every kind of bad rubric is reported with file, line and column", "[rubric]") {
  SECTION("duplicate item id") {
    json d = test::small_rubric_json();
    d["dimensions"][0]["sections"][0]["steps"]["m"][1]["id"] = "1.m1";
    Problem p = first_problem(d);
    CHECK(p.message.find("duplicate item id \"1.m1\"") != std::string::npos);
    CHECK(p.line > 1);
    CHECK(p.col > 1);
  }
  SECTION("item id out of order") {
    json d = test::small_rubric_json();
    first_item(d)["id"] = "1.m7";
    CHECK(first_problem(d).message.find("should be \"1.m1\"") != std::string::npos);
  }
  SECTION("missing English translation") {
    json d = test::small_rubric_json();
    first_item(d)["text"].erase("en");
    CHECK(first_problem(d).message.find("missing English translation") != std::string::npos);
  }
  SECTION("empty Arabic text") {
    json d = test::small_rubric_json();
    first_item(d)["text"]["ar"] = "   ";
    Problem p = first_problem(d);
    CHECK(p.message.find("empty Arabic text") != std::string::npos);
    CHECK(p.pointer == "/dimensions/0/sections/0/steps/m/0/text/ar");
  }
  SECTION("wrong step name") {
    json d = test::small_rubric_json();
    auto& steps = d["dimensions"][0]["sections"][0]["steps"];
    steps["x"] = steps["g"];
    steps.erase("g");
    Problem p = first_problem(d);
    CHECK(p.message.find("unknown step \"x\"") != std::string::npos);
  }
  SECTION("duplicate section id") {
    json d = test::small_rubric_json();
    d["dimensions"][1]["sections"][1]["id"] = "2a";
    CHECK(first_problem(d).message.find("duplicate section id") != std::string::npos);
  }
  SECTION("wrong type") {
    json d = test::small_rubric_json();
    d["dimensions"][0]["sections"] = "none";
    CHECK(first_problem(d).message.find("non-empty array") != std::string::npos);
  }
  SECTION("unknown level") {
    json d = test::small_rubric_json();
    d["levels"]["excellent"] = {{"ar", "ممتاز"}, {"en", "Excellent"}};
    CHECK(first_problem(d).message.find("unknown level") != std::string::npos);
  }
  SECTION("bad evidence rule") {
    json d = test::small_rubric_json();
    first_item(d)["evidence"] = json::array({{{"indicator", "consent.rate"}, {"op", "~"}, {"threshold", "high"}}});
    CHECK(first_problem(d).message.find("unknown comparison") != std::string::npos);
  }
  SECTION("wrong format") {
    json d = test::small_rubric_json();
    d["format"] = "other";
    Problem p = first_problem(d);
    CHECK(p.message.find("mizan-rubric") != std::string::npos);
    // The line is where "format" stands in the text that was parsed.
    std::string text = d.dump(2);
    auto at = text.find("\"format\": \"other\"");
    int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
    CHECK(p.line == line);
    CHECK(p.col == 13);  // two spaces, "format", colon, space: the value starts at column 13
  }
}

TEST_CASE("a rubric that is not JSON names line and column", "[rubric]") {
  try {
    parse_rubric("{\n  \"id\": \"x\",\n  oops\n}", "broken.json");
    FAIL("accepted");
  } catch (const InputError& e) {
    CHECK(e.problems()[0].line == 3);
    CHECK(e.problems()[0].col == 3);
    CHECK(e.problems()[0].str().rfind("broken.json:3:3: not valid JSON", 0) == 0);
  }
}
