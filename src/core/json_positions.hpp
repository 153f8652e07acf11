#pragma once
// nlohmann::json keeps no source positions, so after a successful parse we scan the text
// once more and record where every value starts, keyed by its JSON pointer. That lets
// validation report "file:line:col" for a value that parses but means something wrong.
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>

namespace mizan {

struct TextPosition {
  int line = 0;
  int col = 0;
};

class JsonPositions {
 public:
  static constexpr std::size_t kMaxPointerBytes = std::size_t(32) << 20;

  JsonPositions() = default;
  // `text` must be valid JSON (already accepted by nlohmann::json); on anything
  // unexpected the scan stops and later lookups fall back to the nearest parent.
  // The scan also stops once the recorded pointers reach kMaxPointerBytes in all: a pointer
  // repeats every key above its value, so a long key over a long array would otherwise
  // cost (key length x elements) of memory and time (a 2 MB file could take 30 GB).
  explicit JsonPositions(std::string_view text, std::size_t max_pointer_bytes);
  explicit JsonPositions(std::string_view text) : JsonPositions(text, kMaxPointerBytes) {}
  // Position of the value at `pointer`, or of its nearest recorded ancestor.
  TextPosition at(const std::string& pointer) const;

 private:
  std::unordered_map<std::string, TextPosition> pos_;
};

// Escape a key for use in a JSON pointer ("~" -> "~0", "/" -> "~1").
std::string pointer_escape(std::string_view key);

}  // namespace mizan
