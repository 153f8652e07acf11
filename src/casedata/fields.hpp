#pragma once
// The canonical case fields of CONTRACT.md section 5, their values, and the normal form in
// which header names and values are compared (case, spacing, Arabic spelling variants).
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mizan::casedata {

enum class Field : std::uint8_t {
  case_id,
  caseworker,
  supervisor,
  sex,
  age,
  date_of_birth,
  disability,
  registration_date,
  risk_level,
  consent,
  assessment_date,
  case_plan_date,
  case_plan_approved,
  last_followup_date,
  status,
  closure_date,
  closure_reason,
  closure_approved,
  post_closure_review_date,
};
constexpr std::size_t kFieldCount = 19;

// How a field's values are read.
enum class FieldKind : std::uint8_t { text, number, date, yes_no, sex, risk, status, closure_reason };

const char* field_name(Field f);  // "case_id", …
std::optional<Field> field_from_name(std::string_view name);
FieldKind field_kind(Field f);
const std::array<Field, kFieldCount>& all_fields();
inline std::size_t index(Field f) { return static_cast<std::size_t>(f); }

// Value codes of the enumerated kinds (the canonical spelling is the enumerator's name).
enum class YesNo : std::int8_t { yes, no };
enum class Sex : std::int8_t { male, female, other, unknown };
enum class Risk : std::int8_t { high, medium, low };
enum class Status : std::int8_t { open, closed };
enum class ClosureReason : std::int8_t { needs_met, death, over_18, relocated, lost_contact };

// Canonical value names of a kind ({} for text, number and date).
const std::vector<std::string>& canonical_values(FieldKind kind);
std::optional<int> value_code(FieldKind kind, std::string_view canonical);  // exact canonical name
const char* value_name(FieldKind kind, int code);

// Trims ASCII and Unicode spaces, bidi and zero-width marks, and a BOM.
std::string_view trim_slow(std::string_view s);
[[gnu::always_inline]] inline std::string_view trim(std::string_view s) {
  // Fast path, nearly every cell: nothing to trim when both ends are visible ASCII.
  if (s.empty()) return s;
  const auto f = static_cast<unsigned char>(s.front()), b = static_cast<unsigned char>(s.back());
  if (static_cast<unsigned char>(f - 0x21) < 0x5F && static_cast<unsigned char>(b - 0x21) < 0x5F) return s;
  return trim_slow(s);
}
inline bool is_blank(std::string_view s) { return trim(s).empty(); }

// The comparison form of a header name or a value: lower-case ASCII; runs of spaces, '_'
// and '-' become one '_'; trailing ? : . ؟ dropped; Arabic alef forms → ا, ى → ي, ة → ه,
// Persian ی ک → ي ك, tatweel and harakat removed, Arabic-Indic digits → ASCII. Writes at
// most `cap` bytes to `out` and returns the length, or SIZE_MAX when it does not fit.
std::size_t normalise_into(std::string_view s, char* out, std::size_t cap);
std::string normalise_key(std::string_view s);

// Value synonyms every mapping understands, English and Arabic: (spelling, canonical
// name). The canonical names themselves are always understood.
const std::vector<std::pair<std::string, std::string>>& builtin_value_synonyms(FieldKind kind);

// Values of one field: normalised spelling → code (-1: counts as blank, no problem).
class ValueTable {
 public:
  static constexpr int kBlank = -1;
  static constexpr int kNoMatch = -2;

  void add(std::string_view spelling, int code);  // later additions win
  void set_any_other(std::optional<int> code) { any_other_ = code; }
  const std::optional<int>& any_other() const { return any_other_; }
  // Code for a trimmed, non-blank value; kNoMatch when nothing matches.
  int lookup(std::string_view value) const;
  const std::vector<std::pair<std::string, int>>& entries() const { return entries_; }

 private:
  std::vector<std::pair<std::string, int>> entries_;  // sorted by spelling
  std::optional<int> any_other_;
};

}  // namespace mizan::casedata
