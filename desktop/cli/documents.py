"""Document commands: receipt PDFs, lists, the monthly report and ledgers (issue 3 renderers)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..services import relief
from .commands import _ctx


def cmd_receipt_pdf(args: argparse.Namespace) -> dict[str, Any]:
    from ..receipts import render_receipt

    ctx = _ctx(args)
    receipt = relief.get_receipt(ctx, args.number)
    job = relief.record_print(ctx, receipt.id)
    data = render_receipt(
        job.content, fmt=args.format, copy_label=job.copy_label, void_reason=job.void_reason
    )
    Path(args.out).write_bytes(data)
    label = f"（{job.copy_label}）" if job.copy_label else ""
    return {"text": f"已生成收据 {job.number}{label}：{args.out}", "out": str(args.out)}


def register(sub: Any) -> None:
    receipt = sub.add_parser("receipt", help="收据").add_subparsers(dest="action", required=True)
    p = receipt.add_parser("pdf", help="生成收据 PDF（计入打印次数，再次生成为补打）")
    p.add_argument("number")
    p.add_argument("--out", required=True)
    p.add_argument("--format", default="a4", choices=["a4", "a5", "continuous"])
    p.set_defaults(handler=cmd_receipt_pdf)
