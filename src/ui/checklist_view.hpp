#pragma once
// The checklist of one section: its level and what holds it there, then its three steps
// (to medium, to acceptable, to good), each with its items.
#include "ui/app_state.hpp"
#include "ui/item_card.hpp"

namespace mizan::ui {

class ChecklistView {
 public:
  void draw(AppState& s);
  const ItemCards& cards() const { return cards_; }
  ItemCards& cards() { return cards_; }

 private:
  void draw_header(AppState& s, const Section& sec, float width);
  void draw_step(AppState& s, const Section& sec, int step, float width);
  ItemCards cards_;
  std::string scrolled_for_;  // the section the scroll position belongs to
};

}  // namespace mizan::ui
