#pragma once
// One frame of the whole window, drawn into the current Dear ImGui context: menu bar,
// warnings, the view bar, the navigator and the chosen view, then the dialogs. It knows
// nothing of GLFW or GL, so tests draw it headless.
#include <string>

#include "ui/action_plan_view.hpp"
#include "ui/app_state.hpp"
#include "ui/casedata_view.hpp"
#include "ui/checklist_view.hpp"
#include "ui/compare_view.hpp"
#include "ui/dashboard_view.hpp"
#include "ui/details_view.hpp"
#include "ui/dialogs.hpp"
#include "ui/file_browser.hpp"
#include "ui/navigator_view.hpp"
#include "ui/review_view.hpp"

namespace mizan::ui {

class MainWindow {
 public:
  // Between ImGui::NewFrame() and ImGui::Render().
  void draw(AppState& s);
  ChecklistView& checklist() { return checklist_; }
  ActionPlanView& action_plan() { return action_plan_; }
  ReviewView& review() { return review_; }
  CasedataView& casedata() { return casedata_; }
  CompareView& compare() { return compare_; }

 private:
  void draw_banners(AppState& s, float width);
  void draw_view_bar(AppState& s, float width);
  void draw_view(AppState& s);

  NavigatorView navigator_;
  ChecklistView checklist_;
  DashboardView dashboard_;
  DetailsView details_;
  ActionPlanView action_plan_;
  ReviewView review_;
  CasedataView casedata_;
  CompareView compare_;
  FileBrowser browser_;
  Dialogs dialogs_;
};

// "Mizan — amal-2026-H2.mizan.json *" for the window's title bar.
std::string window_title(const AppState& s);
// Applies --view: "dashboard", "details", "checklist", "checklist:<section>", "actions"
// (the action plan), "changes" (the review: what changed, conflicts, sign-off),
// "indicators" (case data) or "compare".
bool select_view(AppState& s, const std::string& view);

}  // namespace mizan::ui
