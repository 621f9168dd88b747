from __future__ import annotations

from desktop.services import search
from desktop.services.members import MemberInput, add_member
from desktop.services.search import MemberFilter


def _seed(ctx):
    add_member(
        ctx,
        MemberInput(
            name="张三",
            id_number="440524188001010014",
            phone="13800138000",
            employer="顺丰速运",
            job_group="courier",
        ),
    )
    add_member(
        ctx,
        MemberInput(
            name="张三丰",
            id_number="11010519491231002X",
            employer="美团外卖",
            job_group="food_delivery",
            hardship_category="deep",
        ),
    )
    add_member(
        ctx,
        MemberInput(
            name="李四", id_number="110105491231003", phone="13912345678", employer="滴滴出行"
        ),
    )


def names(rows):
    return [r.name for r in rows]


def test_search_by_name_pinyin_initials_digits_employer(ctx):
    _seed(ctx)
    assert names(search.search_members(ctx, "张三")) == ["张三", "张三丰"]
    assert names(search.search_members(ctx, "zs")) == ["张三", "张三丰"]
    assert names(search.search_members(ctx, "zsf")) == ["张三丰"]
    assert names(search.search_members(ctx, "zhangsan")) == ["张三", "张三丰"]
    assert names(search.search_members(ctx, "0014")) == ["张三"]
    assert names(search.search_members(ctx, "002x")) == ["张三丰"]
    assert names(search.search_members(ctx, "5678")) == ["李四"]
    assert names(search.search_members(ctx, "美团")) == ["张三丰"]
    assert names(search.search_members(ctx, "三丰")) == ["张三丰"]  # infix on the name
    assert search.search_members(ctx, "zz") == []


def test_rows_are_masked_and_filters_apply(ctx):
    _seed(ctx)
    row = search.search_members(ctx, "张三")[0]
    assert row.id_masked == "440524********0014" and row.phone_masked == "138****8000"
    assert names(search.search_members(ctx, "zs", filters=MemberFilter(hardship="deep"))) == [
        "张三丰"
    ]
    assert search.count_members(ctx, MemberFilter(job_group="courier")) == 1
    page = search.list_members(ctx, None, offset=0, limit=10)
    assert names(page) == ["李四", "张三", "张三丰"]
