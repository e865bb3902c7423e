"""The summary's lines for what the ICE On Notice order and CPD practice require (summary.py calls them): CPD's
numbers, the federal supervisor's credential check, force, injuries and aid, footage flags and the felony review.
Same conventions as summary.py: `t` turns an English template with named values into the line's words."""

from __future__ import annotations

from collections.abc import Callable

from .enums import CredentialCheck
from .records import Incident


def order_lines(inc: Incident, *, t: Callable[..., str], vocabulary: Callable[..., str], when: Callable[..., str]) -> list[str]:
    not_set = t("(not set)")
    lines = ["", t("CPD RD number: {rd}   OEMC event: {oemc}", rd=inc.cpd_rd_number or not_set,
                   oemc=inc.oemc_event_number or not_set)]
    fs = inc.federal_supervisor
    if fs.credential_check is None:
        lines.append(t("Federal supervisor: credential check not recorded"))
    elif fs.credential_check == CredentialCheck.NO_SUPERVISOR_PRESENT:
        lines.append(t("Federal supervisor: {check}", check=vocabulary(fs.credential_check)))
    else:
        shown = next((str(n) for n, f in enumerate(inc.footage, 1) if f.id == fs.footage_id), "-")
        lines.append(t("Federal supervisor: {agency}, {name}, badge {badge}; credential check {check} at {when}, "
                       "on footage {footage}", agency=vocabulary(fs.agency), name=fs.name or t("(name unknown)"),
                       badge=fs.badge or "-", check=vocabulary(fs.credential_check), when=when(fs.checked_at),
                       footage=shown)
                     + (f" ({fs.not_attempted_reason})" if fs.not_attempted_reason else ""))
    m = inc.medical
    lines.append(t("Force used: {force}   Anyone injured: {injured}",
                   force=vocabulary(inc.use_of_force) if inc.use_of_force else not_set,
                   injured=vocabulary(m.anyone_injured) if m.anyone_injured else not_set))
    for i, injury in enumerate(inc.injuries, 1):
        lines.append("  " + t("{n}. {role}, {severity}: {description}", n=i, role=vocabulary(injury.role),
                              severity=vocabulary(injury.severity), description=injury.description))
    if not m.is_empty():
        lines.append(t("EMS summoned {when}, unit {unit}; aid by CPD {aid}; transported to {hospital}",
                       when=when(m.ems_summoned_at), unit=m.ems_unit or "-", aid=vocabulary(m.aid_rendered_by_cpd),
                       hospital=m.transported_to or "-"))
    for i, f in enumerate(inc.footage, 1):
        if f.flagged_at is not None or f.hold_form:
            lines.append(t("Footage {n} flagged {when}: {reasons}; hold form {form}", n=i, when=when(f.flagged_at),
                           reasons=", ".join(vocabulary(r) for r in f.flag_reasons) or "-", form=f.hold_form or "-"))
    fr = inc.felony_review
    if not fr.is_empty():
        lines += ["", t("Felony review: ASA {name} ({unit}), reference {reference}", name=fr.asa_name or "-",
                        unit=fr.asa_unit or "-", reference=fr.reference or "-")]
        for s in fr.steps:
            charges = ", ".join(f"{c.citation}{c.subsection} ({c.offence_class})" for c in s.charges)
            lines.append("  " + t("{date}: {decision}", date=s.decided_on.isoformat(), decision=vocabulary(s.decision))
                         + (f"; {charges}" if charges else "") + (f" - {s.comment}" if s.comment else ""))
        for r in fr.touhy_requests:
            lines.append("  " + t("Touhy request to {agency} ({sent}): {what} - {status}", agency=vocabulary(r.agency),
                                  sent=r.sent_on.isoformat() if r.sent_on else "-", what=r.what,
                                  status=vocabulary(r.status)))
    return lines
