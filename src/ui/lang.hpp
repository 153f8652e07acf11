#pragma once
// Interface strings by key, from the language files src/ui/lang/{en,ar}.json (compiled in).
// A key missing from Arabic falls back to English, and a key missing from both shows
// itself, so a gap is visible instead of an empty button.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/rubric.hpp"

namespace mizan::ui {

class Strings {
 public:
  explicit Strings(Lang lang = Lang::en);
  Lang lang() const { return lang_; }
  bool rtl() const { return lang_ == Lang::ar; }
  const std::string& operator()(std::string_view key) const;
  // The string of `key` with {0}, {1}… replaced by `args`.
  std::string format(std::string_view key, const std::vector<std::string>& args) const;

 private:
  Lang lang_;
  std::map<std::string, std::string, std::less<>> text_;
  std::map<std::string, std::string, std::less<>> fallback_;
  mutable std::map<std::string, std::string, std::less<>> missing_;
};

// The compiled-in language file of `lang`, parsed (for the translation check).
std::map<std::string, std::string> language_file(Lang lang);
std::string substitute(const std::string& pattern, const std::vector<std::string>& args);

}  // namespace mizan::ui
