#include <algorithm>
#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "core/review.hpp"

namespace fs = std::filesystem;

namespace mizan::cli {

namespace {

struct Loaded {
  Rubric rubric;
  Assessment assessment;
};

Loaded load_with_rubric(const std::string& path, std::ostream& err) {
  auto first = load_assessment(path);
  Rubric r = load_rubric(find_rubric(first.assessment.rubric_id, first.assessment.rubric_version));
  auto loaded = load_assessment(path, &r);
  for (const auto& w : loaded.warnings) err << "warning: " << w.str() << "\n";
  return {std::move(r), std::move(loaded.assessment)};
}

std::string today() { return now_iso8601().substr(0, 10); }

int input_error(const InputError& e, std::ostream& err) {
  for (const auto& p : e.problems()) err << p.str() << "\n";
  return 1;
}

}  // namespace

int new_review_command(const std::string& previous, const std::string& period, const std::string& out_path,
                       const std::string& by, std::ostream& out, std::ostream& err) {
  try {
    Loaded prev = load_with_rubric(previous, err);
    std::string p = period.empty() ? next_period(prev.assessment.period) : period;
    if (p.empty()) {
      err << previous << ": cannot tell the next period after \"" << prev.assessment.period
          << "\"; give --period\n";
      return 2;
    }
    if (fs::exists(out_path)) {
      err << out_path << ": already exists; choose another name (nothing was written)\n";
      return 1;
    }
    Assessment next = new_review_from(prev.assessment, previous, sha256_file(previous), p, by);
    save_assessment(out_path, next);
    out << out_path << ": review " << p << " started from " << prev.assessment.period << " with "
        << carried_over_count(next) << " answers carried over and " << next.actions.size() << " open actions\n";
    return 0;
  } catch (const InputError& e) {
    return input_error(e, err);
  }
}

int changes_command(const std::string& current, const std::string& baseline, bool json, std::ostream& out,
                    std::ostream& err) {
  try {
    Loaded cur = load_with_rubric(current, err);
    std::string base_path = baseline.empty() ? cur.assessment.baseline.file : baseline;
    if (base_path.empty()) {
      err << current << ": has no baseline; give --baseline FILE\n";
      return 2;
    }
    if (!fs::exists(base_path)) {  // a relative baseline path is relative to the current file
      auto near = fs::path(current).parent_path() / fs::path(base_path).filename();
      if (fs::exists(near)) base_path = near.string();
    }
    Assessment base = load_assessment(base_path, &cur.rubric).assessment;
    auto changes = changes_against(cur.rubric, cur.assessment, base);
    auto missing = changes_missing_reason(changes);
    if (json) {
      nlohmann::json j = nlohmann::json::array();
      for (const auto& c : changes)
        if (c.kind != ChangeKind::unchanged || c.carried_over)
          j.push_back({{"item", c.item},
                       {"before", status_id(c.before)},
                       {"after", status_id(c.after)},
                       {"change", change_kind_id(c.kind)},
                       {"carried_over", c.carried_over},
                       {"needs_reason", c.needs_reason()},
                       {"reason", c.reason}});
      out << nlohmann::json{{"baseline", base_path}, {"changes", j}, {"missing_reasons", missing}}.dump(2) << "\n";
      return 0;
    }
    out << "against " << base_path << " (" << base.period << ")\n";
    for (const auto& c : changes) {
      if (c.kind == ChangeKind::unchanged || c.kind == ChangeKind::still_open) continue;
      out << "  " << c.item << "  " << change_kind_id(c.kind) << "  " << (c.before == ItemStatus::unanswered ? "-" : status_id(c.before))
          << " -> " << (c.after == ItemStatus::unanswered ? "-" : status_id(c.after));
      if (c.needs_reason()) out << "  reason: " << (c.reason.empty() ? "(missing)" : c.reason);
      out << "\n";
    }
    int open = 0, carried = 0;
    for (const auto& c : changes) {
      open += c.kind == ChangeKind::still_open;
      carried += c.carried_over;
    }
    out << open << " still open, " << carried << " carried over and not yet confirmed, " << missing.size()
        << " changes without a reason\n";
    return 0;
  } catch (const InputError& e) {
    return input_error(e, err);
  }
}

int explain_command(const std::string& path, const std::string& lang_s, bool json, std::ostream& out,
                    std::ostream& err) {
  try {
    Loaded l = load_with_rubric(path, err);
    Lang lang = parse_lang(lang_s).value_or(Lang::en);
    nlohmann::json j = nlohmann::json::object();
    for (const auto& d : l.rubric.dimensions)
      for (const auto& s : d.sections) {
        SectionExplanation e = explain_section(s, l.assessment);
        std::string text = explanation_text(l.rubric, e, lang);
        if (json) {
          j[s.id] = {{"level", level_id(e.level)}, {"not_met", e.not_met}, {"unanswered", e.unanswered},
                     {"if_met", level_id(e.if_met)}, {"text", text}};
        } else if (!text.empty()) {
          out << text << "\n";
        } else {
          out << s.id << (lang == Lang::en ? " is at good." : " عند المستوى جيد.") << "\n";
        }
      }
    if (json) out << j.dump(2) << "\n";
    return 0;
  } catch (const InputError& e) {
    return input_error(e, err);
  }
}

int merge_command(const std::vector<std::string>& copies, const std::string& lead, const std::string& out_path,
                  std::ostream& out, std::ostream& err) {
  try {
    if (copies.size() < 2) {
      err << "merge needs at least two copies\n";
      return 2;
    }
    Loaded first = load_with_rubric(copies[0], err);
    std::vector<AssessorCopy> list;
    for (const auto& path : copies) {
      auto loaded = load_assessment(path, &first.rubric);
      for (const auto& w : loaded.warnings) err << "warning: " << w.str() << "\n";
      std::string author = loaded.assessment.assessors.empty() ? fs::path(path).stem().string()
                                                                : loaded.assessment.assessors.front();
      if (loaded.assessment.rubric_id != first.assessment.rubric_id) {
        err << path << ": uses rubric \"" << loaded.assessment.rubric_id << "\", not \""
            << first.assessment.rubric_id << "\"\n";
        return 1;
      }
      list.push_back(AssessorCopy{author, std::move(loaded.assessment)});
    }
    // Copies made from one file all name the same first assessor: tell them apart by the
    // copy's file name, or the lead could not know whose answer is whose.
    std::vector<std::string> names;
    for (const auto& c : list) names.push_back(c.author);
    for (size_t i = 0; i < list.size(); ++i)
      if (std::count(names.begin(), names.end(), names[i]) > 1)
        list[i].author += " (" + fs::path(copies[i]).filename().string() + ")";
    Assessment m = merge_copies(first.rubric, list, lead);
    save_assessment(out_path, m);
    out << out_path << ": merged " << list.size() << " copies; " << m.conflicts.size()
        << " items for the lead assessor to decide\n";
    for (const auto& c : m.conflicts) {
      out << "  " << c.item << ":";
      for (const auto& a : c.answers) out << "  " << a.author << " = " << status_id(a.answer.status);
      out << "\n";
    }
    return 0;
  } catch (const InputError& e) {
    return input_error(e, err);
  }
}

int sign_command(const std::string& path, const std::string& name, const std::string& role, const std::string& date,
                 bool do_reopen, const std::string& reason, std::ostream& out, std::ostream& err) {
  try {
    Loaded l = load_with_rubric(path, err);
    if (do_reopen) {
      if (!l.assessment.signed_off()) {
        err << path << ": is not signed\n";
        return 1;
      }
      if (reason.empty() || name.empty()) {
        err << "reopening needs --name and --reason\n";
        return 2;
      }
      reopen(l.assessment, name, reason);
      save_assessment(path, l.assessment);
      out << path << ": reopened for changes\n";
      return 0;
    }
    if (name.empty()) {
      err << "signing needs --name\n";
      return 2;
    }
    if (l.assessment.signed_off()) {
      err << path << ": already signed by " << l.assessment.signoff.name << " on " << l.assessment.signoff.date
          << "\n";
      return 1;
    }
    try {
      sign_off(l.assessment, name, role, date.empty() ? today() : date);
    } catch (const std::logic_error& e) {
      err << path << ": " << e.what() << "\n";
      return 1;
    }
    save_assessment(path, l.assessment);
    out << path << ": signed by " << name << "\n";
    return 0;
  } catch (const InputError& e) {
    return input_error(e, err);
  }
}

}  // namespace mizan::cli
