"""Membership intake (入会登记) and transfers (会籍接转): one person, one member."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from desktop.models import Member, MemberIntake
from desktop.services import intake
from desktop.services.errors import UserFacingError, ValidationError
from desktop.services.members import MemberInput, add_member

RIDER_ID = "440524188001010014"


def _rider(**kw):
    data = dict(
        name="陈小明",
        id_number=RIDER_ID,
        phone="13712345678",
        ethnicity="汉族",
        education="高中/中专",
        political_status="群众",
        hukou="农村户籍",
        joint_union="天河区快递物流行业联合工会",
        job_group="外卖骑手",
        on_date="2026-11-18",
        card_no="HY2026000123",
    )
    data.update(kw)
    return intake.IntakeInput(**data)


def test_a_rider_joins_and_becomes_a_member(ctx):
    record = intake.register(ctx, _rider())
    with Session(ctx.engine) as s:
        member = s.get(Member, record.member_id)
        assert member is not None
        assert member.job_group == "food_delivery" and member.membership_status == "active"
        assert member.gender == "male" and str(member.birth_date) == "1880-01-01"
        assert member.employer == "天河区快递物流行业联合工会"
        stored = s.get(MemberIntake, record.id)
        assert stored is not None and stored.hukou == "rural" and stored.education == "senior"
    rows = intake.list_intakes(ctx, period="2026-11")
    assert rows[0].id_masked == "440524********0014" and rows[0].phone_masked == "137****5678"


def test_an_existing_member_is_linked_not_duplicated(ctx):
    known = add_member(ctx, MemberInput(name="陈小明", id_number=RIDER_ID, job_group="其他"))
    record = intake.register(ctx, _rider())
    assert record.member_id == known.id
    with Session(ctx.engine) as s:
        assert len(s.exec(select(Member)).all()) == 1
        assert s.get(Member, known.id).job_group == "food_delivery"  # type: ignore[union-attr]
    with pytest.raises(UserFacingError, match="已登记入会"):
        intake.register(ctx, _rider(card_no=""))


def test_bad_form_names_each_field_and_writes_nothing(ctx):
    with pytest.raises(ValidationError) as err:
        intake.register(
            ctx,
            _rider(
                id_number="11010519491231002Y", job_group="", joint_union="", education="博士后"
            ),
        )
    assert {"id_number", "job_group", "employer", "education"} <= set(err.value.errors)
    with Session(ctx.engine) as s:
        assert s.exec(select(Member)).all() == []
        assert s.exec(select(MemberIntake)).all() == []


def test_transfer_out_and_back_in(ctx):
    record = intake.register(ctx, _rider())
    intake.transfer_out(ctx, record.member_id, "某某市总工会", on="2026-11-19")
    with Session(ctx.engine) as s:
        assert s.get(Member, record.member_id).membership_status == "transferred"  # type: ignore[union-attr]
    with pytest.raises(ValidationError) as err:
        intake.register(ctx, _rider(card_no=""), kind="transfer_in")
    assert "other_union" in err.value.errors
    back = intake.register(ctx, _rider(other_union="某某市总工会"), kind="transfer_in")
    assert back.member_id == record.member_id
    kinds = [row.intake.kind for row in intake.list_intakes(ctx)]
    assert sorted(kinds) == ["join", "transfer_in", "transfer_out"]


def test_a_card_number_belongs_to_one_member(ctx):
    intake.register(ctx, _rider())
    with pytest.raises(ValidationError) as err:
        intake.register(ctx, _rider(name="林小红", id_number="11010519491231002X"))
    assert "card_no" in err.value.errors


def test_a_mistaken_intake_is_voided_with_its_reason(ctx):
    record = intake.register(ctx, _rider())
    with pytest.raises(ValidationError):
        intake.void_intake(ctx, record.id, " ")
    intake.void_intake(ctx, record.id, "登记错人")
    assert intake.list_intakes(ctx) == []  # voided records leave the list and the report
    with Session(ctx.engine) as s:
        stored = s.get(MemberIntake, record.id)
        assert stored is not None and stored.deleted and stored.void_reason == "登记错人"


def test_an_intake_dated_in_a_closed_month_is_refused(head_ctx):
    import datetime as dt

    from desktop.services import monthclose
    from desktop.services.errors import PeriodClosed

    head_ctx.today_fn = lambda: dt.date(2026, 12, 3)
    monthclose.close(head_ctx, "2026-11")
    with pytest.raises(PeriodClosed):
        intake.register(head_ctx, _rider(on_date="2026-11-18"))
    with Session(head_ctx.engine) as s:
        assert s.exec(select(Member)).all() == []  # nothing half-written
    intake.register(head_ctx, _rider(on_date="2026-12-01"))
