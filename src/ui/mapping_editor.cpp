#include "ui/mapping_editor.hpp"

#include <algorithm>
#include <filesystem>

#include "core/atomic_file.hpp"
#include "ui/app_commands.hpp"
#include "ui/layout.hpp"
#include "ui/theme.hpp"

namespace mizan::ui {

using casedata::Field;

namespace {
constexpr const char* kPopup = "##mapping_editor";

bool any_popup() { return ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel); }
}  // namespace

void MappingEditor::open(const std::vector<std::string>& header, const casedata::CaseMapping& chosen,
                         const std::string& path) {
  header_ = header;
  path_ = path;
  saved_path_.clear();
  std::vector<std::string_view> views(header_.begin(), header_.end());
  casedata::ColumnBinding bound = chosen.bind(views);
  casedata::MappingGuess guess = casedata::guess_mapping(header_);
  // The chosen mapping keeps its values and date formats when it finds the case id;
  // otherwise the guess's base (canonical or primero) knows this export better.
  base_ = bound.has(Field::case_id) ? chosen : guess.mapping;
  column_.fill(kNone);
  std::vector<bool> used(header_.size(), false);
  for (Field f : casedata::all_fields()) {
    if (!bound.has(f)) continue;
    std::size_t c = bound.columns[index(f)].front();
    column_[index(f)] = static_cast<int>(c);
    used[c] = true;
  }
  for (const auto& g : guess.columns) {
    if (column_[index(g.field)] != kNone || used[g.column]) continue;  // each column serves one field
    column_[index(g.field)] = static_cast<int>(g.column);
    used[g.column] = true;
  }
  guessed_ = column_;
  open_ = true;
}

casedata::CaseMapping MappingEditor::mapping() const {
  casedata::CaseMapping m = base_;
  for (Field f : casedata::all_fields()) {
    int c = column_[index(f)];
    if (c >= 0 && static_cast<std::size_t>(c) < header_.size()) m.set_columns(f, {header_[static_cast<std::size_t>(c)]});
    else m.set_columns(f, {});
  }
  m.set_name(saved_path_.empty() ? "custom" : std::filesystem::path(saved_path_).stem().string());
  return m;
}

void MappingEditor::save(const std::string& path) {
  saved_path_ = path;
  write_file_atomic(path, mapping().to_json().dump(2) + "\n", /*keep_backup=*/true);
}

void MappingEditor::draw_field(AppState& s, Field f, float width, float name_w) {
  const char* name = casedata::field_name(f);
  int& col = column_[index(f)];
  float combo_w = width - name_w - ImGui::GetStyle().ItemSpacing.x;
  Row row(s.rtl(), width);
  row.place(name_w);
  ImGui::BeginGroup();
  ImGui::AlignTextToFramePadding();
  std::string shown = s.tr(std::string("field.") + name);
  bool changed = col != guessed_[index(f)];
  bool required = f == Field::case_id;
  label(s, shown + (required ? " *" : ""), required && col == kNone ? warning_color() : 0, false, name_w);
  ImGui::EndGroup();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", name);  // the canonical name, for the JSON file
  row.place(combo_w);
  std::string preview = col == kNone ? s.text.visual(s.tr("mapping.no_column"))
                                     : s.text.visual(header_[static_cast<std::size_t>(col)], true);
  if (changed) preview += "  *";
  ImGui::SetNextItemWidth(combo_w);
  if (ImGui::BeginCombo((std::string("##") + name).c_str(), preview.c_str(), ImGuiComboFlags_HeightLarge)) {
    if (ImGui::Selectable((s.text.visual(s.tr("mapping.no_column")) + "##none").c_str(), col == kNone)) col = kNone;
    for (std::size_t c = 0; c < header_.size(); ++c) {
      // Another field's column is marked: choosing it here takes it from that field.
      const char* other = nullptr;
      for (Field g : casedata::all_fields())
        if (g != f && column_[index(g)] == static_cast<int>(c)) other = casedata::field_name(g);
      std::string item = std::to_string(c + 1) + ". " + s.text.visual(header_[c], true);
      if (other) item += "   (" + std::string(other) + ")";
      if (ImGui::Selectable((item + "##" + std::to_string(c)).c_str(), col == static_cast<int>(c))) {
        for (Field g : casedata::all_fields())
          if (g != f && column_[index(g)] == static_cast<int>(c)) column_[index(g)] = kNone;
        col = static_cast<int>(c);
      }
    }
    ImGui::EndCombo();
  }
  row.end();
}

MappingEditor::Result MappingEditor::draw(AppState& s) {
  if (!open_) return Result::none;
  // Reopened after the file browser (saving the mapping) has closed: one modal at a time.
  if (!popup_open_ && !any_popup()) {
    ImGui::OpenPopup(kPopup);
    popup_open_ = true;
  }
  ImVec2 vp = ImGui::GetMainViewport()->Size;
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(vp.x * 0.9f, em(44)), std::min(vp.y * 0.9f, em(40))), ImGuiCond_Appearing);
  if (!ImGui::BeginPopupModal(kPopup, nullptr, ImGuiWindowFlags_NoTitleBar)) {
    popup_open_ = false;
    return Result::none;
  }
  Result result = Result::none;
  float width = ImGui::GetContentRegionAvail().x;
  ImGui::PushFont(s.fonts.heading);
  label(s, s.tr("mapping.title"), 0, false, width);
  ImGui::PopFont();
  s.text.paragraph(s.tr.format("mapping.text", {isolate_ltr(std::filesystem::path(path_).filename().string())}), width);

  float buttons_h = ImGui::GetFrameHeightWithSpacing() * 2 + ImGui::GetTextLineHeightWithSpacing();
  ImGui::BeginChild("fields", ImVec2(width, ImGui::GetContentRegionAvail().y - buttons_h), true);
  float inner = ImGui::GetContentRegionAvail().x;
  float name_w = 0;
  for (Field f : casedata::all_fields())
    name_w = std::max(name_w, s.text.width(s.tr(std::string("field.") + casedata::field_name(f))));
  name_w = std::min(name_w + em(1.5f), inner * 0.45f);
  for (Field f : casedata::all_fields()) {
    ImGui::PushID(static_cast<int>(index(f)));
    draw_field(s, f, inner, name_w);
    ImGui::PopID();
  }
  ImGui::EndChild();

  bool has_id = column_[index(Field::case_id)] != kNone;
  if (!has_id) label(s, s.tr("mapping.need_case_id"), warning_color(), false, width);
  else if (!saved_path_.empty())
    label(s, s.tr.format("mapping.saved", {isolate_ltr(std::filesystem::path(saved_path_).filename().string())}),
          muted_text_color(), false, width);
  std::string import_l = s.tr("mapping.import"), save_l = s.tr("mapping.save"), cancel_l = s.tr("button.cancel");
  float bw = std::max({button_width(s, import_l), button_width(s, save_l), button_width(s, cancel_l), em(6)});
  Row row(s.rtl(), width);
  row.place(bw);
  if (button(s, import_l, "import", bw, has_id)) result = Result::import;
  row.place(bw);
  if (button(s, save_l, "save", bw, has_id)) {
    // The browser is a modal too: this dialog steps aside and comes back when it closes.
    s.file_request = FileRequest{"mapping.save_title", {".json"}, /*save=*/true, false, false, "mapping.json",
                                 [this, &s](const std::vector<std::string>& paths) {
                                   if (paths.empty()) return;
                                   try {
                                     save(paths.front());
                                   } catch (const std::exception& e) {
                                     report(s, "mapping.save_failed", e);
                                   }
                                 }};
    s.browse = BrowseFor::pick;
    popup_open_ = false;
    ImGui::CloseCurrentPopup();
  }
  row.place(bw);
  bool escape = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
  if (button(s, cancel_l, "cancel", bw) || escape) result = Result::cancel;
  row.end();
  if (result != Result::none) {
    open_ = false;
    popup_open_ = false;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
  return result;
}

}  // namespace mizan::ui
