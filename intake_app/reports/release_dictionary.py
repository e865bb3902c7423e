"""The data dictionary (Markdown) shipped with every release: every file, every column, every choice."""

from __future__ import annotations

from ..domain.enums import Agency, CredentialCheck, FlagReason, ReviewDecision, Status, YesNoUnknown, label
from .release_tables import TABLES

# (column, meaning) of the incident-level files, in file order.
INCIDENT_COLUMNS: list[tuple[str, str]] = [
    ("incident_ref", "The incident's report number (D<district>-<year>-<device>-<sequence>), stable across releases."),
    ("occurred_date", "Local date (America/Chicago) the incident occurred, YYYY-MM-DD. The time of day is left out: "
                      "with the block it could point at the people present."),
    ("month", "YYYY-MM of occurred_date."),
    ("district", "CPD district number (3 digits) where it occurred."),
    ("beat", "CPD beat (4 digits) where it occurred."),
    ("block", "Hundred-block of the address, e.g. \"35xx S MICHIGAN AVE\" (\"0xx\" for numbers under 100). Empty when "
              "the recorded location is not a plain street address (withheld rather than guessed)."),
    ("status", "Workflow status: " + ", ".join(f"`{s.value}` ({label(s)})" for s in (*Status,)
                                                   if s not in (Status.DRAFT, Status.IN_REVIEW)) + "."),
    ("referred_to_ccsao", "`yes` when the incident was referred to the Cook County State's Attorney (status referred, "
                          "or closed after referral), else `no`."),
    ("agencies", "Agencies of the agents involved, codes separated by `; `: "
                 + ", ".join(f"`{a.value}` ({label(a)})" for a in Agency) + "."),
    ("agency_count", "Number of distinct agencies involved."),
    ("statutes", "Citations of the alleged offences, separated by `; `, in the order recorded (e.g. `720 ILCS 5/12-3`)."),
    ("offence_classes", "The class chosen for each alleged offence, same order as `statutes`: felony `M`, `X`, `1`-`4`; "
                        "misdemeanor `A`-`C`; `ordinance`."),
    ("felony_alleged", "`yes` when any alleged offence is a felony class."),
    ("footage_items", "Number of footage references recorded (body-worn, in-car, POD, private cameras, phone video)."),
    ("footage_with_deadline", "Footage items purged after a retention period (body-worn and in-car cameras, 90 days "
                              "by default), which need a preservation hold."),
    ("footage_preserved", "Footage items recorded as preserved (any kind)."),
    ("footage_preserved_on_time", "Of footage_with_deadline, items recorded as preserved. Such footage is purged at the "
                                  "deadline, so a confirmed preservation means the hold came in time."),
    ("footage_flagged", "Footage items flagged under the Body Camera Act (50 ILCS 706/10-20: e.g. "
                        + ", ".join(label(r).lower() for r in (FlagReason.COMPLAINT, FlagReason.USE_OF_FORCE,
                                                               FlagReason.DETENTION_OR_ARREST))
                        + "), kept at least 2 years from the flag."),
    ("felony_review_outcome", "The CCSAO felony review's current decision on a referred incident, empty while none is "
                              "recorded: " + ", ".join(f"`{d.value}` ({label(d)})" for d in ReviewDecision) + "."),
    ("credential_check", "CPD's check of the federal supervisory officer's credentials on scene, recorded on "
                         "body-worn camera as the order asks: " + ", ".join(f"`{c.value}` ({label(c)})"
                                                                             for c in CredentialCheck)
                         + "; empty when not recorded. Names and badge numbers are never released."),
    ("injured_people", "Number of people recorded as injured (civilians, CPD members, federal agents, others)."),
    ("ems_summoned", "`yes` when the record gives the time EMS was summoned, else `no`."),
    ("aid_rendered_by_cpd", "Whether CPD rendered aid: " + ", ".join(f"`{v.value}`" for v in YesNoUnknown)
                            + "; empty when the injury section was not answered."),
    ("demo", "`yes` for synthetic demonstration records (only in releases marked DEMO), else `no`."),
]


def dictionary_markdown(*, prefix: str, demo: bool, threshold: int, period: str, table_files: list[str]) -> str:
    lines = [f"# {'DEMO DATA: ' if demo else ''}Alleged violations by federal immigration agents: public release", ""]
    if demo:
        lines += ["**This release was built from synthetic demonstration records. It describes no real events.**", ""]
    lines += [
        f"Period: {period}.",
        "",
        "## What is in it, and what is not",
        "",
        "Released: incidents approved by a supervisor, referred to the CCSAO, or recorded (no felony alleged); closed "
        "incidents only if they were referred or recorded before closing. Drafts, incidents in review and incidents "
        "closed without an outcome are never released.",
        "",
        "Left out on purpose: names, phone numbers and languages of reporting parties; names, badge or ID numbers, "
        "descriptions and vehicle plates of agents (the allegations are unproven); the narrative and violation "
        "details (free text can name people); exact addresses and coordinates; times of day; supervisors, officers' "
        "star numbers, camera and evidence ids.",
        "",
        f"Small counts: in the aggregate tables any count from 1 to {threshold - 1} is shown as `<{threshold}`. "
        "Further cells (or totals) are also shown that way where needed, so that no hidden count can be worked out by "
        "subtracting from a row or column total. Zeros are shown. The incident-level file has one row per incident "
        "and is not suppressed: it carries no personal data, and its location and date are coarsened (block, day).",
        "",
        "All counts are whole numbers; files are UTF-8, comma-separated with a header line, sorted, and byte-for-byte "
        "reproducible from the same records. the manifest lists each file's SHA-256.",
        "",
        f"## `{prefix}incidents.csv` and `{prefix}incidents.json`",
        "",
        "One row (CSV) or object (JSON, under `incidents`, same names and values; counts as numbers) per incident, "
        "sorted by date then incident_ref.",
        "",
        "| Column | Meaning |",
        "|---|---|",
    ]
    lines += [f"| `{name}` | {meaning} |" for name, meaning in INCIDENT_COLUMNS]
    for name in table_files:
        stem = name.removeprefix(prefix).removesuffix(".csv")
        row_dim, col_dim, unit, _ = TABLES[stem]
        lines += [
            "", f"## `{name}`", "",
            f"Counts of each {unit}, by {row_dim.replace('_', ' ')} (rows) and {col_dim.replace('_', ' ')} (columns).",
            "",
            "| Column | Meaning |", "|---|---|",
            f"| `{row_dim}` | The {row_dim.replace('_', ' ')}; the last row, `total`, sums each column. |",
            f"| one column per {col_dim.replace('_', ' ')} | Count for that {row_dim.replace('_', ' ')} and "
            f"{col_dim.replace('_', ' ')}, or `<{threshold}`. |",
            "| `total` | Sum of the row (present when there is more than one column). |",
        ]
        if row_dim == "agency":
            lines += ["", "An incident with agents of several agencies counts once under each, so the grand total can "
                      "exceed the number of incidents."]
        if row_dim == "felony_review_outcome":
            lines += ["", "Referred incidents only, by the felony review's current decision; `awaiting_decision` "
                      "counts those with none recorded yet."]
        if row_dim == "credential_check":
            lines += ["", "`not_recorded` counts incidents whose record has no credential check yet."]
        if row_dim == "injuries_and_aid":
            lines += ["", "`injury_reported`: incidents with at least one person recorded as injured; "
                      "`ems_summoned` and `aid_rendered_by_cpd`: incidents where EMS was summoned, or CPD rendered "
                      "aid (with or without an injury recorded). An incident may count in several rows."]
        if row_dim == "offence_class":
            lines += ["", "An incident alleging offences of several classes counts once under each class."]
    lines += [
        "", f"## `{prefix}manifest.json`", "",
        "| Field | Meaning |", "|---|---|",
        "| `format` | `intake.release/1`. |",
        "| `demo` | `true` when built from demonstration records (then every file name starts with `DEMO-`). |",
        "| `period` | `from` and `to` dates (inclusive, local) asked for; `null` when open. |",
        "| `threshold` | Counts below it are suppressed in the aggregate tables. |",
        "| `incidents` | Number of incident rows released. |",
        "| `files` | Each file's `name`, `bytes` and `sha256` (hex). |",
        "",
    ]
    return "\n".join(lines)
