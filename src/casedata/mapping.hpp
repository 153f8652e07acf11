#pragma once
// CaseMapping: how one kind of export names its columns and spells its values, so that its
// rows can be read as the canonical fields of CONTRACT.md section 5. Built in: `canonical`
// and `primero`; others come from JSON files (format in src/casedata/README.md).
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "casedata/date.hpp"
#include "casedata/fields.hpp"
#include "casedata/limits.hpp"
#include "casedata/table.hpp"

namespace mizan::casedata {

// Limits a mapping changes; unset ones keep the caller's value.
struct LimitOverrides {
  std::optional<int> caseload, caseworkers_per_supervisor, post_closure_review_days;
  std::array<std::optional<int>, 3> assessment_due_days, followup_days;
};

// Which header columns feed which field, for one file.
struct ColumnBinding {
  // Column indices in the mapping's order of preference: the first non-blank cell wins.
  std::array<std::vector<std::size_t>, kFieldCount> columns;
  // The mapping's name for the first column found (never text taken from the file).
  std::array<std::string, kFieldCount> column_name;
  bool has(Field f) const { return !columns[index(f)].empty(); }
};

class CaseMapping {
 public:
  CaseMapping();  // the canonical mapping

  static CaseMapping canonical();
  static CaseMapping primero();
  static const std::vector<std::string>& builtin_names();  // {"canonical", "primero"}
  static std::optional<CaseMapping> builtin(std::string_view name);
  // A mapping from its JSON; `source` names the file in error messages. Throws CaseDataError.
  static CaseMapping from_json(const nlohmann::json& j, const std::string& source = "mapping");
  static CaseMapping load(const std::string& path);
  // A built-in name, or else the path of a mapping file.
  static CaseMapping resolve(const std::string& name_or_path);
  // The JSON form (what from_json reads back to an equal mapping).
  nlohmann::json to_json() const;

  const std::string& name() const { return name_; }
  const std::string& description() const { return description_; }
  const std::string& extends() const { return extends_; }  // the built-in mapping it starts from
  void set_name(std::string n) { name_ = std::move(n); }

  // Source column names of a field, in order of preference (compared in normal form).
  const std::vector<std::string>& columns(Field f) const { return columns_[index(f)]; }
  void set_columns(Field f, std::vector<std::string> names) { columns_[index(f)] = std::move(names); }

  // `spelling` of a value means `canonical` (a canonical value of the field's kind, or
  // nullopt: counts as blank). Throws std::invalid_argument for an unknown canonical value.
  void add_value(Field f, std::string_view spelling, const std::optional<std::string>& canonical);
  // Any other non-blank value means `canonical` (e.g. Primero's disability_type → yes).
  void set_any_other_value(Field f, const std::optional<std::string>& canonical);
  const ValueTable& values(Field f) const { return values_[index(f)]; }

  const DateParser& dates() const { return dates_; }
  void set_date_formats(const std::vector<std::string>& patterns);  // throws std::invalid_argument

  const LimitOverrides& limit_overrides() const { return limits_; }
  LimitOverrides& limit_overrides() { return limits_; }
  Limits apply_to(Limits base) const;

  const ReadOptions& read_options() const { return read_; }
  ReadOptions& read_options() { return read_; }

  // Finds the mapping's columns in a header. Unknown columns are ignored.
  ColumnBinding bind(const std::vector<std::string_view>& header) const;

 private:
  struct CustomValue {
    Field field;
    std::string spelling;
    std::optional<std::string> canonical;
    bool any_other;
  };
  void init_builtin_values();

  std::string name_ = "canonical", description_, extends_ = "canonical";
  std::array<std::vector<std::string>, kFieldCount> columns_;
  std::array<ValueTable, kFieldCount> values_;
  std::vector<CustomValue> custom_values_;  // what to_json writes back
  DateParser dates_;
  LimitOverrides limits_;
  ReadOptions read_;
};

// A proposed mapping for a header, for the import dialog.
struct MappingGuess {
  enum class Match { exact, normalised, synonym };
  struct Column {
    Field field;
    std::size_t column;   // index in the header
    std::string header;   // the header cell as found
    Match match;
  };
  CaseMapping mapping;          // based on `canonical` or `primero`, columns renamed to the header's
  std::vector<Column> columns;  // one per field found
  std::vector<Field> missing;   // fields with no column
};

// Proposes a mapping from header names: exact canonical names, then the same in normal
// form (case, spaces, Arabic spelling), then known synonyms in English and Arabic
// ("Caseworker Code", "رقم الحالة", "تاريخ التسجيل", …). Each column serves one field.
MappingGuess guess_mapping(const std::vector<std::string>& header);

}  // namespace mizan::casedata
