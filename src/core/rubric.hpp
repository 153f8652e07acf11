#pragma once
// The quality framework as data: dimensions, their sections, the three steps of each
// section and the checklist items, all bilingual. Format: docs/rubric-format.md.
#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/problem.hpp"

namespace mizan {

enum class Lang { ar, en };
std::optional<Lang> parse_lang(std::string_view s);
const char* lang_id(Lang l);

enum class Level { critical = 0, medium = 1, acceptable = 2, good = 3 };
constexpr int kLevelCount = 4;
const char* level_id(Level l);
std::optional<Level> parse_level(std::string_view s);

// Steps are named by the level they reach: m (critical -> medium), a (-> acceptable), g (-> good).
constexpr std::array<char, 3> kStepIds = {'m', 'a', 'g'};
// The level a section reaches when step `index` (0..2) is passed.
inline Level step_target(int index) { return static_cast<Level>(index + 1); }
int step_index(char step);  // -1 when not m/a/g

struct Text {
  std::string ar;
  std::string en;
  const std::string& get(Lang l) const { return l == Lang::ar ? ar : en; }
};

struct EvidenceRule {
  std::string indicator;  // an indicator id of CONTRACT.md section 5
  std::string op;         // < <= > >= ==
  double threshold = 0;
  Text note;
  bool holds(double value) const;
};

struct Item {
  std::string id;       // "5b.a2"
  std::string section;  // "5b"
  int step = 0;         // 0 = m, 1 = a, 2 = g
  int number = 0;       // 1-based within the step
  Text text;
  std::vector<Text> references;
  std::vector<EvidenceRule> evidence;
};

struct Section {
  std::string id;         // "2a"
  std::string dimension;  // "2"
  Text name;
  std::array<std::vector<Item>, 3> steps;  // m, a, g
};

struct Dimension {
  std::string id;
  Text name;
  std::vector<Section> sections;
};

struct LevelName {
  Text name;
  Text long_name;
};

struct Rubric {
  std::string id;
  std::string version;
  Text title;
  Text source;
  std::array<LevelName, kLevelCount> levels;
  std::vector<Dimension> dimensions;
  std::string path;  // where it was loaded from

  const Item* find_item(std::string_view id) const;
  const Section* find_section(std::string_view id) const;
  const Dimension* find_dimension(std::string_view id) const;
  // Every item in framework order (dimension, section, step, number).
  std::vector<const Item*> all_items() const;
  size_t item_count() const;
  const Text& level_name(Level l) const { return levels[static_cast<int>(l)].name; }
};

// Parse and validate. Throws InputError with every problem found (file:line:col).
Rubric load_rubric(const std::string& path);
Rubric parse_rubric(std::string_view text, const std::string& file_label);

// Validate without throwing: the list is empty when the rubric is valid.
std::vector<Problem> validate_rubric_file(const std::string& path);

// Where rubrics are looked for: $MIZAN_RUBRIC_DIR, <exe>/../share/mizan/rubric,
// <exe>/rubric, the source tree's rubric/ (compiled in).
std::vector<std::string> rubric_search_dirs();
// The default rubric (cmtf-qaf), or the one matching id (and version when given).
// Throws InputError when none is found.
std::string find_rubric(const std::string& id = "", const std::string& version = "");

// Reading a whole file, with limits so hostile input gives a clear error, not an OOM.
std::string read_text_file(const std::string& path, size_t max_bytes = 64u << 20);

}  // namespace mizan
