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

namespace mizan::cli {

// mizan new-review PREVIOUS [--period P] -o NEW — start a review from the previous one.
int new_review_command(const std::string& previous, const std::string& period, const std::string& out_path,
                       const std::string& by, std::ostream& out, std::ostream& err);
// mizan changes CURRENT [--baseline FILE] [--json] — item by item against the baseline.
int changes_command(const std::string& current, const std::string& baseline, bool json, std::ostream& out,
                    std::ostream& err);
// mizan explain ASSESSMENT [--lang ar|en] [--json] — why each section stands where it does.
int explain_command(const std::string& path, const std::string& lang, bool json, std::ostream& out,
                    std::ostream& err);
// mizan merge COPY… --lead NAME -o MERGED — merge assessors' copies; conflicts listed.
int merge_command(const std::vector<std::string>& copies, const std::string& lead, const std::string& out_path,
                  std::ostream& out, std::ostream& err);
// mizan sign ASSESSMENT --name N [--role R] [--date D] | --reopen --reason TEXT
int sign_command(const std::string& path, const std::string& name, const std::string& role, const std::string& date,
                 bool reopen, const std::string& reason, std::ostream& out, std::ostream& err);

}  // namespace mizan::cli
