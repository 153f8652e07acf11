#pragma once
// The limits the indicators measure against (CONTRACT.md section 5 defaults).
#include <array>

#include "casedata/fields.hpp"

namespace mizan::casedata {

struct Limits {
  int caseload = 25;                    // open cases per caseworker
  int caseworkers_per_supervisor = 6;   // caseworkers with open cases per supervisor
  // Indexed by Risk (high, medium, low).
  std::array<int, 3> assessment_due_days = {1, 3, 7};   // registration → assessment
  std::array<int, 3> followup_days = {7, 14, 30};       // at most this long between follow-ups
  int post_closure_review_days = 90;

  int assessment_due(Risk r) const { return assessment_due_days[static_cast<std::size_t>(r)]; }
  int followup(Risk r) const { return followup_days[static_cast<std::size_t>(r)]; }
  friend bool operator==(const Limits& a, const Limits& b) {
    return a.caseload == b.caseload && a.caseworkers_per_supervisor == b.caseworkers_per_supervisor &&
           a.assessment_due_days == b.assessment_due_days && a.followup_days == b.followup_days &&
           a.post_closure_review_days == b.post_closure_review_days;
  }
};

}  // namespace mizan::casedata
