"""What a list must cover: topics (quoted after ``圍繞``), the people whose views are heard
(``聽X的意見``, ``征求…的意見``), labelled lists (``參加會議人員是:…``), the lexicon's
numbered sets (四風), what a document must spell out (``明確A、B、C``), every section
(``每個科室推薦N名``), channels (``通過A、B等形式``), everyone (``組織全體…``) and the
people a clause on scope lists (``A、B和C參加``).

The words are table rows: :data:`LABELS` (the label of a list and the field its items
fill), :data:`SOURCES` (the phrases that name whose views are heard)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from ..lexicon import LEXICON
from ..pinyin import person_id
from ..sentences import NUM, Sentence
from ..text import fold
from .context import Context
from .results import Ref

__all__ = ["LABELS", "SOURCES", "topics", "sources", "labelled", "sets", "spelled_out",
           "each_section", "channels", "all_of", "participants"]

#: The label before a colon that introduces a list of people, and the coverage field its
#: items fill: who attends, who is assessed (``評議對象``), who takes part in talks.
LABELS: tuple[tuple[str, str], ...] = (
    ("参加会议人员", "attendees"), ("参会人员", "attendees"), ("参加人员", "attendees"),
    ("参加对象", "attendees"), ("出席人员", "attendees"), ("与会人员", "attendees"),
    ("评议对象", "targets"), ("测评对象", "targets"), ("考核对象", "targets"),
    ("谈话人员范围", "participants"), ("谈话对象", "participants"), ("人员范围", "participants"),
    ("谈话范围", "participants"),
)


def _not_a_source(f: str, m: re.Match[str]) -> bool:
    """``向…征求…的意見`` is read by its own row; ``征求改進…的意見`` asks about a matter."""
    pre = f[max(0, m.start() - 16):m.start()]
    return bool(re.search(r"向[^,;。]{1,14}$", pre) or re.search(r"改进|对策|问题", m.group(1))
                or m.group(1).startswith("了"))


#: The phrases that name whose views are heard: (pattern, the group holding the sources,
#: a test that the match is not such a phrase after all).
SOURCES: tuple[tuple[str, int, Callable[[str, re.Match[str]], bool] | None], ...] = (
    (r"听(取)?([^,;。听]{1,30}?)的意见", 2, None),                           # 聽取老同志的意見
    (r"征求([^,;。]{1,40}?)(对(?!象)[^,;。]{1,16})?的意见", 1, _not_a_source),  # 征求黨員群眾的意見
    (r"向([^,;。]{2,20}?)征求", 1, None),                                    # 向服務對象征求
)

_FIELD = dict(LABELS)
_LABEL = re.compile("(" + "|".join(w for w, _ in LABELS) + r")(主要)?(是|为|包括|有)?(共" + NUM + r"人)?:")


def topics(cx: Context, s: Sentence, prior: Sequence[Sentence]) -> None:
    f = s.f
    if not re.search(r"讨论|研讨|专题|交流", f):
        return
    items: list[tuple[int, int]] = []
    for m in re.finditer(r"围绕", f):
        intro = re.match(r"[^“。]{0,24}?[:]?(?=“)", f[m.end():])
        if intro is None:
            continue
        pos = m.end() + intro.end()
        while True:
            q = re.match(r"“([^”]{2,60})”([;,、和及]|等)*", f[pos:])
            if q is None:
                break
            items.append((pos + q.start(1), pos + q.end(1)))
            pos += q.end()
    if not items:
        return
    refs = []
    for a, b in items:
        words = s.text[a:b]
        t = cx.lex.item(fold(words))
        refs.append(cx.ref(t) if t is not None else cx.free(words, "group"))
    hs = cx.heading_terms(s.unit, ("activity",))
    acts = [x for x in cx.terms(s, ("activity",)) if re.search(r"讨论|研讨", fold(x.term.id))]
    act = hs[0] if hs else (acts[0].term if acts else None)
    params: dict[str, Any] = {"field": "topics", "items": [r.id for r in refs]}
    if act is not None:
        params["activity"] = act.id
        refs.append(cx.ref(act))
    cx.cand(s, "coverage", params, 0.75, refs, key="topics")


def sources(cx: Context, s: Sentence, prior: Sequence[Sentence]) -> None:
    f = s.f
    spans: list[tuple[int, int]] = []
    for pattern, group, unless in SOURCES:
        for m in re.finditer(pattern, f):
            if unless is None or not unless(f, m):
                spans.append((m.start(group), m.end(group)))
    items: list[Ref] = []
    for a, b in spans:
        for words, t in cx.items(s, a, b):
            if t is None:
                w = fold(words)
                if len(w) > 12 or re.search(r"意见|建议|情况|活动|我局|搞好", w):
                    continue
            items.append(cx.ref(t) if t is not None else cx.free(words, "group"))
    uniq = list({r.id: r for r in items}.values())
    if len(uniq) < 2:
        return
    # 聽A的意見、聽B的意見 lists the sources one by one; 征求A和B的意見 names a crowd.
    conf = (0.8 if len(spans) >= 2 else 0.7) if all(r.known for r in uniq) else 0.6
    cx.cand(s, "coverage", {"field": "sources", "items": [r.id for r in uniq]}, conf, uniq,
            key="sources", roster=_needs_roster(uniq))


def labelled(cx: Context, s: Sentence, prior: Sequence[Sentence]) -> None:
    f = s.f
    m = _LABEL.search(f)
    if not m:
        return
    field = _FIELD[m.group(1)]
    body = (m.end(), len(f.rstrip("。.")))
    refs: list[Ref] = []
    people: list[str] = []
    for words, t in cx.items(s, *body):
        w = fold(words)
        if t is not None:
            refs.append(cx.ref(t))
        elif m.group(4) and re.fullmatch(r"[\u4e00-\u9fff]{2,4}", words):
            pid = person_id(words)
            if pid:
                refs.append(Ref(pid, "person", words, "", False))
                people.append(words)
        elif len(w) <= 24:
            refs.append(cx.free(words, "group"))
    refs = list({r.id: r for r in refs}.values())
    if not refs:
        return
    acts = cx.terms(s, ("activity",), 0, m.end())
    act = acts[-1].term if acts else None
    if act is None:
        hs = cx.heading_terms(s.unit, ("activity",))
        act = hs[0] if hs else None
    params: dict[str, Any] = {"field": field, "items": [r.id for r in refs]}
    extra = []
    if act is not None:
        params["activity"] = act.id
        extra.append(cx.ref(act))
    for name in people:
        cx.out.people[person_id(name)] = (name, ())
    conf = 0.85 if all(r.known for r in refs) else 0.65
    cx.cand(s, "coverage", params, conf, refs + extra, key=field, roster=_needs_roster(refs))


def sets(cx: Context, s: Sentence, prior: Sequence[Sentence]) -> None:
    f = s.f
    for ts in cx.lex.sets:
        named = any(fold(n) in f for n in ts.names)
        present = [i for i in ts.items if any(fold(a) in f for a in cx.lex.terms[i].aliases)]
        each = re.search(r"每一|逐项|逐条|每个|全部|各项", f) is not None
        if not ((named and each) or (len(present) >= 2 and (named or ts.field == "topics"))):
            continue
        if ts.field == "covers":
            docs = cx.terms(s, ("document",))
            if not docs:
                continue
            params: dict[str, Any] = {"field": "covers", "items": list(ts.items),
                                      "document": docs[0].id}
            if each and re.search(r"每一|逐项|逐条", f):
                params["each_document"] = True
            refs = [cx.ref(cx.lex.terms[i]) for i in ts.items] + [cx.ref(docs[0].term)]
        else:
            params = {"field": ts.field, "items": list(ts.items)}
            refs = [cx.ref(cx.lex.terms[i]) for i in ts.items]
        cx.cand(s, "coverage", params, 0.8, refs, key=ts.id)


def spelled_out(cx: Context, s: Sentence, prior: Sequence[Sentence]) -> None:
    f = s.f
    m = re.search(r"(要|须|应)?明确([^,;。]{4,40})", f)
    if not m:
        return
    docs = cx.terms(s, ("document",), 0, m.start())
    if not docs:
        return
    items = [cx.ref(t) if t is not None else cx.free(words, "group")
             for words, t in cx.items(s, m.start(2), m.end(2))]
    if len(items) < 2:
        return
    conf = 0.65 if all(r.known for r in items) else 0.6
    cx.cand(s, "coverage", {"field": "covers", "document": docs[-1].id,
                              "items": [r.id for r in items]},
            conf, items + [cx.ref(docs[-1].term)], key="covers")


def each_section(cx: Context, s: Sentence, prior: Sequence[Sentence]) -> None:
    f = s.f
    m = re.search(r"每个(科室|部门|处室|单位|支部)[^,;。]{0,6}?(推荐|派|选派|安排|确定)?" + NUM + r"名", f)
    if not m:
        return
    acts = cx.terms(s, ("activity",))
    act = acts[0].term if acts else None
    if act is None:
        hs = cx.heading_terms(s.unit, ("activity",))
        act = hs[0] if hs else None
    params: dict[str, Any] = {"field": "sections", "all_sections": True}
    refs = []
    if act is not None:
        params["activity"] = act.id
        refs.append(cx.ref(act))
    cx.cand(s, "coverage", params, 0.8, refs, roster=True, key="sections")


def channels(cx: Context, s: Sentence, prior: Sequence[Sentence]) -> None:
    f = s.f
    if not re.search(r"(形式|方式|渠道|平台)", f) or "通过" not in f:
        return
    if re.search(r"时间确定|通知|公布|公告", f) or not re.search(r"意见|建议|诉求|反映", f):
        return  # channels collect views; "通過專家輔導、讀書班等形式集中學習" are means of study
    spans = []
    for m in re.finditer(r"通过([^,;。]{1,40}?)(等)?(的)?(网络平台|形式|方式|渠道|平台)", f):
        spans.append((m.start(1), m.end(1)))
    for m in re.finditer(r"(开辟|设立|设置|开设|开通)([^,;。]{1,24})", f):
        if not any(a <= m.start() < b for a, b in spans):
            spans.append((m.start(2), m.end(2)))
    items: list[Ref] = []
    for a, b in spans:
        for words, t in cx.items(s, a, b):
            w = fold(words)
            if t is None:
                ms = [x for x in cx.lex.find(w, ("group",)) if x.term.channel]
                t = ms[-1].term if ms else None
            if t is not None and t.category == "activity":
                continue
            if t is not None and (t.channel or t.category == "group"):
                items.append(cx.ref(t))
            elif t is None and 1 < len(w) <= 10 and not re.search(r"召开|组织|开展|的", w):
                items.append(cx.free(words, "group"))
    uniq = list({r.id: r for r in items}.values())
    if len(uniq) < 2:
        return
    conf = (0.8 if len(spans) >= 2 else 0.7) if all(r.known for r in uniq) else 0.6
    cx.cand(s, "coverage", {"field": "channels", "items": [r.id for r in uniq]}, conf, uniq,
            key="channels")


def all_of(cx: Context, s: Sentence, prior: Sequence[Sentence]) -> None:
    f = s.f
    if not re.search(r"(组织|确保)(全体|全局)|全覆盖", f):
        return
    if cx.counted_activities(s):
        return
    m = re.search(r"(?:组织|确保)((全体|全局)[^,;。]{1,6}?)(特别是|重点|认真|集中|参加|学习|到|开展|赴)", f)
    if not m:
        return
    t = cx.lex.item(fold(m.group(1)))
    if t is None or not t.collective:
        return
    acts = [x for x in cx.terms(s, ("activity",), m.end()) if x.start - m.end() < 10]
    if acts:
        return  # an occurs with attended_by says it
    cx.cand(s, "coverage", {"field": "attendees", "items": [t.id]}, 0.6, [cx.ref(t)],
            key="everyone", roster=True)


def participants(cx: Context, s: Sentence, prior: Sequence[Sentence]) -> None:
    """``A、B和C參加`` in a clause about scope (範圍和對象): everyone listed takes part."""
    if not any(re.search(r"范围|对象|参加", fold(h)) for h in s.unit.headings):
        return
    m = re.search(r"^(.{4,60}?)(全体)?(参加|参与)", s.f)
    if not m:
        return
    refs = [cx.ref(t) if t is not None else cx.free(w, "group")
            for w, t in cx.items(s, m.start(1), m.end(1) + (len(m.group(2)) if m.group(2) else 0))]
    refs = list({r.id: r for r in refs}.values())
    if len(refs) < 2:
        return
    conf = 0.7 if all(r.known for r in refs) else 0.6
    cx.cand(s, "coverage", {"field": "attendees", "items": [r.id for r in refs]}, conf, refs,
            key="scope", roster=_needs_roster(refs))


def _needs_roster(refs: Sequence[Ref]) -> bool:
    """Items that are roles, people or "everyone" can only be checked against the roster or
    the way a schedule records attendance, which a drafted plan does not know."""
    for r in refs:
        if r.category in ("role", "person"):
            return True
        t = LEXICON.get(r.id)
        if t is not None and t.collective:
            return True
    return False
