"""The synced columns of every entity, as the wire carries them: name, kind, may be null.

The station's tables (desktop/models) and this list must agree; tests/sync/test_contract.py
holds them equal. The server reads it to check a pushed record without the desktop client.
"""

from __future__ import annotations

KINDS = ("bool", "int", "datetime", "date", "json", "text")

# every synced record carries these first (desktop/models/base.py: Synced)
COMMON: tuple[tuple[str, str, bool], ...] = (
    ("id", "text", True),
    ("station_id", "text", False),
    ("created_at", "datetime", False),
    ("updated_at", "datetime", False),
    ("version", "int", False),
    ("deleted", "bool", False),
)

# per entity: the columns after COMMON ('?' after the kind: may be null)
_OWN: dict[str, str] = {
    "station": (
        "code:text name:text district_code:text district_name:text union_name:text "
        "address:text phone:text"
    ),
    "staff": (
        "username:text display_name:text role:text password_hash:text active:bool "
        "failed_logins:int locked_until:datetime?"
    ),
    "member": (
        "name:text id_type:text id_number:text gender:text birth_date:date? phone:text "
        "employer:text job_group:text membership_status:text hardship_category:text "
        "hardship_file_no:text hardship_review_date:date? bank_account:text address:text "
        "consent_sensitive_on:date? consent_disclosure_on:date? notes:text"
    ),
    "fund_program": (
        "code:text year:int name:text program_type:text funding_source:text "
        "receipt_title:text amount_rules:json? max_times_per_year:int? "
        "annual_cap_fen:int? max_amount_fen:int? excludes:json? active:bool "
        "requires_file:json?"
    ),
    "program_budget": ("program_id:text budget_station_id:text budget_fen:int"),
    "relief": (
        "member_id:text program_id:text cash_fen:int goods:json? goods_value_fen:int "
        "issued_on:date period:text handler_id:text reviewer_id:text? receipt_id:text? "
        "status:text void_reason:text voided_at:datetime? voided_by:text? "
        "override_reason:text campaign:text visit_id:text? adjusts_id:text? note:text "
        "hardship_file_id:text? student_id:text? school_year:text?"
    ),
    "receipt": (
        "number:text year:int serial:int distribution_id:text issued_on:date "
        "content:json? content_hash:text print_count:int voided:bool void_reason:text"
    ),
    "visit": (
        "visit_type:text visited_on:date staff_id:text purpose:text findings:text "
        "followup_needed:bool followup_due:date? followup_done_on:date? member_ids:json? "
        "void_reason:text?"
    ),
    "station_log": (
        "log_date:date staff_id:text category:text topic:text job_group:text visitors:int "
        "consultations:int mediations:int workers_involved:int amount_recovered_fen:int "
        "new_members:int services:int text:text void_reason:text?"
    ),
    "month_close": (
        "period:text totals:json? receipt_first:text receipt_last:text "
        "voided_numbers:json? closed_by:text closed_at:datetime server_status:text "
        "server_message:text"
    ),
    "hardship_file": (
        "member_id:text file_no:text status:text category:text computed_category:text "
        "category_reason:text cause_main:text cause_secondary:text household:json? "
        "income_sources:json? other_income_fen:int medical_fen:int schooling_fen:int "
        "loss_fen:int accident:bool standard_fen:int applied_on:date visit_id:text? "
        "publish_period:text established_on:date? review_due:date? closed_on:date? "
        "close_reason:text steps:json? note:text"
    ),
    "student": (
        "member_id:text hardship_file_id:text? name:text id_number:text school:text "
        "stage:text entry_year:int expected_graduation:int status:text graduated_on:date?"
    ),
    "dibao_standard": "standard_fen:int effective_on:date note:text",  # issue 16, district's
    # issue 17: rights cases (owned, edited as they move on) and intake facts
    "rights_case": (
        "case_no:text source:text ticket_no:text received_on:date accepted_on:date? "
        "closed_on:date? employer:text dispute_type:text matter:text workers:json? "
        "worker_count:int claimed_fen:int recovered_fen:int status:text history:json? "
        "notes:json? extensions:json? mediator_id:text agreement_terms:text"
    ),
    "member_intake": (
        "member_id:text kind:text on_date:date card_no:text ethnicity:text education:text "
        "political_status:text hukou:text employer:text joint_union:text job_group:text "
        "other_union:text staff_id:text note:text void_reason:text?"
    ),
}


def _parse(spec: str) -> tuple[tuple[str, str, bool], ...]:
    out = []
    for item in spec.split():
        name, kind = item.split(":")
        out.append((name, kind.rstrip("?"), kind.endswith("?")))
    return tuple(out)


COLUMNS: dict[str, tuple[tuple[str, str, bool], ...]] = {
    entity: COMMON + _parse(spec) for entity, spec in _OWN.items()
}
