"""The domain's words, as data: activity types, documents, roles, bodies, groups (audiences,
sources of opinion, channels, items a document must cover) and phases, each with the
Chinese term that becomes its id in a drafted plan and the other wordings that mean it.

Ids follow the convention of hand-written plans (docs/formats.md): the Chinese term itself
(``座談會``, ``班子成員``, ``督導組``), in Traditional characters. Where plans use different
words for different things (``黨員學習交流會`` / ``集中學習交流會``), each word is its own
term, so a drafted plan keeps the plan's own distinctions.

Matching is done on folded text (Simplified characters, see :mod:`masswork.draft.text`),
longest wording first; ``patterns`` are regular expressions on folded text for wordings
with a variable middle (``市委…領導小組辦公室``).

``SETS`` are the numbered sets of the campaign language (四風, 四問, 四落實): their items are
what a document or a round of events must cover.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import attrs

from .text import fold

__all__ = ["Term", "TermSet", "Match", "Lexicon", "LEXICON", "TERMS", "SETS", "CATEGORIES"]

CATEGORIES = ("activity", "document", "role", "body", "group", "phase")


@attrs.frozen
class Term:
    """One thing of the domain. ``channel``: a group that is a way of reaching people
    (website, notice board, letter box); ``collective``: a role or group meaning "all of
    them" (全體黨員)."""

    id: str
    category: str
    name_en: str
    aliases: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    includes: tuple[str, ...] = ()
    parent: str | None = None
    channel: bool = False
    collective: bool = False


@attrs.frozen
class TermSet:
    """A numbered set (四風): its name's wordings, its items (term ids) and the field of an
    event or document its items are looked for in."""

    id: str
    names: tuple[str, ...]
    items: tuple[str, ...]
    field: str


@attrs.frozen
class Match:
    """A term found in folded text at [start, end)."""

    term: Term
    start: int
    end: int

    @property
    def id(self) -> str:
        return self.term.id

    @property
    def category(self) -> str:
        return self.term.category


def _t(category: str, id: str, en: str, *aliases: str, patterns: Sequence[str] = (),
       includes: Sequence[str] = (), parent: str | None = None, channel: bool = False,
       collective: bool = False) -> Term:
    return Term(id, category, en, (id, *aliases), tuple(patterns), tuple(includes), parent,
                channel, collective)


_A, _D, _R, _B, _G, _P = "activity", "document", "role", "body", "group", "phase"

TERMS: tuple[Term, ...] = (
    # ------------------------------------------------------------ activities 活動
    _t(_A, "動員大會", "mobilization meeting", "動員會", "動員部署會", "動員部署大會"),
    _t(_A, "民主評議", "democratic appraisal", "民主測評", "民主評議黨員"),
    _t(_A, "中層干部民主評議", "appraisal of middle-level cadres", "中層干部的民主評議",
       "中層幹部民主評議", "中層幹部的民主評議"),
    _t(_A, "個別談話", "individual talks"),
    _t(_A, "談心談話", "heart-to-heart talks", "談心", "必談", "四個必談", "談心交心"),
    _t(_A, "傳達學習會", "study session conveying higher-level decisions", "傳達學習"),
    _t(_A, "調查研究", "survey and research", "專題調研"),
    _t(_A, "走訪調研", "visits to the grassroots", "走訪調研"),
    _t(_A, "中心組學習會", "central-group study session", "中心組學習", "中心組集體學習",
       "中心組專題學習", "理論學習中心組學習"),
    _t(_A, "專題學習會", "special study meeting"),
    _t(_A, "集中學習", "group study", "集體學習"),
    _t(_A, "黨員學習交流會", "members' study exchange"),
    _t(_A, "全體黨員學習交流會", "all-member study exchange"),
    _t(_A, "集中學習交流會", "all-member study exchange", "集中學習交流討論會"),
    _t(_A, "討論交流會", "discussion exchange meeting", "討論學習交流會", "學習交流討論會",
       "討論交流會"),
    _t(_A, "學習交流會", "study exchange meeting"),
    _t(_A, "專題討論", "topic discussion", "討論活動", "專題研討", "研討交流"),
    _t(_A, "專題黨課", "special party lecture", "主題黨課", "黨課"),
    _t(_A, "專題講座", "expert lecture", "講座", "專家輔導", "輔導報告"),
    _t(_A, "典型學習", "model-learning session"),
    _t(_A, "學習先進典型", "learning from models", "學習先進典型活動"),
    _t(_A, "參觀革命教育基地", "visit to a revolutionary education site", "參觀革命傳統教育基地"),
    _t(_A, "警示教育", "warning education", "警示教育活動"),
    _t(_A, "送學上門", "study materials delivered", "送學"),
    _t(_A, "座談會", "forum to hear opinions", "征求意見座談會", "徵求意見座談會", "座談"),
    _t(_A, "專題民主生活會", "special democratic life meeting", "民主生活會"),
    _t(_A, "專題組織生活會", "special organisational life meeting"),
    _t(_A, "組織生活會", "organisational life meeting", "雙重組織生活會"),
    _t(_A, "通報會", "briefing meeting", "情況通報會"),
    _t(_A, "專項整治", "special rectification", "集中整治", "專項治理"),
    _t(_A, "活動專欄", "campaign column", "專欄"),
    _t(_A, "整改承諾", "public rectification pledge"),
    _t(_A, "總結大會", "closing meeting", "總結會"),
    _t(_A, "讀書班", "reading class", "集中讀書班"),
    _t(_A, "主題黨日", "theme party day", "主題黨日活動", "黨日活動"),
    _t(_A, "三會一課", "three meetings and one lecture"),
    _t(_A, "專題培訓", "special training", "集中培訓", "輪訓"),
    _t(_A, "宣講", "public lectures", "宣講活動", "專題宣講"),
    _t(_A, "學習研討", "study and discussion", "研討", "集中學習研討"),
    _t(_A, "知識測試", "knowledge test", "知識競賽", "測試"),
    _t(_A, "檢視問題", "self-inspection", "檢視剖析"),
    _t(_A, "我為群眾辦實事", "practical things for the people", "辦實事"),
    # ------------------------------------------------------------ documents 文件
    _t(_D, "實施方案", "implementation plan", "工作方案"),
    _t(_D, "環節實施辦法", "phase measures", "第一環節實施辦法",
       patterns=(r"环节[^,;:。“”]{0,6}实施办法",)),
    _t(_D, "實施辦法", "implementation measures", "具體實施辦法"),
    _t(_D, "計劃安排", "schedule of the campaign", "時間安排表", "計劃安排表"),
    _t(_D, "學習計劃", "study plan", "學習安排", "學習計劃安排"),
    _t(_D, "動員講話稿", "mobilization speech", "動員大會講話稿", "講話稿", "動員講話"),
    _t(_D, "請示", "request for approval"),
    _t(_D, "意見匯總", "compiled opinions", "梳理匯總意見", "意見梳理匯總", "梳理匯總",
       "匯總意見", "意見建議匯總"),
    _t(_D, "領導班子對照檢查材料", "the team's self-examination material"),
    _t(_D, "個人對照檢查材料", "personal self-examination material"),
    _t(_D, "對照檢查材料", "self-examination material", "檢視剖析材料", "對照材料"),
    _t(_D, "民主生活會專項報告", "report on the democratic life meeting",
       patterns=(r"民主生活会[^,;:。]{0,6}(专项|情况)报告",)),
    _t(_D, "調研報告", "survey report", "調查報告"),
    _t(_D, "專項報告", "special report"),
    _t(_D, "整改方案", "rectification plan"),
    _t(_D, "整改任務書", "rectification task list", "任務書", "整改清單"),
    _t(_D, "制度規定", "rules issued", "制度和規定", "具體制度和規定", "有關規定", "相關制度規定",
       "規章制度", "相關制度", "制度規範"),
    _t(_D, "工作小結", "phase summary", "小結", "階段小結", "環節小結"),
    _t(_D, "工作總結", "campaign summary", "總結報告"),
    _t(_D, "活動信息", "campaign bulletins", "信息簡報", "工作簡報", "簡報"),
    _t(_D, "問題清單", "list of problems", "問題清單"),
    _t(_D, "心得體會", "study notes", "學習心得", "心得體會文章", "學習筆記"),
    # ------------------------------------------------------------ roles 角色
    _t(_R, "主要負責人", "principal leader", "主要負責同志", "黨組織主要負責同志", "主要領導",
       "主要領導同志", "一把手", "主要負責人員"),
    _t(_R, "黨組書記", "party secretary", "黨組織書記", "黨組（黨委）書記"),
    # A 黨委 (party committee) is not a 黨組 (leadership group): their secretaries differ too.
    _t(_R, "黨委書記", "party committee secretary"),
    _t(_R, "班子成員", "leadership member", "領導班子成員", "黨組成員", "班子其他成員",
       "其他班子成員", "領導班子及其成員", includes=("主要負責人", "黨組書記")),
    _t(_R, "分管領導", "leader in charge", "分管負責同志"),
    _t(_R, "中層正職", "section head", "中層正職干部", "正職"),
    _t(_R, "中層副職", "deputy section head", "副職"),
    _t(_R, "中層干部", "middle-level cadres", "中層幹部", "中層以上干部",
       includes=("中層正職", "中層副職")),
    _t(_R, "其他市管干部", "other city-managed cadres", "其他市管幹部"),
    _t(_R, "退出班子老同志", "veterans who left the leadership",
       patterns=(r"(近\d+年内?)?退出班子的?老同志",)),
    _t(_R, "事業單位主要負責人", "heads of affiliated institutions"),
    _t(_R, "離退休老干部", "retired cadres", "離退休干部", "老干部", "離退休幹部", "老幹部"),
    _t(_R, "黨員領導干部", "leading cadres who are party members", "黨員領導幹部", "領導干部",
       "領導幹部"),
    _t(_R, "局長", "director"),
    _t(_R, "黨員", "party member", "共產黨員", "每名黨員", "每位黨員"),
    # ------------------------------------------------------------ bodies 機構
    _t(_B, "督導組", "supervision group", "督導組成員", "巡回指導組", "指導組"),
    _t(_B, "督導組辦公室", "supervision group office", parent="督導組"),
    _t(_B, "市委活動辦", "city party committee's campaign office",
       patterns=(r"市委[^,;:。、“”局]{0,14}领导小组办公室", r"市委[^,;:。、“”局]{0,8}活动办")),
    _t(_B, "市活動辦", "city campaign office",
       patterns=(r"市(?!委)[^,;:。、“”局]{0,14}领导小组办公室", r"市(?!委)[^,;:。、“”局]{0,8}活动办")),
    _t(_B, "黨組", "party leadership group", "局黨組", "黨組中心組", "黨組（黨委）"),
    _t(_B, "黨委", "party committee"),
    _t(_B, "黨委組織部", "organisation department of the party committee"),
    _t(_B, "領導班子", "the leadership team", "局領導班子"),
    _t(_B, "領導小組", "leading group"),
    _t(_B, "領導小組辦公室", "leading group office", "活動辦", "領導小組辦"),
    _t(_B, "機關黨委", "party committee of the organs"),
    _t(_B, "機關黨支部", "party branch of the organs"),
    _t(_B, "黨支部", "party branch", "支部", "各黨支部", "黨小組"),
    _t(_B, "紀委", "discipline commission", "紀檢組", "紀委監委"),
    _t(_B, "組織部", "organisation department"),
    _t(_B, "上級黨委", "higher party committee"),
    # ------------------------------------------------------------ groups 名目
    _t(_G, "群眾觀察員", "mass observers"),
    _t(_G, "全局人員", "all staff of the bureau", "全局干部職工", "全局同志", collective=True),
    _t(_G, "全體人員", "all staff", "全體干部職工", "全體干部", "全體職工", "全體黨員干部",
       "全體同志", collective=True),
    _t(_G, "全體黨員", "all party members", "全局黨員", "全體共產黨員", "全體黨員同志",
       collective=True),
    _t(_G, "機關全體人員", "all staff of the organs", "機關全體干部職工", collective=True),
    _t(_G, "企事業單位全體人員", "all staff of affiliated enterprises and institutions",
       collective=True),
    _t(_G, "退休黨員", "retired party members"),
    _t(_G, "兩代表一委員", "deputies and CPPCC members", "黨代表、人大代表和政協委員",
       "黨代表、人大代表、政協委員"),
    _t(_G, "黨外人士", "non-party figures"),
    _t(_G, "服務對象", "people served"),
    _t(_G, "老同志", "veteran comrades"),
    _t(_G, "普通干部群眾", "ordinary cadres and the public", "普通幹部群眾"),
    _t(_G, "黨內外干部群眾", "cadres and the public inside and outside the party",
       "黨內外幹部群眾"),
    _t(_G, "基層群眾", "people at the grassroots"),
    _t(_G, "廣大群眾", "the public", "人民群眾"),
    _t(_G, "企業", "enterprises", "服務企業"),
    _t(_G, "紀檢監察", "discipline inspection", "紀檢監察部門"),
    _t(_G, "信訪", "letters and visits office", "信訪部門"),
    _t(_G, "效能辦", "efficiency office"),
    _t(_G, "上級主管部門", "higher authorities"),
    _t(_G, "市級機關各部門", "city departments", "市級機關部門"),
    _t(_G, "網民", "internet users", "廣大網民"),
    _t(_G, "機關干部", "staff of the organs", "機關幹部"),
    _t(_G, "門戶網站", "portal website", "局門戶網站", "網站", channel=True),
    _t(_G, "網站專欄", "website column", "網站征求意見專欄", "征求意見專欄", channel=True),
    _t(_G, "公告欄", "notice board", "局公告欄", "公示欄", "宣傳欄", channel=True),
    _t(_G, "信函", "letters", channel=True),
    _t(_G, "微博", "Weibo", channel=True),
    _t(_G, "微信", "WeChat", "微信公眾號", channel=True),
    _t(_G, "專線電話", "hotline", "熱線電話", "專線", channel=True),
    _t(_G, "意見箱", "suggestion box", "群眾意見箱", channel=True),
    _t(_G, "征求意見表", "opinion forms", "征求意見函", channel=True),
    _t(_G, "民主評議表", "appraisal forms", "測評表", "評議表", channel=True),
    _t(_G, "形式主義", "formalism"),
    _t(_G, "官僚主義", "bureaucratism"),
    _t(_G, "享樂主義", "hedonism"),
    _t(_G, "奢靡之風", "extravagance"),
    _t(_G, "問效", "ask about effect"),
    _t(_G, "問怨", "ask about grievances"),
    _t(_G, "問癥", "ask about causes", "問症"),
    _t(_G, "問策", "ask for remedies"),
    _t(_G, "學習人員", "who studies"),
    _t(_G, "學習時間", "when"),
    _t(_G, "學習內容", "what"),
    _t(_G, "學習效果", "to what effect"),
    _t(_G, "整改主體", "who rectifies"),
    _t(_G, "整改重點", "what to rectify first"),
    _t(_G, "整改時限", "rectification deadline"),
    _t(_G, "目標要求", "goals"),
    _t(_G, "方法步驟", "methods and steps"),
    _t(_G, "具體措施", "concrete measures"),
    # ------------------------------------------------------------ phases 環節
    _t(_P, "學習教育", "study and hearing opinions", "學習教育、聽取意見", "學習教育聽取意見"),
    _t(_P, "查擺問題", "finding problems and criticism", "查擺問題、開展批評", "查擺問題開展批評"),
    _t(_P, "整改落實", "rectification and rules", "整改落實、建章立制", "整改落實建章立制"),
)

SETS: tuple[TermSet, ...] = (
    TermSet("四風", ("四風", "四風問題"), ("形式主義", "官僚主義", "享樂主義", "奢靡之風"), "covers"),
    TermSet("四問", ("四問",), ("問效", "問怨", "問癥", "問策"), "topics"),
    TermSet("四落實", ("四落實",), ("學習人員", "學習時間", "學習內容", "學習效果"), "covers"),
)

_FOREIGN = re.compile(r"(上级党委|上级|市委|省委|中央|全市|市级|全省|全国)[^,;:。和及]*$")
_OURS = re.compile(r"(局|我|本单位|本部门|全局)[^,;:。、]*$")


class Lexicon:
    """Terms indexed by their folded wordings, for longest-first matching."""

    def __init__(self, terms: Iterable[Term] = TERMS, sets: Iterable[TermSet] = SETS) -> None:
        self.terms: dict[str, Term] = {}
        self.by_alias: dict[str, Term] = {}
        self.patterns: list[tuple[re.Pattern[str], Term]] = []
        for t in terms:
            self.terms.setdefault(t.id, t)
            for a in t.aliases:
                self.by_alias.setdefault(fold(a), t)
            for p in t.patterns:
                self.patterns.append((re.compile(p), t))
        self.sets = tuple(sets)
        self.max_len = max((len(a) for a in self.by_alias), default=1)
        lengths: dict[str, set[int]] = {}
        for a in self.by_alias:
            lengths.setdefault(a[0], set()).add(len(a))
        self._lengths = {c: sorted(ls, reverse=True) for c, ls in lengths.items()}

    def get(self, term_id: str) -> Term | None:
        return self.terms.get(term_id)

    def find(self, folded: str, categories: Iterable[str] | None = None) -> list[Match]:
        """Non-overlapping matches in ``folded``, longest first then leftmost; only terms
        of ``categories`` when given (the others still take their place, so ``民主評議表``
        is never read as ``民主評議``)."""
        found: list[Match] = []
        n = len(folded)
        for i in range(n):
            for length in self._lengths.get(folded[i], ()):
                if length > n - i:
                    continue
                t = self.by_alias.get(folded[i:i + length])
                if t is not None:
                    found.append(Match(t, i, i + length))
                    break
        for pattern, t in self.patterns:
            for pm in pattern.finditer(folded):
                found.append(Match(t, pm.start(), pm.end()))
        found.sort(key=lambda x: (-(x.end - x.start), x.start))
        taken = [False] * (n + 1)
        chosen: list[Match] = []
        for x in found:
            if any(taken[x.start:x.end]):
                continue
            for k in range(x.start, x.end):
                taken[k] = True
            chosen.append(x)
        chosen.sort(key=lambda x: x.start)
        if categories is not None:
            cats = set(categories)
            chosen = [x for x in chosen if x.category in cats]
        return chosen

    def item(self, folded: str) -> Term | None:
        """The term a list item names: the item is one term's wording, or ends with one
        (``局機關中層正職`` → 中層正職)."""
        f = folded.strip()
        t = self.by_alias.get(f)
        if t is not None:
            return t
        ms = self.find(f)
        if ms and ms[-1].end == len(f):
            return ms[-1].term
        # 中層正職黨員干部: a term followed by a generic noun
        for m in ms:
            if re.fullmatch(r"(党员干部|党员|干部|同志|人员|代表)", f[m.end:]) and \
                    m.term.category in ("role", "group", "body"):
                return m.term
        return None


def is_foreign(folded: str, start: int) -> bool:
    """Whether the words just before ``start`` make a term another body's (``市委動員大會``,
    ``上級黨委動員大會``), not the unit's own."""
    before = folded[max(0, start - 14):start]
    m = _FOREIGN.search(before)
    if not m:
        return False
    between = before[m.end(1):]
    if re.search(r"进行|开展|召开|组织|举办|主持|参加|配合|到会", between):
        return False  # 市委督導組進行個別談話: the body acts, the event is the unit's
    return not _OURS.search(between)


LEXICON = Lexicon()
"""The built-in lexicon."""
