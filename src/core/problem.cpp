#include "core/problem.hpp"

namespace mizan {

std::string Problem::str() const {
  std::string s = file.empty() ? std::string("<input>") : file;
  if (line > 0) {
    s += ":" + std::to_string(line);
    if (col > 0) s += ":" + std::to_string(col);
  }
  s += ": " + message;
  if (line <= 0 && !pointer.empty()) s += " (at " + pointer + ")";
  return s;
}

static std::string join(const std::vector<Problem>& ps) {
  std::string s;
  for (const auto& p : ps) {
    if (!s.empty()) s += "\n";
    s += p.str();
  }
  return s;
}

InputError::InputError(std::vector<Problem> problems)
    : std::runtime_error(join(problems)), problems_(std::move(problems)) {}

}  // namespace mizan
