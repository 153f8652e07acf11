#pragma once
// Shared JSON reading: size and nesting limits, parse errors with line:col, and a
// problem collector that turns JSON pointers into file positions.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json_positions.hpp"
#include "core/problem.hpp"

namespace mizan {

constexpr int kMaxJsonDepth = 64;

// Parse `text` as JSON; throws InputError naming file, line and column on a syntax error,
// on nesting deeper than kMaxJsonDepth, or on invalid UTF-8.
nlohmann::json parse_json_text(std::string_view text, const std::string& file);

// Positions are looked up only when the first problem is added (a valid file never pays
// for the scan); `text` must outlive the list.
class ProblemList {
 public:
  ProblemList(std::string file, std::string_view text) : file_(std::move(file)), text_(text) {}
  void add(const std::string& pointer, std::string message);
  const std::vector<Problem>& problems() const { return problems_; }
  std::vector<Problem>& problems() { return problems_; }
  bool empty() const { return problems_.empty(); }
  const std::string& file() const { return file_; }

 private:
  std::string file_;
  std::string_view text_;
  std::optional<JsonPositions> pos_;
  std::vector<Problem> problems_;
};

}  // namespace mizan
