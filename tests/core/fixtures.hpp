#pragma once
// A small rubric built in code so scoring tests do not depend on the framework's data.
#include <nlohmann/json.hpp>
#include <string>

#include "core/rubric.hpp"

namespace mizan::test {

// Dimension "1" with one section "1" (2 items per step); dimension "2" with sections
// "2a" (m: 2 items, a: 1, g: 1) and "2b" (m: 1, a: 2, g: 1).
inline nlohmann::json small_rubric_json() {
  using nlohmann::json;
  auto item = [](const std::string& id) {
    return json{{"id", id}, {"text", {{"ar", "بند " + id}, {"en", "Item " + id}}}};
  };
  auto section = [&](const std::string& id, int m, int a, int g) {
    json steps = json::object();
    int counts[3] = {m, a, g};
    const char* names[3] = {"m", "a", "g"};
    for (int s = 0; s < 3; ++s) {
      steps[names[s]] = json::array();
      for (int n = 1; n <= counts[s]; ++n) steps[names[s]].push_back(item(id + "." + names[s] + std::to_string(n)));
    }
    return json{{"id", id}, {"name", {{"ar", "قسم " + id}, {"en", "Section " + id}}}, {"steps", steps}};
  };
  json levels = json::object();
  for (auto [id, ar] : {std::pair{"critical", "حرج"}, {"medium", "متوسط"}, {"acceptable", "مقبول"}, {"good", "جيد"}})
    levels[id] = {{"ar", ar}, {"en", id}};
  return json{{"format", "mizan-rubric"},
              {"format_version", 1},
              {"id", "test-rubric"},
              {"version", "1"},
              {"title", {{"ar", "اختبار"}, {"en", "Test"}}},
              {"levels", levels},
              {"dimensions",
               json::array({json{{"id", "1"}, {"name", {{"ar", "بعد 1"}, {"en", "Dimension 1"}}},
                                 {"sections", json::array({section("1", 2, 2, 2)})}},
                            json{{"id", "2"}, {"name", {{"ar", "بعد 2"}, {"en", "Dimension 2"}}},
                                 {"sections", json::array({section("2a", 2, 1, 1), section("2b", 1, 2, 1)})}}})}};
}

inline Rubric small_rubric() { return parse_rubric(small_rubric_json().dump(2), "small.json"); }

}  // namespace mizan::test
