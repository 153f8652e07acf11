#pragma once
// The two versions the crash-safety test saves over each other (shared by the test and
// the child it kills). Both are large (a few MB as JSON) so that a save takes long enough
// to be killed in the middle, and different in size and content, so that any mix of the
// two, or a cut-off file, compares equal to neither.
#include <string>

#include "core/assessment.hpp"
#include "core/rubric.hpp"

namespace mizan::hardening {

inline const char* kRubricPath = MIZAN_SOURCE_DIR "/rubric/cmtf-qaf.json";

// A deterministic text of about `bytes` bytes, Arabic and English words mixed.
inline std::string filler(unsigned seed, size_t bytes) {
  static const char* words[] = {"الطفل", "خطة", "الحالة", "إشراف", "case", "plan", "follow-up", "supervisor",
                                "تقييم", "المخاطر", "consent", "closure", "مراجعة", "والأسرة", "referral"};
  std::string s;
  unsigned x = seed * 2654435761u + 1;
  while (s.size() < bytes) {
    x = x * 1103515245u + 12345u;
    s += words[(x >> 16) % 15];
    s += (x >> 8) % 11 == 0 ? ".\n" : " ";
  }
  return s;
}

// which = 'A' or 'B'.
inline Assessment make_version(const Rubric& r, char which) {
  Assessment a = new_assessment(r);
  bool b = which == 'B';
  a.agency_name = b ? "منظمة الأمل (B)" : "منظمة الأمل (A)";
  a.agency_code = "AMAL";
  a.period = b ? "2026-H2" : "2026-H1";
  a.assessment_date = b ? "2026-11-20" : "2026-05-20";
  a.assessors = {"Rania Haddad", b ? "عمر الخطيب" : "Omar Khatib"};
  unsigned n = 0;
  for (const Item* item : r.all_items()) {
    ++n;
    ItemAnswer ans;
    ans.status = (n + (b ? 1 : 0)) % 3 == 0 ? ItemStatus::not_met : ItemStatus::met;
    ans.note = filler(n * 7 + (b ? 3 : 0), b ? 14000 : 11000);
    ans.evidence = {"evidence/" + item->id + (b ? "-b.pdf" : "-a.pdf")};
    ans.changed_by = "Rania Haddad";
    ans.changed_at = b ? "2026-11-20T10:00:00Z" : "2026-05-20T10:00:00Z";
    a.items[item->id] = ans;
    if (ans.status == ItemStatus::not_met) {
      Action act;
      act.item = item->id;
      act.owner = b ? "Omar" : "Rania";
      act.due = b ? "2027-01-31" : "2026-09-30";
      act.priority = Priority::high;
      act.note = filler(n, 300);
      a.actions.push_back(act);
    }
  }
  for (unsigned i = 0; i < (b ? 3000u : 2000u); ++i)
    a.audit.push_back(AuditEntry{"2026-05-20T10:00:00Z", "Rania Haddad", "1.m1", "note", filler(i, 40), filler(i + 1, 40)});
  return a;
}

}  // namespace mizan::hardening
