#pragma once
// Scoring exactly as CONTRACT.md section 2.
#include <map>
#include <string>
#include <vector>

#include "core/assessment.hpp"
#include "core/rubric.hpp"

namespace mizan {

struct Counts {
  int met = 0;
  int not_met = 0;
  int na = 0;
  int unanswered = 0;
  int total() const { return met + not_met + na + unanswered; }
  Counts& operator+=(const Counts& o);
};

struct SectionScore {
  Level level = Level::critical;
  double progress = 0;  // share of non-na items met in the next step not reached; 1.0 at good
  Counts counts;
  // Items of the next step that hold the section at its level (not met, not na), in order.
  std::vector<std::string> blocking;
};

struct DimensionScore {
  Level level = Level::critical;
  double progress = 0;  // 0..3: mean over sections of (level index + progress), good = 3
  Counts counts;
};

struct Score {
  std::map<std::string, SectionScore> sections;
  std::map<std::string, DimensionScore> dimensions;
  Counts counts;
};

// Effective status for scoring: na without a justification counts as unanswered.
ItemStatus scored_status(const Assessment& a, const std::string& item_id);

SectionScore score_section(const Section& s, const Assessment& a);
Score score(const Rubric& r, const Assessment& a);

}  // namespace mizan
