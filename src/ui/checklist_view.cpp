#include "ui/checklist_view.hpp"

#include <cstdio>

#include "core/review.hpp"
#include "ui/layout.hpp"
#include "ui/navigator_view.hpp"
#include "ui/review_view.hpp"
#include "ui/theme.hpp"

namespace mizan::ui {

void ChecklistView::draw(AppState& s) {
  ImGui::BeginChild("checklist", ImVec2(0, 0), false);
  const Section* sec = s.has_rubric ? s.rubric.find_section(s.section) : nullptr;
  if (!sec) {
    label(s, s.tr("checklist.none"), muted_text_color());
    ImGui::EndChild();
    return;
  }
  if (scrolled_for_ != sec->id) {  // a new section starts at its top
    ImGui::SetScrollY(0);
    scrolled_for_ = sec->id;
  }
  cards_.controls.clear();
  float width = ImGui::GetContentRegionAvail().x;
  draw_header(s, *sec, width);
  for (int step = 0; step < 3; ++step) draw_step(s, *sec, step, width);
  draw_na_popup(s, cards_);
  ImGui::EndChild();
}

void ChecklistView::draw_header(AppState& s, const Section& sec, float width) {
  const SectionScore& ss = s.doc.score().sections.at(sec.id);
  std::string lvl = level_name(s, ss.level);
  float bw = badge_width(s, lvl) + em(1.0f);
  Row row(s.rtl(), width);
  row.place(width - bw - ImGui::GetStyle().ItemSpacing.x);
  ImGui::PushFont(s.fonts.heading);
  s.text.paragraph(sec.id + "  " + sec.name.get(s.tr.lang()), width - bw - ImGui::GetStyle().ItemSpacing.x);
  ImGui::PopFont();
  row.place(bw);
  badge(s, lvl, level_color(ss.level), level_text_color(ss.level), bw);
  row.end();

  const Counts& c = ss.counts;
  std::string counts = s.tr.format("counts.line", {std::to_string(c.met), std::to_string(c.not_met),
                                                   std::to_string(c.na), std::to_string(c.unanswered)});
  label(s, counts, muted_text_color(), false, width);
  std::string why = explanation_text(s.rubric, explain_section(sec, s.doc.assessment), s.tr.lang());
  if (!why.empty()) s.text.paragraph(why, width);
  if (s.doc.assessment.signed_off())
    label(s, s.tr.format("checklist.signed_off", {s.doc.assessment.signoff.name, isolate_ltr(s.doc.assessment.signoff.date)}),
          warning_color(), false, width);
  draw_section_carried_over(s, cards_, sec, width);  // "n carried over" and "Confirm all"
  ImGui::Separator();
}

void ChecklistView::draw_step(AppState& s, const Section& sec, int step, float width) {
  const auto& items = sec.steps[static_cast<size_t>(step)];
  if (items.empty()) return;
  Level from = static_cast<Level>(step);
  Level to = step_target(step);
  int met = 0, counted = 0;
  for (const auto& it : items) {
    ItemStatus st = scored_status(s.doc.assessment, it.id);
    if (st == ItemStatus::na) continue;
    ++counted;
    if (st == ItemStatus::met) ++met;
  }
  ImGui::Spacing();
  std::string title = s.tr.format("step.title", {std::to_string(step + 1), level_name(s, from), level_name(s, to)});
  std::string tally = s.tr.format("step.tally", {std::to_string(met), std::to_string(counted)});
  float tw = s.text.width(tally);
  Row row(s.rtl(), width);
  row.place(width - tw - ImGui::GetStyle().ItemSpacing.x);
  ImGui::PushFont(s.fonts.heading);
  label(s, title, level_color(to) == level_color(Level::acceptable) ? IM_COL32(150, 110, 0, 255) : level_color(to),
        false, width - tw - ImGui::GetStyle().ItemSpacing.x);
  ImGui::PopFont();
  row.place(tw);
  label(s, tally, muted_text_color(), false, tw);
  row.end();
  for (const auto& it : items) {
    draw_item(s, cards_, it, width);
    ImGui::Separator();
  }
}

}  // namespace mizan::ui
