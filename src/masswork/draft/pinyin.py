"""Pinyin readings of common characters, for the latin ids of people a plan names
(``李飛`` → ``li-fei``, the convention of hand-written plans). One reading per character
(the ICU "Han-Latin" transliteration, tones dropped), with the surname readings that differ
from the common one, the readings a given name takes (長 chang, 重 chong) and the compound
surnames (歐陽, 司馬 …). Used only to propose ids; a person can always rename them.

Kept hand-written rather than pypinyin, by ``benchmarks/draft_pinyin.py`` (83 names: common
ones, surnames read unlike the character, given names with a two-reading character,
Traditional forms, compound surnames): this table 83/83 right, 2–5 µs a name, 52 KB, 9–20 ms
to read (the table is ``pinyin_readings.tsv`` beside this module); pypinyin 0.55 61/83 (it
reads 單 曾 解 仇 區 查 樂 朴 覃 翟 蓋 种 繆 by their common readings, wrong for surnames, and has no compound surnames), 78/83 with this module's surname
table, 80/83 with that and the name folded to Simplified first; 40–140 µs a name, 3.4 MB
installed, 0.4–1.0 s to import and read a first name (several runs on a shared machine). The
83/83 is on the names the last rows were written from: before the given-name and compound
rows this table had 75/83, and what pypinyin's phrase dictionary got right that it did not
(長春, 長青, 重陽) became the given-name rows. pypinyin would be a large dependency of the core
for ids a clerk checks anyway."""

from __future__ import annotations

__all__ = ["READINGS", "SURNAME_READINGS", "GIVEN_NAME_READINGS", "COMPOUND_SURNAMES", "pinyin",
           "person_id"]

def _read_table() -> dict[str, str]:
    # The table is data (420 syllables); it lives beside this module as a TSV so that the
    # module stays code and a reading can be reviewed or mended as one line.
    from importlib.resources import files

    text = files(__package__).joinpath("pinyin_readings.tsv").read_text(encoding="utf-8")
    table: dict[str, str] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            syllable, chars = line.split("\t")
            table[syllable] = chars
    return table


#: Syllable → the characters that read so, in both scripts.
READINGS: dict[str, str] = _read_table()

SURNAME_READINGS = {
    "單": "shan", "单": "shan", "曾": "zeng", "解": "xie", "仇": "qiu", "區": "ou", "区": "ou",
    "查": "zha", "樂": "yue", "乐": "yue", "繆": "miao", "缪": "miao", "朴": "piao", "沈": "shen",
    "覃": "qin", "翟": "zhai", "蓋": "ge", "盖": "ge", "柏": "bai", "種": "chong", "种": "chong",
    "華": "hua", "华": "hua", "隗": "wei", "莘": "shen", "召": "shao", "長": "zhang",
    "长": "zhang", "紀": "ji", "纪": "ji", "薄": "bo", "寧": "ning", "宁": "ning",
}

#: Characters of two readings that a given name reads otherwise than their common reading
#: (劉長春 liu-changchun, 王重陽 wang-chongyang).
GIVEN_NAME_READINGS = {"長": "chang", "长": "chang", "重": "chong"}

#: Two-character surnames (歐陽修 ouyang-xiu), in both scripts; a name of three or more
#: characters that starts with one is read as that surname and a given name.
COMPOUND_SURNAMES = {
    "欧阳": "ouyang", "歐陽": "ouyang", "司马": "sima", "司馬": "sima", "诸葛": "zhuge",
    "諸葛": "zhuge", "上官": "shangguan", "东方": "dongfang", "東方": "dongfang",
    "皇甫": "huangfu", "尉迟": "yuchi", "尉遲": "yuchi", "公孙": "gongsun", "公孫": "gongsun",
    "慕容": "murong", "长孙": "zhangsun", "長孫": "zhangsun", "令狐": "linghu", "夏侯": "xiahou",
    "司徒": "situ", "端木": "duanmu", "轩辕": "xuanyuan", "軒轅": "xuanyuan", "宇文": "yuwen",
    "澹台": "tantai", "澹臺": "tantai", "西门": "ximen", "西門": "ximen", "独孤": "dugu",
    "獨孤": "dugu", "呼延": "huyan", "申屠": "shentu", "闻人": "wenren", "聞人": "wenren",
}

_BY_CHAR: dict[str, str] = {}


def _index() -> dict[str, str]:
    if not _BY_CHAR:
        for syllable, chars in READINGS.items():
            for ch in chars:
                _BY_CHAR.setdefault(ch, syllable)
    return _BY_CHAR


def pinyin(text: str) -> list[str]:
    """The reading of each character of ``text`` (characters without one are skipped)."""
    table = _index()
    return [table[ch] for ch in text if ch in table]


def person_id(name: str) -> str:
    """``"焦國慶"`` → ``"jiao-guoqing"``: surname, hyphen, given name (``"歐陽修"`` →
    ``"ouyang-xiu"``)."""
    name = name.strip()
    if not name:
        return ""
    compound = COMPOUND_SURNAMES.get(name[:2]) if len(name) >= 3 else None
    if compound:
        first, given = compound, name[2:]
    else:
        first, given = SURNAME_READINGS.get(name[0]) or "".join(pinyin(name[0])), name[1:]
    table = _index()
    rest = "".join(GIVEN_NAME_READINGS.get(ch) or table.get(ch, "") for ch in given)
    if not first:
        return ""
    return f"{first}-{rest}" if rest else first
