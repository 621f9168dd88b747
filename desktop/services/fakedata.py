"""Fake but valid people for demos, tests and benchmarks: never anyone real.

ID numbers carry a real-shaped region code, a plausible birth date and a correct check
character; names are common surnames with common given-name characters.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from typing import Any

from contract.idnumber import check_char

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵"
)
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华玉萍红娥玲芬燕彩春菊凤洁梅琳素云莲真环雪"
    "荣爱妹香月莺媛瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹"
    "蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲"
    "寒伊亚宜可姬舒影荔枝思丽堃玥"
)
REGIONS = (
    "440106",
    "440104",
    "440111",
    "440112",
    "440113",
    "440305",
    "441900",
    "445221",
    "430102",
    "431121",
    "450102",
    "360121",
    "420111",
    "510107",
    "350203",
    "110105",
)
EMPLOYERS = (
    "顺丰速运有限公司",
    "美团外卖配送站",
    "饿了么骑手服务站",
    "滴滴出行科技有限公司",
    "京东物流华南分拨中心",
    "中通快递天河网点",
    "城市环卫服务有限公司",
    "安保服务有限公司",
    "家政服务中心",
    "货拉拉物流",
    "圆通速递",
    "韵达快递",
    "市公交集团",
    "建筑工程有限公司",
    "电子科技有限公司",
    "服装制造厂",
    "餐饮管理有限公司",
    "物业管理有限公司",
)
JOB_BY_EMPLOYER = {
    "顺丰": "courier",
    "京东": "courier",
    "中通": "courier",
    "圆通": "courier",
    "韵达": "courier",
    "美团": "food_delivery",
    "饿了么": "food_delivery",
    "滴滴": "ride_hailing",
    "货拉拉": "truck_driver",
    "环卫": "sanitation",
    "安保": "security",
    "家政": "domestic",
}


def fake_id(rng: random.Random, birth: dt.date, male: bool, used: set[str]) -> str:
    while True:
        seq = rng.randrange(0, 999)
        if (seq % 2 == 1) != male:
            seq = (seq + 1) % 1000
        first17 = f"{rng.choice(REGIONS)}{birth:%Y%m%d}{seq:03d}"
        number = first17 + check_char(first17)
        if number not in used:
            used.add(number)
            return number


def fake_members(
    count: int, *, seed: int = 7, today: dt.date | None = None, used: set[str] | None = None
) -> Iterator[dict[str, Any]]:
    """Cleaned member values (as members.clean returns) for `count` fake people."""
    rng = random.Random(seed)
    today = today or dt.date.today()
    used = used if used is not None else set()
    phones: set[str] = set()
    for _ in range(count):
        male = rng.random() < 0.6
        birth = dt.date(rng.randint(1962, 2004), rng.randint(1, 12), rng.randint(1, 28))
        name = rng.choice(SURNAMES) + "".join(
            rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2)))
        )
        employer = rng.choice(EMPLOYERS)
        job = next((j for k, j in JOB_BY_EMPLOYER.items() if k in employer), "other")
        while True:
            phone = f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}"
            if phone not in phones:
                phones.add(phone)
                break
        hardship = rng.choices(("none", "deep", "relative", "accident"), (90, 3, 5, 2))[0]
        values: dict[str, Any] = {
            "name": name,
            "id_number": fake_id(rng, birth, male, used),
            "id_type": "resident",
            "gender": "male" if male else "female",
            "birth_date": birth,
            "phone": phone,
            "employer": employer,
            "job_group": job,
            "membership_status": "active",
            "hardship_category": hardship,
            "hardship_file_no": f"KN{rng.randrange(10**6):06d}" if hardship != "none" else "",
            "hardship_review_date": today - dt.timedelta(days=rng.randrange(365))
            if hardship != "none"
            else None,
            "consent_disclosure_on": today - dt.timedelta(days=rng.randrange(700))
            if rng.random() < 0.7
            else None,
        }
        yield values
