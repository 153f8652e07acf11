#pragma once
// The navigator: the eight dimensions and their sections, each with its level as a
// coloured badge and its progress; choosing a section opens its checklist.
#include "ui/app_state.hpp"

namespace mizan::ui {

class NavigatorView {
 public:
  void draw(AppState& s, float width);

 private:
  void draw_dimension(AppState& s, const Dimension& d, float width);
  void draw_section(AppState& s, const Section& sec, float width);
  float level_badge_width(AppState& s);
};

// The short name of a level in the interface language (from the rubric).
const std::string& level_name(const AppState& s, Level l);
// Overall standing of a section or dimension on 0..1: (level index + progress) / 3.
float standing(Level l, double progress);

}  // namespace mizan::ui
