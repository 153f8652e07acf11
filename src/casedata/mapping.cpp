#include "casedata/mapping.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "casedata/error.hpp"

namespace mizan::casedata {

namespace {

bool enumerated(FieldKind k) {
  return k == FieldKind::yes_no || k == FieldKind::sex || k == FieldKind::risk || k == FieldKind::status ||
         k == FieldKind::closure_reason;
}

// Header names seen in the wild, per field (compared in normal form). Used by the
// `primero` mapping (its part) and by guess_mapping (all of it).
struct Synonyms {
  Field field;
  std::vector<std::string> names;
};

const std::vector<Synonyms>& header_synonyms() {
  static const std::vector<Synonyms> k = {
      {Field::case_id,
       {"case_id", "case_no", "case_number", "case_ref", "case_reference", "case_code", "case_id_display",
        "short_id", "long_id", "record_id", "file_number", "file_no", "id", "رقم الحالة", "رمز الحالة",
        "كود الحالة", "رقم الملف", "الرقم المرجعي", "رقم القضية", "الرقم التعريفي"}},
      {Field::caseworker,
       {"caseworker", "caseworker_code", "caseworker_name", "case_manager", "social_worker", "owned_by",
        "owned_by_full_name", "owned_by_text", "Field/Case/Social Worker", "assigned_to", "worker", "مدير الحالة",
        "مديرة الحالة", "مدير/ة الحالة", "اسم مدير الحالة", "رمز مدير الحالة", "الأخصائي", "الأخصائية",
        "الأخصائي الاجتماعي", "اسم الأخصائي", "العامل الاجتماعي", "العاملة الاجتماعية",
        "المسؤول عن الحالة", "مسؤول الحالة"}},
      {Field::supervisor,
       {"supervisor", "supervisor_name", "supervisor_code", "team_leader", "المشرف", "المشرفة", "اسم المشرف",
        "المشرف الفني", "رمز المشرف", "قائد الفريق"}},
      {Field::sex, {"sex", "gender", "child_sex", "sex of child", "الجنس", "جنس الطفل", "النوع الاجتماعي"}},
      {Field::age, {"age", "child_age", "age_years", "age (years)", "العمر", "عمر الطفل", "السن"}},
      {Field::date_of_birth,
       {"date_of_birth", "dob", "birth_date", "birthdate", "تاريخ الميلاد", "تاريخ الولادة"}},
      {Field::disability,
       {"disability", "disability_type", "has_disability", "child with disability", "disabled", "الإعاقة",
        "إعاقة", "ذوي الإعاقة", "هل لديه إعاقة", "هل يعاني من إعاقة", "نوع الإعاقة", "وجود إعاقة"}},
      {Field::registration_date,
       {"registration_date", "date_of_registration", "Date of Registration or Interview", "date_registered",
        "date_opened", "opening_date", "case_opening_date", "date case opened", "intake_date",
        "تاريخ التسجيل", "تاريخ فتح الحالة", "تاريخ فتح الملف", "تاريخ الاستقبال"}},
      {Field::risk_level,
       {"risk_level", "risk", "risk_rating", "level of risk", "مستوى الخطورة", "مستوى الخطر", "درجة الخطورة",
        "درجة الخطر", "الخطورة"}},
      {Field::consent,
       {"consent", "consent_for_services", "consent_obtained", "informed consent", "الموافقة", "موافقة",
        "الموافقة المستنيرة", "الموافقة على الخدمات", "موافقة ولي الأمر"}},
      {Field::assessment_date,
       {"assessment_date", "date of assessment", "assessment_requested_on", "Assessment started on",
        "initial assessment date", "تاريخ التقييم", "تاريخ التقييم الأولي", "تاريخ تقييم الحالة"}},
      {Field::case_plan_date,
       {"case_plan_date", "date_case_plan", "Date Case Plan Initiated", "date of case plan", "care plan date",
        "تاريخ خطة الحالة", "تاريخ خطة العمل", "تاريخ وضع الخطة", "تاريخ خطة الرعاية"}},
      {Field::case_plan_approved,
       {"case_plan_approved", "approval_status_case_plan", "case plan approval", "اعتماد خطة الحالة",
        "الموافقة على خطة الحالة", "خطة الحالة معتمدة", "اعتماد الخطة"}},
      {Field::last_followup_date,
       {"last_followup_date", "last follow-up date", "last follow up", "latest follow up", "followup_date",
        "follow up date", "date of last follow-up", "تاريخ آخر متابعة", "تاريخ المتابعة الأخيرة", "آخر متابعة",
        "تاريخ المتابعة"}},
      {Field::status, {"status", "case_status", "حالة الملف", "وضع الحالة", "حالة القضية"}},
      {Field::closure_date,
       {"closure_date", "date_closure", "date of closure", "date closed", "closing date", "case closure date",
        "تاريخ الإغلاق", "تاريخ إغلاق الحالة", "تاريخ إغلاق الملف"}},
      {Field::closure_reason,
       {"closure_reason", "reason for closure", "reason for closing",
        "What is the reason for closing the child's file?", "سبب الإغلاق", "سبب إغلاق الحالة",
        "أسباب الإغلاق"}},
      {Field::closure_approved,
       {"closure_approved", "approval_status_closure", "closure approval", "اعتماد الإغلاق",
        "الموافقة على الإغلاق", "اعتماد إغلاق الحالة"}},
      {Field::post_closure_review_date,
       {"post_closure_review_date", "post closure review", "date of post closure review",
        "closure follow up date", "تاريخ مراجعة ما بعد الإغلاق", "تاريخ المتابعة بعد الإغلاق",
        "مراجعة ما بعد الإغلاق"}},
  };
  return k;
}

[[noreturn]] void fail(const std::string& source, const std::string& pointer, const std::string& message) {
  throw CaseDataError(source, pointer.empty() ? message : pointer + ": " + message);
}

std::string pointer_escape(const std::string& s) {
  std::string o;
  for (char c : s) {
    if (c == '~') o += "~0";
    else if (c == '/') o += "~1";
    else o += c;
  }
  return o;
}

int positive_int(const nlohmann::json& v, const std::string& source, const std::string& ptr) {
  if (!v.is_number_integer() || v.get<long long>() < 0 || v.get<long long>() > 100000)
    fail(source, ptr, "expected a whole number from 0 to 100000");
  return static_cast<int>(v.get<long long>());
}

}  // namespace

CaseMapping::CaseMapping() {
  for (Field f : all_fields()) columns_[index(f)] = {field_name(f)};
  init_builtin_values();
}

void CaseMapping::init_builtin_values() {
  for (Field f : all_fields()) {
    const FieldKind k = field_kind(f);
    if (!enumerated(k)) continue;
    ValueTable& t = values_[index(f)];
    for (const auto& [spelling, canonical] : builtin_value_synonyms(k))
      t.add(spelling, canonical.empty() ? ValueTable::kBlank : *value_code(k, canonical));
    const auto& names = canonical_values(k);
    for (std::size_t i = 0; i < names.size(); ++i) t.add(names[i], static_cast<int>(i));
  }
}

CaseMapping CaseMapping::canonical() {
  CaseMapping m;
  m.extends_ = "canonical";
  m.description_ = "Mizan's canonical columns (CONTRACT.md section 5)";
  return m;
}

CaseMapping CaseMapping::primero() {
  CaseMapping m;
  m.name_ = "primero";
  m.description_ = "Primero / CPIMS+ case export: CSV internal field names or XLSX display names";
  auto set = [&](Field f, std::vector<std::string> names) { m.set_columns(f, std::move(names)); };
  // CSV: internal names (`id` is the record's UUID, the last resort); XLSX: display names
  // ("ID" is short_id on every tab, "Case ID" is case_id_display).
  set(Field::case_id, {"case_id", "case_id_display", "short_id", "Case ID", "Long ID", "Short ID", "ID", "id"});
  set(Field::caseworker, {"owned_by", "Caseworker Code", "owned_by_full_name", "owned_by_text", "caseworker"});
  set(Field::supervisor, {"supervisor", "supervisor_code"});
  set(Field::sex, {"sex"});
  set(Field::age, {"age"});
  set(Field::date_of_birth, {"date_of_birth"});
  set(Field::disability, {"disability_type", "disability"});
  set(Field::registration_date, {"registration_date", "Date of Registration or Interview"});
  set(Field::risk_level, {"risk_level"});
  set(Field::consent, {"consent_for_services",
                       "Consent has been obtained for the child to receive case management services", "consent"});
  set(Field::assessment_date, {"assessment_requested_on", "Assessment started on", "assessment_date"});
  set(Field::case_plan_date, {"date_case_plan", "Date Case Plan Initiated", "case_plan_date"});
  set(Field::case_plan_approved, {"approval_status_case_plan", "case_plan_approved"});
  set(Field::last_followup_date, {"last_followup_date", "followup_date"});
  set(Field::status, {"status", "Case Status"});
  set(Field::closure_date, {"date_closure", "Date of Closure", "closure_date"});
  set(Field::closure_reason, {"closure_reason", "What is the reason for closing the child's file?"});
  set(Field::closure_approved, {"approval_status_closure", "closure_approved"});
  set(Field::post_closure_review_date, {"post_closure_review_date"});
  // Primero's closure reasons (closure_form.rb) in the contract's terms. formal_closing is
  // taken as "needs met"; "other" stays no valid reason. A custom mapping may differ.
  m.add_value(Field::closure_reason, "death_of_child", std::string("death"));
  m.add_value(Field::closure_reason, "formal_closing", std::string("needs_met"));
  m.add_value(Field::closure_reason, "not_seen_during_verification", std::string("lost_contact"));
  m.add_value(Field::closure_reason, "repatriated", std::string("relocated"));
  m.add_value(Field::closure_reason, "transferred", std::string("relocated"));
  // Primero's other case statuses: neither open nor closed here (no problem reported).
  m.add_value(Field::status, "transferred", std::nullopt);
  m.add_value(Field::status, "duplicate", std::nullopt);
  // disability_type lists the kind of disability; blank means none was recorded.
  m.add_value(Field::disability, "none", std::string("no"));
  m.add_value(Field::disability, "no_disability", std::string("no"));
  m.set_any_other_value(Field::disability, std::string("yes"));
  m.custom_values_.clear();  // built in: a mapping extending it does not write them back
  m.extends_ = "primero";
  return m;
}

const std::vector<std::string>& CaseMapping::builtin_names() {
  static const std::vector<std::string> k = {"canonical", "primero"};
  return k;
}

std::optional<CaseMapping> CaseMapping::builtin(std::string_view name) {
  if (name == "canonical") return canonical();
  if (name == "primero") return primero();
  return std::nullopt;
}

void CaseMapping::add_value(Field f, std::string_view spelling, const std::optional<std::string>& canonical) {
  const FieldKind k = field_kind(f);
  if (!enumerated(k)) throw std::invalid_argument(std::string(field_name(f)) + " has no enumerated values");
  int code = ValueTable::kBlank;
  if (canonical) {
    const auto c = value_code(k, *canonical);
    if (!c) throw std::invalid_argument("\"" + *canonical + "\" is not a value of " + field_name(f));
    code = *c;
  }
  values_[index(f)].add(spelling, code);
  custom_values_.push_back({f, std::string(spelling), canonical, false});
}

void CaseMapping::set_any_other_value(Field f, const std::optional<std::string>& canonical) {
  const FieldKind k = field_kind(f);
  if (!enumerated(k)) throw std::invalid_argument(std::string(field_name(f)) + " has no enumerated values");
  std::optional<int> code = ValueTable::kBlank;
  if (canonical) {
    code = value_code(k, *canonical);
    if (!code) throw std::invalid_argument("\"" + *canonical + "\" is not a value of " + field_name(f));
  }
  values_[index(f)].set_any_other(code);
  custom_values_.push_back({f, "*", canonical, true});
}

void CaseMapping::set_date_formats(const std::vector<std::string>& patterns) { dates_ = DateParser(patterns); }

Limits CaseMapping::apply_to(Limits base) const {
  if (limits_.caseload) base.caseload = *limits_.caseload;
  if (limits_.caseworkers_per_supervisor) base.caseworkers_per_supervisor = *limits_.caseworkers_per_supervisor;
  if (limits_.post_closure_review_days) base.post_closure_review_days = *limits_.post_closure_review_days;
  for (std::size_t i = 0; i < 3; ++i) {
    if (limits_.assessment_due_days[i]) base.assessment_due_days[i] = *limits_.assessment_due_days[i];
    if (limits_.followup_days[i]) base.followup_days[i] = *limits_.followup_days[i];
  }
  return base;
}

ColumnBinding CaseMapping::bind(const std::vector<std::string_view>& header) const {
  std::vector<std::string> keys;
  keys.reserve(header.size());
  for (auto h : header) keys.push_back(normalise_key(h));
  ColumnBinding b;
  for (Field f : all_fields()) {
    for (const auto& name : columns_[index(f)]) {
      const std::string k = normalise_key(name);
      if (k.empty()) continue;
      const auto it = std::find(keys.begin(), keys.end(), k);
      if (it == keys.end()) continue;
      const auto col = static_cast<std::size_t>(it - keys.begin());
      auto& v = b.columns[index(f)];
      if (std::find(v.begin(), v.end(), col) != v.end()) continue;
      if (v.empty()) b.column_name[index(f)] = name;
      v.push_back(col);
    }
  }
  return b;
}

// ---- JSON -------------------------------------------------------------------------------

namespace {
const char* const kRiskKeys[3] = {"high", "medium", "low"};
}

nlohmann::json CaseMapping::to_json() const {
  nlohmann::json j;
  j["format"] = "mizan-case-mapping";
  j["format_version"] = 1;
  j["name"] = name_;
  if (!description_.empty()) j["description"] = description_;
  j["extends"] = extends_.empty() ? "canonical" : extends_;
  if (read_.encoding != Encoding::auto_detect) j["encoding"] = encoding_name(read_.encoding);
  if (read_.delimiter) j["delimiter"] = std::string(1, read_.delimiter);
  if (!read_.sheet.empty()) j["sheet"] = read_.sheet;
  nlohmann::json cols = nlohmann::json::object();
  for (Field f : all_fields()) cols[field_name(f)] = columns_[index(f)];
  j["columns"] = cols;
  nlohmann::json vals = nlohmann::json::object();
  for (const auto& cv : custom_values_) {
    nlohmann::json v = cv.canonical ? nlohmann::json(*cv.canonical) : nlohmann::json(nullptr);
    vals[field_name(cv.field)][cv.spelling] = v;
  }
  if (!vals.empty()) j["values"] = vals;
  j["date_formats"] = dates_.patterns();
  nlohmann::json lim = nlohmann::json::object();
  if (limits_.caseload) lim["caseload"] = *limits_.caseload;
  if (limits_.caseworkers_per_supervisor) lim["caseworkers_per_supervisor"] = *limits_.caseworkers_per_supervisor;
  for (std::size_t i = 0; i < 3; ++i) {
    if (limits_.assessment_due_days[i]) lim["assessment_due_days"][kRiskKeys[i]] = *limits_.assessment_due_days[i];
    if (limits_.followup_days[i]) lim["followup_days"][kRiskKeys[i]] = *limits_.followup_days[i];
  }
  if (limits_.post_closure_review_days) lim["post_closure_review_days"] = *limits_.post_closure_review_days;
  if (!lim.empty()) j["limits"] = lim;
  return j;
}

CaseMapping CaseMapping::from_json(const nlohmann::json& j, const std::string& source) {
  if (!j.is_object()) fail(source, "", "a mapping is a JSON object");
  static const std::vector<std::string> known = {"format", "format_version", "name", "description", "extends",
                                                 "encoding", "delimiter", "sheet", "columns", "values",
                                                 "date_formats", "limits"};
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string& k = it.key();
    if (!k.empty() && (k[0] == '_' || k.rfind("comment", 0) == 0)) continue;  // notes for people
    if (std::find(known.begin(), known.end(), k) == known.end())
      fail(source, "/" + pointer_escape(k), "unknown key (known: format, name, description, extends, encoding, "
                                            "delimiter, sheet, columns, values, date_formats, limits)");
  }
  if (j.contains("format") && j["format"] != "mizan-case-mapping")
    fail(source, "/format", "expected \"mizan-case-mapping\"");
  if (j.contains("format_version") && (!j["format_version"].is_number_integer() || j["format_version"] != 1))
    fail(source, "/format_version", "this Mizan reads mapping format version 1");

  std::string extends = "canonical";
  if (j.contains("extends")) {
    if (!j["extends"].is_string()) fail(source, "/extends", "expected \"canonical\" or \"primero\"");
    extends = j["extends"].get<std::string>();
  }
  auto base = builtin(extends);
  if (!base) fail(source, "/extends", "no built-in mapping \"" + extends + "\" (built in: canonical, primero)");
  CaseMapping m = std::move(*base);
  m.extends_ = extends;
  m.custom_values_.clear();
  m.name_ = file_name_only(source);
  if (j.contains("name")) {
    if (!j["name"].is_string()) fail(source, "/name", "expected a string");
    m.name_ = j["name"].get<std::string>();
  }
  m.description_.clear();
  if (j.contains("description")) {
    if (!j["description"].is_string()) fail(source, "/description", "expected a string");
    m.description_ = j["description"].get<std::string>();
  }
  if (j.contains("encoding")) {
    const auto e = j["encoding"].is_string() ? encoding_from_name(j["encoding"].get<std::string>()) : std::nullopt;
    if (!e) fail(source, "/encoding", "expected one of auto, utf-8, utf-16le, utf-16be, cp1256");
    m.read_.encoding = *e;
  }
  if (j.contains("delimiter")) {
    if (!j["delimiter"].is_string()) fail(source, "/delimiter", "expected a string: \",\", \";\", \"|\", \"tab\" or \"auto\"");
    const std::string d = j["delimiter"].get<std::string>();
    if (d == "tab" || d == "\t") m.read_.delimiter = '\t';
    else if (d == "," || d == ";" || d == "|") m.read_.delimiter = d[0];
    else if (d.empty() || d == "auto") m.read_.delimiter = 0;
    else fail(source, "/delimiter", "expected \",\", \";\", \"|\", \"tab\" or \"auto\"");
  }
  if (j.contains("sheet")) {
    if (!j["sheet"].is_string()) fail(source, "/sheet", "expected a sheet name");
    m.read_.sheet = j["sheet"].get<std::string>();
  }
  if (j.contains("columns")) {
    const auto& c = j["columns"];
    if (!c.is_object()) fail(source, "/columns", "expected an object: canonical field -> column name(s)");
    for (auto it = c.begin(); it != c.end(); ++it) {
      const std::string ptr = "/columns/" + pointer_escape(it.key());
      const auto f = field_from_name(it.key());
      if (!f) fail(source, ptr, "not a canonical field");
      std::vector<std::string> names;
      if (it->is_string()) {
        names.push_back(it->get<std::string>());
      } else if (it->is_array()) {
        for (const auto& n : *it) {
          if (!n.is_string()) fail(source, ptr, "expected column names (strings)");
          names.push_back(n.get<std::string>());
        }
      } else if (!it->is_null()) {
        fail(source, ptr, "expected a column name or a list of them");
      }
      m.set_columns(*f, std::move(names));
    }
  }
  if (j.contains("values")) {
    const auto& v = j["values"];
    if (!v.is_object()) fail(source, "/values", "expected an object: field -> {spelling: canonical value}");
    for (auto it = v.begin(); it != v.end(); ++it) {
      const std::string ptr = "/values/" + pointer_escape(it.key());
      const auto f = field_from_name(it.key());
      if (!f) fail(source, ptr, "not a canonical field");
      if (!enumerated(field_kind(*f))) fail(source, ptr, "this field has no enumerated values");
      if (!it->is_object()) fail(source, ptr, "expected an object: spelling -> canonical value or null");
      for (auto s = it->begin(); s != it->end(); ++s) {
        const std::string sptr = ptr + "/" + pointer_escape(s.key());
        std::optional<std::string> target;
        if (s->is_string()) target = s->get<std::string>();
        else if (!s->is_null()) fail(source, sptr, "expected a canonical value or null");
        try {
          if (s.key() == "*") m.set_any_other_value(*f, target);
          else m.add_value(*f, s.key(), target);
        } catch (const std::invalid_argument& e) {
          fail(source, sptr, e.what());
        }
      }
    }
  }
  if (j.contains("date_formats")) {
    const auto& d = j["date_formats"];
    if (!d.is_array() || d.empty()) fail(source, "/date_formats", "expected a non-empty list of date patterns");
    std::vector<std::string> patterns;
    for (std::size_t i = 0; i < d.size(); ++i) {
      if (!d[i].is_string() || !DateFormat::compile(d[i].get<std::string>()))
        fail(source, "/date_formats/" + std::to_string(i),
             "not a date pattern (use YYYY, MM, DD, Mon and separators, or \"excel\")");
      patterns.push_back(d[i].get<std::string>());
    }
    m.set_date_formats(patterns);
  }
  if (j.contains("limits")) {
    const auto& l = j["limits"];
    if (!l.is_object()) fail(source, "/limits", "expected an object");
    for (auto it = l.begin(); it != l.end(); ++it) {
      const std::string ptr = "/limits/" + it.key();
      if (it.key() == "caseload") {
        m.limits_.caseload = positive_int(*it, source, ptr);
      } else if (it.key() == "caseworkers_per_supervisor") {
        m.limits_.caseworkers_per_supervisor = positive_int(*it, source, ptr);
      } else if (it.key() == "post_closure_review_days") {
        m.limits_.post_closure_review_days = positive_int(*it, source, ptr);
      } else if (it.key() == "assessment_due_days" || it.key() == "followup_days") {
        auto& target = it.key() == "followup_days" ? m.limits_.followup_days : m.limits_.assessment_due_days;
        if (!it->is_object()) fail(source, ptr, "expected {\"high\": n, \"medium\": n, \"low\": n}");
        for (auto r = it->begin(); r != it->end(); ++r) {
          std::size_t i = 0;
          while (i < 3 && r.key() != kRiskKeys[i]) ++i;
          if (i == 3) fail(source, ptr + "/" + r.key(), "expected high, medium or low");
          target[i] = positive_int(*r, source, ptr + "/" + r.key());
        }
      } else {
        fail(source, ptr, "unknown limit (known: caseload, caseworkers_per_supervisor, assessment_due_days, "
                          "followup_days, post_closure_review_days)");
      }
    }
  }
  return m;
}

CaseMapping CaseMapping::load(const std::string& path) {
  const std::string file = file_name_only(path);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw CaseDataError(file, "cannot open the mapping file");
  // Mappings are a few KB: refuse a huge file before reading it into memory (hardening).
  in.seekg(0, std::ios::end);
  if (in.tellg() > std::streamoff(1) << 20)
    throw CaseDataError(file, "the mapping file is larger than 1 MiB; is this the right file?");
  in.seekg(0);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text, nullptr, true, /*ignore_comments=*/true);
  } catch (const nlohmann::json::parse_error& e) {
    std::uint64_t line = 1, col = 1;
    const std::size_t upto = std::min<std::size_t>(e.byte > 0 ? e.byte - 1 : 0, text.size());
    for (std::size_t i = 0; i < upto; ++i) {
      if (text[i] == '\n') {
        ++line;
        col = 1;
      } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
        ++col;
      }
    }
    throw CaseDataError(file, line, col, {}, "not valid JSON");
  }
  return from_json(j, file);
}

CaseMapping CaseMapping::resolve(const std::string& name_or_path) {
  if (auto b = builtin(name_or_path)) return *b;
  std::ifstream probe(name_or_path);
  if (!probe)
    throw CaseDataError(name_or_path, "no built-in mapping of that name (built in: canonical, primero) "
                                      "and no such mapping file");
  return load(name_or_path);
}

// ---- guessing -------------------------------------------------------------------------

MappingGuess guess_mapping(const std::vector<std::string>& header) {
  std::vector<std::string> keys;
  for (const auto& h : header) keys.push_back(normalise_key(h));
  std::vector<bool> used(header.size(), false);
  std::array<std::optional<MappingGuess::Column>, kFieldCount> found;

  auto assign = [&](Field f, std::size_t col, MappingGuess::Match how) {
    if (found[index(f)] || used[col]) return;
    found[index(f)] = MappingGuess::Column{f, col, header[col], how};
    used[col] = true;
  };
  for (Field f : all_fields())  // 1. exactly the canonical name
    for (std::size_t c = 0; c < header.size(); ++c)
      if (header[c] == field_name(f)) assign(f, c, MappingGuess::Match::exact);
  for (Field f : all_fields())  // 2. the canonical name in normal form
    for (std::size_t c = 0; c < header.size(); ++c)
      if (keys[c] == field_name(f)) assign(f, c, MappingGuess::Match::normalised);
  for (const auto& syn : header_synonyms())  // 3. a known synonym, in the order listed
    for (const auto& name : syn.names) {
      const std::string k = normalise_key(name);
      for (std::size_t c = 0; c < header.size(); ++c)
        if (keys[c] == k) assign(syn.field, c, MappingGuess::Match::synonym);
    }

  // Primero's own names suggest its values (death_of_child, approval statuses…).
  static const std::vector<std::string> primero_names = {
      "owned_by", "date_case_plan", "assessment_requested_on", "date_closure", "consent_for_services",
      "approval_status_case_plan", "approval_status_closure", "disability_type", "caseworker_code",
      "case_id_display", "short_id"};
  int primero_hits = 0;
  for (const auto& k : keys)
    if (std::find(primero_names.begin(), primero_names.end(), k) != primero_names.end()) ++primero_hits;

  MappingGuess g{primero_hits >= 2 ? CaseMapping::primero() : CaseMapping::canonical(), {}, {}};
  g.mapping.set_name(primero_hits >= 2 ? "primero (guessed)" : "guessed");
  for (Field f : all_fields()) {
    if (!found[index(f)]) {
      g.missing.push_back(f);
      continue;
    }
    const auto& col = *found[index(f)];
    g.columns.push_back(col);
    g.mapping.set_columns(f, {col.header});
    if (f == Field::disability && !g.mapping.values(f).any_other()) {
      // A "type of disability" column: any entry means a disability.
      const std::string& k = keys[col.column];
      if (k.find("type") != std::string::npos || k.find("نوع") != std::string::npos)
        g.mapping.set_any_other_value(f, std::string("yes"));
    }
  }
  return g;
}

}  // namespace mizan::casedata
