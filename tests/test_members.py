from __future__ import annotations

import pytest
from sqlmodel import select

from desktop.models import Outbox
from desktop.services import members
from desktop.services.errors import PermissionDenied, ValidationError
from desktop.services.members import MemberInput
from desktop.services.uow import verify_audit_chain


def test_add_member_derives_gender_birth_and_pinyin(ctx):
    m = members.add_member(
        ctx,
        MemberInput(
            name="张三", id_number="11010519491231002x", phone="138 0013 8000", employer="顺丰速运"
        ),
    )
    assert m.id_number == "11010519491231002X"
    assert m.gender == "female"
    assert m.birth_date.isoformat() == "1949-12-31"
    assert (m.pinyin_full, m.pinyin_initials) == ("zhangsan", "zs")
    assert m.phone == "13800138000"
    with ctx.read() as s:
        box = s.exec(select(Outbox).where(Outbox.row_id == m.id)).all()
    assert len(box) == 1 and box[0].payload["record"]["name"] == "张三"
    # search keys are derived again wherever the row lands (desktop/sync/local.py): not sent
    assert not {"pinyin_full", "pinyin_initials", "id_rev", "phone_rev"} & set(
        box[0].payload["record"]
    )


def test_fifteen_digit_id_is_upgraded(ctx):
    m = members.add_member(ctx, MemberInput(name="李四", id_number="110105491231002"))
    assert m.id_number == "11010519491231002X"


def test_duplicate_id_refused_naming_existing(ctx):
    members.add_member(ctx, MemberInput(name="张三", id_number="440524188001010014"))
    with pytest.raises(ValidationError) as err:
        members.add_member(ctx, MemberInput(name="张叁", id_number="440524188001010014"))
    assert err.value.field == "id_number"
    assert "张三" in err.value.message


def test_bad_fields_named_in_chinese(ctx):
    with pytest.raises(ValidationError) as err:
        members.add_member(ctx, MemberInput(name="", id_number="440524188001010015", phone="123"))
    assert set(err.value.errors) == {"name", "id_number", "phone"}
    assert "校验位" in err.value.errors["id_number"]
    with ctx.read() as s:
        assert [o for o in s.exec(select(Outbox)).all() if o.entity == "member"] == []


def test_edit_records_base_values_and_audit_chain(ctx):
    m = members.add_member(ctx, MemberInput(name="张三", id_number="440524188001010014"))
    data = MemberInput.from_member(m)
    data.phone = "13912345678"
    updated = members.update_member(ctx, m.id, data)
    assert updated.version == 2
    with ctx.read() as s:
        last = s.exec(select(Outbox).order_by(Outbox.seq.desc())).first()
    assert last.payload["base"] == {"phone": ""}
    assert verify_audit_chain(ctx) is None


def test_auditor_cannot_write(auditor_ctx):
    with pytest.raises(PermissionDenied):
        members.add_member(auditor_ctx, MemberInput(name="张三", id_number="440524188001010014"))
