#include "casedata/fields.hpp"

#include <algorithm>
#include <cstring>

namespace mizan::casedata {

namespace {
const char* const kFieldNames[kFieldCount] = {
    "case_id",        "caseworker",         "supervisor",       "sex",
    "age",            "date_of_birth",      "disability",       "registration_date",
    "risk_level",     "consent",            "assessment_date",  "case_plan_date",
    "case_plan_approved", "last_followup_date", "status",       "closure_date",
    "closure_reason", "closure_approved",   "post_closure_review_date",
};
}  // namespace

const char* field_name(Field f) { return kFieldNames[index(f)]; }

std::optional<Field> field_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kFieldCount; ++i)
    if (name == kFieldNames[i]) return static_cast<Field>(i);
  return std::nullopt;
}

FieldKind field_kind(Field f) {
  switch (f) {
    case Field::case_id:
    case Field::caseworker:
    case Field::supervisor: return FieldKind::text;
    case Field::age: return FieldKind::number;
    case Field::date_of_birth:
    case Field::registration_date:
    case Field::assessment_date:
    case Field::case_plan_date:
    case Field::last_followup_date:
    case Field::closure_date:
    case Field::post_closure_review_date: return FieldKind::date;
    case Field::disability:
    case Field::consent:
    case Field::case_plan_approved:
    case Field::closure_approved: return FieldKind::yes_no;
    case Field::sex: return FieldKind::sex;
    case Field::risk_level: return FieldKind::risk;
    case Field::status: return FieldKind::status;
    case Field::closure_reason: return FieldKind::closure_reason;
  }
  return FieldKind::text;
}

const std::array<Field, kFieldCount>& all_fields() {
  static const std::array<Field, kFieldCount> k = [] {
    std::array<Field, kFieldCount> a{};
    for (std::size_t i = 0; i < kFieldCount; ++i) a[i] = static_cast<Field>(i);
    return a;
  }();
  return k;
}

const std::vector<std::string>& canonical_values(FieldKind kind) {
  static const std::vector<std::string> none;
  static const std::vector<std::string> yes_no = {"yes", "no"};
  static const std::vector<std::string> sex = {"male", "female", "other", "unknown"};
  static const std::vector<std::string> risk = {"high", "medium", "low"};
  static const std::vector<std::string> status = {"open", "closed"};
  static const std::vector<std::string> reasons = {"needs_met", "death", "over_18", "relocated", "lost_contact"};
  switch (kind) {
    case FieldKind::yes_no: return yes_no;
    case FieldKind::sex: return sex;
    case FieldKind::risk: return risk;
    case FieldKind::status: return status;
    case FieldKind::closure_reason: return reasons;
    default: return none;
  }
}

std::optional<int> value_code(FieldKind kind, std::string_view canonical) {
  const auto& v = canonical_values(kind);
  for (std::size_t i = 0; i < v.size(); ++i)
    if (v[i] == canonical) return static_cast<int>(i);
  return std::nullopt;
}

const char* value_name(FieldKind kind, int code) {
  const auto& v = canonical_values(kind);
  return code >= 0 && static_cast<std::size_t>(code) < v.size() ? v[static_cast<std::size_t>(code)].c_str() : "";
}

namespace {

// Decodes one code point at s[i] (advancing i); invalid bytes come back as themselves.
char32_t next_cp(std::string_view s, std::size_t& i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    ++i;
    return c;
  }
  const std::size_t n = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
  bool ok = n > 0 && i + n < s.size();
  for (std::size_t k = 1; ok && k <= n; ++k) ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
  if (!ok) {
    ++i;
    return 0xDC00 + c;  // not UTF-8: keep the raw byte, distinctly
  }
  char32_t cp = c & (0x3F >> n);
  for (std::size_t k = 1; k <= n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += n + 1;
  return cp;
}

bool invisible(char32_t cp) {
  return cp == 0xFEFF || cp == 0x061C || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}
bool space_like(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' || cp == '\v' || cp == '\f' || cp == 0xA0 ||
         cp == 0x202F || cp == 0x2007 || cp == 0x3000;
}

std::size_t put(char32_t cp, char* out) {
  if (cp >= 0xDC80 && cp <= 0xDCFF) {  // a raw byte kept by next_cp
    out[0] = static_cast<char>(cp - 0xDC00);
    return 1;
  }
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

}  // namespace

std::string_view trim_slow(std::string_view s) {
  std::size_t b = 0;
  while (b < s.size()) {
    std::size_t j = b;
    const char32_t cp = next_cp(s, j);
    if (!space_like(cp) && !invisible(cp)) break;
    b = j;
  }
  std::size_t e = s.size();
  while (e > b) {
    // step back to the start of the last code point
    std::size_t k = e - 1;
    while (k > b && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) --k;
    std::size_t j = k;
    const char32_t cp = next_cp(s, j);
    if (!space_like(cp) && !invisible(cp)) break;
    e = k;
  }
  return s.substr(b, e - b);
}

std::size_t normalise_into(std::string_view s, char* out, std::size_t cap) {
  s = trim(s);
  std::size_t n = 0;
  bool pending_sep = false;
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = next_cp(s, i);
    if (invisible(cp) || cp == 0x0640 || (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670) continue;
    if (space_like(cp) || cp == '_' || cp == '-') {
      pending_sep = n > 0;
      continue;
    }
    if (cp >= 'A' && cp <= 'Z') cp += 'a' - 'A';
    else if (cp == 0x0623 || cp == 0x0625 || cp == 0x0622 || cp == 0x0671) cp = 0x0627;  // alef forms
    else if (cp == 0x0649 || cp == 0x06CC) cp = 0x064A;  // alef maksura, Persian yeh
    else if (cp == 0x0629) cp = 0x0647;                  // taa marbuta
    else if (cp == 0x06A9) cp = 0x0643;                  // keheh
    else if (cp >= 0x0660 && cp <= 0x0669) cp = '0' + (cp - 0x0660);
    else if (cp >= 0x06F0 && cp <= 0x06F9) cp = '0' + (cp - 0x06F0);
    if (pending_sep) {
      if (n + 1 > cap) return static_cast<std::size_t>(-1);
      out[n++] = '_';
      pending_sep = false;
    }
    if (n + 4 > cap) return static_cast<std::size_t>(-1);
    n += put(cp, out + n);
  }
  // Trailing punctuation of a question-like header: "Consent?", "الجنس:", "هل لديه إعاقة؟"
  while (n > 0) {
    if (out[n - 1] == '?' || out[n - 1] == ':' || out[n - 1] == '.') {
      --n;
    } else if (n >= 2 && static_cast<unsigned char>(out[n - 2]) == 0xD8 &&
               static_cast<unsigned char>(out[n - 1]) == 0x9F) {  // ؟
      n -= 2;
    } else {
      break;
    }
    while (n > 0 && out[n - 1] == '_') --n;
  }
  return n;
}

std::string normalise_key(std::string_view s) {
  std::string out(s.size() * 2 + 8, '\0');
  const std::size_t n = normalise_into(s, out.data(), out.size());
  out.resize(n == static_cast<std::size_t>(-1) ? 0 : n);
  return out;
}

const std::vector<std::pair<std::string, std::string>>& builtin_value_synonyms(FieldKind kind) {
  static const std::vector<std::pair<std::string, std::string>> none;
  static const std::vector<std::pair<std::string, std::string>> yes_no = {
      {"y", "yes"}, {"true", "yes"}, {"1", "yes"}, {"نعم", "yes"}, {"ايوه", "yes"}, {"موافق", "yes"},
      {"موافقة", "yes"}, {"approved", "yes"}, {"تمت الموافقة", "yes"}, {"معتمد", "yes"}, {"معتمدة", "yes"},
      {"n", "no"}, {"false", "no"}, {"0", "no"}, {"لا", "no"}, {"كلا", "no"}, {"غير موافق", "no"},
      {"غير موافقة", "no"}, {"rejected", "no"}, {"pending", "no"}, {"requested", "no"}, {"not approved", "no"},
      {"مرفوض", "no"}, {"مرفوضة", "no"}, {"قيد الانتظار", "no"}, {"غير معتمد", "no"}, {"غير معتمدة", "no"},
      {"unknown", ""}, {"not known", ""}, {"n/a", ""}, {"غير معروف", ""}, {"لا ينطبق", ""}};
  static const std::vector<std::pair<std::string, std::string>> sex = {
      {"m", "male"}, {"boy", "male"}, {"ذكر", "male"}, {"ولد", "male"}, {"صبي", "male"},
      {"f", "female"}, {"girl", "female"}, {"أنثى", "female"}, {"بنت", "female"}, {"فتاة", "female"},
      {"آخر", "other"}, {"أخرى", "other"}, {"غير معروف", "unknown"}, {"not known", "unknown"}};
  static const std::vector<std::pair<std::string, std::string>> risk = {
      {"h", "high"}, {"high risk", "high"}, {"عالي", "high"}, {"عالية", "high"}, {"عال", "high"},
      {"مرتفع", "high"}, {"مرتفعة", "high"}, {"خطر عالي", "high"},
      {"med", "medium"}, {"moderate", "medium"}, {"medium risk", "medium"}, {"متوسط", "medium"},
      {"متوسطة", "medium"}, {"خطر متوسط", "medium"},
      {"l", "low"}, {"low risk", "low"}, {"منخفض", "low"}, {"منخفضة", "low"}, {"منخفظ", "low"},
      {"منخفظة", "low"}, {"خطر منخفض", "low"}};
  static const std::vector<std::pair<std::string, std::string>> status = {
      {"active", "open"}, {"opened", "open"}, {"reopened", "open"}, {"مفتوح", "open"}, {"مفتوحة", "open"},
      {"نشط", "open"}, {"نشطة", "open"}, {"جارية", "open"}, {"قيد المتابعة", "open"},
      {"close", "closed"}, {"مغلق", "closed"}, {"مغلقة", "closed"}, {"مقفل", "closed"}, {"مقفلة", "closed"},
      {"منتهية", "closed"}};
  static const std::vector<std::pair<std::string, std::string>> reasons = {
      {"needs met", "needs_met"}, {"case goals met", "needs_met"}, {"goals met", "needs_met"},
      {"case plan completed", "needs_met"}, {"تمت تلبية الاحتياجات", "needs_met"},
      {"تلبية الاحتياجات", "needs_met"}, {"تحقيق أهداف الخطة", "needs_met"},
      {"death of child", "death"}, {"deceased", "death"}, {"died", "death"}, {"وفاة", "death"},
      {"وفاة الطفل", "death"}, {"over18", "over_18"}, {"age 18", "over_18"}, {"reached 18", "over_18"},
      {"turned 18", "over_18"}, {"aged out", "over_18"}, {"child reached adulthood", "over_18"},
      {"بلوغ 18", "over_18"}, {"بلوغ سن 18", "over_18"}, {"بلوغ سن الرشد", "over_18"},
      {"تجاوز 18", "over_18"}, {"relocation", "relocated"}, {"moved", "relocated"},
      {"moved away", "relocated"}, {"انتقال", "relocated"}, {"انتقال الأسرة", "relocated"},
      {"انتقل", "relocated"}, {"رحيل", "relocated"}, {"سفر", "relocated"},
      {"lost to follow up", "lost_contact"}, {"loss of contact", "lost_contact"}, {"no contact", "lost_contact"},
      {"فقدان التواصل", "lost_contact"}, {"فقدان الاتصال", "lost_contact"},
      {"انقطاع التواصل", "lost_contact"}, {"انقطاع الاتصال", "lost_contact"}};
  switch (kind) {
    case FieldKind::yes_no: return yes_no;
    case FieldKind::sex: return sex;
    case FieldKind::risk: return risk;
    case FieldKind::status: return status;
    case FieldKind::closure_reason: return reasons;
    default: return none;
  }
}

void ValueTable::add(std::string_view spelling, int code) {
  std::string key = normalise_key(spelling);
  auto it = std::lower_bound(entries_.begin(), entries_.end(), key,
                             [](const auto& e, const std::string& k) { return e.first < k; });
  if (it != entries_.end() && it->first == key)
    it->second = code;
  else
    entries_.insert(it, {std::move(key), code});
}

int ValueTable::lookup(std::string_view value) const {
  auto find = [&](std::string_view k) -> int {
    auto it = std::lower_bound(entries_.begin(), entries_.end(), k,
                               [](const auto& e, std::string_view key) { return std::string_view(e.first) < key; });
    return it != entries_.end() && it->first == k ? it->second : kNoMatch;
  };
  int code = find(value);  // already in normal form: the usual case
  if (code != kNoMatch) return code;
  char buf[128];
  const std::size_t n = normalise_into(value, buf, sizeof buf);
  if (n != static_cast<std::size_t>(-1)) code = find(std::string_view(buf, n));
  if (code != kNoMatch) return code;
  return any_other_ ? *any_other_ : kNoMatch;
}

}  // namespace mizan::casedata
