#include "core/scoring.hpp"

namespace mizan {

Counts& Counts::operator+=(const Counts& o) {
  met += o.met;
  not_met += o.not_met;
  na += o.na;
  unanswered += o.unanswered;
  return *this;
}

ItemStatus scored_status(const Assessment& a, const std::string& id) {
  const ItemAnswer* ans = a.answer(id);
  if (!ans) return ItemStatus::unanswered;
  if (ans->status == ItemStatus::na && ans->justification.find_first_not_of(" \t\r\n") == std::string::npos)
    return ItemStatus::unanswered;
  return ans->status;
}

SectionScore score_section(const Section& s, const Assessment& a) {
  SectionScore sc;
  bool reached = true;  // every lower step is passed so far
  for (int st = 0; st < 3; ++st) {
    int applicable = 0, met = 0;
    std::vector<std::string> open;
    for (const auto& item : s.steps[st]) {
      ItemStatus status = scored_status(a, item.id);
      switch (status) {
        case ItemStatus::met: ++sc.counts.met; break;
        case ItemStatus::not_met: ++sc.counts.not_met; break;
        case ItemStatus::na: ++sc.counts.na; break;
        case ItemStatus::unanswered: ++sc.counts.unanswered; break;
      }
      if (status == ItemStatus::na) continue;
      ++applicable;
      if (status == ItemStatus::met) ++met;
      else open.push_back(item.id);
    }
    if (!reached) continue;
    if (met == applicable) {  // all met, or every item na: the step is passed
      sc.level = step_target(st);
    } else {
      reached = false;
      sc.progress = static_cast<double>(met) / applicable;
      sc.blocking = std::move(open);
    }
  }
  if (reached) sc.progress = 1.0;
  return sc;
}

Score score(const Rubric& r, const Assessment& a) {
  Score out;
  for (const auto& d : r.dimensions) {
    DimensionScore ds;
    ds.level = Level::good;
    double sum = 0;
    for (const auto& s : d.sections) {
      SectionScore sc = score_section(s, a);
      if (sc.level < ds.level) ds.level = sc.level;
      sum += sc.level == Level::good ? 3.0 : static_cast<int>(sc.level) + sc.progress;
      ds.counts += sc.counts;
      out.sections[s.id] = std::move(sc);
    }
    ds.progress = d.sections.empty() ? 0 : sum / d.sections.size();
    if (d.sections.empty()) ds.level = Level::critical;
    out.counts += ds.counts;
    out.dimensions[d.id] = ds;
  }
  return out;
}

}  // namespace mizan
