#include <iostream>

#include "cli/commands.hpp"
#include "core/assessment.hpp"
#include "core/json_io.hpp"
#include "core/rubric.hpp"

namespace mizan::cli {

// Validates a rubric, or an assessment file (recognised by its "format") against its rubric.
int validate_command(const std::string& given, std::ostream& out, std::ostream& err) {
  try {
    std::string path = given.empty() ? find_rubric() : given;
    std::string text = read_text_file(path);
    nlohmann::json doc = parse_json_text(text, path);
    // Fields of any type may turn up here: read strings only (json::value throws otherwise).
    auto str_at = [](const nlohmann::json& o, const char* key) {
      auto it = o.is_object() ? o.find(key) : o.end();
      return o.is_object() && it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    if (str_at(doc, "format") == "mizan-assessment") {
      const nlohmann::json none;
      const nlohmann::json& rub = doc.contains("rubric") ? doc["rubric"] : none;
      std::string rid = str_at(rub, "id");
      std::string rver = str_at(rub, "version");
      Rubric rubric = load_rubric(find_rubric(rid, rver));
      auto loaded = parse_assessment(text, path, &rubric);
      for (const auto& w : loaded.warnings) err << w.str() << "\n";
      if (!loaded.warnings.empty()) return 1;
      out << path << ": valid assessment (" << loaded.assessment.items.size() << " answered items, rubric "
          << rubric.id << " " << rubric.version << ")\n";
      return 0;
    }
    Rubric r = parse_rubric(text, path);
    size_t sections = 0;
    for (const auto& d : r.dimensions) sections += d.sections.size();
    out << path << ": valid rubric " << r.id << " " << r.version << " (" << r.dimensions.size() << " dimensions, "
        << sections << " sections, " << r.item_count() << " items)\n";
    return 0;
  } catch (const InputError& e) {
    for (const auto& p : e.problems()) err << p.str() << "\n";
    return 1;
  }
}

}  // namespace mizan::cli
