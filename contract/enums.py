"""Enumerations with their Chinese labels. Values are stored; labels are shown."""

from __future__ import annotations

from enum import StrEnum


class Labeled(StrEnum):
    @property
    def label(self) -> str:
        return LABELS.get(f"{type(self).__name__}.{self.value}", self.value)

    @classmethod
    def from_text(cls, text: str) -> Labeled:
        """Accept the stored value or the Chinese label (imports, CLI)."""
        text = (text or "").strip()
        for item in cls:
            if text in (item.value, item.label):
                return item
        raise ValueError(text)


class Role(Labeled):
    SOCIAL_WORKER = "social_worker"
    STATION_HEAD = "station_head"
    REVIEWER = "reviewer"
    AUDITOR = "auditor"


class IdType(Labeled):
    RESIDENT = "resident"
    PERMIT_HK = "permit_hk"
    PERMIT_MO = "permit_mo"
    PERMIT_TW = "permit_tw"


class Gender(Labeled):
    MALE = "male"
    FEMALE = "female"


class JobGroup(Labeled):
    TRUCK_DRIVER = "truck_driver"
    COURIER = "courier"
    FOOD_DELIVERY = "food_delivery"
    RIDE_HAILING = "ride_hailing"
    DOMESTIC = "domestic"
    SANITATION = "sanitation"
    SECURITY = "security"
    OTHER = "other"


class MembershipStatus(Labeled):
    ACTIVE = "active"
    TRANSFERRED = "transferred"
    LAPSED = "lapsed"


class Hardship(Labeled):
    NONE = "none"
    DEEP = "deep"
    RELATIVE = "relative"
    ACCIDENT = "accident"


class ProgramType(Labeled):
    LIVING = "living"
    MEDICAL = "medical"
    EDUCATION = "education"
    FESTIVAL = "festival"
    CONDOLENCE = "condolence"
    MUTUAL_AID = "mutual_aid"


class VisitType(Labeled):
    HOME = "home"
    FESTIVAL = "festival"
    HOSPITAL = "hospital"
    ENTERPRISE = "enterprise"
    REST_STATION = "rest_station"
    WALK_IN = "walk_in"
    PHONE = "phone"
    FOLLOW_UP = "follow_up"


class LogCategory(Labeled):
    RECEPTION = "reception"
    CONSULTATION = "consultation"
    MEDIATION = "mediation"
    RECRUITMENT = "recruitment"
    EVENT = "event"
    TRAINING = "training"
    REST_STATION = "rest_station"
    OTHER = "other"


class Topic(Labeled):
    WAGE_ARREARS = "wage_arrears"
    CONTRACT = "contract"
    WORK_INJURY = "work_injury"
    SOCIAL_INSURANCE = "social_insurance"
    OTHER = "other"


class ReliefStatus(Labeled):
    ISSUED = "issued"
    VOID = "void"
    ADJUSTMENT = "adjustment"


class SyncState(Labeled):
    PENDING = "pending"
    SYNCED = "synced"
    REJECTED = "rejected"
    CONFLICT = "conflict"


class CaseSource(Labeled):
    """Where a rights case came from (issue 17)."""

    WALK_IN = "walk_in"
    PHONE = "phone"
    HOTLINE = "hotline"  # 12351 工单: the ticket number is kept on the case
    COURT = "court"
    ENTERPRISE = "enterprise"


class DisputeType(Labeled):
    WAGES = "wages"
    CONTRACT = "contract"
    INJURY = "injury"
    SOCIAL_INSURANCE = "social_insurance"
    COMPENSATION = "compensation"
    OTHER = "other"


class CaseStatus(Labeled):
    APPLIED = "applied"
    ACCEPTED = "accepted"
    MEDIATING = "mediating"
    AGREED = "agreed"
    ARBITRATION = "arbitration"
    WITHDRAWN = "withdrawn"
    REFUSED = "refused"
    CLOSED = "closed"


class IntakeKind(Labeled):
    JOIN = "join"
    TRANSFER_IN = "transfer_in"
    TRANSFER_OUT = "transfer_out"


class Education(Labeled):
    PRIMARY = "primary"
    JUNIOR = "junior"
    SENIOR = "senior"
    COLLEGE = "college"
    BACHELOR = "bachelor"
    POSTGRADUATE = "postgraduate"


class PoliticalStatus(Labeled):
    PARTY = "party"
    PROBATIONARY = "probationary"
    LEAGUE = "league"
    DEMOCRATIC = "democratic"
    MASSES = "masses"


class Hukou(Labeled):
    URBAN = "urban"
    RURAL = "rural"


LABELS: dict[str, str] = {
    "Role.social_worker": "社工",
    "Role.station_head": "站长",
    "Role.reviewer": "审核",
    "Role.auditor": "审计（只读）",
    "IdType.resident": "居民身份证",
    "IdType.permit_hk": "港澳居民居住证（香港）",
    "IdType.permit_mo": "港澳居民居住证（澳门）",
    "IdType.permit_tw": "台湾居民居住证",
    "Gender.male": "男",
    "Gender.female": "女",
    "JobGroup.truck_driver": "货车司机",
    "JobGroup.courier": "快递员",
    "JobGroup.food_delivery": "外卖骑手",
    "JobGroup.ride_hailing": "网约车司机",
    "JobGroup.domestic": "家政服务员",
    "JobGroup.sanitation": "环卫工人",
    "JobGroup.security": "保安员",
    "JobGroup.other": "其他",
    "MembershipStatus.active": "在册",
    "MembershipStatus.transferred": "已转出",
    "MembershipStatus.lapsed": "已退会",
    "Hardship.none": "无",
    "Hardship.deep": "深度困难",
    "Hardship.relative": "相对困难",
    "Hardship.accident": "意外致困",
    "ProgramType.living": "生活救助",
    "ProgramType.medical": "医疗救助",
    "ProgramType.education": "金秋助学",
    "ProgramType.festival": "两节送温暖",
    "ProgramType.condolence": "慰问金",
    "ProgramType.mutual_aid": "互助保障",
    "VisitType.home": "入户走访",
    "VisitType.festival": "节日慰问走访",
    "VisitType.hospital": "医院探视",
    "VisitType.enterprise": "企业走访",
    "VisitType.rest_station": "驿站巡查",
    "VisitType.walk_in": "来访接待",
    "VisitType.phone": "电话咨询",
    "VisitType.follow_up": "回访",
    "LogCategory.reception": "接待来访",
    "LogCategory.consultation": "政策咨询",
    "LogCategory.mediation": "劳资纠纷调解",
    "LogCategory.recruitment": "发展会员",
    "LogCategory.event": "活动",
    "LogCategory.training": "培训",
    "LogCategory.rest_station": "驿站服务",
    "LogCategory.other": "其他",
    "Topic.wage_arrears": "欠薪",
    "Topic.contract": "劳动合同",
    "Topic.work_injury": "工伤",
    "Topic.social_insurance": "社会保险",
    "Topic.other": "其他",
    "ReliefStatus.issued": "已发放",
    "ReliefStatus.void": "已作废",
    "ReliefStatus.adjustment": "调整",
    "SyncState.pending": "待同步",
    "SyncState.synced": "已同步",
    "SyncState.rejected": "被拒绝",
    "SyncState.conflict": "有冲突",
    "CaseSource.walk_in": "来访",
    "CaseSource.phone": "电话",
    "CaseSource.hotline": "12351 工单",
    "CaseSource.court": "法院委派",
    "CaseSource.enterprise": "企业走访",
    "DisputeType.wages": "欠薪",
    "DisputeType.contract": "劳动合同",
    "DisputeType.injury": "工伤",
    "DisputeType.social_insurance": "社会保险",
    "DisputeType.compensation": "经济补偿",
    "DisputeType.other": "其他",
    "CaseStatus.applied": "待受理",
    "CaseStatus.accepted": "受理",
    "CaseStatus.mediating": "调解中",
    "CaseStatus.agreed": "达成协议",
    "CaseStatus.arbitration": "调解不成转仲裁",
    "CaseStatus.withdrawn": "撤回",
    "CaseStatus.refused": "不予受理",
    "CaseStatus.closed": "结案",
    "IntakeKind.join": "入会",
    "IntakeKind.transfer_in": "会籍转入",
    "IntakeKind.transfer_out": "会籍转出",
    "Education.primary": "小学及以下",
    "Education.junior": "初中",
    "Education.senior": "高中/中专",
    "Education.college": "大专",
    "Education.bachelor": "本科",
    "Education.postgraduate": "研究生",
    "PoliticalStatus.party": "中共党员",
    "PoliticalStatus.probationary": "中共预备党员",
    "PoliticalStatus.league": "共青团员",
    "PoliticalStatus.democratic": "民主党派",
    "PoliticalStatus.masses": "群众",
    "Hukou.urban": "城镇户籍",
    "Hukou.rural": "农村户籍",
}
