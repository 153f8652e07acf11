#include "ui/lang.hpp"

#include <nlohmann/json.hpp>

namespace mizan::ui {

extern const char* const kLangEnJson;
extern const char* const kLangArJson;

std::map<std::string, std::string> language_file(Lang lang) {
  std::map<std::string, std::string> out;
  auto j = nlohmann::json::parse(lang == Lang::ar ? kLangArJson : kLangEnJson, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return out;
  for (auto& [k, v] : j.items())
    if (v.is_string()) out[k] = v.get<std::string>();
  return out;
}

Strings::Strings(Lang lang) : lang_(lang) {
  for (auto& [k, v] : language_file(lang)) text_.emplace(k, v);
  if (lang != Lang::en)
    for (auto& [k, v] : language_file(Lang::en)) fallback_.emplace(k, v);
}

const std::string& Strings::operator()(std::string_view key) const {
  if (auto it = text_.find(key); it != text_.end()) return it->second;
  if (auto it = fallback_.find(key); it != fallback_.end()) return it->second;
  return missing_.emplace(std::string(key), std::string(key)).first->second;
}

std::string substitute(const std::string& pattern, const std::vector<std::string>& args) {
  std::string out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}' && pattern[i + 1] >= '0' &&
        pattern[i + 1] <= '9') {
      size_t n = static_cast<size_t>(pattern[i + 1] - '0');
      if (n < args.size()) out += args[n];
      i += 2;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

std::string Strings::format(std::string_view key, const std::vector<std::string>& args) const {
  return substitute((*this)(key), args);
}

}  // namespace mizan::ui
