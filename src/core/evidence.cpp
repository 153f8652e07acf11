#include "core/evidence.hpp"

#include <cmath>
#include <cstdio>

namespace mizan {

using nlohmann::json;

const char* verdict_id(EvidenceVerdict v) {
  switch (v) {
    case EvidenceVerdict::supports_met: return "supports_met";
    case EvidenceVerdict::suggests_not_met: return "suggests_not_met";
    case EvidenceVerdict::no_data: return "no_data";
  }
  return "no_data";
}

bool is_small_count(std::int64_t n) { return n > 0 && n < kSmallCountThreshold; }

std::string shared_count(std::int64_t n) {
  return is_small_count(n) ? "<" + std::to_string(kSmallCountThreshold) : std::to_string(n);
}

namespace {

bool is_rate_id(const std::string& id) { return id.size() >= 4 && id.compare(id.size() - 4, 4, "rate") == 0; }

// An import looks like {"indicators": {...}, …}; a bare map of ids to numbers is one too.
bool looks_like_import(const json& j) { return j.is_object() && !j.empty(); }

std::optional<std::int64_t> whole(const json* v) {
  if (!v || !v->is_number()) return std::nullopt;
  const double d = v->get<double>();
  if (!std::isfinite(d) || d < 0 || d > 9.0e15 || d != std::floor(d)) return std::nullopt;
  return static_cast<std::int64_t>(d);
}

}  // namespace

const json* current_case_data_import(const json& cd) {
  const json* list = nullptr;
  if (cd.is_array()) list = &cd;
  else if (cd.is_object() && cd.contains("imports") && cd["imports"].is_array()) list = &cd["imports"];
  if (list) {
    for (auto it = list->rbegin(); it != list->rend(); ++it)
      if (looks_like_import(*it)) return &*it;
    return nullptr;
  }
  return looks_like_import(cd) ? &cd : nullptr;
}

IndicatorFigure case_data_figure(const json& cd, const std::string& id) {
  IndicatorFigure f;
  const json* imp = current_case_data_import(cd);
  if (!imp) return f;
  const json* map = imp;
  if (auto it = imp->find("indicators"); it != imp->end() && it->is_object()) map = &*it;
  const auto it = map->find(id);
  if (it == map->end()) return f;
  const json& v = *it;
  if (v.is_number()) {
    f.present = true;
    f.value = v.get<double>();
  } else if (v.is_null()) {
    f.present = true;
  } else if (v.is_object()) {
    f.present = true;
    const json* value = v.contains("value") ? &v["value"] : nullptr;
    if (value && value->is_number()) f.value = value->get<double>();
    f.numerator = whole(v.contains("numerator") ? &v["numerator"] : nullptr);
    f.denominator = whole(v.contains("denominator") ? &v["denominator"] : nullptr);
    // A rate stored as counts only: the value follows from them.
    if (!f.value && f.numerator && f.denominator && *f.denominator > 0)
      f.value = static_cast<double>(*f.numerator) / static_cast<double>(*f.denominator);
  }
  if (f.value && !std::isfinite(*f.value)) f.value.reset();
  return f;
}

std::string figure_text(const std::string& id, const IndicatorFigure& f, bool shared) {
  if (!f.value) {
    if (f.present && f.denominator && *f.denominator == 0) return "no data (0 cases)";
    return "no data";
  }
  char buf[64];
  auto count = [&](std::int64_t n) { return shared ? shared_count(n) : std::to_string(n); };
  if (is_rate_id(id)) {
    if (shared && f.denominator && is_small_count(*f.denominator)) return "suppressed (<5 cases)";
    std::snprintf(buf, sizeof buf, "%.1f%%", *f.value * 100.0);
    std::string s = buf;
    if (f.numerator && f.denominator) s += " (" + count(*f.numerator) + " of " + count(*f.denominator) + ")";
    return s;
  }
  const double v = *f.value;
  if (v == std::floor(v) && std::fabs(v) < 9.0e15) return count(static_cast<std::int64_t>(v));
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

EvidenceFinding evaluate_evidence(const EvidenceRule& rule, const json& cd) {
  EvidenceFinding e;
  e.indicator = rule.indicator;
  e.op = rule.op;
  e.threshold = rule.threshold;
  e.figure = case_data_figure(cd, rule.indicator);
  e.figure_text = figure_text(rule.indicator, e.figure);
  if (e.figure.value)
    e.verdict = rule.holds(*e.figure.value) ? EvidenceVerdict::supports_met : EvidenceVerdict::suggests_not_met;
  return e;
}

std::vector<EvidenceFinding> evaluate_item_evidence(const Item& item, const json& cd) {
  std::vector<EvidenceFinding> out;
  for (const auto& r : item.evidence) out.push_back(evaluate_evidence(r, cd));
  return out;
}

EvidenceVerdict combined_verdict(const std::vector<EvidenceFinding>& fs) {
  bool all_met = !fs.empty();
  for (const auto& f : fs) {
    if (f.verdict == EvidenceVerdict::suggests_not_met) return EvidenceVerdict::suggests_not_met;
    if (f.verdict != EvidenceVerdict::supports_met) all_met = false;
  }
  return all_met ? EvidenceVerdict::supports_met : EvidenceVerdict::no_data;
}

}  // namespace mizan
