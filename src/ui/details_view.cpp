#include "ui/details_view.hpp"

#include <cctype>
#include <sstream>

#include "ui/layout.hpp"
#include "ui/theme.hpp"

namespace mizan::ui {

namespace {

bool digits(const std::string& s, size_t from, size_t n) {
  if (s.size() < from + n) return false;
  for (size_t i = from; i < from + n; ++i)
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

std::string join_lines(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& e : v) out += (out.empty() ? "" : "\n") + e;
  return out;
}

std::vector<std::string> split_lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);)
    if (line.find_first_not_of(" \t\r") != std::string::npos) out.push_back(line);
  return out;
}

}  // namespace

bool valid_period(const std::string& p) {
  if (!digits(p, 0, 4)) return false;
  if (p.size() == 4) return true;
  if (p.size() == 7 && p[4] == '-' && (p[5] == 'H' || p[5] == 'h')) return p[6] == '1' || p[6] == '2';
  if (p.size() == 7 && p[4] == '-' && (p[5] == 'Q' || p[5] == 'q')) return p[6] >= '1' && p[6] <= '4';
  if (p.size() == 7 && p[4] == '-' && digits(p, 5, 2)) return std::stoi(p.substr(5)) >= 1 && std::stoi(p.substr(5)) <= 12;
  return false;
}

bool valid_date(const std::string& d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-' || !digits(d, 0, 4) || !digits(d, 5, 2) || !digits(d, 8, 2))
    return false;
  int m = std::stoi(d.substr(5, 2)), day = std::stoi(d.substr(8, 2));
  return m >= 1 && m <= 12 && day >= 1 && day <= 31;
}

void DetailsView::draw(AppState& s) {
  ImGui::BeginChild("details", ImVec2(0, 0), false);
  float avail = ImGui::GetContentRegionAvail().x;
  float width = std::min(avail, em(44));
  // The form stands on the start side: on the right in Arabic.
  if (s.rtl()) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + avail - width);
  float form_x = ImGui::GetCursorPosX();
  float label_w = em(11);
  float field_w = width - label_w - ImGui::GetStyle().ItemSpacing.x;
  Assessment& a = s.doc.assessment;
  bool enabled = !a.signed_off();
  ImGui::PushFont(s.fonts.heading);
  label(s, s.tr("details.title"), 0, false, width);
  ImGui::PopFont();
  ImGui::Spacing();
  ImGui::SetCursorPosX(form_x);

  auto field = [&](const char* key, const std::string& value, int lines, const char* hint_key,
                   std::function<void(const std::string&)> commit, const char* problem_key) {
    ImGui::SetCursorPosX(form_x);
    Row row(s.rtl(), width);
    row.place(label_w);
    label(s, s.tr(key), 0, false, label_w);
    row.place(field_w);
    ImGui::BeginGroup();
    text_field(s, key, value, field_w, lines, std::move(commit), hint_key ? s.tr(hint_key) : "", enabled);
    if (problem_key) label(s, s.tr(problem_key), warning_color(), false, field_w);
    ImGui::EndGroup();
    row.end();
  };
  auto set = [&s](std::string Assessment::*member) {
    return [&s, member](const std::string& v) {
      s.doc.assessment.*member = v;
      s.doc.touched(s.rubric);
    };
  };
  field("details.agency", a.agency_name, 1, nullptr, set(&Assessment::agency_name), nullptr);
  field("details.code", a.agency_code, 1, nullptr, set(&Assessment::agency_code), nullptr);
  field("details.period", a.period, 1, "details.period_hint", set(&Assessment::period),
        a.period.empty() || valid_period(a.period) ? nullptr : "details.period_bad");
  field("details.assessors", join_lines(a.assessors), 3, "details.assessors_hint",
        [&s](const std::string& v) {
          s.doc.assessment.assessors = split_lines(v);
          s.doc.touched(s.rubric);
        },
        nullptr);
  field("details.date", a.assessment_date, 1, "details.date_hint", set(&Assessment::assessment_date),
        a.assessment_date.empty() || valid_date(a.assessment_date) ? nullptr : "details.date_bad");

  ImGui::Spacing();
  ImGui::Separator();
  ImGui::SetCursorPosX(form_x);
  Lang lang = s.tr.lang();
  auto info = [&](const char* key, const std::string& value, bool user) {
    ImGui::SetCursorPosX(form_x);
    Row row(s.rtl(), width);
    row.place(label_w);
    label(s, s.tr(key), muted_text_color(), false, label_w);
    row.place(field_w);
    s.text.paragraph(value, field_w, 0, user);
    row.end();
  };
  if (s.has_rubric) info("details.rubric", s.rubric.title.get(lang) + " (" + isolate_ltr(s.rubric.version) + ")", false);
  info("details.file", s.doc.path.empty() ? s.tr("file.untitled") : s.doc.path, true);
  if (a.signed_off()) info("details.signed", a.signoff.name + " — " + isolate_ltr(a.signoff.date), true);
  info("details.changes", std::to_string(a.audit.size()), false);
  ImGui::EndChild();
}

}  // namespace mizan::ui
