#!/usr/bin/env python3
"""Generate a realistic, fictional case export in Mizan's canonical columns.

    gen_cases.py N OUT.csv [--as-of YYYY-MM-DD] [--seed S]

About 110 bytes per row: ISO dates, canonical values, some blanks, a few duplicate and
missing case ids, as a case-management system would export them. No real data: ids,
caseworker and supervisor codes are made up. Deterministic for a given seed.
"""
import argparse
import datetime as dt
import random
import sys

HEADER = ("case_id,caseworker,supervisor,sex,age,date_of_birth,disability,registration_date,"
          "risk_level,consent,assessment_date,case_plan_date,case_plan_approved,"
          "last_followup_date,status,closure_date,closure_reason,closure_approved,"
          "post_closure_review_date")

REASONS = ["needs_met", "needs_met", "needs_met", "relocated", "lost_contact", "over_18", "death"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--as-of", default="2026-06-30")
    ap.add_argument("--seed", type=int, default=42)
    a = ap.parse_args()

    rnd = random.Random(a.seed)
    r = rnd.random
    as_of = dt.date.fromisoformat(a.as_of)
    d0 = as_of.toordinal()
    n = a.n
    n_cw = max(1, n // 22)
    n_sup = max(1, n_cw // 5)
    # Supervisors mostly keep their caseworkers; a few caseworkers move teams.
    sup_of = [i % n_sup for i in range(n_cw)]
    iso = {}

    def d(o):
        s = iso.get(o)
        if s is None:
            s = dt.date.fromordinal(o).isoformat()
            iso[o] = s
        return s

    def pick3(a_, pa, b_, pb, c_):
        x = r()
        return a_ if x < pa else (b_ if x < pa + pb else c_)

    out = open(a.out, "w", encoding="utf-8", newline="")
    w = out.write
    w(HEADER + "\n")
    last_id = None
    buf = []
    for i in range(n):
        x = r()
        if x < 0.002:
            cid = ""
        elif x < 0.003 and last_id:
            cid = last_id
        else:
            cid = "CP-%d-%06d" % (2024 + (i % 3), i)
            last_id = cid
        cw = int(r() * r() * n_cw)  # skewed: some caseworkers carry far more cases
        sup = sup_of[cw] if r() > 0.01 else int(r() * n_sup)
        sex = pick3("female", 0.49, "male", 0.49, "other" if r() < 0.3 else "")
        age = "" if r() < 0.06 else str(int(r() * 18))
        dob = ""
        if age == "" and r() < 0.5:
            dob = d(d0 - int(r() * 18 * 365.25))
        dis = pick3("no", 0.80, "yes", 0.08, "")
        reg = d0 - int(r() * 730)
        risk = pick3("medium", 0.45, "low", 0.30, "high" if r() < 0.8 else "")
        consent = pick3("yes", 0.90, "no", 0.05, "")
        ass = cp = None
        if r() < 0.9:
            ass = min(reg + int(r() * r() * 12), d0)
            if r() < 0.8:
                cp = min(ass + int(r() * 20), d0)
        cpa = pick3("yes", 0.7, "no", 0.2, "") if cp is not None else ""
        closed = r() < 0.4
        fu = ""
        cd = ""
        reason = ""
        capp = ""
        pcr = ""
        if closed:
            c = reg + int(r() * (d0 - reg + 1))
            cd = d(c)
            y = r()
            reason = REASONS[int(r() * len(REASONS))] if y < 0.85 else ("other" if y < 0.9 else "")
            capp = pick3("yes", 0.75, "no", 0.1, "")
            if d0 - c >= 90 and r() < 0.5:
                pcr = d(c + 80 + int(r() * 40))
        elif r() < 0.8:
            fu = d(max(reg, d0 - int(r() * 45)))
        buf.append(",".join((cid, "cw%04d" % cw, "sup%03d" % sup, sex, age, dob, dis, d(reg), risk,
                             consent, d(ass) if ass is not None else "",
                             d(cp) if cp is not None else "", cpa, fu,
                             "closed" if closed else "open", cd, reason, capp, pcr)))
        if len(buf) >= 10000:
            w("\n".join(buf) + "\n")
            buf.clear()
    if buf:
        w("\n".join(buf) + "\n")
    out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
