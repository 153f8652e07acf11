#pragma once
// nlohmann::json keeps no source positions, so after a successful parse we scan the text
// once more and record where every value starts, keyed by its JSON pointer. That lets
// validation report "file:line:col" for a value that parses but means something wrong.
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
  JsonPositions() = default;
  // `text` must be valid JSON (already accepted by nlohmann::json); on anything
  // unexpected the scan stops and later lookups fall back to the nearest parent.
  explicit JsonPositions(std::string_view text);
  // Position of the value at `pointer`, or of its nearest recorded ancestor.
  TextPosition at(const std::string& pointer) const;

 private:
  std::unordered_map<std::string, TextPosition> pos_;
};

// Escape a key for use in a JSON pointer ("~" -> "~0", "/" -> "~1").
std::string pointer_escape(std::string_view key);

}  // namespace mizan
