"""Word tables used by name normalisation: legal forms, abbreviations, place-name
spellings, stopwords and look-alike letters.

Every table is applied in the same way to list names when the index is built and to
queries, so a rule can change what is compared but can never make the two sides differ.
Entries are kept to words that are unambiguous in names; a short word that is also a
common personal name (Min, Mun, Eng...) is left out on purpose.
"""

from __future__ import annotations

import re

# Abbreviations written in names, expanded to the full word(s). Keys and values are in
# the normalised (lower-case ASCII) form. "co" and "corp" are expanded before legal forms
# are recognised, so "Co., Ltd." and "Company Limited" end up the same.
ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "acad": ("academy",),
    "admin": ("administration",),
    "assn": ("association",),
    "assoc": ("association",),
    "bros": ("brothers",),
    "bur": ("bureau",),
    "cntr": ("center",),
    "co": ("company",),
    "coll": ("college",),
    "comm": ("communications",),
    "corp": ("corporation",),
    "ctr": ("center",),
    "dept": ("department",),
    "devt": ("development",),
    "dist": ("district",),
    "elec": ("electronics",),
    "engg": ("engineering",),
    "engr": ("engineering",),
    "govt": ("government",),
    "grp": ("group",),
    "hq": ("headquarters",),
    "info": ("information",),
    "inst": ("institute",),
    "intl": ("international",),
    "lab": ("laboratory",),
    "labs": ("laboratories",),
    "mfg": ("manufacturing",),
    "mgmt": ("management",),
    "munic": ("municipal",),
    "natl": ("national",),
    "pref": ("prefecture",),
    "prov": ("province",),
    "sci": ("science",),
    "svc": ("services",),
    "svcs": ("services",),
    "srvces": ("services",),
    "tech": ("technology",),
    "tv": ("television",),
    "univ": ("university",),
    # Security-sector abbreviations common in partner spreadsheets.
    "psb": ("public", "security", "bureau"),
    "mps": ("ministry", "public", "security"),
    "prc": ("peoples", "republic", "china"),
    "mod": ("ministry", "defense"),
    "moi": ("ministry", "interior"),
    "mfa": ("ministry", "foreign", "affairs"),
}

# The Russian Academy of Sciences' initials, as Russian institutes write them after their
# name ("Rzhanov Institute of Semiconductor Physics SB RAS", "Lebedev Physical Institute
# RAS"; RAN in transliteration), with the initials of its regional branches before them.
# "RAS" is also an Arabic word ("Ras Al Khaimah"), so it is read out only after a branch's
# initials or as the last word of a name that holds an institution word.
ACADEMY_INITIALS = frozenset({"ras", "ran"})
ACADEMY = ("russian", "academy", "sciences")
ACADEMY_BRANCHES: dict[str, tuple[str, ...]] = {
    "sb": ("siberian", "branch"), "so": ("siberian", "branch"),
    "ub": ("ural", "branch"), "uro": ("ural", "branch"),
    "feb": ("far", "eastern", "branch"), "dvo": ("far", "eastern", "branch"),
}
ACADEMY_BODIES = frozenset({
    "institute", "center", "laboratory", "laboratories", "observatory", "university", "station", "museum",
})

# Spelling and number variants read as one word without comment in explanations: British
# and American spellings common in the names of bodies, and plural "technologies".
SPELLINGS: dict[str, str] = {
    "centre": "center", "centres": "centers", "technologies": "technology",
    "defence": "defense", "organisation": "organization", "organisations": "organizations",
    "programme": "program", "programmes": "programs", "labour": "labor", "licence": "license",
    "organised": "organized", "organise": "organize", "organising": "organizing",
    "specialised": "specialized", "armoured": "armored", "armour": "armor",
}

# Ukrainian and Belarusian forms of East Slavic given names, read as the Russian form the
# lists and the press also use for the same person ("Kyrylo Stremousov" / "Kirill",
# "Aleh Charnyshou" / "Oleg", "Uladzimir" / "Vladimir"). Forms a typo apart from the
# Russian one ("Andrii" / "Andrey", "Iryna" / "Irina") need no entry.
_GIVEN_NAME_GROUPS: tuple[tuple[str, ...], ...] = (
    ("kirill", "kyrylo", "kyryl", "kiryl"),
    ("aleksandr", "oleksandr", "aliaksandr", "aliaksander", "oleksander"),
    ("aleksey", "oleksii", "oleksiy", "oleksij", "aliaksei", "aliaksey"),
    ("vladimir", "volodymyr", "uladzimir", "uladzimier"),
    ("oleg", "oleh", "aleh"),
    ("sergey", "serhii", "serhiy", "serhij", "siarhei", "siarhey"),
    ("mikhail", "mykhailo", "mykhaylo", "mikhas"),
    ("dmitry", "dmytro", "dzmitry", "dzmitryi"),
    ("nikolay", "mykola", "mikalai", "mikalay"),
    ("pavel", "pavlo"),
    ("igor", "ihor"),
    ("grigory", "hryhorii", "hryhoriy", "ryhor"),
    ("yevgeny", "evgeny", "evgenii", "evgeniy", "yevgenii", "yevgeniy", "yevhen", "yevhenii", "yevheniy", "ievgen",
     "yauhen", "yauheni"),
    ("vasily", "vasyl", "vasil"),
    ("petr", "petro", "piotr", "pyotr"),
    ("konstantin", "kostiantyn", "kostyantyn", "kanstantsin"),
    ("georgy", "heorhii", "heorhiy"),
    ("vyacheslav", "viacheslav", "viachaslau", "vyachaslau"),
    ("olga", "olha", "volha"),
    ("yelena", "olena"),
    ("tatyana", "tetiana", "tetyana", "tatsiana"),
    ("svetlana", "svitlana", "sviatlana"),
    ("galina", "halyna", "galyna"),
    ("lyudmila", "liudmyla", "liudmila", "ludmila"),
    ("bogdan", "bohdan"),
    ("nikita", "mykyta"),
    ("fyodor", "fedir", "fedor", "fiodor"),
    # ё romanised "yo", "io" or "e"
    ("artem", "artyom", "artiom"),
    ("semyon", "semen", "semion"),
    ("alyona", "alena", "aliona"),
    ("yakov", "yakiv"),
    ("ilya", "illia", "illya"),
    ("matvei", "matvii"),
    ("timofei", "tymofii"),
    ("nadezhda", "nadiia"),
    ("yulia", "yuliia", "iuliia", "yuliya"),
    ("yekaterina", "ekaterina", "kateryna", "katsiaryna"),
    ("yelizaveta", "elizaveta", "yelyzaveta"),
)


def _cyrillic_spellings(name: str) -> set[str]:
    """The forms a Belarusian or Ukrainian given name takes when its Cyrillic is
    transliterated as Russian is ("Аляксандр" / "alyaksandr" for the official "Aliaksandr",
    "Сяргей" / "syargei" for "Siarhei", "Алег" / "aleg" for "Aleh"): "ia" written "ya", an
    "h" that stands for г written "g" (not the h of kh, sh, zh, ch)."""
    ya = name.replace("ia", "ya")
    return {ya, re.sub(r"(?<![kszc])h", "g", name), re.sub(r"(?<![kszc])h", "g", ya)} - {name}


_NOT_GIVEN_NAMES = {"volga"}  # the river, in many bodies' names ("Volga-Dnepr"): not read as Olga


def _given_names() -> dict[str, str]:
    """Each form of a group → its Russian form; the forms a Cyrillic transliteration gives
    never override a form the table writes."""
    table = {v: group[0] for group in _GIVEN_NAME_GROUPS for v in group[1:]}
    for group in _GIVEN_NAME_GROUPS:
        for v in group[1:]:
            for w in _cyrillic_spellings(v) - _NOT_GIVEN_NAMES - {group[0]}:
                table.setdefault(w, group[0])
    return table


GIVEN_NAMES: dict[str, str] = _given_names()

# Legal forms: a phrase (tuple of normalised words) → its class. Classes follow the usual
# grouping of company forms: private limited companies, joint-stock companies,
# corporations, partnerships. Longest phrase wins.
LEGAL_FORMS: dict[tuple[str, ...], str] = {}


def _forms(cls: str, *phrases: str) -> None:
    for phrase in phrases:
        LEGAL_FORMS[tuple(phrase.split())] = cls


_forms(
    "LLC",
    "ltd", "limited", "llc", "l l c", "company limited", "company ltd", "limited company",
    "limited liability company", "limited liability co", "ooo", "tov", "too", "gmbh", "mbh",
    "sarl", "s a r l", "srl", "s r l", "bv", "b v", "pty ltd", "pty limited", "pte ltd",
    "pte limited", "sdn bhd", "bhd", "ltda", "kft", "sp zoo", "spolka zoo", "sp z o o", "doo",
    "gesellschaft mit beschrankter haftung", "societatea cu raspundere limitata", "aps",
    "obshchestvo s ogranichennoy otvetstvennostyu", "private limited",
    "private limited company", "pvt ltd", "fze", "fzco", "fzc", "llp", "co ltd",
    "sl", "s l", "slu", "sociedad limitada", "sociedad de responsabilidad limitada",
    # the Irish designated activity company, a private company limited by shares
    "dac", "designated activity company",
    # Turkish limited company, "Ltd. Şti." (limited şirketi)
    "ltd sti", "limited sti", "limited sirketi", "ltd sirketi",
    # German limited partnerships, "GmbH & Co. KG" ("co" is read as "company" first)
    "kg", "gmbh company kg", "ag company kg", "kommanditgesellschaft",
)
_forms(
    "JSC",
    "jsc", "ojsc", "cjsc", "pjsc", "ao", "zao", "oao", "pao", "ag", "sa", "s a", "nv", "n v",
    "plc", "spa", "s p a", "joint stock company", "public joint stock company",
    "open joint stock company", "closed joint stock company", "aktiengesellschaft",
    "societe anonyme", "sociedad anonima", "public limited company", "asa", "as", "a s", "ab",
    "oyj", "sa de cv", "s a de c v", "jsc co", "sas", "sociedad por acciones simplificada",
    "societe par actions simplifiee",
    # Turkish joint-stock company, "A.Ş." (anonim şirketi; "a s" above)
    "anonim sirketi",
)
# Russian and Ukrainian legal forms written out in Latin letters, in the spellings the
# lists use ("Aktsionernoe Obshchestvo", "Otkrytoye Aktsionernoe Obschestvo", "Obshchestvo s
# Ogranichennoi Otvetstvennostyu", "Pryvatne Aktsionerne Tovarystvo").
_SOCIETY = ("obshchestvo", "obschestvo", "obshestvo")
_JOINT_STOCK = ("aktsionernoe", "aktsionernoye")
_forms("JSC", *(f"{kind}{j} {s}" for kind in ("", "otkrytoe ", "otkrytoye ", "zakrytoe ", "zakrytoye ",
                                                 "publichnoe ", "publichnoye ", "nepublichnoe ")
                for j in _JOINT_STOCK for s in _SOCIETY))
_forms("JSC", *(f"{kind}aktsionerne tovarystvo" for kind in ("", "pryvatne ", "publichne ", "vidkryte ", "zakryte ")))
_forms("LLC", *(f"{s} s ogranichennoy {o}" for s in _SOCIETY for o in ("otvetstvennostyu", "otvetstvennostiu")),
       *(f"{s} s ogranichennoi {o}" for s in _SOCIETY for o in ("otvetstvennostyu", "otvetstvennostiu")),
       "tovarystvo z obmezhenoyu vidpovidalnistyu", "tovarystvo z obmezhenoiu vidpovidalnistiu")
_forms("CORP", "corporation", "inc", "incorporated")
_forms("CO", "company")

LEGAL_FORM_MAX = max(len(k) for k in LEGAL_FORMS)

# Forms that are also written before the name ("OOO Romashka", "AO Kronshtadt", and the
# Romanian and Moldovan "SRL Pro Traffic").
# Every other form is recognised only at the end of a name.
LEGAL_FORM_PREFIXES = frozenset(
    [(w,) for w in "ooo ao zao oao pao tov too jsc ojsc cjsc pjsc srl".split()]
    + [k for k in LEGAL_FORMS if len(k) >= 2 and k[0] not in ("company", "co", "s", "a", "b", "n", "d", "l")]
)

# Legal forms written in Chinese characters, stripped before transliteration.
HAN_LEGAL_FORMS: dict[str, str] = {
    "股份有限公司": "JSC",
    "有限责任公司": "LLC",
    "有限公司": "LLC",
    "公司": "CO",
}

# Arabic and Persian institutional words, read in English by the consonant reading of a
# name in that script ("شركة الكوثر" → "company" + "kawthar", which meets the listed
# "AL KAWTHAR COMPANY"). Keys as ``abjad.abjad_gloss`` folds them: ی for ي and ى, ک for ك,
# ه for ة, bare alif; without the article. Several English words: each a reading.
ABJAD_GLOSSARY: dict[str, tuple[str, ...]] = {
    "شرکه": ("company",), "شرکت": ("company",), "محدوده": ("limited",), "محدود": ("limited",),
    "مجموعه": ("group",), "گروه": ("group",), "موسسه": ("establishment", "institution", "foundation"),
    "بنیاد": ("foundation",), "سازمان": ("organization",), "منظمه": ("organization",),
    "تنظیم": ("organization",), "صنایع": ("industries",), "صناعات": ("industries",),
    "بنک": ("bank",), "بانک": ("bank",), "مصرف": ("bank",), "وزاره": ("ministry",), "وزارت": ("ministry",),
    "جامعه": ("university",), "دانشگاه": ("university",), "مرکز": ("center",), "جمعیه": ("society", "association"),
    "هیئه": ("commission", "authority"), "هیئت": ("commission", "authority"),
    "اداره": ("directorate", "administration"), "مخابرات": ("intelligence",), "اطلاعات": ("intelligence",),
    "شبکه": ("network",), "جبهه": ("front",), "جیش": ("army",), "ارتش": ("army",), "حرس": ("guard",),
    "پاسداران": ("guards",), "قوات": ("forces",), "نیروی": ("force",), "مقاومت": ("resistance",),
    "مقاومه": ("resistance",), "صرافه": ("exchange",), "صرافی": ("exchange",), "تجاریه": ("trading", "commercial"),
    "تجاری": ("trading", "commercial"), "تجاره": ("trading",), "اسلامیه": ("islamic",), "اسلامی": ("islamic",),
    "انقلاب": ("revolution",), "ثوره": ("revolution",), "دفاع": ("defense",), "هوافضا": ("aerospace",),
    "تعاون": ("cooperative",), "جمهوری": ("republic",), "جمهوریه": ("republic",), "کتیبه": ("brigade", "battalion"),
    "لواء": ("brigade",), "حزب": ("party",), "حرکه": ("movement",), "اتحاد": ("union",),
}

# Words of Chinese institutional names with the English words the lists use for them, so
# that 新疆警察学院 also reads "Xinjiang Police College" and 乌鲁木齐市公安局 "Urumqi
# Municipal Public Security Bureau" (the lists give most Chinese bodies in English only).
# Terms are matched longest first; what no term covers (place names, brand names) stays
# Han and is read as pinyin. A term the lists render several ways has each rendering, in
# the order they are tried (工业大学: Harbin "Institute of Technology", Northwestern
# "Polytechnical University", Beijing "University of Technology").
# The country whose institutional words the glossary holds: a name read through it is placed
# there (its listed "... of China" is then no word the query leaves out).
HAN_GLOSSARY_COUNTRY = "CN"
HAN_GLOSSARY: dict[str, str | tuple[str, ...]] = {
    "新疆生产建设兵团": "Xinjiang Production and Construction Corps",
    "生产建设兵团": "Production and Construction Corps",
    "国家安全部": "Ministry of State Security",
    "公安部": "Ministry of Public Security",
    "公安局": "Public Security Bureau",
    "公安厅": "Public Security Department",
    "公安": "Public Security",
    "国家安全": "State Security",
    "人民政府": "People's Government",
    "人民": "People's",
    "政府": "Government",
    "警察": "Police",
    "警官": "Police",
    "武装警察": "Armed Police",
    "武警": "Armed Police",
    "特警": "Special Police",
    "刑事": "Criminal",
    "侦查": "Investigation",
    "反恐": "Counter-Terrorism",
    "工业大学": ("University of Technology", "Polytechnical University", "Institute of Technology"),
    "理工大学": ("University of Science and Technology", "Institute of Technology"),
    "工业": "Industry",
    "西北": ("Northwestern", "Northwest"),
    "东北": ("Northeastern", "Northeast"),
    "西南": ("Southwest", "Southwestern"),
    "东南": ("Southeast", "Southeastern"),
    "华北": "North China",
    "华南": "South China",
    "华东": "East China",
    "华中": "Central China",
    "航空": ("Aeronautics", "Aviation"),
    "航天": ("Astronautics", "Aerospace"),
    "航天科工": "Aerospace Science and Industry",
    "船舶": "Shipbuilding",
    "兵器": "Ordnance",
    "物理": "Physics",
    "基因": "Gene",
    "邮电": "Posts and Telecommunications",
    "军事": "Military",
    "人民解放军": "People's Liberation Army",
    "解放军": "People's Liberation Army",
    "国家": "National",
    "中央": "Central",
    "学院": "College",
    "大学": "University",
    "学校": "School",
    "科学院": "Academy of Sciences",
    "研究院": ("Research Institute", "Academy"),
    "研究所": ("Research Institute", "Institute"),
    "研究中心": "Research Center",
    "中心": "Center",
    "监狱": "Prison",
    "看守所": "Detention Center",
    "拘留所": "Detention Center",
    "兵团": "Corps",
    "部队": "Force",
    "自治区": "Autonomous Region",
    "自治州": "Autonomous Prefecture",
    "地区": "Prefecture",
    "维吾尔": "Uyghur",
    # the other peoples that name Xinjiang's autonomous prefectures (伊犁哈萨克自治州: Ili
    # Kazakh Autonomous Prefecture; 博尔塔拉蒙古自治州, 克孜勒苏柯尔克孜自治州, 昌吉回族自治州)
    "哈萨克": "Kazakh",
    "蒙古": "Mongolian",
    "柯尔克孜": "Kyrgyz",
    "回族": "Hui",
    # (the other provinces come from ISO 3166-2, see names.han_provinces; these two the
    # lists write in English rather than in its romanisation)
    "西藏": ("Tibet", "Xizang"),
    "内蒙古": ("Inner Mongolia", "Nei Mongol"),
    "藏族": "Tibetan",
    "高能物理": "High Energy Physics",
    "运载火箭": "Launch Vehicle",
    "中国": ("China", "Chinese"),
    "国防": "National Defense",
    "科学技术": "Science and Technology",
    "科技": ("Technology", "Science and Technology"),
    "技术": "Technology",
    "理工": "Science and Technology",
    "航空航天": "Aeronautics and Astronautics",
    "工程": "Engineering",
    "电子": ("Electronics", "Electronic"),
    "数字": "Digital",
    "信息": "Information",
    "集团": "Group",
    "集团公司": "Group Corporation",
    "师范": "Normal",
    "政法": "Political Science and Law",
    "司法": "Justice",
    "法院": "Court",
    "检察院": "Procuratorate",
    "委员会": "Committee",
    # technical and trade words of the institutes and companies the export-control lists
    # name (the 14th Research Institute's "Radar", "Semiconductor", "Telecom")
    "半导体": "Semiconductor",
    "微电子": "Microelectronics",
    "集成电路": "Integrated Circuit",
    "仪器": "Instrument",
    "仪表": "Instrument",
    "航海": ("Navigation", "Navigational"),
    "导航": "Navigation",
    "自动控制": "Automatic Control",
    "自动化": "Automation",
    "控制": "Control",
    "电信": "Telecom",
    "通信": "Communications",
    "通讯": "Communications",
    "网络": "Network",
    "联合": "United",
    "雷达": "Radar",
    "材料": "Materials",
    "光学": "Optics",
    "光电": "Optoelectronics",
    "计算机": "Computer",
    "计算": "Computing",
    "软件": "Software",
    "测量": "Measurement",
    "测试": "Testing",
    "无线电": "Radio",
    "电源": "Power Sources",
    "空间": "Space",
    "动力": "Power",
    "机械": "Machinery",
    "精密": "Precision",
    "化工": "Chemical",
    "化学": "Chemistry",
    "核工业": "Nuclear Industry",
    "能源": "Energy",
    "新能源": "New Energy",
    "生物": "Biological",
    "医学": "Medical",
    "设计": "Design",
    "装备": "Equipment",
    "设备": "Equipment",
    "制造": "Manufacturing",
    "人工智能": "Artificial Intelligence",
    "智能": "Intelligent",
    "视频": "Video",
    "识别": "Recognition",
    "大数据": "Big Data",
    "云计算": "Cloud Computing",
    "发展": "Development",
    "开发": "Development",
    "投资": "Investment",
    "贸易": "Trading",
    "进出口": "Import and Export",
    "国际": "International",
    "实业": "Industrial",
    "控股": "Holdings",
    "实验室": "Laboratory",
    "研究": "Research",
    "海洋": "Marine",
    "卫星": "Satellite",
    "导弹": "Missile",
    "火箭": "Rocket",
    "飞机": "Aircraft",
    "发动机": "Engine",
    "移动": "Mobile",
    "电力": "Electric Power",
    "职业": "Vocational",
    "遥感": "Remote Sensing",
    "科学研究院": ("Research Institute", "Institute", "Academy"),
    "科学研究所": ("Research Institute", "Institute"),
    # the group's own Chinese name, which reads word for word as "China Shipbuilding Group"
    "中国船舶集团": "China State Shipbuilding Corporation",
    "应用": "Applied",
    "计算数学": "Computational Mathematics",
    "数学": "Mathematics",
    "与": "and",
    "量子": "Quantum",
    "机电": ("Mechano-Electronic", "Electromechanical"),
    "研究设计院": ("Research and Design Institute", "Research and Design Academy", "Design Institute"),
    "测控": "Measurement and Control",
    "船舶重工": "Shipbuilding Industry",
    "重工": "Heavy Industry",
    "海洋石油": "Offshore Oil",
    "石油": "Petroleum",
    "天然气": "Natural Gas",
    "钢铁": "Iron and Steel",
    "铁路": "Railway",
    "航运": "Shipping",
    "海运": "Shipping",
    "物流": "Logistics",
    "矿业": "Mining",
    "交通": ("Communications", "Transport"),
    "建设": "Construction",
    "建筑": "Construction",
    "工厂": "Factory",
    "厂": "Factory",
    "市": "Municipal",
    "县": "County",
    "省": "Province",
}

# Chinese compound (two-character) surnames; a three- or four-character Han name that
# starts with one of these splits after the second character.
HAN_COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 令狐 澹台 端木 独孤 南宫 万俟 呼延".split()
)

# Place names with several romanisations in the lists (Chinese official pinyin, Uyghur,
# older Wade-Giles or English forms). Each variant is replaced by one canonical spelling.
# Pairs such as Kashgar/Kashi and Hotan/Hetian appear as aliases of the same entities in
# the US Entity List (84 FR 54002, 9 October 2019).
_PLACE_GROUPS: tuple[tuple[str, ...], ...] = (
    ("kashgar", "kashi", "kaxgar"),
    ("urumqi", "urumchi", "wulumuqi"),
    ("xinjiang", "sinkiang", "xj"),
    ("uyghur", "uighur", "uygur", "uigur", "weiwuer", "uyghurs", "uighurs"),
    ("hotan", "hetian", "khotan"),
    ("aksu", "akesu", "aqsu"),
    ("karamay", "kelamayi", "qaramay"),
    ("turpan", "turfan", "tulufan"),
    ("ili", "yili"),
    ("bortala", "boertala"),
    ("kizilsu", "kezilesu", "kezilsu", "kezileisu"),  # kezileisu: pypinyin's reading of 克孜勒苏
    ("bayingolin", "bayinguoleng", "bayingol"),
    ("tumxuk", "tumushuke"),
    ("kumul", "qumul", "hami"),
    ("korla", "kuerle"),
    ("altay", "aletai"),
    ("tacheng", "chochek"),
    ("tibet", "xizang"),
    ("beijing", "peking"),
    ("harbin", "haerbin"),
    ("hohhot", "huhehaote"),
    ("lhasa", "lasa"),
    ("nanjing", "nanking"),
    ("chongqing", "chungking"),
    ("tianjin", "tientsin"),
    ("myanmar", "burma"),
    ("kyiv", "kiev"),
    ("belarus", "byelorussia"),
)
PLACES: dict[str, str] = {v: group[0] for group in _PLACE_GROUPS for v in group[1:]}
# The country of each canonical place above (ISO 3166-1 alpha-2), and place words too
# short for the rule that takes words of four letters or more from ISO 3166 names: "sri"
# of Sri Lanka (other three-letter words there, such as "lao", "jan" or "man", are also
# names or everyday words and are left out).
PLACE_COUNTRY: dict[str, str] = {
    **{group[0]: "CN" for group in _PLACE_GROUPS}, "myanmar": "MM", "kyiv": "UA", "belarus": "BY", "sri": "LK",
}

# Words naming a level of government ("Municipal", "Prefecture", "Autonomous Region"): in a
# listed name they say what kind of office it is, not which place or body.
ADMIN_LEVEL_WORDS = frozenset(
    "city municipal municipality province provincial region regional prefecture prefectural county "
    "district autonomous territory administrative area oblast krai kray governorate township village "
    "town republic".split()
)

# Ordinals written out, read as the numbers the lists also write them as ("CASIC Second
# Academy" / "... 2nd Academy" / 第二研究院; "Third Academy" / "3rd Academy").
ORDINAL_WORDS: dict[str, str] = {
    w: str(i) for i, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
        "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(), start=1
    )
}

# Function words and titles dropped from the comparable form (both sides).
STOPWORDS = frozenset(
    "the of and for in at on de du des del la le da do dos das y et und".split()
    + "mr mrs ms miss dr prof president prasident shaikh sheikh sheik haji hajji mullah maulvi maulavi".split()
    # Turkic patronymic markers ("Nazim Tofik Ogly": son of Tofik), written or left out
    + "ogly oglu ogli kyzy kizi qizi gizi".split()
    # a Russian body named in someone's honour: "... Institute named after Academician A.I.
    # Berg", "imeni Kirova"; the name itself is what identifies the body
    + "named after imeni academician akademik akademika".split()
)

# Particles of Arabic names written several ways, read as one.
PARTICLES = {"ibn": "bin", "el": "al", "abou": "abu"}

# Latin letters that look like Cyrillic ones, typed for them inside a Cyrillic word (the
# UK list writes "Михаил Aлександрович" and "Пëтр" with a Latin A and ë, "БАСУРIН" with a
# Latin I for the Ukrainian і): read as the Cyrillic letter, so that the word is
# transliterated whole instead of having its Cyrillic letters read as Latin ones.
LATIN_AS_CYRILLIC: dict[int, str] = {
    ord(k): v
    for k, v in {
        "A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "I": "І", "K": "К", "M": "М", "O": "О",
        "P": "Р", "T": "Т", "X": "Х", "Y": "У", "Ë": "Ё",
        "a": "а", "c": "с", "e": "е", "i": "і", "k": "к", "o": "о", "p": "р", "x": "х", "y": "у",
        "ë": "ё", "ĸ": "к",
    }.items()
}

# Letters from Cyrillic and Greek that look like Latin ones. They are folded in a word that
# also holds Latin letters and no other Cyrillic or Greek letter ("Ηikvisiоn"), and in a
# word made only of them in a name whose other words are Latin: a word holding other
# Cyrillic or Greek letters, and a wholly Cyrillic or Greek name, are transliterated.
CONFUSABLES: dict[int, str] = {
    ord(k): v
    for k, v in {
        # Cyrillic
        "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o",
        "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i",
        "ј": "j", "ԁ": "d", "ԛ": "q", "ԝ": "w", "һ": "h", "ӏ": "l", "ԍ": "g",
        "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
        "С": "C", "Т": "T", "У": "Y", "Х": "X", "Ѕ": "S", "І": "I", "Ј": "J", "Ԛ": "Q",
        "Ԝ": "W", "Һ": "H", "Ӏ": "I",
        # Greek
        "α": "a", "β": "b", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p",
        "τ": "t", "υ": "u", "χ": "x", "γ": "y",
        "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M",
        "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
    }.items()
}
