"""操作记录: the console's audit of this district, newest first."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlalchemy import select

from ..db import console_audit
from .web import Viewer, engine_of, render

router = APIRouter()
ACTIONS = {
    "login": "登录",
    "login.failed": "登录失败",
    "logout": "退出",
    "user.create": "建立管理台账户",
    "station.create": "新建服务站",
    "station.enrol_code": "签发登记码",
    "station.revoke": "停用服务站",
    "staff.add": "添加工作人员",
    "staff.deactivate": "停用工作人员",
    "staff.activate": "启用工作人员",
    "staff.reset_password": "重置工作人员密码",
    "receipt.verify": "核验收据",
    "flag.decide": "裁定重复救助",
    "conflict.resolve": "处理冲突",
    "program.create": "新建帮扶项目",
    "program.edit": "修改帮扶项目",
    "budget.set": "设定预算",
    "dibao.set": "设定低保标准",
    "monthly.export_xlsx": "导出月度汇总 Excel",
    "monthly.export_pdf": "导出月度汇总 PDF",
}


@router.get("/audit")
def audit_list(request: Request, user: Viewer) -> Response:
    with engine_of(request).connect() as conn:
        rows = conn.execute(
            select(console_audit)
            .where(console_audit.c.district_id == user.district_id)
            .order_by(console_audit.c.at.desc())
            .limit(300)
        ).all()
    return render(request, "audit.html", user, "audit", rows=rows, actions=ACTIONS)
