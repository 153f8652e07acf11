#pragma once
// The dashboard: counts of answers, a radar of the eight dimensions and a bar per section.
#include <vector>

#include "ui/app_state.hpp"
#include "ui/chart_draw.hpp"

namespace mizan::ui {

class DashboardView {
 public:
  void draw(AppState& s);

 private:
  void rebuild(const AppState& s);
  void draw_counts(AppState& s, float width);
  // Chart values follow the document; rebuilt only when it or the language changes.
  uint64_t built_revision_ = ~0ull;
  Lang built_lang_ = Lang::en;
  std::vector<ChartValue> dimensions_;
  std::vector<ChartValue> sections_;
};

}  // namespace mizan::ui
