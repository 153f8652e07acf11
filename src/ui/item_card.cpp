#include "ui/item_card.hpp"

#include <algorithm>

#include <imgui_stdlib.h>

#include "text/bidi.hpp"
#include "ui/app_commands.hpp"
#include "ui/casedata_view.hpp"
#include "ui/layout.hpp"
#include "ui/review_view.hpp"
#include "ui/theme.hpp"

namespace mizan::ui {

namespace {

constexpr ItemStatus kStatusOrder[] = {ItemStatus::met, ItemStatus::not_met, ItemStatus::na, ItemStatus::unanswered};

bool blank(const std::string& t) { return t.find_first_not_of(" \t\r\n") == std::string::npos; }

float toggle_width(AppState& s) {
  float w = 0;
  for (ItemStatus st : kStatusOrder) w = std::max(w, button_width(s, s.tr(std::string("status.") + status_key(st))));
  return w;
}

void choose(AppState& s, ItemCards& cards, const Item& item, ItemStatus st) {
  const ItemAnswer* cur = s.doc.assessment.answer(item.id);
  ItemAnswer next = cur ? *cur : ItemAnswer{};
  next.carried_over = false;  // choosing a status is looking at the item
  if (st == ItemStatus::na && blank(next.justification)) {
    // N/A needs a written reason (core refuses it otherwise): ask for it first.
    cards.na_item = item.id;
    cards.na_reason.clear();
    cards.na_popup_wanted = true;
    return;
  }
  next.status = st;
  change_item(s, item.id, std::move(next));
}

void draw_controls(AppState& s, ItemCards& cards, const Item& item, Row& row, float tw) {
  ItemStatus cur = s.doc.assessment.status(item.id);
  bool enabled = !s.doc.assessment.signed_off();
  for (ItemStatus st : kStatusOrder) {
    row.place(tw);
    std::string key = item.id + "/" + status_key(st);
    if (toggle(s, s.tr(std::string("status.") + status_key(st)), key.c_str(), cur == st, status_color(st), tw,
               enabled))
      choose(s, cards, item, st);
    cards.controls[key] = ScreenRect{ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
  }
}

void draw_evidence(AppState& s, const Item& item, const ItemAnswer& ans, float width) {
  bool enabled = !s.doc.assessment.signed_off();
  label(s, s.tr("item.evidence"), muted_text_color(), false, width);
  for (size_t i = 0; i < ans.evidence.size(); ++i) {
    std::string id = item.id + "/evidence/" + std::to_string(i);
    float rw = button_width(s, s.tr("item.remove"));
    Row row(s.rtl(), width);
    row.place(width - rw - ImGui::GetStyle().ItemSpacing.x);
    text_field(s, id.c_str(), ans.evidence[i], width - rw - ImGui::GetStyle().ItemSpacing.x, 1,
               [&s, item_id = item.id, i](const std::string& v) {
                 const ItemAnswer* a = s.doc.assessment.answer(item_id);
                 if (!a || i >= a->evidence.size()) return;
                 ItemAnswer next = *a;
                 if (blank(v)) next.evidence.erase(next.evidence.begin() + static_cast<long>(i));
                 else next.evidence[i] = v;
                 change_item(s, item_id, std::move(next));
               }, "", enabled);
    row.place(rw);
    if (button(s, s.tr("item.remove"), (id + "/remove").c_str(), rw, enabled)) {
      ItemAnswer next = ans;
      next.evidence.erase(next.evidence.begin() + static_cast<long>(i));
      change_item(s, item.id, std::move(next));
      row.end();
      return;  // `ans` changed under us; the rest is drawn next frame
    }
    row.end();
  }
  std::string add_id = item.id + "/evidence/new";
  text_field(s, add_id.c_str(), "", width, 1,
             [&s, item_id = item.id](const std::string& v) {
               if (blank(v)) return;
               const ItemAnswer* a = s.doc.assessment.answer(item_id);
               ItemAnswer next = a ? *a : ItemAnswer{};
               next.evidence.push_back(v);
               change_item(s, item_id, std::move(next));
             },
             s.tr("item.add_evidence"), enabled);
}

void draw_details(AppState& s, ItemCards& cards, const Item& item, float width) {
  const ItemAnswer* cur = s.doc.assessment.answer(item.id);
  ItemAnswer ans = cur ? *cur : ItemAnswer{};
  bool enabled = !s.doc.assessment.signed_off();
  if (ans.status == ItemStatus::na) {
    label(s, s.tr("item.na_reason"), muted_text_color(), false, width);
    text_field(s, (item.id + "/reason").c_str(), ans.justification, width, 1,
               [&s, item_id = item.id](const std::string& v) {
                 const ItemAnswer* a = s.doc.assessment.answer(item_id);
                 ItemAnswer next = a ? *a : ItemAnswer{};
                 next.justification = v;
                 change_item(s, item_id, std::move(next));  // a blank reason is refused by core
               }, "", enabled);
  }
  if (ans.carried_over) draw_carried_over(s, cards, item, width);  // a badge and "Confirm"
  bool open = cards.open.count(item.id) > 0;
  int n = (ans.note.empty() ? 0 : 1) + static_cast<int>(ans.evidence.size());
  std::string head = s.tr("item.notes_evidence") + (n ? " (" + std::to_string(n) + ")" : "");
  bool now_open = disclosure(s, (item.id + "/more").c_str(), head, open, width);
  if (now_open != open) {
    if (now_open) cards.open.insert(item.id);
    else cards.open.erase(item.id);
  }
  if (!now_open) return;
  label(s, s.tr("item.note"), muted_text_color(), false, width);
  text_field(s, (item.id + "/note").c_str(), ans.note, width, 3,
             [&s, item_id = item.id](const std::string& v) {
               const ItemAnswer* a = s.doc.assessment.answer(item_id);
               ItemAnswer next = a ? *a : ItemAnswer{};
               next.note = v;
               change_item(s, item_id, std::move(next));
             },
             s.tr("item.note_hint"), enabled);
  draw_evidence(s, item, ans, width);
}

}  // namespace

const char* status_key(ItemStatus st) {
  switch (st) {
    case ItemStatus::met: return "met";
    case ItemStatus::not_met: return "not_met";
    case ItemStatus::na: return "na";
    case ItemStatus::unanswered: return "unanswered";
  }
  return "unanswered";
}

float status_controls_width(AppState& s) {
  return toggle_width(s) * 4 + ImGui::GetStyle().ItemSpacing.x * 3;
}

void draw_item(AppState& s, ItemCards& cards, const Item& item, float width) {
  const ImGuiStyle& st = ImGui::GetStyle();
  float tw = toggle_width(s);
  float cw = status_controls_width(s);
  float text_w = width - cw - st.ItemSpacing.x * 2;
  ImGui::PushID(item.id.c_str());
  Row row(s.rtl(), width);
  draw_controls(s, cards, item, row, tw);
  row.skip(st.ItemSpacing.x);
  row.place(text_w);
  ImGui::BeginGroup();
  label(s, item.id, muted_text_color(), false, text_w);
  s.text.paragraph(item.text.get(s.tr.lang()), text_w);
  draw_item_evidence(s, item, text_w);  // what the case data says, when the item has rules
  draw_details(s, cards, item, text_w);
  ImGui::EndGroup();
  row.end();
  ImGui::PopID();
}

void draw_na_popup(AppState& s, ItemCards& cards) {
  const char* popup_id = "##na_reason";
  if (cards.na_popup_wanted) {
    ImGui::OpenPopup(popup_id);
    cards.na_popup_wanted = false;
  }
  ImVec2 center = ImGui::GetMainViewport()->GetCenter();
  ImGui::SetNextWindowPos(center, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(em(32), 0));
  if (!ImGui::BeginPopupModal(popup_id, nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_AlwaysAutoResize))
    return;
  float w = em(30);
  ImGui::PushFont(s.fonts.heading);
  label(s, s.tr("na.title"), 0, false, w);
  ImGui::PopFont();
  if (const Item* item = s.rubric.find_item(cards.na_item)) s.text.paragraph(item->text.get(s.tr.lang()), w);
  ImGui::Separator();
  label(s, s.tr("na.prompt"), 0, false, w);
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  ImGui::InputTextMultiline("##reason", &cards.na_reason, ImVec2(w, em(4)));
  if (text::has_rtl(cards.na_reason)) s.text.paragraph(cards.na_reason, w, muted_text_color(), /*user=*/true);
  bool ok = !blank(cards.na_reason);
  if (!ok) label(s, s.tr("na.reason_required"), warning_color(), false, w);
  float bw = std::max(button_width(s, s.tr("button.set_na")), button_width(s, s.tr("button.cancel")));
  Row row(s.rtl(), w);
  row.place(bw);
  if (button(s, s.tr("button.set_na"), "set_na", bw, ok)) {
    const ItemAnswer* cur = s.doc.assessment.answer(cards.na_item);
    ItemAnswer next = cur ? *cur : ItemAnswer{};
    next.status = ItemStatus::na;
    next.justification = cards.na_reason;
    next.carried_over = false;
    change_item(s, cards.na_item, std::move(next));
    cards.na_item.clear();
    ImGui::CloseCurrentPopup();
  }
  row.place(bw);
  bool escape = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)) && !ImGui::IsItemActive();
  if (button(s, s.tr("button.cancel"), "cancel", bw) || escape) {
    cards.na_item.clear();
    ImGui::CloseCurrentPopup();
  }
  row.end();
  ImGui::EndPopup();
}

}  // namespace mizan::ui
