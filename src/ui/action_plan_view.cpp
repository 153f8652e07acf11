#include "ui/action_plan_view.hpp"

#include <algorithm>
#include <filesystem>
#include <stdexcept>

#include "export/assessment_workbook.hpp"
#include "export/export_command.hpp"
#include "ui/app_commands.hpp"
#include "ui/layout.hpp"
#include "ui/navigator_view.hpp"
#include "ui/theme.hpp"

namespace fs = std::filesystem;

namespace mizan::ui {

namespace {

constexpr ActionStatus kStatuses[] = {ActionStatus::not_started, ActionStatus::in_progress, ActionStatus::done,
                                      ActionStatus::dropped};
constexpr Priority kPriorities[] = {Priority::high, Priority::medium, Priority::low};

const std::string& status_name(const AppState& s, ActionStatus st) {
  switch (st) {
    case ActionStatus::not_started: return s.tr("actions.status_not_started");
    case ActionStatus::in_progress: return s.tr("actions.status_in_progress");
    case ActionStatus::done: return s.tr("actions.status_done");
    case ActionStatus::dropped: return s.tr("actions.status_dropped");
  }
  return s.tr("actions.status_not_started");
}

const std::string& priority_name(const AppState& s, Priority p) {
  switch (p) {
    case Priority::high: return s.tr("actions.priority_high");
    case Priority::medium: return s.tr("actions.priority_medium");
    case Priority::low: return s.tr("actions.priority_low");
  }
  return s.tr("actions.priority_medium");
}

ImU32 status_tint(ActionStatus st) {
  switch (st) {
    case ActionStatus::not_started: return IM_COL32(120, 120, 120, 255);
    case ActionStatus::in_progress: return IM_COL32(41, 98, 180, 255);
    case ActionStatus::done: return IM_COL32(46, 139, 87, 255);
    case ActionStatus::dropped: return IM_COL32(150, 150, 150, 255);
  }
  return 0;
}

ImU32 priority_tint(Priority p) {
  switch (p) {
    case Priority::high: return IM_COL32(192, 57, 43, 255);
    case Priority::medium: return IM_COL32(200, 130, 0, 255);
    case Priority::low: return IM_COL32(110, 110, 110, 255);
  }
  return 0;
}

std::string trimmed(const std::string& v) {
  size_t b = v.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  size_t e = v.find_last_not_of(" \t\r\n");
  return v.substr(b, e - b + 1);
}

// A button showing the current choice; a click opens a list of the others. Returns the
// index chosen, or -1.
int choice(AppState& s, const char* id, const std::string& current, const std::vector<std::string>& options,
           float width, bool enabled, ImU32 color = 0, bool user = false) {
  int picked = -1;
  ImGui::PushID(id);
  if (color) {
    ImVec4 c = ImGui::ColorConvertU32ToFloat4(color);
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(c.x, c.y, c.z, 0.18f));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(c.x, c.y, c.z, 0.32f));
  }
  // Shaped and, when too long, cut at a word (with "…" at its logical end).
  std::string shown = s.text.visual(s.text.elided(current, width - ImGui::GetStyle().FramePadding.x * 2, user), user) + "##choice";
  if (!enabled) ImGui::BeginDisabled();
  if (ImGui::Button(shown.c_str(), ImVec2(width, 0)) && enabled) ImGui::OpenPopup("##choices");
  if (!enabled) ImGui::EndDisabled();
  if (color) ImGui::PopStyleColor(2);
  if (ImGui::BeginPopup("##choices")) {
    for (size_t i = 0; i < options.size(); ++i) {
      ImGui::PushID(static_cast<int>(i));
      if (menu_entry(s, options[i])) picked = static_cast<int>(i);
      ImGui::PopID();
    }
    ImGui::EndPopup();
  }
  ImGui::PopID();
  return picked;
}

float choice_width(AppState& s, const std::vector<std::string>& options) {
  float w = 0;
  for (const auto& o : options) w = std::max(w, button_width(s, o));
  return w + em(0.5f);
}

// The columns in logical order; in Arabic the table shows them from the right.
enum Column { c_dimension, c_section, c_target, c_item, c_text, c_owner, c_due, c_priority, c_status,
              c_resources, c_note, c_count };

const char* header_key(int c) {
  switch (c) {
    case c_dimension: return "actions.col_dimension";
    case c_section: return "actions.col_section";
    case c_target: return "actions.col_target";
    case c_item: return "actions.col_item";
    case c_text: return "actions.col_text";
    case c_owner: return "actions.col_owner";
    case c_due: return "actions.col_due";
    case c_priority: return "actions.col_priority";
    case c_status: return "actions.col_status";
    case c_resources: return "actions.col_resources";
    case c_note: return "actions.col_note";
  }
  return "actions.col_item";
}

}  // namespace

bool ActionPlanView::edit(AppState& s, size_t index, ActionField field, const std::string& value) {
  if (index >= s.doc.assessment.actions.size()) return false;
  Action next = s.doc.assessment.actions[index];
  switch (field) {
    case ActionField::owner: next.owner = trimmed(value); break;
    case ActionField::due: {
      std::string d = trimmed(value);
      if (!d.empty() && !is_valid_date(d)) {
        date_errors_[index] = value;  // refused: the plan keeps its date
        return false;
      }
      next.due = d;
      break;
    }
    case ActionField::resources: next.resources = value; break;
    case ActionField::note: next.note = value; break;
  }
  if (field == ActionField::due) date_errors_.erase(index);
  try {
    size_t before = s.doc.assessment.audit.size();
    s.doc.update_action(s.rubric, index, std::move(next), s.by());
    return s.doc.assessment.audit.size() != before;
  } catch (const std::invalid_argument& e) {
    report(s, "error.change_title", e);
  } catch (const std::logic_error&) {
    s.messages.push_back(Message{s.tr("error.change_title"), s.tr("error.signed_off"), {}});
  }
  return false;
}

bool ActionPlanView::regenerate(AppState& s) {
  try {
    ActionPlanChanges c = s.doc.regenerate_actions(s.rubric);
    date_errors_.clear();  // indices moved
    regenerated_ = c.empty() ? s.tr("actions.regenerated_none")
                             : s.tr.format("actions.regenerated",
                                           {std::to_string(c.added.size()), std::to_string(c.reopened.size()),
                                            std::to_string(c.resolved.size()), std::to_string(c.removed.size())});
    return !c.empty();
  } catch (const std::logic_error&) {
    s.messages.push_back(Message{s.tr("error.change_title"), s.tr("error.signed_off"), {}});
  }
  return false;
}

bool ActionPlanView::propose_if_empty(AppState& s) {
  Assessment& a = s.doc.assessment;
  // Nothing answered yet: the proposal would be the whole checklist, not a plan.
  if (proposed_serial_ == s.doc.serial() || !a.actions.empty() || a.items.empty() || a.signed_off()) return false;
  proposed_serial_ = s.doc.serial();
  try {
    ActionPlanChanges c = s.doc.regenerate_actions(s.rubric);
    if (c.added.empty()) return false;
    date_errors_.clear();
    regenerated_ = s.tr.format("actions.proposed", {std::to_string(c.added.size())});
    return true;
  } catch (const std::exception& e) {
    report(s, "error.change_title", e);
  }
  return false;
}

std::string ActionPlanView::export_workbook(AppState& s, const std::string& dir) {
  const Assessment& a = s.doc.assessment;
  Lang lang = s.tr.lang();
  fs::path base = !dir.empty() ? fs::path(dir) : fs::path(s.doc.path).parent_path();
  fs::path out = base / default_export_path(a.agency_code, a.period, lang == Lang::ar ? "ar" : "en");
  try {
    std::error_code ec;
    fs::create_directories(out.parent_path(), ec);
    if (ec) throw std::runtime_error(out.parent_path().string() + ": " + ec.message());
    WorkbookOptions opt;
    opt.source_file = s.doc.path;
    WorkbookReport r = export_assessment_workbook(s.rubric, a, out.string(), lang, opt);
    Message m{s.tr("export.done_title"),
              s.tr.format("export.done", {std::to_string(r.actions), std::to_string(r.items)}),
              {fs::absolute(out).lexically_normal().string()}};
    for (const auto& w : r.warnings) m.details.push_back(w);
    s.messages.push_back(std::move(m));
    return out.string();
  } catch (const std::exception& e) {
    report(s, "export.error_title", e);
  }
  return "";
}

void ActionPlanView::draw(AppState& s) {
  ImGui::BeginChild("action_plan", ImVec2(0, 0), false);
  controls_.clear();
  today_ = today_date();
  if (!s.has_rubric) {
    label(s, s.tr("checklist.none"), muted_text_color());
    ImGui::EndChild();
    return;
  }
  if (seen_serial_ != s.doc.serial()) {  // another document: what was said of the last one is not true of it
    seen_serial_ = s.doc.serial();
    regenerated_.clear();
    date_errors_.clear();
  }
  propose_if_empty(s);
  const Assessment& a = s.doc.assessment;
  previewing_ = a.signed_off() && a.actions.empty() && !a.items.empty();
  if (previewing_ && (preview_serial_ != s.doc.serial() || preview_revision_ != s.doc.revision())) {
    preview_serial_ = s.doc.serial();
    preview_revision_ = s.doc.revision();
    preview_ = a;
    preview_.actions = updated_action_plan(s.rubric, a).actions;
  }
  rows_ = action_rows(s.rubric, shown(s), today_, filter_);
  if (pending_serial_ != s.doc.serial() || pending_revision_ != s.doc.revision()) {
    pending_serial_ = s.doc.serial();
    pending_revision_ = s.doc.revision();
    auto u = updated_action_plan(s.rubric, s.doc.assessment);
    pending_changes_ = u.changes.added.size() + u.changes.reopened.size() + u.changes.resolved.size() +
                       u.changes.removed.size();
  }
  float width = ImGui::GetContentRegionAvail().x;
  draw_top(s, width);
  draw_filters(s, width);
  rows_ = action_rows(s.rubric, shown(s), today_, filter_);  // after a regeneration or a filter change
  ImGui::Spacing();
  draw_table(s, width);
  ImGui::EndChild();
}

void ActionPlanView::draw_top(AppState& s, float width) {
  const Assessment& a = shown(s);
  bool enabled = !a.signed_off();
  std::string regen = s.tr("actions.regenerate"), exp = s.tr("actions.export");
  float rw = button_width(s, regen) + em(0.6f), ew = button_width(s, exp) + em(0.6f);
  float sp = ImGui::GetStyle().ItemSpacing.x;
  float tw = width - rw - ew - sp * 2;
  Row row(s.rtl(), width);
  row.place(tw);
  ImGui::BeginGroup();
  ImGui::PushFont(s.fonts.heading);
  label(s, s.tr("actions.title"), 0, false, tw);
  ImGui::PopFont();
  int overdue = 0;
  for (const auto& r : action_rows(s.rubric, a, today_)) overdue += r.overdue ? 1 : 0;
  label(s, s.tr.format("actions.summary", {std::to_string(rows_.size()), std::to_string(a.actions.size()),
                                           std::to_string(overdue)}),
        muted_text_color(), false, tw);
  ImGui::EndGroup();
  row.place(rw);
  if (button(s, regen, "regenerate", rw, enabled)) regenerate(s);
  controls_["regenerate"] = ScreenRect{ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
  row.place(ew);
  if (button(s, exp, "export", ew, s.has_rubric)) export_workbook(s);
  controls_["export"] = ScreenRect{ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
  row.end();
  if (previewing_) s.text.paragraph(s.tr("actions.signed_preview"), width, warning_color());
  else if (a.actions.empty()) s.text.paragraph(s.tr("actions.empty"), width, warning_color());
  else if (pending_changes_ > 0 && enabled)
    s.text.paragraph(s.tr.format("actions.pending", {std::to_string(pending_changes_)}), width, warning_color());
  if (!regenerated_.empty()) s.text.paragraph(regenerated_, width, muted_text_color());
}

void ActionPlanView::draw_filters(AppState& s, float width) {
  const float sp = ImGui::GetStyle().ItemSpacing.x;
  Row row(s.rtl(), width);
  auto caption = [&](const std::string& text) {
    float w = s.text.width(text);
    row.place(w);
    ImGui::AlignTextToFramePadding();
    label(s, text, muted_text_color(), false, w);
  };
  // Dimension
  std::vector<std::string> dims{s.tr("actions.all")};
  for (const auto& d : s.rubric.dimensions) dims.push_back(d.id + "  " + d.name.get(s.tr.lang()));
  std::string cur_dim = s.tr("actions.all");
  for (size_t i = 0; i < s.rubric.dimensions.size(); ++i)
    if (s.rubric.dimensions[i].id == filter_.dimension) cur_dim = dims[i + 1];
  float dw = std::min(em(16), choice_width(s, dims));
  caption(s.tr("actions.filter_dimension"));
  row.place(dw);
  if (int k = choice(s, "filter_dim", cur_dim, dims, dw, true); k >= 0)
    filter_.dimension = k == 0 ? "" : s.rubric.dimensions[static_cast<size_t>(k - 1)].id;
  row.skip(sp);
  // Status
  std::vector<std::string> sts{s.tr("actions.all")};
  for (ActionStatus st : kStatuses) sts.push_back(status_name(s, st));
  float stw = choice_width(s, sts);
  caption(s.tr("actions.filter_status"));
  row.place(stw);
  if (int k = choice(s, "filter_status", filter_.status ? status_name(s, *filter_.status) : sts[0], sts, stw, true);
      k >= 0)
    filter_.status = k == 0 ? std::nullopt : std::optional<ActionStatus>(kStatuses[k - 1]);
  row.skip(sp);
  // Owner
  std::vector<std::string> owners = action_owners(s.doc.assessment);
  std::vector<std::string> ows{s.tr("actions.all")};
  ows.insert(ows.end(), owners.begin(), owners.end());
  float ow = std::min(em(12), choice_width(s, ows));
  caption(s.tr("actions.filter_owner"));
  row.place(ow);
  std::string cur_owner = filter_.owner.empty() ? ows[0] : filter_.owner;
  if (int k = choice(s, "filter_owner", cur_owner, ows, ow, true, 0, !filter_.owner.empty()); k >= 0)
    filter_.owner = k == 0 ? "" : owners[static_cast<size_t>(k - 1)];
  row.skip(sp);
  // Overdue only; next step only
  std::string od = s.tr("actions.filter_overdue");
  float odw = ImGui::GetFrameHeight() + sp + s.text.width(od) + em(0.3f);
  row.place(odw);
  ImVec2 p = ImGui::GetCursorScreenPos();
  checkbox(s, od, "filter_overdue", &filter_.overdue_only, odw);
  controls_["filter/overdue"] = ScreenRect{p, ImVec2(p.x + odw, p.y + ImGui::GetFrameHeight())};
  std::string ns = s.tr("actions.filter_next_step");
  float nsw = ImGui::GetFrameHeight() + sp + s.text.width(ns) + em(0.3f);
  if (row.used() + nsw < width) {
    row.place(nsw);
    checkbox(s, ns, "filter_next", &filter_.next_step_only, nsw);
  }
  row.end();
}

void ActionPlanView::draw_table(AppState& s, float width) {
  if (rows_.empty()) {
    if (!shown(s).actions.empty()) label(s, s.tr("actions.none_shown"), muted_text_color(), false, width);
    return;
  }
  const bool rtl = s.rtl();
  ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                          ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_Resizable;
  float height = std::max(em(10), ImGui::GetContentRegionAvail().y);
  if (!ImGui::BeginTable("actions", c_count, flags, ImVec2(width, height))) return;
  // Fixed columns fit their header and their widest content; the texts share the rest.
  // Headers are drawn in the heading font: measured in it, so no word of theirs breaks.
  auto fixed = [&](int c, float content) {
    ImGui::PushFont(s.fonts.heading);
    float h = s.text.width(s.tr(header_key(c)));
    ImGui::PopFont();
    return std::max(content, h) + em(0.3f);
  };
  std::vector<std::string> sts, prs;
  for (ActionStatus st : kStatuses) sts.push_back(status_name(s, st));
  for (Priority p : kPriorities) prs.push_back(priority_name(s, p));
  float lw = 0;
  for (Level l : {Level::medium, Level::acceptable, Level::good}) lw = std::max(lw, badge_width(s, level_name(s, l)));
  // A date and its hint on one line inside the field.
  float due_w = std::max(s.text.width(s.tr("details.date_hint")), ImGui::CalcTextSize("2026-12-31").x) +
                ImGui::GetStyle().FramePadding.x * 2 + em(0.3f);
  // The widths of the columns that fit their content; the typed fields (owner, resources,
  // note) take a share of what is left, never less than their header and hint on one
  // line; the item's text stretches over the rest: it is what a row is read by.
  float col_w[c_count] = {};
  col_w[c_dimension] = fixed(c_dimension, em(1.2f));
  col_w[c_section] = fixed(c_section, em(1.8f));
  col_w[c_target] = fixed(c_target, lw);
  col_w[c_item] = fixed(c_item, em(3.0f));
  col_w[c_due] = fixed(c_due, due_w);
  col_w[c_priority] = fixed(c_priority, choice_width(s, prs));
  col_w[c_status] = fixed(c_status, choice_width(s, sts));
  const ImGuiStyle& st = ImGui::GetStyle();
  float rest = width - st.ScrollbarSize - static_cast<float>(c_count) * (st.CellPadding.x * 2 + 1);
  for (int c : {c_dimension, c_section, c_target, c_item, c_due, c_priority, c_status}) rest -= col_w[c];
  float hint_w = s.text.width(s.tr("actions.owner_hint")) + st.FramePadding.x * 2;
  col_w[c_owner] = std::max(fixed(c_owner, hint_w), rest * 0.2f);
  col_w[c_resources] = std::max(fixed(c_resources, em(4)), rest * 0.14f);
  col_w[c_note] = std::max(fixed(c_note, em(4)), rest * 0.14f);
  for (int v = 0; v < c_count; ++v) {
    int c = rtl ? c_count - 1 - v : v;
    std::string id = std::string("##") + header_key(c);
    if (c == c_text) ImGui::TableSetupColumn(id.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    else ImGui::TableSetupColumn(id.c_str(), ImGuiTableColumnFlags_WidthFixed, col_w[c]);
  }
  ImGui::TableSetupScrollFreeze(0, 1);
  // The header row: shaped, wrapped, on the start side of each column.
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
  for (int c = 0; c < c_count; ++c) {
    ImGui::TableSetColumnIndex(rtl ? c_count - 1 - c : c);
    ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, ImGui::GetColorU32(ImGuiCol_TableHeaderBg));
    ImGui::PushFont(s.fonts.heading);
    s.text.paragraph(s.tr(header_key(c)), ImGui::GetContentRegionAvail().x);
    ImGui::PopFont();
  }
  for (const auto& r : rows_) {
    ImGui::TableNextRow();
    if (r.overdue) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, IM_COL32(192, 57, 43, 28));
    ImGui::PushID(static_cast<int>(r.index));
    for (int c = 0; c < c_count; ++c) {
      ImGui::TableSetColumnIndex(rtl ? c_count - 1 - c : c);
      draw_row(s, r, c);
    }
    ImGui::PopID();
  }
  ImGui::EndTable();
}

void ActionPlanView::draw_row(AppState& s, const ActionRow& r, int column) {
  const Action& act = *r.action;
  const bool enabled = !s.doc.assessment.signed_off();
  const float w = ImGui::GetContentRegionAvail().x;
  const size_t index = r.index;
  auto field = [&](const char* id, const std::string& value, ActionField f, const char* hint_key) {
    ImVec2 p = ImGui::GetCursorScreenPos();
    text_field(s, id, value, w, 1,
               [this, &s, index, f](const std::string& v) { edit(s, index, f, v); },
               hint_key ? s.tr(hint_key) : "", enabled);
    controls_[std::to_string(index) + "/" + id] = ScreenRect{p, ImVec2(p.x + w, p.y + ImGui::GetFrameHeight())};
  };
  switch (column) {
    case c_dimension: label(s, r.dimension, 0, false, w); break;
    case c_section: label(s, r.section, 0, false, w); break;
    case c_target:
      if (r.item) {
        if (s.rtl()) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, w - badge_width(s, level_name(s, r.target))));
        badge(s, level_name(s, r.target), level_color(r.target), level_text_color(r.target));
      }
      if (r.later) label(s, s.tr("actions.later"), muted_text_color(), false, w);
      break;
    case c_item:
      label(s, act.item, 0, false, w);
      if (r.resolved) s.text.paragraph(s.tr("actions.resolved"), w, IM_COL32(46, 139, 87, 255));
      break;
    case c_text:
      if (r.item) s.text.paragraph(r.item->text.get(s.tr.lang()), w);
      else s.text.paragraph(s.tr("actions.unknown_item"), w, muted_text_color());
      break;
    case c_owner: field("owner", act.owner, ActionField::owner, "actions.owner_hint"); break;
    case c_due: {
      field("due", act.due, ActionField::due, "details.date_hint");
      auto err = date_errors_.find(index);
      if (err != date_errors_.end())
        s.text.paragraph(s.tr.format("actions.date_bad", {isolate_ltr(err->second)}), w, warning_color());
      else if (r.overdue)
        label(s, s.tr("actions.overdue"), warning_color(), false, w);
      break;
    }
    case c_priority: {
      std::vector<std::string> opts;
      for (Priority p : kPriorities) opts.push_back(priority_name(s, p));
      if (int k = choice(s, "priority", priority_name(s, act.priority), opts, w, enabled, priority_tint(act.priority));
          k >= 0 && kPriorities[k] != act.priority) {
        Action next = act;
        next.priority = kPriorities[k];
        try {
          s.doc.update_action(s.rubric, index, std::move(next), s.by());
        } catch (const std::exception& e) {
          report(s, "error.change_title", e);
        }
      }
      break;
    }
    case c_status: {
      std::vector<std::string> opts;
      for (ActionStatus st : kStatuses) opts.push_back(status_name(s, st));
      if (int k = choice(s, "status", status_name(s, act.status), opts, w, enabled, status_tint(act.status));
          k >= 0 && kStatuses[k] != act.status) {
        Action next = act;
        next.status = kStatuses[k];
        try {
          s.doc.update_action(s.rubric, index, std::move(next), s.by());
        } catch (const std::exception& e) {
          report(s, "error.change_title", e);
        }
      }
      break;
    }
    case c_resources: field("resources", act.resources, ActionField::resources, nullptr); break;
    case c_note: field("note", act.note, ActionField::note, nullptr); break;
  }
}

}  // namespace mizan::ui
