#pragma once
// One function per subcommand, over the same core calls the window uses. Each returns the
// process exit code: 0 success, 1 invalid input (message names file and place), 2 usage.
#include <iosfwd>
#include <string>
#include <vector>

namespace mizan::cli {

struct ScoreOptions {
  std::string assessment;
  std::string rubric;  // empty: find by the assessment's rubric id
  bool json = false;
  std::string lang = "en";
};

int validate_command(const std::string& path, std::ostream& out, std::ostream& err);
int score_command(const ScoreOptions& o, std::ostream& out, std::ostream& err);

}  // namespace mizan::cli
