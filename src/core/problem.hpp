#pragma once
// Errors as values: a problem names the file and the place, and is turned into a message
// only at the edge (stderr in the CLI, a dialog in the window).
#include <stdexcept>
#include <string>
#include <vector>

namespace mizan {

struct Problem {
  std::string file;
  int line = 0;  // 1-based; 0 = unknown
  int col = 0;   // 1-based; 0 = unknown
  std::string pointer;  // JSON pointer of the offending value, when known
  std::string message;

  // "file:line:col: message" (or "file: message (at /json/pointer)" without a position).
  std::string str() const;
};

// Thrown when input cannot be used at all; carries every problem found.
class InputError : public std::runtime_error {
 public:
  explicit InputError(std::vector<Problem> problems);
  explicit InputError(Problem problem) : InputError(std::vector<Problem>{std::move(problem)}) {}
  const std::vector<Problem>& problems() const { return problems_; }

 private:
  std::vector<Problem> problems_;
};

}  // namespace mizan
