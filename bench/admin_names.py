"""Curated reference names the document generator draws from.

Real administrative names (the 77 provinces with their region, ministries, departments,
independent agencies, volunteer networks and centres) so that generated documents read
like the real thing and an extractor's gazetteer can recognise them. Districts,
sub-districts, villages, venues and people are *generated* from syllable lists; the
ground truth marks them ``generated: true``.

The lists are data, kept here (not in the gazetteer) so that a seed gives the same bytes
whatever the gazetteer grows into.

>>> len(PROVINCES)
77
>>> DEPARTMENTS["dopa"].name
'กรมการปกครอง'
"""
from __future__ import annotations

from dataclasses import dataclass, field

# 77 provinces by the six-region geographic division (north, northeast, west, central,
# east, south); Bangkok is counted with the central region.
_REGIONS: dict[str, str] = {
    "north": "เชียงราย เชียงใหม่ น่าน พะเยา แพร่ แม่ฮ่องสอน ลำปาง ลำพูน อุตรดิตถ์",
    "northeast": "กาฬสินธุ์ ขอนแก่น ชัยภูมิ นครพนม นครราชสีมา บึงกาฬ บุรีรัมย์ มหาสารคาม มุกดาหาร "
                 "ยโสธร ร้อยเอ็ด เลย ศรีสะเกษ สกลนคร สุรินทร์ หนองคาย หนองบัวลำภู อำนาจเจริญ "
                 "อุดรธานี อุบลราชธานี",
    "west": "กาญจนบุรี ตาก ประจวบคีรีขันธ์ เพชรบุรี ราชบุรี",
    "central": "กรุงเทพมหานคร กำแพงเพชร ชัยนาท นครนายก นครปฐม นครสวรรค์ นนทบุรี ปทุมธานี "
               "พระนครศรีอยุธยา พิจิตร พิษณุโลก เพชรบูรณ์ ลพบุรี สมุทรปราการ สมุทรสงคราม "
               "สมุทรสาคร สิงห์บุรี สุโขทัย สุพรรณบุรี สระบุรี อ่างทอง อุทัยธานี",
    "east": "จันทบุรี ฉะเชิงเทรา ชลบุรี ตราด ปราจีนบุรี ระยอง สระแก้ว",
    "south": "กระบี่ ชุมพร ตรัง นครศรีธรรมราช นราธิวาส ปัตตานี พังงา พัทลุง ภูเก็ต ยะลา ระนอง "
             "สงขลา สตูล สุราษฎร์ธานี",
}
PROVINCES: list[tuple[str, str]] = sorted(
    (name, region) for region, names in _REGIONS.items() for name in names.split())
BANGKOK = "กรุงเทพมหานคร"

THAI_MONTHS = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม",
               "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]
THAI_MONTHS_ABBR = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.",
                    "ต.ค.", "พ.ย.", "ธ.ค."]
THAI_WEEKDAYS = ["จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์", "อาทิตย์"]


@dataclass(frozen=True)
class Body:
    """A government body: key, Thai name, ontology type, abbreviation, parent key, head post."""

    key: str
    name: str
    type: str
    abbr: str = ""
    parent: str = ""
    head: str = ""  # title of its head without the body's name (อธิบดี, รัฐมนตรีว่าการ)
    deputy: str = ""
    name_en: str = ""
    book_prefix: str = ""  # the ministry code of its official letters (มท, สธ …)
    address: str = ""

    @property
    def head_title(self) -> str:
        """The head's title as written under a signature (อธิบดีกรมการปกครอง)."""
        return self.head if self.type == "IndependentAgency" else f"{self.head}{self.name}"

    @property
    def deputy_title(self) -> str:
        return self.deputy if self.type == "IndependentAgency" else f"{self.deputy}{self.name}"


def _b(*args: str, **kw: str) -> Body:
    return Body(*args, **kw)


MINISTRIES: dict[str, Body] = {b.key: b for b in [
    _b("moi", "กระทรวงมหาดไทย", "Ministry", "มท.", head="รัฐมนตรีว่าการ", deputy="ปลัด",
       name_en="Ministry of Interior", book_prefix="มท ๐๒",
       address="ถนนอัษฎางค์ กรุงเทพมหานคร ๑๐๒๐๐"),
    _b("moph", "กระทรวงสาธารณสุข", "Ministry", "สธ.", head="รัฐมนตรีว่าการ", deputy="ปลัด",
       name_en="Ministry of Public Health", book_prefix="สธ ๐๒",
       address="ถนนติวานนท์ จังหวัดนนทบุรี ๑๑๐๐๐"),
    _b("msdhs", "กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์", "Ministry", "พม.", head="รัฐมนตรีว่าการ",
       deputy="ปลัด", name_en="Ministry of Social Development and Human Security", book_prefix="พม ๐๒",
       address="ถนนกรุงเกษม กรุงเทพมหานคร ๑๐๑๐๐"),
    _b("moe", "กระทรวงศึกษาธิการ", "Ministry", "ศธ.", head="รัฐมนตรีว่าการ", deputy="ปลัด",
       name_en="Ministry of Education", book_prefix="ศธ ๐๒",
       address="ถนนราชดำเนินนอก กรุงเทพมหานคร ๑๐๓๐๐"),
    _b("moac", "กระทรวงเกษตรและสหกรณ์", "Ministry", "กษ.", head="รัฐมนตรีว่าการ", deputy="ปลัด",
       name_en="Ministry of Agriculture and Cooperatives", book_prefix="กษ ๐๒",
       address="ถนนราชดำเนินนอก กรุงเทพมหานคร ๑๐๒๐๐"),
    _b("moc", "กระทรวงวัฒนธรรม", "Ministry", "วธ.", head="รัฐมนตรีว่าการ", deputy="ปลัด",
       name_en="Ministry of Culture", book_prefix="วธ ๐๒",
       address="ถนนเทียมร่วมมิตร กรุงเทพมหานคร ๑๐๓๑๐"),
    _b("moj", "กระทรวงยุติธรรม", "Ministry", "ยธ.", head="รัฐมนตรีว่าการ", deputy="ปลัด",
       name_en="Ministry of Justice", book_prefix="ยธ ๐๒",
       address="ถนนแจ้งวัฒนะ จังหวัดนนทบุรี ๑๑๑๒๐"),
    _b("mnre", "กระทรวงทรัพยากรธรรมชาติและสิ่งแวดล้อม", "Ministry", "ทส.", head="รัฐมนตรีว่าการ",
       deputy="ปลัด", name_en="Ministry of Natural Resources and Environment", book_prefix="ทส ๐๒",
       address="ถนนพระรามที่ ๖ กรุงเทพมหานคร ๑๐๔๐๐"),
    _b("mol", "กระทรวงแรงงาน", "Ministry", "รง.", head="รัฐมนตรีว่าการ", deputy="ปลัด",
       name_en="Ministry of Labour", book_prefix="รง ๐๒",
       address="ถนนมิตรไมตรี กรุงเทพมหานคร ๑๐๔๐๐"),
]}

DEPARTMENTS: dict[str, Body] = {b.key: b for b in [
    _b("dopa", "กรมการปกครอง", "Department", "ปค.", "moi", "อธิบดี", "รองอธิบดี",
       "Department of Provincial Administration", "มท ๐๓", "ถนนอัษฎางค์ กรุงเทพมหานคร ๑๐๒๐๐"),
    _b("dla", "กรมส่งเสริมการปกครองท้องถิ่น", "Department", "สถ.", "moi", "อธิบดี", "รองอธิบดี",
       "Department of Local Administration", "มท ๐๘", "ถนนนครราชสีมา กทม. ๑๐๓๐๐"),
    _b("cdd", "กรมการพัฒนาชุมชน", "Department", "พช.", "moi", "อธิบดี", "รองอธิบดี",
       "Community Development Department", "มท ๐๔", "ถนนแจ้งวัฒนะ กรุงเทพมหานคร ๑๐๒๑๐"),
    _b("dpm", "กรมป้องกันและบรรเทาสาธารณภัย", "Department", "ปภ.", "moi", "อธิบดี", "รองอธิบดี",
       "Department of Disaster Prevention and Mitigation", "มท ๐๖", "ถนนอู่ทองใน กรุงเทพมหานคร ๑๐๓๐๐"),
    _b("dol", "กรมที่ดิน", "Department", "ทด.", "moi", "อธิบดี", "รองอธิบดี",
       "Department of Lands", "มท ๐๕", "ถนนแจ้งวัฒนะ กรุงเทพมหานคร ๑๐๒๑๐"),
    _b("dpt", "กรมโยธาธิการและผังเมือง", "Department", "ยผ.", "moi", "อธิบดี", "รองอธิบดี",
       "Department of Public Works and Town & Country Planning", "มท ๐๗", "ถนนพระรามที่ ๖ กรุงเทพมหานคร ๑๐๓๐๐"),
    _b("hss", "กรมสนับสนุนบริการสุขภาพ", "Department", "สบส.", "moph", "อธิบดี", "รองอธิบดี",
       "Department of Health Service Support", "สธ ๐๗", "ถนนติวานนท์ จังหวัดนนทบุรี ๑๑๐๐๐"),
    _b("ddc", "กรมควบคุมโรค", "Department", "คร.", "moph", "อธิบดี", "รองอธิบดี",
       "Department of Disease Control", "สธ ๐๔", "ถนนติวานนท์ จังหวัดนนทบุรี ๑๑๐๐๐"),
    _b("doh", "กรมอนามัย", "Department", "อน.", "moph", "อธิบดี", "รองอธิบดี",
       "Department of Health", "สธ ๐๙", "ถนนติวานนท์ จังหวัดนนทบุรี ๑๑๐๐๐"),
    _b("dmh", "กรมสุขภาพจิต", "Department", "สจ.", "moph", "อธิบดี", "รองอธิบดี",
       "Department of Mental Health", "สธ ๐๘", "ถนนติวานนท์ จังหวัดนนทบุรี ๑๑๐๐๐"),
    _b("dop", "กรมกิจการผู้สูงอายุ", "Department", "ผส.", "msdhs", "อธิบดี", "รองอธิบดี",
       "Department of Older Persons", "พม ๐๖", "ถนนราชวิถี กรุงเทพมหานคร ๑๐๔๐๐"),
    _b("dsdw", "กรมพัฒนาสังคมและสวัสดิการ", "Department", "พส.", "msdhs", "อธิบดี", "รองอธิบดี",
       "Department of Social Development and Welfare", "พม ๐๔", "ถนนกรุงเกษม กรุงเทพมหานคร ๑๐๑๐๐"),
    _b("dcy", "กรมกิจการเด็กและเยาวชน", "Department", "ดย.", "msdhs", "อธิบดี", "รองอธิบดี",
       "Department of Children and Youth", "พม ๐๕", "ถนนพหลโยธิน กรุงเทพมหานคร ๑๐๔๐๐"),
    _b("dep", "กรมส่งเสริมและพัฒนาคุณภาพชีวิตคนพิการ", "Department", "พก.", "msdhs", "อธิบดี",
       "รองอธิบดี", "Department of Empowerment of Persons with Disabilities", "พม ๐๗",
       "ถนนราชวิถี กรุงเทพมหานคร ๑๐๔๐๐"),
    _b("dole", "กรมส่งเสริมการเรียนรู้", "Department", "สกร.", "moe", "อธิบดี", "รองอธิบดี",
       "Department of Learning Encouragement", "ศธ ๐๗", "ถนนราชดำเนินนอก กรุงเทพมหานคร ๑๐๓๐๐"),
    _b("doae", "กรมส่งเสริมการเกษตร", "Department", "กสก.", "moac", "อธิบดี", "รองอธิบดี",
       "Department of Agricultural Extension", "กษ ๑๐", "ถนนพหลโยธิน กรุงเทพมหานคร ๑๐๙๐๐"),
    _b("rid", "กรมชลประทาน", "Department", "ชป.", "moac", "อธิบดี", "รองอธิบดี",
       "Royal Irrigation Department", "กษ ๐๓", "ถนนสามเสน กรุงเทพมหานคร ๑๐๓๐๐"),
    _b("dcp", "กรมส่งเสริมวัฒนธรรม", "Department", "สวธ.", "moc", "อธิบดี", "รองอธิบดี",
       "Department of Cultural Promotion", "วธ ๐๒", "ถนนเทียมร่วมมิตร กรุงเทพมหานคร ๑๐๓๑๐"),
    _b("dra", "กรมการศาสนา", "Department", "ศน.", "moc", "อธิบดี", "รองอธิบดี",
       "Department of Religious Affairs", "วธ ๐๓", "ถนนเทียมร่วมมิตร กรุงเทพมหานคร ๑๐๓๑๐"),
    _b("dop_probation", "กรมคุมประพฤติ", "Department", "คป.", "moj", "อธิบดี", "รองอธิบดี",
       "Department of Probation", "ยธ ๐๙", "ถนนแจ้งวัฒนะ กรุงเทพมหานคร ๑๐๒๑๐"),
    _b("rfd", "กรมป่าไม้", "Department", "ปม.", "mnre", "อธิบดี", "รองอธิบดี",
       "Royal Forest Department", "ทส ๑๖", "ถนนพหลโยธิน กรุงเทพมหานคร ๑๐๙๐๐"),
    _b("dwr", "กรมทรัพยากรน้ำ", "Department", "ทน.", "mnre", "อธิบดี", "รองอธิบดี",
       "Department of Water Resources", "ทส ๐๖", "ถนนพระรามที่ ๖ กรุงเทพมหานคร ๑๐๔๐๐"),
    _b("dsd", "กรมพัฒนาฝีมือแรงงาน", "Department", "พร.", "mol", "อธิบดี", "รองอธิบดี",
       "Department of Skill Development", "รง ๐๔", "ถนนมิตรไมตรี กรุงเทพมหานคร ๑๐๔๐๐"),
]}

INDEPENDENT: dict[str, Body] = {b.key: b for b in [
    _b("ect_office", "สำนักงานคณะกรรมการการเลือกตั้ง", "IndependentAgency", "สำนักงาน กกต.",
       head="เลขาธิการคณะกรรมการการเลือกตั้ง", deputy="รองเลขาธิการคณะกรรมการการเลือกตั้ง",
       name_en="Office of the Election Commission of Thailand", book_prefix="ลต",
       address="ถนนแจ้งวัฒนะ เขตหลักสี่ กรุงเทพมหานคร ๑๐๒๑๐"),
    _b("ombudsman_office", "สำนักงานผู้ตรวจการแผ่นดิน", "IndependentAgency", "สผผ.",
       head="เลขาธิการผู้ตรวจการแผ่นดิน", deputy="รองเลขาธิการผู้ตรวจการแผ่นดิน",
       name_en="Office of the Ombudsman", book_prefix="ผผ",
       address="ถนนแจ้งวัฒนะ เขตหลักสี่ กรุงเทพมหานคร ๑๐๒๑๐"),
    _b("nacc_office", "สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ", "IndependentAgency",
       "สำนักงาน ป.ป.ช.", head="เลขาธิการคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ",
       deputy="รองเลขาธิการคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ",
       name_en="Office of the National Anti-Corruption Commission", book_prefix="ปช",
       address="ถนนสนามบินน้ำ จังหวัดนนทบุรี ๑๑๐๐๐"),
    _b("oag_office", "สำนักงานการตรวจเงินแผ่นดิน", "IndependentAgency", "สตง.",
       head="ผู้ว่าการตรวจเงินแผ่นดิน", deputy="รองผู้ว่าการตรวจเงินแผ่นดิน",
       name_en="Office of the Auditor General", book_prefix="ตผ",
       address="ถนนพระราม ๖ กรุงเทพมหานคร ๑๐๔๐๐"),
]}

ALL_BODIES: dict[str, Body] = {**MINISTRIES, **DEPARTMENTS, **INDEPENDENT}
# Bodies that sign MOUs (departments and independent agencies; ministries sign the
# policy-level ones).
PARTY_KEYS: list[str] = sorted(set(DEPARTMENTS) | set(INDEPENDENT))


@dataclass(frozen=True)
class Network:
    """A volunteer network or village-level committee, and the body that runs it."""

    key: str
    name: str
    abbr: str
    owner: str  # key of the body
    type: str = "VolunteerNetwork"
    aliases: tuple[str, ...] = field(default_factory=tuple)


NETWORKS: dict[str, Network] = {n.key: n for n in [
    Network("vhv", "อาสาสมัครสาธารณสุขประจำหมู่บ้าน", "อสม.", "hss",
            aliases=("เครือข่ายอาสาสมัครสาธารณสุขประจำหมู่บ้าน",)),
    Network("vcom", "คณะกรรมการหมู่บ้าน", "กม.", "dopa", aliases=("กรรมการหมู่บ้าน",)),
    Network("women_dev", "คณะกรรมการพัฒนาสตรีทุกระดับ", "กพสต.", "cdd",
            aliases=("คณะกรรมการพัฒนาสตรี",)),
    Network("cd_leaders", "ผู้นำอาสาพัฒนาชุมชน", "ผู้นำ อช.", "cdd"),
    Network("civil_defence", "อาสาสมัครป้องกันภัยฝ่ายพลเรือน", "อปพร.", "dpm"),
    Network("social_dev", "อาสาสมัครพัฒนาสังคมและความมั่นคงของมนุษย์", "อพม.", "dsdw"),
    Network("elderly_care", "อาสาสมัครบริบาลท้องถิ่น", "อบท.", "dop"),
    Network("elderly_clubs", "ชมรมผู้สูงอายุ", "ชมรมผู้สูงอายุ", "dop"),
    Network("farm_vol", "อาสาสมัครเกษตรหมู่บ้าน", "อกม.", "doae"),
    Network("probation_vol", "อาสาสมัครคุมประพฤติ", "อสค.", "dop_probation"),
    Network("culture_vol", "อาสาสมัครวัฒนธรรม", "อส.วธ.", "dcp"),
    Network("forest_vol", "อาสาสมัครพิทักษ์ทรัพยากรธรรมชาติและสิ่งแวดล้อมหมู่บ้าน", "ทสม.", "mnre"),
    Network("ect_partners", "เครือข่ายพันธมิตรการเลือกตั้ง", "เครือข่ายพันธมิตร", "ect_office"),
    Network("youth_council", "สภาเด็กและเยาวชน", "สภาเด็กฯ", "dcy"),
]}


@dataclass(frozen=True)
class Centre:
    key: str
    name: str
    abbr: str
    owner: str
    level: str = "ตำบล"


CENTRES: dict[str, Centre] = {c.key: c for c in [
    Centre("ssp", "ศูนย์ส่งเสริมพัฒนาประชาธิปไตย", "ศส.ปชต.", "ect_office", "ตำบล"),
    Centre("damrongdham", "ศูนย์ดำรงธรรม", "ศูนย์ดำรงธรรม", "moi", "จังหวัด"),
    Centre("family_centre", "ศูนย์พัฒนาครอบครัวในชุมชน", "ศพค.", "dsdw", "ตำบล"),
    Centre("elderly_centre", "ศูนย์พัฒนาคุณภาพชีวิตและส่งเสริมอาชีพผู้สูงอายุ", "ศพอส.", "dop", "ตำบล"),
    Centre("justice_centre", "ศูนย์ยุติธรรมชุมชน", "ศูนย์ยุติธรรมชุมชน", "moj", "ตำบล"),
    Centre("farm_centre", "ศูนย์เรียนรู้การเพิ่มประสิทธิภาพการผลิตสินค้าเกษตร", "ศพก.", "doae", "อำเภอ"),
]}

PROGRAMS: list[str] = [
    "โครงการหมู่บ้านพลเมืองดีวิถีประชาธิปไตย",
    "โครงการศูนย์การเรียนรู้วิถีประชาธิปไตย",
    "โครงการสร้างพลเมืองคุณภาพ",
    "โครงการชุมชนเข้มแข็งต้านทุจริต",
    "โครงการหมู่บ้านเศรษฐกิจพอเพียง",
    "โครงการตำบลสุขภาวะ",
    "โครงการโรงเรียนผู้สูงอายุ",
    "โครงการอาสาสมัครป้องกันภัยประจำหมู่บ้าน",
]
CURRICULA: list[str] = ["หลักสูตรพลเมืองคุณภาพ", "หลักสูตรวิทยากรประชาธิปไตยชุมชน",
                        "หลักสูตรผู้นำการเปลี่ยนแปลงระดับตำบล", "หลักสูตรการป้องกันการทุจริต"]

# MOU topics: the part of the title after 'บันทึกข้อตกลงว่าด้วยความร่วมมือ'.
MOU_TOPICS: list[str] = [
    "การสร้างความรู้ความเข้าใจที่ถูกต้องเกี่ยวกับการปกครองระบอบประชาธิปไตยอันมีพระมหากษัตริย์ทรงเป็นประมุขแก่ประชาชน",
    "การเสริมสร้างความเป็นพลเมืองคุณภาพ",
    "การขับเคลื่อนการพัฒนาคุณภาพชีวิตผู้สูงอายุในชุมชน",
    "การส่งเสริมสุขภาวะและการป้องกันโรคในระดับหมู่บ้าน",
    "การป้องกันและบรรเทาสาธารณภัยโดยชุมชนเป็นฐาน",
    "การพัฒนาศักยภาพเครือข่ายอาสาสมัครในระดับพื้นที่",
    "การส่งเสริมการมีส่วนร่วมของประชาชนในการต่อต้านการทุจริต",
    "การพัฒนาเศรษฐกิจฐานรากและความมั่นคงทางอาหาร",
    "การอนุรักษ์ทรัพยากรธรรมชาติและสิ่งแวดล้อมโดยชุมชน",
    "การส่งเสริมการเรียนรู้ตลอดชีวิตของประชาชน",
]

# Positions named in clauses (the post, without a person): real provincial/district posts.
FIELD_POSTS: dict[str, list[str]] = {
    "dopa": ["ปลัดจังหวัด", "นายอำเภอ", "กำนัน", "ผู้ใหญ่บ้าน"],
    "cdd": ["พัฒนาการจังหวัด", "พัฒนาการอำเภอ", "พัฒนาการประจำตำบล"],
    "hss": ["นายแพทย์สาธารณสุขจังหวัด", "สาธารณสุขอำเภอ"],
    "dla": ["ท้องถิ่นจังหวัด", "ท้องถิ่นอำเภอ"],
    "dpm": ["ผู้อำนวยการสำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัด"],
    "dop": ["ผู้อำนวยการศูนย์พัฒนาการจัดสวัสดิการสังคมผู้สูงอายุ"],
    "dsdw": ["พัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด"],
    "doae": ["เกษตรจังหวัด", "เกษตรอำเภอ"],
    "ect_office": ["ผู้อำนวยการการเลือกตั้งประจำจังหวัด"],
}

# Person names: given names from a first and a last syllable, surnames from three parts.
GIVEN_FIRST = ["สม", "ประ", "วิ", "สุ", "ชัย", "ธนา", "ณัฐ", "อนุ", "พง", "ศิริ", "กิตติ",
               "ปิยะ", "อภิ", "จิร", "ธีร", "นพ", "ภูมิ", "รัช", "สุร", "วีร", "เกียรติ", "ชนะ",
               "พิ", "อำ", "บุญ", "เฉลิม", "ไพ", "สถาพร", "ทวี", "อรุณ"]
GIVEN_LAST_MALE = ["ชาย", "ศักดิ์", "พล", "พงษ์", "ชัย", "วัฒน์", "กร", "ภพ", "เดช", "ยุทธ",
                   "นันท์", "สิทธิ์", "ธร", "วุฒิ", "ศร"]
GIVEN_LAST_FEMALE = ["พร", "ณี", "วรรณ", "ทิพย์", "รัตน์", "ดา", "ลักษณ์", "นุช", "มาศ", "จิต"]
SURNAME_A = ["ศรี", "แก้ว", "ทอง", "บุญ", "ใจ", "สุข", "จันทร์", "วงศ์", "พร", "รัตน", "เพชร",
             "ประ", "สม", "มณี", "ชัย", "พรหม", "อินทร์", "เรือง", "กิจ", "ปัญญา"]
SURNAME_B = ["", "สวัสดิ์", "ประเสริฐ", "เจริญ", "สมบูรณ์", "รุ่ง", "วิเศษ", "มงคล", "ไพศาล", "นิมิต"]
SURNAME_C = ["สกุล", "วงศ์", "ชัย", "ศักดิ์", "กุล", "ทอง", "ดี", "พันธ์", "สุข", "วัฒนา", "ศิลป์",
             "รักษ์"]
HONORIFIC_MALE = ["นาย"] * 12 + ["ดร.", "นายแพทย์", "พันตำรวจเอก", "พลเอก", "ว่าที่ร้อยตรี"]
HONORIFIC_FEMALE = ["นาง"] * 6 + ["นางสาว"] * 3 + ["ดร.", "แพทย์หญิง"]
# Ranks written as a separate word before the name ('พลเอก อนุพงษ์ …'); others attach.
SPACED_HONORIFICS = {"พลเอก", "พันตำรวจเอก", "ว่าที่ร้อยตรี", "ดร."}

# Generated place names (districts, sub-districts, villages, venues) from syllables.
PLACE_FIRST = ["หนอง", "บ้าน", "นา", "ดอน", "โคก", "ห้วย", "ท่า", "บึง", "วัง", "ป่า", "เขา",
               "ทุ่ง", "สระ", "คลอง", "โพธิ์", "ไผ่", "ม่วง", "ตาล", "หัว", "ลำ"]
PLACE_LAST = ["แก", "ใหญ่", "ทอง", "แดง", "ขาม", "เหล็ก", "สะแก", "บัว", "งาม", "ยาง", "จันทร์",
              "ทราย", "กุง", "ไทร", "เตย", "ปรือ", "ค้อ", "เจริญ", "สวรรค์", "หลวง", "น้อย", "ศรี"]
ROOMS = ["ห้องประชุม{n}", "ห้องประชุมชั้น {f}", "ห้องประชุมอเนกประสงค์", "ห้องประชุม{n} ชั้น {f}"]
ROOM_NAMES = ["ราชสีห์", "ราชพฤกษ์", "ชัยพฤกษ์", "บุษบา", "ปาริชาติ", "นนทรี", "ลีลาวดี",
              "สุพรรณิการ์", "อินทนิล", "กัลปพฤกษ์"]
HOTEL_WORDS = ["รอยัล", "แกรนด์", "ริเวอร์", "ซิตี้", "พาเลซ", "การ์เด้น", "ปาร์ค", "ลากูน"]
