#pragma once
// The assessment's details: agency, its code, the review period (2026-H2), assessors, date.
#include "ui/app_state.hpp"

namespace mizan::ui {

class DetailsView {
 public:
  void draw(AppState& s);
};

// "2026-H2", "2026-Q3", "2026-07" or "2026": the shapes next_period() understands.
bool valid_period(const std::string& p);
bool valid_date(const std::string& d);  // YYYY-MM-DD

}  // namespace mizan::ui
