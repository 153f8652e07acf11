#include "casedata/indicators_command.hpp"

#include <cstdio>
#include <ostream>

#include "casedata/error.hpp"
#include "casedata/indicators.hpp"
#include "casedata/mapping.hpp"
#include "core/assessment.hpp"
#include "core/evidence.hpp"
#include "core/problem.hpp"

namespace mizan::casedata {

namespace {

std::string pad(const std::string& s, std::size_t w, bool right = false) {
  // Width in code points, so Arabic column names line up too.
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  if (n >= w) return s;
  return right ? std::string(w - n, ' ') + s : s + std::string(w - n, ' ');
}

std::string fmt(double v, const char* f) {
  char b[64];
  std::snprintf(b, sizeof b, f, v);
  return b;
}

std::string human_bytes(std::uint64_t b) {
  if (b < 10 * 1024) return std::to_string(b) + " B";
  if (b < 10 * 1024 * 1024) return std::to_string(b / 1024) + " KB";
  return std::to_string(b / (1024 * 1024)) + " MB";
}

void print_table(const IndicatorReport& r, const CaseMapping& m, bool shared, std::ostream& out) {
  // Shared between agencies: counts 1-4 as "<5", rates over fewer than 5 cases hidden,
  // no line numbers.
  auto n = [&](std::int64_t v) { return shared ? mizan::shared_count(v) : std::to_string(v); };
  const auto& s = r.source;
  out << "Case data: " << s.file << " (" << s.format;
  if (s.format == "csv")
    out << ", " << s.encoding << (s.bom ? " with BOM" : "") << ", delimiter "
        << (s.delimiter == "\t" ? std::string("tab") : "\"" + s.delimiter + "\"");
  else
    out << ", sheet \"" << s.sheet << "\"";
  out << ", " << human_bytes(s.bytes) << ")\n";
  out << "Mapping: " << m.name() << "    As of: " << s.as_of.iso() << (shared ? "    (for sharing: counts below 5 shown as <5)" : "")
      << "\n";
  out << "Rows: " << n(r.rows) << "    cases: " << n(static_cast<std::int64_t>(*r.indicators.at("cases.total")))
      << "    rejected: " << n(r.rows_rejected) << "    without case_id: " << n(r.rows_without_case_id)
      << "    blank: " << n(r.blank_rows) << "\n";
  if (!r.missing_columns.empty()) {
    out << "Columns not found (their indicators stay empty):";
    for (const auto& c : r.missing_columns) out << ' ' << c;
    out << "\n";
  }
  out << "\n" << pad("indicator", 28) << pad("value", 10, true) << "   count\n";
  for (const auto& id : indicator_ids()) {
    const auto& v = r.indicators.at(id);
    const auto c = r.counts.find(id);
    const bool hidden = shared && c != r.counts.end() && mizan::is_small_count(c->second.denominator);
    std::string val = "-";
    if (hidden) {
      val = "(<5)";
    } else if (v) {
      if (is_rate(id)) val = fmt(*v * 100.0, "%.1f%%");
      else if (id == "caseload.median") val = fmt(*v, "%g");
      else if (id.rfind("cases.", 0) == 0) val = n(static_cast<std::int64_t>(*v));
      else val = std::to_string(static_cast<std::int64_t>(*v));
    }
    out << pad(id, 28) << pad(val, 10, true);
    if (c != r.counts.end()) out << "   " << n(c->second.numerator) << " / " << n(c->second.denominator);
    out << "\n";
  }

  out << "\nCases by sex and age group (all / open):\n" << pad("", 10);
  for (std::size_t a = 0; a < Disaggregation::kAgeGroups; ++a)
    out << pad(age_group_name(static_cast<AgeGroup>(a)), 14, true);
  out << "\n";
  const char* sexes[] = {"male", "female", "other", "unknown"};
  for (std::size_t sx = 0; sx < Disaggregation::kSexes; ++sx) {
    out << pad(sexes[sx], 10);
    for (std::size_t a = 0; a < Disaggregation::kAgeGroups; ++a) {
      std::int64_t t = 0, o = 0;
      for (std::size_t d = 0; d < Disaggregation::kDisability; ++d) {
        const auto& c = r.disaggregation.at(static_cast<Sex>(sx), static_cast<AgeGroup>(a), d);
        t += c.total;
        o += c.open;
      }
      out << pad(n(t) + " / " + n(o), 14, true);
    }
    out << "\n";
  }
  std::int64_t dis[3] = {0, 0, 0};
  for (std::size_t sx = 0; sx < Disaggregation::kSexes; ++sx)
    for (std::size_t a = 0; a < Disaggregation::kAgeGroups; ++a)
      for (std::size_t d = 0; d < 3; ++d)
        dis[d] += r.disaggregation.at(static_cast<Sex>(sx), static_cast<AgeGroup>(a), d).total;
  out << "Disability: yes " << n(dis[0]) << ", no " << n(dis[1]) << ", not recorded " << n(dis[2]) << "\n";

  if (r.problems_total > 0) {
    out << "\nProblems: " << n(r.problems_total) << "\n";
    for (const auto& pc : r.problem_counts)
      out << "  " << pad(n(pc.count), 8, true) << "  " << (pc.column.empty() ? "(row)" : pc.column) << ": "
          << pc.reason << "\n";
    if (!shared) {
      const std::size_t show = std::min<std::size_t>(r.problems.size(), 20);
      out << "First " << show << (show < static_cast<std::size_t>(r.problems_total) ? " (--json lists more)" : "")
          << ":\n";
      for (std::size_t i = 0; i < show; ++i) {
        const auto& p = r.problems[i];
        out << "  " << s.file << ":" << p.line << ": " << (p.column.empty() ? "" : p.column + ": ") << p.reason
            << "\n";
      }
    }
  }
}

// Writes the aggregates into the assessment's case_data. A signed-off assessment is refused.
bool attach_to_assessment(const IndicatorReport& report, const std::string& path, std::ostream& note,
                          std::ostream& err) {
  LoadedAssessment loaded = load_assessment(path);
  Assessment& a = loaded.assessment;
  const std::string name = file_name_only(path);
  if (a.signed_off()) {
    err << name << ": the assessment is signed off; reopen it first (mizan sign --reopen) to attach case data\n";
    return false;
  }
  const std::string at = now_iso8601();
  a.case_data = add_case_data_import(a.case_data, case_data_import(report, at));
  AuditEntry e;
  e.at = at;
  e.by = "mizan indicators";
  e.field = "case_data";
  e.to = report.source.file + " (as of " + report.source.as_of.iso() + ", " + std::to_string(report.rows) + " rows)";
  a.audit.push_back(e);
  save_assessment(path, a);
  note << "Attached the indicators of " << report.source.file << " to " << name << "\n";
  return true;
}

}  // namespace

int run_indicators_command(const IndicatorsCommandOptions& o, std::ostream& out, std::ostream& err) {
  Date as_of = Date::today();
  if (!o.as_of.empty()) {
    const auto d = Date::parse_iso(o.as_of);
    if (!d) {
      err << "mizan indicators: --as-of expects a date as YYYY-MM-DD\n";
      return 2;
    }
    as_of = *d;
  }
  try {
    CaseMapping mapping;
    if (o.mapping.empty() || o.mapping == "auto") {
      const auto header = read_header(o.path);
      mapping = guess_mapping(header).mapping;
    } else {
      mapping = CaseMapping::resolve(o.mapping);
    }
    const IndicatorReport report = compute_indicators(o.path, mapping, as_of, mapping.apply_to(Limits{}));
    if (!o.attach.empty() && !attach_to_assessment(report, o.attach, o.json ? err : out, err)) return 1;
    if (o.json) {
      nlohmann::json j = report.to_json();
      if (o.suppress_small) j = suppress_small(j);
      out << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    } else {
      print_table(report, mapping, o.suppress_small, out);
    }
    return 0;
  } catch (const CaseDataError& e) {
    err << e.what() << "\n";
    return 1;
  } catch (const InputError& e) {
    for (const auto& p : e.problems()) err << p.str() << "\n";
    return 1;
  } catch (const std::exception& e) {
    // Unexpected, but never a crash: messages of ours never carry cell content.
    err << file_name_only(o.path) << ": " << e.what() << "\n";
    return 1;
  }
}

int run_indicators_command(const std::string& path, const std::string& mapping, const std::string& as_of, bool json,
                           std::ostream& out, std::ostream& err) {
  IndicatorsCommandOptions o;
  o.path = path;
  o.mapping = mapping;
  o.as_of = as_of;
  o.json = json;
  return run_indicators_command(o, out, err);
}

}  // namespace mizan::casedata
