#include "ui/review_view.hpp"

#include <algorithm>
#include <filesystem>
#include <imgui_stdlib.h>

#include "core/action_plan.hpp"
#include "text/bidi.hpp"
#include "ui/app_commands.hpp"
#include "ui/layout.hpp"
#include "ui/navigator_view.hpp"
#include "ui/theme.hpp"

namespace fs = std::filesystem;

namespace mizan::ui {

namespace {

constexpr const char* kReopenPopup = "##reopen";

bool blank(const std::string& t) { return t.find_first_not_of(" \t\r\n") == std::string::npos; }

const std::string& kind_name(const AppState& s, ChangeKind k) {
  switch (k) {
    case ChangeKind::unchanged: return s.tr("changes.kind_unchanged");
    case ChangeKind::improved: return s.tr("changes.kind_improved");
    case ChangeKind::fell_back: return s.tr("changes.kind_fell_back");
    case ChangeKind::newly_na: return s.tr("changes.kind_newly_na");
    case ChangeKind::reopened: return s.tr("changes.kind_reopened");
    case ChangeKind::still_open: return s.tr("changes.kind_still_open");
  }
  return s.tr("changes.kind_unchanged");
}

ImU32 kind_color(ChangeKind k) {
  switch (k) {
    case ChangeKind::improved: return IM_COL32(46, 139, 87, 255);
    case ChangeKind::fell_back: return IM_COL32(192, 57, 43, 255);
    case ChangeKind::newly_na: return IM_COL32(96, 110, 140, 255);
    case ChangeKind::reopened: return IM_COL32(200, 130, 0, 255);
    case ChangeKind::still_open: return IM_COL32(140, 140, 140, 255);
    case ChangeKind::unchanged: return IM_COL32(180, 180, 180, 255);
  }
  return 0;
}

const std::string& status_name(const AppState& s, ItemStatus st) {
  switch (st) {
    case ItemStatus::met: return s.tr("status.met");
    case ItemStatus::not_met: return s.tr("status.not_met");
    case ItemStatus::na: return s.tr("status.na");
    case ItemStatus::unanswered: return s.tr("status.unanswered");
  }
  return s.tr("status.unanswered");
}

ScreenRect last_rect() { return ScreenRect{ImGui::GetItemRectMin(), ImGui::GetItemRectMax()}; }

// A labelled field of a small form: the label on the start side, the field after it.
void form_field(AppState& s, const char* id, const std::string& label_text, const std::string& value, float width,
                std::function<void(const std::string&)> commit, const std::string& hint, bool enabled,
                const std::string& problem = "") {
  float lw = em(9);
  float fw = width - lw - ImGui::GetStyle().ItemSpacing.x;
  Row row(s.rtl(), width);
  row.place(lw);
  ImGui::AlignTextToFramePadding();
  label(s, label_text, 0, false, lw);
  row.place(fw);
  ImGui::BeginGroup();
  text_field(s, id, value, fw, 1, std::move(commit), hint, enabled);
  if (!problem.empty()) s.text.paragraph(problem, fw, warning_color());
  ImGui::EndGroup();
  row.end();
}

}  // namespace

// ---- carried-over answers in the checklist ---------------------------------------------

void draw_carried_over(AppState& s, ItemCards& cards, const Item& item, float width) {
  const ItemAnswer* ans = s.doc.assessment.answer(item.id);
  if (!ans || !ans->carried_over) return;
  bool enabled = !s.doc.assessment.signed_off();
  std::string mark = s.tr("review.carried_badge"), confirm = s.tr("review.confirm");
  float bw = badge_width(s, mark), cw = button_width(s, confirm) + em(0.4f);
  float sp = ImGui::GetStyle().ItemSpacing.x;
  Row row(s.rtl(), width);
  row.place(bw);
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ImGui::GetStyle().FramePadding.y - em(0.1f));
  badge(s, mark, IM_COL32(230, 160, 20, 255), IM_COL32(40, 30, 0, 255), bw);
  row.place(cw);
  ImGui::PushID(item.id.c_str());
  if (button(s, confirm, "confirm_carried", cw, enabled)) {
    try {
      s.doc.confirm_carried_over(s.rubric, item.id, s.by());
    } catch (const std::exception& e) {
      report(s, "error.change_title", e);
    }
  }
  ImGui::PopID();
  cards.controls[item.id + "/confirm"] = last_rect();
  float rest = width - bw - cw - sp * 2;
  if (rest > em(4)) {
    row.place(rest);
    ImGui::AlignTextToFramePadding();
    label(s, s.text.elided(s.tr("review.carried_hint"), rest), muted_text_color(), false, rest);
  }
  row.end();
}

int confirm_section(AppState& s, const Section& sec) {
  int n = 0;
  for (const auto& step : sec.steps)
    for (const auto& it : step) {
      const ItemAnswer* ans = s.doc.assessment.answer(it.id);
      if (!ans || !ans->carried_over) continue;
      try {
        s.doc.confirm_carried_over(s.rubric, it.id, s.by());
        ++n;
      } catch (const std::exception& e) {
        report(s, "error.change_title", e);
        return n;
      }
    }
  return n;
}

void draw_section_carried_over(AppState& s, ItemCards& cards, const Section& sec, float width) {
  int n = 0;
  for (const auto& step : sec.steps)
    for (const auto& it : step)
      if (const ItemAnswer* ans = s.doc.assessment.answer(it.id); ans && ans->carried_over) ++n;
  if (n == 0) return;
  bool enabled = !s.doc.assessment.signed_off();
  std::string all = s.tr("review.confirm_all");
  float cw = button_width(s, all) + em(0.4f);
  float tw = width - cw - ImGui::GetStyle().ItemSpacing.x;
  Row row(s.rtl(), width);
  row.place(tw);
  std::string period = s.doc.assessment.baseline.period.empty() ? s.tr("review.previous_review")
                                                                 : isolate_ltr(s.doc.assessment.baseline.period);
  s.text.paragraph(s.tr.format("review.carried_section", {std::to_string(n), period}), tw, warning_color());
  row.place(cw);
  if (button(s, all, "confirm_all", cw, enabled)) confirm_section(s, sec);
  cards.controls["section/confirm_all"] = last_rect();
  row.end();
}

// ---- actions ------------------------------------------------------------------------

bool ReviewView::sign(AppState& s) {
  try {
    if (!sign_date.empty() && !is_valid_date(sign_date))
      throw std::invalid_argument(s.tr("actions.date_format"));
    if (s.edit.id != 0) s.edit = FieldEdit{};  // nothing typed may land after the signature
    sign_off(s.doc.assessment, sign_name, sign_role, sign_date.empty() ? today_date() : sign_date);
    s.doc.touched(s.rubric);
    return true;
  } catch (const std::invalid_argument& e) {
    s.messages.push_back(Message{s.tr("review.sign_error_title"), e.what(), {}});
  } catch (const std::logic_error&) {
    s.messages.push_back(Message{s.tr("review.sign_error_title"), s.tr("review.conflicts_block"), {}});
  }
  return false;
}

void ReviewView::reopen(AppState& s, const std::string& reason) {
  mizan::reopen(s.doc.assessment, s.by(), reason);
  s.doc.touched(s.rubric);
}

bool ReviewView::resolve(AppState& s, const std::string& item, size_t choice) {
  try {
    resolve_conflict(s.doc.assessment, item, choice, s.by());
    s.doc.touched(s.rubric);
    return true;
  } catch (const std::exception& e) {
    report(s, "error.change_title", e);
  }
  return false;
}

// ---- the banner of a signed assessment ----------------------------------------------

void ReviewView::draw_banner(AppState& s, float width) {
  const Assessment& a = s.doc.assessment;
  if (!a.signed_off()) return;
  std::string who = a.signoff.role.empty() ? a.signoff.name : a.signoff.name + ", " + a.signoff.role;
  std::string text = s.tr.format("banner.signed_by", {who, isolate_ltr(a.signoff.date)});
  std::string rb = s.tr("review.reopen");
  float bw = button_width(s, rb) + em(0.6f);
  float tw = width - bw - ImGui::GetStyle().ItemSpacing.x;
  ImVec2 p = ImGui::GetCursorScreenPos();
  float h = std::max(s.text.paragraph_height(text, tw), ImGui::GetFrameHeight());
  ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + width, p.y + h), IM_COL32(255, 236, 200, 255), em(0.2f));
  Row row(s.rtl(), width);
  row.place(tw);
  s.text.paragraph(text, tw, IM_COL32(120, 70, 0, 255));
  row.place(bw);
  if (button(s, rb, "banner_reopen", bw)) reopen_wanted_ = true;
  controls_["reopen"] = last_rect();
  row.end();
  draw_reopen_popup(s);
}

void ReviewView::draw_reopen_popup(AppState& s) {
  if (reopen_wanted_) {
    ImGui::OpenPopup(kReopenPopup);
    reopen_wanted_ = false;
    reopen_open_ = true;
    reopen_reason_.clear();
  }
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(em(34), 0));
  if (!ImGui::BeginPopupModal(kReopenPopup, nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_AlwaysAutoResize)) {
    reopen_open_ = false;
    return;
  }
  float w = ImGui::GetContentRegionAvail().x;
  ImGui::PushFont(s.fonts.heading);
  label(s, s.tr("review.reopen_title"), 0, false, w);
  ImGui::PopFont();
  const SignOff& so = s.doc.assessment.signoff;
  s.text.paragraph(s.tr.format("review.reopen_text", {so.name, isolate_ltr(so.date)}), w);
  label(s, s.tr("review.reopen_reason"), muted_text_color(), false, w);
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  ImGui::SetNextItemWidth(w);
  ImGui::InputText("##reopen_reason", &reopen_reason_);
  if (text::has_rtl(reopen_reason_)) s.text.paragraph(reopen_reason_, w, muted_text_color(), /*user=*/true);
  std::string yes = s.tr("review.reopen"), no = s.tr("button.cancel");
  float bw = std::max(button_width(s, yes), button_width(s, no)) + em(0.6f);
  Row row(s.rtl(), w);
  row.place(bw);
  bool close = false;
  if (button(s, yes, "reopen_yes", bw)) {
    reopen(s, reopen_reason_);
    close = true;
  }
  controls_["reopen/confirm"] = last_rect();
  row.place(bw);
  if (button(s, no, "reopen_no", bw) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) close = true;
  controls_["reopen/cancel"] = last_rect();
  row.end();
  if (close) {
    reopen_open_ = false;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

// ---- the view -----------------------------------------------------------------------

void ReviewView::draw(AppState& s) {
  ImGui::BeginChild("review", ImVec2(0, 0), false);
  for (auto it = controls_.begin(); it != controls_.end();)  // the banner's stay: it is drawn before
    it = it->first.rfind("reopen", 0) == 0 ? std::next(it) : controls_.erase(it);
  float width = ImGui::GetContentRegionAvail().x;
  draw_tabs(s, width);
  ImGui::Separator();
  ImGui::Spacing();
  switch (tab) {
    case ReviewTab::changes: draw_changes(s, width); break;
    case ReviewTab::conflicts: draw_conflicts(s, width); break;
    case ReviewTab::signoff: draw_signoff(s, width); break;
  }
  ImGui::EndChild();
}

void ReviewView::draw_tabs(AppState& s, float width) {
  const Assessment& a = s.doc.assessment;
  std::string names[] = {s.tr("review.tab_changes"),
                         s.tr.format("review.tab_conflicts", {std::to_string(a.conflicts.size())}),
                         a.signed_off() ? s.tr("review.tab_signed") : s.tr("review.tab_signoff")};
  ReviewTab tabs[] = {ReviewTab::changes, ReviewTab::conflicts, ReviewTab::signoff};
  const char* ids[] = {"tab/changes", "tab/conflicts", "tab/signoff"};
  Row row(s.rtl(), width);
  for (int i = 0; i < 3; ++i) {
    float w = button_width(s, names[i]) + em(1.0f);
    row.place(w);
    ImU32 color = i == 1 && !a.conflicts.empty() ? IM_COL32(192, 57, 43, 255) : IM_COL32(41, 98, 180, 255);
    if (toggle(s, names[i], ids[i], tab == tabs[i], color, w, true)) tab = tabs[i];
    controls_[ids[i]] = last_rect();
  }
  row.end();
}

void ReviewView::load_baseline(AppState& s) {
  const Baseline& b = s.doc.assessment.baseline;
  std::string key = s.doc.path + "\n" + b.file + "\n" + b.sha256;
  if (key == base_key_) return;
  base_key_ = key;
  have_base_ = false;
  base_problem_.clear();
  base_changed_ = false;
  base_path_.clear();
  changes_revision_ = ~uint64_t(0);
  if (b.file.empty()) {
    base_problem_ = s.tr("changes.no_baseline");
    return;
  }
  // A relative baseline is relative to the file it is recorded in, else to where we are.
  std::vector<fs::path> tries;
  fs::path f(b.file);
  if (f.is_relative() && !s.doc.path.empty()) tries.push_back(fs::path(s.doc.path).parent_path() / f);
  tries.push_back(f);
  if (!s.doc.path.empty()) tries.push_back(fs::path(s.doc.path).parent_path() / f.filename());
  std::error_code ec;
  for (const auto& t : tries)
    if (fs::is_regular_file(t, ec)) {
      base_path_ = t.lexically_normal().string();
      break;
    }
  if (base_path_.empty()) {
    base_problem_ = s.tr.format("changes.baseline_missing", {b.file});
    return;
  }
  try {
    base_ = load_assessment(base_path_, &s.rubric).assessment;
    have_base_ = true;
    if (!b.sha256.empty()) base_changed_ = sha256_file(base_path_) != b.sha256;
  } catch (const InputError& e) {
    base_problem_ = e.problems().empty() ? std::string(e.what()) : e.problems().front().str();
  } catch (const std::exception& e) {
    base_problem_ = base_path_ + ": " + e.what();
  }
}

void ReviewView::draw_changes(AppState& s, float width) {
  load_baseline(s);
  const Assessment& a = s.doc.assessment;
  ImGui::PushFont(s.fonts.heading);
  label(s, s.tr("changes.title"), 0, false, width);
  ImGui::PopFont();
  if (!have_base_) {
    s.text.paragraph(base_problem_, width, warning_color(), /*user=*/!base_problem_.empty() && base_problem_[0] == '/');
    changes_.clear();
    return;
  }
  if (changes_revision_ != s.doc.revision()) {
    changes_ = changes_against(s.rubric, a, base_);
    changes_revision_ = s.doc.revision();
  }
  int counts[6] = {0, 0, 0, 0, 0, 0};
  int missing = 0, carried = 0;
  for (const auto& c : changes_) {
    ++counts[static_cast<int>(c.kind)];
    if (c.needs_reason() && blank(c.reason)) ++missing;
    carried += c.carried_over ? 1 : 0;
  }
  std::string period = base_.period.empty() ? fs::path(base_path_).filename().string() : base_.period;
  s.text.paragraph(s.tr.format("changes.against", {isolate_ltr(period), isolate_ltr(fs::path(base_path_).filename().string())}),
                   width, muted_text_color());
  s.text.paragraph(s.tr.format("changes.summary",
                               {std::to_string(counts[static_cast<int>(ChangeKind::improved)]),
                                std::to_string(counts[static_cast<int>(ChangeKind::fell_back)]),
                                std::to_string(counts[static_cast<int>(ChangeKind::newly_na)]),
                                std::to_string(counts[static_cast<int>(ChangeKind::reopened)]),
                                std::to_string(counts[static_cast<int>(ChangeKind::still_open)])}),
                   width);
  if (missing > 0) s.text.paragraph(s.tr.format("changes.missing", {std::to_string(missing)}), width, warning_color());
  if (carried > 0) s.text.paragraph(s.tr.format("changes.carried", {std::to_string(carried)}), width, warning_color());
  if (base_changed_) s.text.paragraph(s.tr("changes.baseline_changed"), width, warning_color());
  std::string so = s.tr.format("changes.show_still_open", {std::to_string(counts[static_cast<int>(ChangeKind::still_open)])});
  checkbox(s, so, "show_still_open", &show_still_open, width);
  ImGui::Separator();

  bool enabled = !a.signed_off();
  const float sp = ImGui::GetStyle().ItemSpacing.x;
  ImGui::BeginChild("changes_list", ImVec2(0, 0), false, ImGuiWindowFlags_AlwaysVerticalScrollbar);
  width = ImGui::GetContentRegionAvail().x;  // inside the scrollbar
  float kw = 0;
  for (ChangeKind k : {ChangeKind::improved, ChangeKind::fell_back, ChangeKind::newly_na, ChangeKind::reopened,
                       ChangeKind::still_open})
    kw = std::max(kw, badge_width(s, kind_name(s, k)));
  float idw = em(3.6f);
  float stw = std::min(em(16), width * 0.25f);
  float textw = width - kw - idw - stw - sp * 3;
  int shown = 0;
  for (const auto& c : changes_) {
    if (c.kind == ChangeKind::unchanged) continue;
    if (c.kind == ChangeKind::still_open && !show_still_open) continue;
    ++shown;
    const Item* item = s.rubric.find_item(c.item);
    ImGui::PushID(c.item.c_str());
    Row row(s.rtl(), width);
    row.place(kw);
    badge(s, kind_name(s, c.kind), kind_color(c.kind), IM_COL32(255, 255, 255, 255), kw);
    row.place(idw);
    label(s, c.item, muted_text_color(), false, idw);
    row.place(stw);
    s.text.paragraph(s.tr.format("changes.from_to", {status_name(s, c.before), status_name(s, c.after)}), stw);
    row.place(textw);
    ImGui::BeginGroup();
    if (item) s.text.paragraph(item->text.get(s.tr.lang()), textw);
    if (c.carried_over) label(s, s.tr("review.carried_badge"), IM_COL32(170, 110, 0, 255), false, textw);
    if (c.needs_reason()) {
      label(s, s.tr("changes.reason"), blank(c.reason) ? warning_color() : muted_text_color(), false, textw);
      ImVec2 p = ImGui::GetCursorScreenPos();
      text_field(s, "reason", c.reason, textw, 1,
                 [&s, id = c.item](const std::string& v) {
                   const ItemAnswer* cur = s.doc.assessment.answer(id);
                   ItemAnswer next = cur ? *cur : ItemAnswer{};
                   next.change_reason = v;
                   change_item(s, id, std::move(next));
                 },
                 s.tr("changes.reason_hint"), enabled);
      controls_["reason/" + c.item] = ScreenRect{p, ImVec2(p.x + textw, p.y + ImGui::GetFrameHeight())};
      if (blank(c.reason)) label(s, s.tr("changes.reason_required"), warning_color(), false, textw);
    }
    ImGui::EndGroup();
    row.end();
    ImGui::PopID();
    ImGui::Separator();
  }
  if (shown == 0) label(s, s.tr("changes.none"), muted_text_color(), false, width);
  ImGui::EndChild();
}

void ReviewView::draw_conflicts(AppState& s, float width) {
  const Assessment& a = s.doc.assessment;
  ImGui::PushFont(s.fonts.heading);
  label(s, s.tr("conflicts.title"), 0, false, width);
  ImGui::PopFont();
  if (a.conflicts.empty()) {
    s.text.paragraph(s.tr("conflicts.none"), width, muted_text_color());
    return;
  }
  s.text.paragraph(s.tr.format("conflicts.intro", {std::to_string(a.conflicts.size())}), width, muted_text_color());
  ImGui::Separator();
  bool enabled = !a.signed_off();
  const float sp = ImGui::GetStyle().ItemSpacing.x;
  std::string pick = s.tr("conflicts.pick");
  float pw = button_width(s, pick) + em(0.6f);
  float aw = std::min(em(12), width * 0.22f);
  float sw = em(7);
  float nw = width - pw - aw - sw - sp * 3;
  // Copy the item ids first: resolving removes the conflict from the list being drawn.
  std::vector<std::string> items;
  for (const auto& c : a.conflicts) items.push_back(c.item);
  for (const auto& id : items) {
    auto it = std::find_if(a.conflicts.begin(), a.conflicts.end(), [&](const Conflict& c) { return c.item == id; });
    if (it == a.conflicts.end()) continue;
    const Conflict& c = *it;
    ImGui::PushID(id.c_str());
    label(s, id, muted_text_color(), false, width);
    if (const Item* item = s.rubric.find_item(id)) s.text.paragraph(item->text.get(s.tr.lang()), width);
    std::string chosen;
    size_t choice = 0;
    for (size_t i = 0; i < c.answers.size(); ++i) {
      const ConflictAnswer& ca = c.answers[i];
      ImGui::PushID(static_cast<int>(i));
      Row row(s.rtl(), width);
      row.place(aw);
      ImGui::AlignTextToFramePadding();
      label(s, ca.author.empty() ? s.tr("conflicts.anonymous") : ca.author, 0, /*user=*/false, aw);
      row.place(sw);
      ImGui::AlignTextToFramePadding();
      badge(s, status_name(s, ca.answer.status), status_color(ca.answer.status), IM_COL32(255, 255, 255, 255), sw);
      row.place(nw);
      ImGui::BeginGroup();
      std::string detail = ca.answer.note;
      if (ca.answer.status == ItemStatus::na && !ca.answer.justification.empty())
        detail = ca.answer.justification + (detail.empty() ? "" : " — " + detail);
      if (!detail.empty()) s.text.paragraph(detail, nw, muted_text_color(), /*user=*/true);
      else ImGui::Dummy(ImVec2(nw, ImGui::GetFrameHeight()));
      ImGui::EndGroup();
      row.place(pw);
      if (button(s, pick, "pick", pw, enabled)) {
        chosen = id;
        choice = i;
      }
      controls_["conflict/" + id + "/" + std::to_string(i)] = last_rect();
      row.end();
      ImGui::PopID();
    }
    ImGui::PopID();
    ImGui::Separator();
    if (!chosen.empty()) resolve(s, chosen, choice);
  }
}

void ReviewView::draw_signoff(AppState& s, float width) {
  const Assessment& a = s.doc.assessment;
  float w = std::min(width, em(40));
  float indent = s.rtl() ? width - w : 0;
  auto at_start = [&] { ImGui::SetCursorPosX(ImGui::GetCursorPosX() + indent); };
  at_start();
  ImGui::PushFont(s.fonts.heading);
  label(s, s.tr("signoff.title"), 0, false, w);
  ImGui::PopFont();
  if (a.signed_off()) {
    at_start();
    s.text.paragraph(s.tr.format("signoff.signed", {a.signoff.name, a.signoff.role.empty() ? "-" : a.signoff.role,
                                                    isolate_ltr(a.signoff.date)}),
                     w);
    at_start();
    std::string rb = s.tr("review.reopen");
    float bw = button_width(s, rb) + em(0.6f);
    if (s.rtl()) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + w - bw);
    if (button(s, rb, "signoff_reopen", bw)) reopen_wanted_ = true;
    controls_["reopen_tab"] = last_rect();
    return;
  }
  if (sign_name.empty()) sign_name = s.by();
  if (sign_date.empty()) sign_date = today_date();
  at_start();
  s.text.paragraph(s.tr("signoff.intro"), w, muted_text_color());
  at_start();
  form_field(s, "sign_name", s.tr("signoff.name"), sign_name, w, [this](const std::string& v) { sign_name = v; }, "", true,
             blank(sign_name) ? s.tr("signoff.name_required") : "");
  at_start();
  form_field(s, "sign_role", s.tr("signoff.role"), sign_role, w, [this](const std::string& v) { sign_role = v; },
             s.tr("signoff.role_hint"), true);
  at_start();
  bool date_ok = is_valid_date(sign_date);
  form_field(s, "sign_date", s.tr("signoff.date"), sign_date, w, [this](const std::string& v) { sign_date = v; },
             s.tr("details.date_hint"), true, date_ok ? "" : s.tr("actions.date_format"));
  std::vector<std::string> missing;
  if (have_base_) missing = changes_missing_reason(changes_);
  if (!a.conflicts.empty()) {
    at_start();
    s.text.paragraph(s.tr.format("signoff.conflicts_open", {std::to_string(a.conflicts.size())}), w, warning_color());
  }
  if (!missing.empty()) {
    at_start();
    s.text.paragraph(s.tr.format("changes.missing", {std::to_string(missing.size())}), w, warning_color());
  }
  if (int n = carried_over_count(a); n > 0) {
    at_start();
    s.text.paragraph(s.tr.format("changes.carried", {std::to_string(n)}), w, warning_color());
  }
  bool ok = !blank(sign_name) && date_ok && a.conflicts.empty();
  std::string sb = s.tr("signoff.sign");
  float bw = button_width(s, sb) + em(1.0f);
  at_start();
  if (s.rtl()) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + w - bw);
  if (button(s, sb, "sign", bw, ok)) sign(s);
  controls_["sign"] = last_rect();
}

}  // namespace mizan::ui
