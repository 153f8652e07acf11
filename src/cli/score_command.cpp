#include <iomanip>
#include <iostream>
#include <sstream>

#include "cli/commands.hpp"
#include "core/assessment.hpp"
#include "core/scoring.hpp"

namespace mizan::cli {

namespace {

std::string fixed(double v, int digits) {
  std::ostringstream s;
  s << std::fixed << std::setprecision(digits) << v;
  return s.str();
}

// Pad by code points so Arabic names line up too.
std::string pad(const std::string& s, size_t width) {
  size_t cps = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++cps;
  return cps >= width ? s + " " : s + std::string(width - cps, ' ');
}

}  // namespace

int score_command(const ScoreOptions& o, std::ostream& out, std::ostream& err) {
  try {
    auto lang = parse_lang(o.lang).value_or(Lang::en);
    auto first = load_assessment(o.assessment);  // to learn its rubric id
    std::string rpath = o.rubric.empty()
                            ? find_rubric(first.assessment.rubric_id, first.assessment.rubric_version)
                            : o.rubric;
    Rubric rubric = load_rubric(rpath);
    auto loaded = load_assessment(o.assessment, &rubric);
    for (const auto& w : loaded.warnings) err << "warning: " << w.str() << "\n";
    const Assessment& a = loaded.assessment;
    if (!a.rubric_id.empty() && a.rubric_id != rubric.id) {
      err << o.assessment << ": the assessment uses rubric \"" << a.rubric_id << "\" but " << rpath << " is \""
          << rubric.id << "\"\n";
      return 1;
    }
    Score sc = score(rubric, a);
    if (o.json) {
      nlohmann::json j;
      j["sections"] = nlohmann::json::object();
      j["dimensions"] = nlohmann::json::object();
      for (const auto& [id, s] : sc.sections) j["sections"][id] = {{"level", level_id(s.level)}, {"progress", s.progress}};
      for (const auto& [id, d] : sc.dimensions)
        j["dimensions"][id] = {{"level", level_id(d.level)}, {"progress", d.progress}};
      out << j.dump(2) << "\n";
      return 0;
    }
    out << (a.agency_name.empty() ? std::string("(no agency)") : a.agency_name)
        << (a.period.empty() ? "" : "  " + a.period) << "  —  " << rubric.id << " " << rubric.version << "\n\n";
    out << pad("dimension / section", 48) << pad("level", 12) << pad("progress", 10) << "met/not/na/open\n";
    for (const auto& d : rubric.dimensions) {
      const auto& ds = sc.dimensions.at(d.id);
      out << pad(d.id + ". " + d.name.get(lang), 48) << pad(rubric.level_name(ds.level).get(lang), 12)
          << pad(fixed(ds.progress, 2) + "/3", 10) << ds.counts.met << "/" << ds.counts.not_met << "/"
          << ds.counts.na << "/" << ds.counts.unanswered << "\n";
      if (d.sections.size() > 1 || d.sections[0].id != d.id) {
        for (const auto& s : d.sections) {
          const auto& ss = sc.sections.at(s.id);
          out << pad("    " + s.id + "  " + s.name.get(lang), 48) << pad(rubric.level_name(ss.level).get(lang), 12)
              << pad(fixed(ss.progress * 100, 0) + "%", 10) << ss.counts.met << "/" << ss.counts.not_met << "/"
              << ss.counts.na << "/" << ss.counts.unanswered << "\n";
        }
      }
    }
    out << "\nprogress: dimension 0–3 (level index + progress of the next step); section: share of the next step "
           "met\n";
    return 0;
  } catch (const InputError& e) {
    for (const auto& p : e.problems()) err << p.str() << "\n";
    return 1;
  }
}

}  // namespace mizan::cli
