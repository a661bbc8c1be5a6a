"""Sentences → candidate requirements, each with its kind, the kind's parameters, the quoted
sentence and a confidence.

The recogniser reads the wording, not particular plans: counts (``召開2次X``, ``一次X``,
``五個一``), quotas per person (``每位/其他每位…至少N次``), pairwise talks (``A與B必談``,
``之間必談``), calendar phrases (``3月中旬``, ``2月25日前``), order (``X後``, ``在X上``,
``X前``), gates (``經…審閱同意後``, ``征得同意後``, ``批准後``, ``方可``), reports (``報送``,
``報…審閱/備案``, ``同時報``), durations (``8個月左右``, ``不少於3個月``), coverage lists
(quoted topics after ``圍繞``, ``聽X的意見``, labelled lists ``參加會議人員是:…``, ``(1)…(2)…``,
numbered sets such as 四風), notices (``通過網站和公告欄…``, ``提前半天發放``), recurring
events (``每月一次``), study hours (``學時``) and qualities a person must sign off
(``原汁原味``). Subjects, people and bodies come from the lexicon
(:mod:`masswork.draft.lexicon`); what it does not know is kept in the plan's own words and
marked as unresolved.

Everything works on folded text (Simplified, ASCII punctuation), so the same rules read
Traditional and Simplified plans; quotes keep the original characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from ..periods import PhraseError, parse_duration, parse_offset, parse_window
from .clauses import Article, Unit, cn_number
from .lexicon import LEXICON, Lexicon, Match, Term, is_foreign
from .pinyin import person_id
from .sentences import (
    DATE,
    NUM,
    REQUIREMENT_CUES,
    VERBS_DOC,
    VERBS_EVENT,
    Sentence,
    enumeration,
    generic_activity,
    heads,
    list_of,
    means_spans,
    num,
    others,
    parts,
    sentences,
    split_items,
    strip_marks,
)
from .text import fold

__all__ = ["Ref", "Candidate", "Review", "ArticleReading", "read_article"]

# ---------------------------------------------------------------- results


@attrs.frozen
class Ref:
    """Something a requirement names, to be declared in the plan: a lexicon term
    (``known``) or words of the plan the lexicon does not know (a placeholder)."""

    id: str
    category: str
    name: str
    name_en: str = ""
    known: bool = True
    includes: tuple[str, ...] = ()
    parent: str | None = None


@attrs.define
class Candidate:
    """A requirement as drafted from one sentence."""

    clause: str
    kind: str
    params: dict[str, Any]
    quote: str
    confidence: float
    line: int
    refs: list[Ref] = attrs.field(factory=list)
    responsible: list[str] = attrs.field(factory=list)
    roster: bool = False
    phase: str | None = None
    key: str = ""
    heading: bool = False

    @property
    def unresolved(self) -> list[Ref]:
        return [r for r in self.refs if not r.known]


@attrs.frozen
class Review:
    """A sentence that reads like a requirement but was not turned into one."""

    clause: str
    quote: str
    line: int
    reason: str


@attrs.define
class ArticleReading:
    """What the recogniser made of one article."""

    article: Article
    candidates: list[Candidate] = attrs.field(factory=list)
    reviews: list[Review] = attrs.field(factory=list)
    phases: list[Ref] = attrs.field(factory=list)
    current_phase: str | None = None
    next_phase: str | None = None
    phases_overlap: bool = False
    people: dict[str, tuple[str, tuple[str, ...]]] = attrs.field(factory=dict)


class _Reader:
    """Reads one article, sentence by sentence."""

    def __init__(self, article: Article, lex: Lexicon, units: list[Unit]) -> None:
        self.article = article
        self.lex = lex
        self.units = units
        self.out = ArticleReading(article)
        all_text = "\n".join(p.text for p in article.lines)
        self.article_f = fold(all_text)
        self.has_mobilization = any(
            m.id == "動員大會" and not is_foreign(self.article_f, m.start)
            for m in lex.find(self.article_f, ("activity",)))
        self._phases()

    # -- references

    def ref(self, term: Term) -> Ref:
        return Ref(term.id, term.category, term.id, term.name_en, True, term.includes, term.parent)

    def free(self, words: str, category: str) -> Ref:
        ident = strip_marks(words)[:40] or words
        return Ref(ident, category, words.strip("“”\" "), "", False)

    # -- phases and options (article level)

    def _phases(self) -> None:
        f = self.article_f
        found: list[Ref] = []
        seen: set[str] = set()

        def add(words: str) -> Ref | None:
            w = words.strip("“”\" ")
            if not w or len(w) > 16:
                return None
            t = self.lex.item(fold(w))
            r = self.ref(t) if t is not None and t.category == "phase" else None
            if r is None:
                r = self.free(w, "phase")
                r = attrs.evolve(r, id=strip_marks(w), name=w)
            if r.id not in seen:
                seen.add(r.id)
                found.append(r)
            return r

        orig = "\n".join(p.text for p in self.article.lines)
        m = re.search(r"①([^①-⑳;。]{2,16})[;,]?②([^①-⑳;。]{2,16})(?:[;,]?③([^①-⑳;。]{2,16}))?", f)
        if m:
            for g in range(1, 4):
                if m.group(g):
                    add(orig[m.start(g):m.end(g)])
        for m2 in re.finditer(r"[“\"]?([^,;:。“”\"、()]{2,8}、[^,;:。“”\"、()]{2,8})[”\"]?环节", f):
            if re.search(r"方案|办法|计划|第|的", m2.group(1)):
                continue
            words = orig[m2.start(1):m2.end(1)]
            add(words)
        # The lexicon's phases of the campaign when the text names one of them.
        self.out.phases = found
        pre = fold("\n".join(p.text for p in self.article.preamble))
        cur = None
        for r in found:
            if fold(r.name) in pre or strip_marks(fold(r.name)) in strip_marks(pre):
                cur = r.id
                break
        if cur is None and len(found) == 1:
            cur = found[0].id
        self.out.current_phase = cur
        nxt = re.search(r"下一个?[“\"]?([^,;:。“”\"]{2,16}?)[”\"]?环节", f)
        if nxt and nxt.group(1) not in ("", "个"):
            named = add(orig[nxt.start(1):nxt.end(1)])
            self.out.next_phase = named.id if named else None
        elif re.search(r"下一(个)?(环节|阶段)", f):
            ids = [r.id for r in found]
            if cur in ids and ids.index(cur) + 1 < len(ids):
                self.out.next_phase = ids[ids.index(cur) + 1]
            else:
                lex_phases = [t for t in self.lex.terms.values() if t.category == "phase"]
                order = [t.id for t in lex_phases]
                if cur in order and order.index(cur) + 1 < len(order):
                    t = lex_phases[order.index(cur) + 1]
                    r = self.ref(t)
                    if r.id not in seen:
                        found.append(r)
                        seen.add(r.id)
                    self.out.next_phase = r.id
                else:
                    r = Ref("下一環節", "phase", "下一環節", "next phase", False)
                    if r.id not in seen:
                        found.append(r)
                        seen.add(r.id)
                    self.out.next_phase = r.id
        if re.search(r"不分阶段|不搞转段|不分环节|不划阶段|不划分阶段", f):
            self.out.phases_overlap = True

    def unit_phase(self, unit: Unit) -> str | None:
        for h in unit.headings:
            hf = strip_marks(fold(h))
            for r in self.out.phases:
                if strip_marks(fold(r.name)) == hf or r.id == hf:
                    return r.id
        return self.out.current_phase

    # -- subjects

    def terms(self, s: Sentence, cats: Sequence[str], a: int = 0, b: int | None = None) -> list[Match]:
        end = len(s.f) if b is None else b
        return [m for m in s.matches(self.lex)
                if m.category in cats and a <= m.start and m.end <= end
                and not (m.category in ("activity", "document") and is_foreign(s.f, m.start))]

    def heading_terms(self, unit: Unit, cats: Sequence[str]) -> list[Term]:
        out: list[Term] = []
        for h in unit.headings:
            hf = fold(h)
            ms = [m for m in self.lex.find(hf, cats) if not is_foreign(hf, m.start)]
            hs_ = heads(hf, ms)
            out.extend(m.term for m in hs_)
            if out:
                break
        return out

    def add(self, c: Candidate) -> None:
        self.out.candidates.append(c)

    # -- the sentence-level rules, in order

    def read(self) -> ArticleReading:
        for unit in self.units:
            sents = sentences(unit)
            phase = self.unit_phase(unit)
            before = len(self.out.candidates)
            prior: list[Sentence] = []
            for s in sents:
                n0 = len(self.out.candidates)
                if s.heading:
                    prior.append(s)
                    continue
                pieces = parts(s)
                for part in pieces:
                    self.local(part, prior, lead=unit.lead)
                    prior.append(part)
                self.whole(s, prior)
                if len(self.out.candidates) == n0 and REQUIREMENT_CUES.search(s.f):
                    self.out.reviews.append(Review(unit.id, s.text, s.line,
                                                   "no rule recognised 未能識別為要求"))
            for s in sents:
                if not s.heading:
                    continue
                # A heading is read last, so that a rule the body states cites the body.
                n0 = len(self.out.candidates)
                self.local(s, prior, lead=unit.lead)
                self.whole(s, prior)
                if not unit.lead and len(self.out.candidates) == n0:
                    self.from_heading(s, unit)
            new = self.specialise(unit, self.out.candidates[before:])
            for c in new:
                if c.phase is None and not (c.kind == "gate" and c.params.get("before_phase")):
                    c.phase = phase
            self.out.candidates[before:] = _settle(new)
        return self.out

    def local(self, s: Sentence, prior: list[Sentence], *, lead: bool = False) -> None:
        """Rules that read one statement (a sentence, or a part of it between semicolons)."""
        used: set[tuple[int, int]] = set()
        self.per_person(s, used)
        self.counts(s, used)
        if not lead:
            # A lead paragraph sums up its sub-clauses: what it names is required there.
            self.exists(s)
        self.deadlines(s, prior)
        self.orders(s, prior)
        self.meeting_relative(s, prior)
        self.gates(s, prior)
        self.reports(s, prior)
        self.durations(s)
        self.notices(s)
        self.attests(s)
        self.recurring(s)
        self.quantities(s)

    def whole(self, s: Sentence, prior: list[Sentence]) -> None:
        """Rules that read lists, which run across semicolons."""
        self.pairwise(s)
        self.coverage(s, prior)
        self.participants(s)

    def cand(self, s: Sentence, kind: str, params: dict[str, Any], confidence: float,
             refs: Iterable[Ref], **kw: Any) -> Candidate:
        c = Candidate(s.unit.id, kind, params, s.text, confidence, s.line, list(refs), **kw)
        self.add(c)
        return c

    def responsible(self, s: Sentence, before: int) -> list[Ref]:
        a, _ = s.segment_at(before)
        out: list[Ref] = []
        by = re.search(r"由", s.f)
        cats = ("body", "role")
        ms = self.terms(s, cats, a, before)
        if by:
            ms = ms or self.terms(s, cats, by.end(), by.end() + 24)
        for m in ms[:1]:
            out.append(self.ref(m.term))
        return out

    # ---- per-person quotas

    def per_person(self, s: Sentence, used: set[tuple[int, int]]) -> None:
        f = s.f
        quotas = []
        for a, b in s.segments():
            seg = f[a:b]
            m = re.search(r"(至少|不少于|最少)?[^,;]{0,8}?" + NUM + r"\s*(次|场|篇|份|件|项)", seg)
            roles = self.terms(s, ("role",), a, b)
            if not m or not roles:
                continue
            cpos = a + m.start(2)
            role_before = [r for r in roles if r.end <= cpos]
            if not role_before:
                continue
            n = num(m.group(2))
            if n is None:
                continue
            each = re.search(r"其他|每位|每名|每个|每人|各", f[a:role_before[-1].start + 2]) is not None
            verb_zone = f[role_before[-1].end:cpos + len(m.group(0))]
            counts = "host" if "主持" in verb_zone or "主讲" in verb_zone else (
                "attendee" if ("参加" in verb_zone or "出席" in verb_zone) else "host")
            obj = self.terms(s, ("activity", "document"), cpos, b) or \
                self.terms(s, ("activity", "document"), a, cpos)
            quotas.append((role_before[-1], n, each, counts, obj[0] if obj else None, (a, b),
                           m.group(1) is not None))
        if quotas and (any(q[2] for q in quotas) or any(q[6] for q in quotas)):
            subj = next((q[4] for q in quotas if q[4] is not None), None)
            if subj is None:
                hs = self.heading_terms(s.unit, ("activity",))
                subj_term = hs[0] if hs else None
            else:
                subj_term = subj.term
            if subj_term is not None:
                base = next((q for q in quotas if q[2]), None)
                if base is None:
                    base = next((q for q in quotas if q[0].term.includes), quotas[-1])
                min_for = {q[0].id: q[1] for q in quotas if q is not base and q[0].id != base[0].id}
                key = "document" if subj_term.category == "document" else "activity"
                params: dict[str, Any] = {"role": base[0].id, key: subj_term.id, "min": base[1]}
                if min_for:
                    params["min_for"] = min_for
                params["counts"] = "owner" if key == "document" else base[3]
                refs = [self.ref(base[0].term), self.ref(subj_term)] + [self.ref(q[0].term) for q in quotas]
                conf = 0.9 if base[2] else 0.75
                self.cand(s, "per-person", params, conf, refs, roster=True)
                for q in quotas:
                    used.add(q[5])
                return
        # ROLE均要撰寫DOC / 每位ROLE…撰寫DOC
        m2 = re.search(r"(均|都|每人|每位|各自)(要|须|需|应)?[^,;。]{0,8}?(撰写|提交|形成|起草|完成|填写)", f) \
            or re.search(r"()(要|须|需|应)[^,;。]{0,8}?(撰写|提交|形成|起草|完成|填写)", f)
        if m2:
            roles = self.terms(s, ("role",), 0, m2.start(3))
            docs = self.terms(s, ("document",), m2.end(), m2.end() + 16)
            if roles and docs and (m2.group(1) or fold(docs[0].id).startswith("个人")) \
                    and not roles[-1].term.collective:
                r = roles[-1]
                self.cand(s, "per-person", {"role": r.id, "document": docs[0].id, "min": 1,
                                            "counts": "owner"},
                          0.8, [self.ref(r.term), self.ref(docs[0].term)], roster=True)
                used.add(s.segment_at(m2.start()))
                # The collective before 和 (領導班子和班子成員均要…) writes its own one.
                coll = self.terms(s, ("body",), 0, r.start)
                if coll:
                    self.cand(s, "occurs", {"document": docs[0].id, "min": 1}, 0.7,
                              [self.ref(docs[0].term)], responsible=[coll[-1].id],
                              key="collective")
                return
        # ROLE要參加(雙重)ACT
        m3 = re.search(r"(要|须|应|均)(参加|出席)(双重)?", f)
        if m3:
            roles = self.terms(s, ("role",), 0, m3.start())
            acts = self.terms(s, ("activity",), m3.end() - (2 if m3.group(3) else 0), m3.end() + 12)
            if roles and acts and not roles[-1].term.collective:
                n = 2 if m3.group(3) else 1
                self.cand(s, "per-person", {"role": roles[-1].id, "activity": acts[0].id, "min": n,
                                            "counts": "attendee"},
                          0.6, [self.ref(roles[-1].term), self.ref(acts[0].term)], roster=True)

    # ---- pairwise talks

    def pairwise(self, s: Sentence) -> None:
        f = s.f
        if "必谈" not in f and not re.search(r"之间[^,;。]{0,6}谈", f):
            return
        pairs: list[dict[str, str]] = []
        refs: list[Ref] = []
        for a, b in split_items(f):
            item = f[a:b]
            if "谈" not in item:
                continue
            roles = self.terms(s, ("role",), a, b)
            if "之间" in item and roles:
                pairs.append({"mode": "among", "a": roles[0].id})
                refs.append(self.ref(roles[0].term))
            elif "分管" in item and ("科室" in item or "部门" in item or len(roles) < 2):
                rule = {"mode": "oversees"}
                if roles and roles[0].id == "分管領導":
                    rule["a"] = roles[0].id
                    refs.append(self.ref(roles[0].term))
                pairs.append(rule)
            elif "正职" in item and "副职" in item:
                pairs.append({"mode": "head-deputy"})
            elif len(roles) >= 2 and ("与" in item or "和" in item or "同" in item):
                pairs.append({"mode": "cross", "a": roles[0].id, "b": roles[1].id})
                refs += [self.ref(roles[0].term), self.ref(roles[1].term)]
        if not pairs:
            return
        talks = [x.term for x in self.terms(s, ("activity",)) if x.id in ("談心談話", "個別談話")]
        act = talks[0] if talks else None
        if act is None:
            hs = [t for t in self.heading_terms(s.unit, ("activity",)) if re.search(r"谈", fold(t.id))]
            act = hs[0] if hs else self.lex.get("談心談話")
        assert act is not None
        self.cand(s, "pairwise", {"activity": act.id, "pairs": pairs}, 0.85,
                  [self.ref(act)] + refs, roster=True)

    # ---- counts: 召開2次X, 一次X

    def counts(self, s: Sentence, used: set[tuple[int, int]]) -> None:
        f = s.f
        found: list[tuple[Term | Ref, int, int, int]] = []
        for m in re.finditer(NUM + r"\s*(次|场|期)(?!性)", f):
            seg = s.segment_at(m.start())
            if seg in used:
                continue
            pre = f[max(seg[0], m.start() - 8):m.start()]
            if re.search(r"每(月|季度|季|周|星期|年|半年)", f[max(seg[0], m.start() - 10):m.start()]):
                continue
            if "第" in f[m.start() - 1:m.start()] or not (
                    any(v in pre for v in VERBS_EVENT) or re.search(r"(不少于|至少|累计)\s*$", pre)):
                continue
            n = num(m.group(1))
            if not n:
                continue
            nxt = re.search(NUM + r"\s*(次|场|期)", f[m.end():seg[1]])
            tail_end = m.end() + nxt.start() if nxt else seg[1]
            acts = self.terms(s, ("activity",), m.end(), tail_end)
            if not acts:
                # 集中學習不少於12次: the activity comes first
                before = self.terms(s, ("activity",), seg[0], m.start())
                if before and re.fullmatch(r"(不少于|至少|累计|共)?\s*", f[before[-1].end:m.start()]):
                    acts = before[-1:]
            if acts:
                hd = heads(f, acts)
                subj: Term | Ref = hd[-1].term if hd else acts[-1].term
                start = (hd[-1] if hd else acts[-1]).start
            else:
                g = generic_activity(s.text[m.end():tail_end], fold(s.text[m.end():tail_end]))
                if g is None:
                    continue
                subj = self.free(g, "activity")
                start = m.end()
            found.append((subj, n, m.start(), start))
        if not found:
            return
        total = len(found)
        setname = re.search(r"[“\"]?([一二三四五六七八九十])个一[”\"]?", f)
        if setname is None:
            for p in s.unit.headings:
                setname = re.search(r"([一二三四五六七八九十])个一", fold(p))
                if setname:
                    break
        if setname is None:
            setname = re.search(r"([一二三四五六七八九十])个一", fold(" ".join(x.text for x in s.unit.paragraphs)))
        bonus = 0.05 if setname and cn_number(setname.group(1)) == total else 0.0
        for subj, n, pos, start in found:
            if isinstance(subj, Term):
                ref = self.ref(subj)
                conf = 0.9
            else:
                ref = subj
                conf = 0.7
            params: dict[str, Any] = {"activity": ref.id, "min": n}
            seg = s.segment_at(pos)
            refs = [ref]
            org = re.search(r"组织([^,;。]{0,10})", s.f[seg[0]:start])
            if org:
                cs = [m for m in self.terms(s, ("group", "role"), seg[0], start)
                      if m.term.collective]
                if cs:
                    params["attended_by"] = [cs[0].id]
                    refs.append(self.ref(cs[0].term))
            resp = [r for r in self.responsible(s, pos)]
            host = re.search(r"由?([^,;。]{0,10}?)(亲自)?(授课|主讲|主持|讲授)", s.f[seg[0]:seg[1]])
            if host:
                hr = self.terms(s, ("role",), seg[0], seg[1])
                resp = [self.ref(hr[0].term)] if hr else resp
            self.cand(s, "occurs", params, min(conf + bonus, 0.95), refs + resp,
                      responsible=[r.id for r in resp], key="count",
                      roster=bool(params.get("attended_by")))

    # ---- existence: 召開X, 開展X, 制定X

    def exists(self, s: Sentence) -> None:
        f = s.f
        means = means_spans(f)
        for m in heads(f, self.terms(s, ("activity",))):
            if any(a <= m.start < b for a, b in means):
                continue
            seg = s.segment_at(m.start)
            if re.search(r"\d+\s*次|[一二两三四五六七八九十]\s*次", f[max(seg[0], m.start - 10):m.start]):
                continue
            pre = f[max(seg[0], m.start - 14):m.start]
            verbs = [v for v in ("召开", "举办", "举行", "组织", "开展", "进行", "参观", "开设", "开辟")
                     if v in pre and not pre[pre.rfind(v) + 2:].startswith("的")]
            by = re.match(r"[^,;。]{0,10}?由[^,;。]{0,24}?(组织|负责|实施)", f[m.end:])
            if not verbs and not by:
                continue
            if re.search(r"(后|上|之后|以后)$", f[m.end:m.end + 2]) or re.search(r"在[^,;]*$", pre):
                continue
            if re.search(r"[,;]?(的)?(形式|方式)", f[m.end:m.end + 4]):
                continue
            term = m.term
            params: dict[str, Any] = {"activity": term.id, "min": 1}
            refs = [self.ref(term)]
            cs = [x for x in self.terms(s, ("group", "role"), seg[0], m.start) if x.term.collective]
            if cs and "组织" in pre:
                params["attended_by"] = [cs[0].id]
                refs.append(self.ref(cs[0].term))
            # 召開/舉辦 a named meeting reads firmer than 開展/進行 an activity.
            conf = 0.75 if any(v in ("召开", "举办", "举行") for v in verbs) else 0.7
            if others(f, m.start):
                conf = 0.6
            resp = self.responsible(s, m.start)
            self.cand(s, "occurs", params, conf, refs + resp, responsible=[r.id for r in resp],
                      roster=bool(params.get("attended_by")))
        for m in self.terms(s, ("document",)):
            if any(a <= m.start < b for a, b in means):
                continue
            seg = s.segment_at(m.start)
            pre = f[max(seg[0], m.start - 18):m.start]
            if not any(v in pre for v in VERBS_DOC) or re.search(r"(如下|以下|本)$", pre):
                continue
            resp = self.responsible(s, m.start)
            # A document drafted is weak evidence of a rule on its own (reports and gates on
            # it are the firm ones), and 各單位… addresses other units.
            conf = 0.6 if others(f, m.start) else 0.7
            self.cand(s, "occurs", {"document": m.id, "min": 1}, conf, [self.ref(m.term)] + resp,
                      responsible=[r.id for r in resp])
        for sm in re.finditer(r"成立([^,;。]{0,24}?)(领导小组|工作小组|专班)", f):
            name = "成立" + ("領導小組" if sm.group(2) == "领导小组" else s.text[sm.start(2):sm.end(2)])
            ref = Ref(name, "activity", name, "", False)
            self.cand(s, "occurs", {"activity": ref.id, "min": 1}, 0.5, [ref], key="setup")

    # ---- headings: (三)開展調查研究

    def specialise(self, unit: Unit, cands: list[Candidate]) -> list[Candidate]:
        """A coverage of a generic document (對照檢查材料) in a clause that names its kinds
        (領導班子對照檢查材料, 個人對照檢查材料) applies to each of them."""
        text = fold("\n".join(p.text for p in unit.paragraphs))
        named = {m.id: m.term for m in self.lex.find(text, ("document",))}
        out: list[Candidate] = []
        for c in cands:
            d = c.params.get("document")
            subs = [t for i, t in named.items() if d and i != d and i.endswith(d)] \
                if c.kind == "coverage" else []
            if c.kind == "per-person" and d and "個人" + d in named:
                subs = [named["個人" + d]]
            if not subs:
                out.append(c)
                continue
            for t in subs:
                refs = [r for r in c.refs if r.id != d] + [self.ref(t)]
                out.append(attrs.evolve(c, params={**c.params, "document": t.id}, refs=refs))
        return out

    def from_heading(self, s: Sentence, unit: Unit) -> None:
        ms = [m for m in self.lex.find(s.f, ("activity", "document")) if not is_foreign(s.f, m.start)]
        for m in heads(s.f, ms):
            key = "document" if m.category == "document" else "activity"
            params: dict[str, Any] = {key: m.id, "min": 1}
            self.cand(s, "occurs", params, 0.6, [self.ref(m.term)], heading=True)

    # ---- deadlines: calendar phrases

    def dates(self, s: Sentence) -> list[tuple[int, int, str]]:
        out = []
        for m in DATE.finditer(s.f):
            if m.end() - m.start() < 2:
                continue
            raw = s.text[m.start():m.end()]
            try:
                parse_window(raw, 2000)
            except PhraseError:
                continue
            except Exception:  # noqa: BLE001 - a phrase the calendar cannot read is skipped
                continue
            out.append((m.start(), m.end(), raw))
        return out

    def deadlines(self, s: Sentence, prior: list[Sentence]) -> None:
        f = s.f
        found: list[tuple[Ref, str, float]] = []
        for a, b, raw in self.dates(s):
            seg = s.segment_at(a)
            if any(x.start >= b and x.start - b <= 20 and re.match(r"(结束|召开)?(后|之后|以后)", f[x.end:x.end + 4])
                   for x in self.terms(s, ("activity",))) \
                    or re.match(r"[^,;。]{0,6}(会议|会)(结束)?(后|之后)", f[b:b + 12]):
                continue  # the date names an anchor: "2月24日…動員大會後"
            paren = f[a - 1:a] == "(" or f[b:b + 1] == ")"
            # Submission deadline: "報市委督導組審閱(2月25日前)"
            rep = re.search(r"(报送|上报|报|提交|交)[^,;。]{0,20}$", f[seg[0]:a])
            rep_pos = rep.start() + seg[0] if rep else None
            after_rep = re.match(r"[)]?(报送|上报|报|提交|交)", f[b:b + 4])
            if rep_pos is None and after_rep:
                rep_pos = b + after_rep.start(1)
            bodies = self.terms(s, ("body",), seg[0], seg[1])
            if rep_pos is not None and bodies:
                doc = self.doc_before(s, prior, rep_pos)
                if doc is not None:
                    self.cand(s, "deadline", {"document": doc.id, "action": "submitted",
                                              "party": bodies[0].id, "within": raw},
                              0.85, [doc, self.ref(bodies[0].term)])
                    continue
            subjects: list[Term | Ref] = []
            if paren and b >= len(f.rstrip("。.)")) - 1:
                subjects = [m.term for m in self.counted_activities(s)]
            if not subjects:
                near = self.terms(s, ("activity", "document"), seg[0], seg[1])
                if near:
                    before = [m for m in near if m.end <= a]
                    subjects = [(before[-1] if before else near[0]).term]
            conf = 0.9
            if not subjects:
                near = self.terms(s, ("activity", "document"), 0, a)
                if near:
                    subjects = [near[-1].term]
                    conf = 0.8
            if not subjects:
                hs = self.heading_terms(s.unit, ("activity", "document"))
                if hs:
                    subjects = [hs[0]]
                    conf = 0.7
            if not subjects:
                self.out.reviews.append(Review(s.unit.id, s.text, s.line,
                                               f"date {raw} without a subject 日期缺少對象"))
                continue
            for t in subjects:
                r = self.ref(t) if isinstance(t, Term) else t
                found.append((r, raw.strip("()"), conf))
        per_subject: dict[str, list[tuple[Ref, str, float]]] = {}
        for r, within, conf in found:
            per_subject.setdefault(r.id, []).append((r, within, conf))
        for rid, rows in per_subject.items():
            windows = list(dict.fromkeys(w for _, w, _ in rows))
            for r, within, conf in rows:
                key = "document" if r.category == "document" else "activity"
                if len(windows) > 1 and key == "activity":
                    # 時間安排在6月、8月、10月: one in each window, not a first-by deadline
                    self.cand(s, "occurs", {key: r.id, "min": 1, "within": within}, conf - 0.05, [r],
                              key="window")
                else:
                    self.cand(s, "deadline", {key: r.id, "within": within}, conf, [r])

    def counted_activities(self, s: Sentence) -> list[Match]:
        out = []
        for m in re.finditer(NUM + r"\s*(次|场)", s.f):
            seg = s.segment_at(m.start())
            acts = self.terms(s, ("activity",), m.end(), seg[1])
            if acts:
                hd = heads(s.f, acts)
                out.append(hd[-1] if hd else acts[-1])
        return out

    def doc_before(self, s: Sentence, prior: list[Sentence], pos: int) -> Ref | None:
        seg = s.segment_at(pos)
        docs = self.terms(s, ("document",), seg[0], pos)
        if not docs:
            earlier = [m for m in self.terms(s, ("document",), 0, seg[0])]
            docs = earlier[-1:] if earlier else []
        if docs:
            return self.ref(docs[-1].term)
        for p in reversed(prior):
            if p.heading:
                continue
            ds = self.terms(p, ("document",))
            if ds:
                return self.ref(ds[-1].term)
        hs = self.heading_terms(s.unit, ("document",))
        if hs:
            return self.ref(hs[0])
        return None

    # ---- order: X後, 在X上, X前

    def orders(self, s: Sentence, prior: list[Sentence]) -> None:
        f = s.f
        acts = self.terms(s, ("activity",))
        for m in acts:
            tail = f[m.end:m.end + 6]
            am = re.match(r"(结束|召开|举行)?(之后|以后|后)", tail)
            relation = None
            if am:
                relation = "after"
                end = m.end + am.end()
            elif f[max(0, m.start - 1):m.start] == "在" and tail.startswith("上"):
                relation = "same_day"
                end = m.end + 1
            elif re.match(r"(召开)?(之前|以前|前)", tail) and not re.match(r"前[后期]", tail):
                relation = "before"
                end = m.end + len(re.match(r"(召开)?(之前|以前|前)", tail).group(0))  # type: ignore[union-attr]
            if relation is None:
                continue
            subj: Term | None = None
            later = [x for x in self.terms(s, ("activity", "document"), end) if x.id != m.id]
            seg_after = s.segment_at(end)
            if later:
                docs = [x for x in later if x.category == "document"
                        and any(v in f[max(end, x.start - 8):x.start] for v in VERBS_DOC + ("报送", "报"))]
                pick = docs[0] if docs and (not [x for x in later if x.category == "activity"]
                                            or docs[0].start < seg_after[1] + 40) else later[0]
                if relation == "before" or pick.category == "activity" or docs:
                    subj = pick.term
            if subj is None and relation == "same_day":
                continue
            if subj is None and relation == "before":
                earlier = [x for x in self.terms(s, ("activity", "document"), 0, m.start) if x.id != m.id]
                subj = earlier[-1].term if earlier else None
            conf = 0.85
            if subj is None:
                hs = [t for t in self.heading_terms(s.unit, ("activity", "document")) if t.id != m.id]
                subj = hs[0] if hs else None
                conf = 0.75
            if subj is None:
                continue
            key = "document" if subj.category == "document" else "activity"
            params: dict[str, Any] = {key: subj.id, "relation": relation, "anchor_activity": m.id}
            lead = re.search(r"(会前|提前)\s*" + NUM + r"\s*(个)?(天|日|周|个工作日|小时)", f)
            if lead and relation == "before":
                params["lead"] = s.text[lead.start():lead.end()]
            self.cand(s, "order", params, conf, [self.ref(subj), self.ref(m.term)])

    def meeting_relative(self, s: Sentence, prior: list[Sentence]) -> None:
        """``會前15天將對照檢查材料報…`` / ``會前要開展談心談話`` / ``會後形成…報告``: the
        meeting is the one the sentence (or the one before it) names."""
        f = s.f
        m = re.search(r"(会前|会议召开前|会后|会议结束后)\s*"
                      r"((?:" + NUM[1:-1] + r")\s*(个)?(天|日|周|个工作日|小时))?", f)
        if not m:
            return
        if re.match(r"[^,;。]{0,6}(发放|下发|印发|分发|送达)", f[m.end():]):
            return  # forms handed out before the meeting: a notice
        anchors = [x for x in self.terms(s, ("activity",), 0, m.start())]
        if not anchors:
            for p in reversed(prior):
                if p.heading:
                    continue
                acts = self.terms(p, ("activity",))
                if acts:
                    anchors = acts[-1:]
                    break
        if not anchors:
            return
        anchor = anchors[-1]
        later = [x for x in self.terms(s, ("activity", "document"), m.end()) if x.id != anchor.id]
        if not later:
            return
        subj = later[0]
        before = m.group(1) in ("会前", "会议召开前")
        params: dict[str, Any] = {}
        if subj.category == "document":
            params["document"] = subj.id
            bodies = [x for x in self.terms(s, ("body", "role"), subj.end)
                      if re.search(r"(报送|报|交|提交)[^,;。]{0,12}$", f[subj.end:x.start])]
            if bodies:
                params["action"] = "submitted"
                params["party"] = bodies[0].id
        else:
            params["activity"] = subj.id
        params["relation"] = "before" if before else "after"
        params["anchor_activity"] = anchor.id
        if m.group(2):
            raw = ("會前" if before else "會後") + s.text[m.start(2):m.end(2)]
            try:
                parse_offset(raw)
                params["lead"] = raw
            except PhraseError:
                pass
        if not before:
            params.pop("lead", None)
        self.cand(s, "order", params, 0.8, [self.ref(subj.term), self.ref(anchor.term)])

    # ---- gates: 經…審閱同意後, 征得同意後, 批准後, 方可

    def gates(self, s: Sentence, prior: list[Sentence]) -> None:
        f = s.f
        last = 0
        carried: list[Match] = []
        for m in re.finditer(r"(审阅并同意|审阅同意|审核同意|研究同意|审议通过|研究通过|研究确定|审定|"
                             r"同意|批准|批复|审批)(之后|以后|后)?", f):
            chunk = f[last:m.start()]
            intro = None
            for v in re.finditer(r"征得|须经|经过|经|报送|报|交|提请", chunk):
                intro = v
            if intro is None and not m.group(2):
                last = m.end()
                carried = []
                continue
            zone_start = last + (intro.end() if intro else 0)
            bodies = self.terms(s, ("body",), zone_start, m.start())
            if not bodies and intro is not None and intro.group(0) in ("征得", "经", "经过", "须经"):
                bodies = [x for x in self.terms(s, ("body",), 0, m.start())
                          if re.search(r"(报送|报|交|向)[^,;。]{0,16}$", f[max(0, x.start - 18):x.start])]
                if not bodies:
                    for p in reversed(prior):
                        bs = [x for x in self.terms(p, ("body",))
                              if re.search(r"(报送|报|交|向|与)[^,;。]{0,16}$", p.f[max(0, x.start - 18):x.start])]
                        if bs:
                            bodies = bs[-1:]
                            break
            bodies = carried + bodies
            docs = self.terms(s, ("document",), last, m.start())
            if not docs and carried:
                docs = []
            doc_terms: list[Term] = list_of(f, docs) if docs else []
            if not doc_terms:
                d = None
                for p in reversed(prior):
                    if p.heading:
                        continue
                    ds = self.terms(p, ("document",))
                    if ds:
                        d = ds[-1].term
                        break
                if d is None:
                    hs = self.heading_terms(s.unit, ("document",))
                    d = hs[0] if hs else None
                if d is None and m.group(1) in ("批准", "批复", "审批"):
                    d = self.lex.get("請示")
                doc_terms = [d] if d is not None else []
            last = m.end()
            rest = f[m.end():]
            joined = re.match(r"[^,;。]{0,2}(并|和|后再|再)(报|经|交)", rest)
            if not m.group(2) and joined and bodies:
                carried = bodies  # 經黨組研究確定並報督導組審閱同意後: both approve
                continue
            carried = []
            if not bodies or not doc_terms:
                continue
            approved_by = list(dict.fromkeys(b.id for b in bodies))
            anchor: dict[str, Any] = {}
            conf = 0.85
            made: list[Match] = []
            if m.group(2) or re.match(r"[^。]{0,4}方可", rest):
                if re.match(r"[^。]{0,20}下一(个)?[“\"]?[^。]{0,14}?(环节|阶段)", rest) and self.out.next_phase:
                    anchor = {"before_phase": self.out.next_phase}
                else:
                    nxt = [x for x in self.terms(s, ("activity", "document"), m.end())]
                    made = [x for x in nxt if x.category == "document"
                            and any(v in f[max(m.end(), x.start - 8):x.start] for v in VERBS_DOC)]
                    if made:
                        for d2 in doc_terms:
                            self.cand(s, "order", {"document": made[0].id, "relation": "after",
                                                   "anchor_document": d2.id, "anchor_action": "approved",
                                                   "anchor_party": approved_by[0]},
                                      0.75, [self.ref(made[0].term), self.ref(d2),
                                             self.ref(bodies[0].term)])
                    elif nxt and nxt[0].category == "activity":
                        anchor = {"before_activity": nxt[0].id}
            if not anchor and self.in_preparation(s.unit) and self.has_mobilization:
                anchor = {"before_activity": "動員大會"}
                conf = 0.7
            if not anchor:
                if not made:
                    # Approval with nothing named that waits for it: the document is approved.
                    for d in doc_terms:
                        self.cand(s, "occurs", {"document": d.id, "action": "approved",
                                                "party": approved_by[0], "min": 1}, 0.7,
                                  [self.ref(d), self.ref(bodies[0].term)], key="approved")
                continue
            for d in doc_terms:
                refs = [self.ref(d)] + [self.ref(b.term) for b in bodies]
                if "before_activity" in anchor:
                    t = self.lex.get(anchor["before_activity"])
                    if t is not None:
                        refs.append(self.ref(t))
                self.cand(s, "gate", {"document": d.id, "approved_by": approved_by, **anchor}, conf, refs)

    def in_preparation(self, unit: Unit) -> bool:
        return any(re.search(r"准备", fold(h)) for h in unit.headings)

    # ---- reports: 報送X, 報X審閱, 同時報X和Y

    def reports(self, s: Sentence, prior: list[Sentence]) -> None:
        f = s.f
        bodies: list[Match] = []
        first_verb = None
        for m in self.terms(s, ("body", "role")):
            pre = f[max(0, m.start - 20):m.start]
            if m.category == "role" and not re.search(r"(交|报送|报|提交)(给)?$", pre):
                continue
            v = re.search(r"(报送|上报|呈报|(?<![通汇情举简申])报(?![告道名到纸刊表])|提交|交(?![流办])|向)"
                          r"(给)?([^,;。]{0,16})$", pre)
            if not v:
                continue
            if v.group(1) == "向" and not re.match(r"[^,;。]{0,4}(报送|报告|上报|提交)", f[m.end:m.end + 8]):
                continue
            if "汇报" in pre[v.start():v.start() + 3] or pre[v.start() - 1:v.start()] == "汇":
                continue
            bodies.append(m)
            if first_verb is None:
                first_verb = m.start - len(v.group(0))
        if not bodies or first_verb is None:
            return
        docs: list[Term] = []
        seg = s.segment_at(first_verb)
        before = self.terms(s, ("document",), seg[0], first_verb)
        if before:
            docs = list_of(f, before)
        if not docs:
            earlier = self.terms(s, ("document",), 0, seg[0])
            if earlier:
                docs = list_of(f, earlier)
        if not docs:
            after = self.terms(s, ("document",), first_verb, len(f))
            if after:
                docs = [after[0].term]
        conf = 0.85
        if not docs:
            for p in reversed(prior):
                if p.heading:
                    continue
                ds = self.terms(p, ("document",))
                if ds:
                    docs = [ds[-1].term]
                    conf = 0.75
                    break
        if not docs:
            hs = self.heading_terms(s.unit, ("document",))
            if hs:
                docs = [hs[0]]
                conf = 0.75
        if not docs:
            self.out.reviews.append(Review(s.unit.id, s.text, s.line,
                                           "report without a document 報送對象文件不明"))
            return
        to = list(dict.fromkeys(b.id for b in bodies))
        within = None
        for a, b, raw in self.dates(s):
            if s.segment_at(a) == s.segment_at(bodies[0].start) or a > bodies[0].start:
                within = raw.strip("()")
        for d in docs:
            params: dict[str, Any] = {"document": d.id, "to": to}
            if within:
                params["within"] = within
            refs = [self.ref(d)] + [self.ref(b.term) for b in bodies]
            resp = self.responsible(s, first_verb)
            self.cand(s, "report", params, conf, refs + resp, responsible=[r.id for r in resp])

    # ---- durations: 8個月左右, 不少於3個月

    def durations(self, s: Sentence) -> None:
        f = s.f
        for m in re.finditer(r"(不少于|至少|不超过|不多于|大致安排|大约|约|为期|历时|大致)?\s*"
                             r"(\d+|[一二两三四五六七八九十半]+)\s*(个)?(月|年|周|星期|天)"
                             r"(左右|以上)?(的时间|时间)?", f):
            if re.search(r"近$", f[max(0, m.start() - 1):m.start()]) or re.match(r"内", f[m.end():m.end() + 1]):
                continue
            qual, amount, unit, about, timeword = m.group(1), m.group(2), m.group(4), m.group(5), m.group(6)
            pre = f[max(0, m.start() - 12):m.start()]
            if not (qual or about or timeword or "时间" in pre):
                continue
            if unit == "年" and not m.group(3) and not qual:
                continue
            if unit == "月" and not m.group(3):
                continue  # 2月 is a date, 2個月 a length
            if unit == "天" and qual not in ("为期", "历时", "不少于", "至少"):
                continue
            words = {"月": "個月", "年": "年", "周": "周", "星期": "周", "天": "天"}[unit]
            if amount == "半" and unit == "年":
                core = "半年"
            else:
                core = f"{amount}{words}"
            if qual in ("不少于", "至少") or about == "以上":
                length = f"不少於{core}"
            elif qual in ("不超过", "不多于"):
                length = f"不超過{core}"
            elif about or (qual and qual.startswith(("大致", "大约", "约"))) or "大致" in pre:
                length = f"{core}左右"
            else:
                length = core
            try:
                parse_duration(length)
            except PhraseError:
                continue
            params: dict[str, Any] = {"length": length}
            refs: list[Ref] = []
            of = re.match(r"的?", f[m.end():])
            acts = self.terms(s, ("activity",), m.end(), m.end() + (of.end() if of else 0) + 12)
            if acts and acts[0].start - m.end() <= 2:
                # 為期7天的讀書班: the span of that activity
                params["start_activity"] = params["end_activity"] = acts[0].id
                refs.append(self.ref(acts[0].term))
            else:
                period = _period_before(s, m.start())
                if period:
                    params["period"] = period
            self.cand(s, "duration", params, 0.85, refs)

    # ---- coverage

    def coverage(self, s: Sentence, prior: list[Sentence]) -> None:
        self.topics(s)
        self.sources(s)
        self.labelled(s)
        self.sets(s)
        self.spelled_out(s)
        self.each_section(s)
        self.channels(s)
        self.all_of(s)

    def topics(self, s: Sentence) -> None:
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
            t = self.lex.item(fold(words))
            refs.append(self.ref(t) if t is not None else self.free(words, "group"))
        hs = self.heading_terms(s.unit, ("activity",))
        acts = [x for x in self.terms(s, ("activity",)) if re.search(r"讨论|研讨", fold(x.term.id))]
        act = hs[0] if hs else (acts[0].term if acts else None)
        params: dict[str, Any] = {"field": "topics", "items": [r.id for r in refs]}
        if act is not None:
            params["activity"] = act.id
            refs.append(self.ref(act))
        self.cand(s, "coverage", params, 0.75, refs, key="topics")

    def sources(self, s: Sentence) -> None:
        f = s.f
        spans: list[tuple[int, int]] = []
        for m in re.finditer(r"听(取)?([^,;。听]{1,30}?)的意见", f):
            spans.append((m.start(2), m.end(2)))
        for m in re.finditer(r"征求([^,;。]{1,40}?)(对(?!象)[^,;。]{1,16})?的意见", f):
            pre = f[max(0, m.start() - 16):m.start()]
            if re.search(r"向[^,;。]{1,14}$", pre) or re.search(r"改进|对策|问题", m.group(1)) \
                    or m.group(1).startswith("了"):
                continue
            spans.append((m.start(1), m.end(1)))
        for m in re.finditer(r"向([^,;。]{2,20}?)征求", f):
            spans.append((m.start(1), m.end(1)))
        items: list[Ref] = []
        for a, b in spans:
            for words, t in self.items(s, a, b):
                if t is None:
                    w = fold(words)
                    if len(w) > 12 or re.search(r"意见|建议|情况|活动|我局|搞好", w):
                        continue
                items.append(self.ref(t) if t is not None else self.free(words, "group"))
        uniq = list({r.id: r for r in items}.values())
        if len(uniq) < 2:
            return
        # 聽A的意見、聽B的意見 lists the sources one by one; 征求A和B的意見 names a crowd.
        conf = (0.8 if len(spans) >= 2 else 0.7) if all(r.known for r in uniq) else 0.6
        self.cand(s, "coverage", {"field": "sources", "items": [r.id for r in uniq]}, conf, uniq,
                  key="sources", roster=_needs_roster(uniq))

    def labelled(self, s: Sentence) -> None:
        f = s.f
        m = re.search(r"(参加会议人员|参会人员|参加人员|参加对象|出席人员|与会人员|评议对象|测评对象|考核对象|"
                      r"谈话人员范围|谈话对象|人员范围|谈话范围)(主要)?(是|为|包括|有)?(共" + NUM + r"人)?:", f)
        if not m:
            return
        label = m.group(1)
        field = ("attendees" if label.startswith(("参", "出", "与")) else
                 "targets" if "对象" in label and "谈话" not in label else "participants")
        body = (m.end(), len(f.rstrip("。.")))
        refs: list[Ref] = []
        people: list[str] = []
        for words, t in self.items(s, *body):
            w = fold(words)
            if t is not None:
                refs.append(self.ref(t))
            elif m.group(4) and re.fullmatch(r"[\u4e00-\u9fff]{2,4}", words):
                pid = person_id(words)
                if pid:
                    refs.append(Ref(pid, "person", words, "", False))
                    people.append(words)
            elif len(w) <= 24:
                refs.append(self.free(words, "group"))
        refs = list({r.id: r for r in refs}.values())
        if not refs:
            return
        acts = self.terms(s, ("activity",), 0, m.end())
        act = acts[-1].term if acts else None
        if act is None:
            hs = self.heading_terms(s.unit, ("activity",))
            act = hs[0] if hs else None
        params: dict[str, Any] = {"field": field, "items": [r.id for r in refs]}
        extra = []
        if act is not None:
            params["activity"] = act.id
            extra.append(self.ref(act))
        for name in people:
            self.out.people[person_id(name)] = (name, ())
        conf = 0.85 if all(r.known for r in refs) else 0.65
        self.cand(s, "coverage", params, conf, refs + extra, key=field, roster=_needs_roster(refs))

    def sets(self, s: Sentence) -> None:
        f = s.f
        for ts in self.lex.sets:
            named = any(fold(n) in f for n in ts.names)
            present = [i for i in ts.items if any(fold(a) in f for a in self.lex.terms[i].aliases)]
            each = re.search(r"每一|逐项|逐条|每个|全部|各项", f) is not None
            if not ((named and each) or (len(present) >= 2 and (named or ts.field == "topics"))):
                continue
            if ts.field == "covers":
                docs = self.terms(s, ("document",))
                if not docs:
                    continue
                params: dict[str, Any] = {"field": "covers", "items": list(ts.items),
                                          "document": docs[0].id}
                if each and re.search(r"每一|逐项|逐条", f):
                    params["each_document"] = True
                refs = [self.ref(self.lex.terms[i]) for i in ts.items] + [self.ref(docs[0].term)]
            else:
                params = {"field": ts.field, "items": list(ts.items)}
                refs = [self.ref(self.lex.terms[i]) for i in ts.items]
            self.cand(s, "coverage", params, 0.8, refs, key=ts.id)

    def spelled_out(self, s: Sentence) -> None:
        f = s.f
        m = re.search(r"(要|须|应)?明确([^,;。]{4,40})", f)
        if not m:
            return
        docs = self.terms(s, ("document",), 0, m.start())
        if not docs:
            return
        items = [self.ref(t) if t is not None else self.free(words, "group")
                 for words, t in self.items(s, m.start(2), m.end(2))]
        if len(items) < 2:
            return
        conf = 0.65 if all(r.known for r in items) else 0.6
        self.cand(s, "coverage", {"field": "covers", "document": docs[-1].id,
                                  "items": [r.id for r in items]},
                  conf, items + [self.ref(docs[-1].term)], key="covers")

    def each_section(self, s: Sentence) -> None:
        f = s.f
        m = re.search(r"每个(科室|部门|处室|单位|支部)[^,;。]{0,6}?(推荐|派|选派|安排|确定)?" + NUM + r"名", f)
        if not m:
            return
        acts = self.terms(s, ("activity",))
        act = acts[0].term if acts else None
        if act is None:
            hs = self.heading_terms(s.unit, ("activity",))
            act = hs[0] if hs else None
        params: dict[str, Any] = {"field": "sections", "all_sections": True}
        refs = []
        if act is not None:
            params["activity"] = act.id
            refs.append(self.ref(act))
        self.cand(s, "coverage", params, 0.8, refs, roster=True, key="sections")

    def channels(self, s: Sentence) -> None:
        f = s.f
        if not re.search(r"(形式|方式|渠道|平台)", f) or "通过" not in f:
            return
        if re.search(r"时间确定|通知|公布|公告", f):
            return
        spans = []
        for m in re.finditer(r"通过([^,;。]{1,40}?)(等)?(的)?(网络平台|形式|方式|渠道|平台)", f):
            spans.append((m.start(1), m.end(1)))
        for m in re.finditer(r"(开辟|设立|设置|开设|开通)([^,;。]{1,24})", f):
            if not any(a <= m.start() < b for a, b in spans):
                spans.append((m.start(2), m.end(2)))
        items: list[Ref] = []
        for a, b in spans:
            for words, t in self.items(s, a, b):
                w = fold(words)
                if t is None:
                    ms = [x for x in self.lex.find(w, ("group",)) if x.term.channel]
                    t = ms[-1].term if ms else None
                if t is not None and t.category == "activity":
                    continue
                if t is not None and (t.channel or t.category == "group"):
                    items.append(self.ref(t))
                elif t is None and 1 < len(w) <= 10 and not re.search(r"召开|组织|开展|的", w):
                    items.append(self.free(words, "group"))
        uniq = list({r.id: r for r in items}.values())
        if len(uniq) < 2:
            return
        conf = (0.8 if len(spans) >= 2 else 0.7) if all(r.known for r in uniq) else 0.6
        self.cand(s, "coverage", {"field": "channels", "items": [r.id for r in uniq]}, conf, uniq,
                  key="channels")

    def all_of(self, s: Sentence) -> None:
        f = s.f
        if not re.search(r"(组织|确保)(全体|全局)|全覆盖", f):
            return
        if self.counted_activities(s):
            return
        m = re.search(r"(?:组织|确保)((全体|全局)[^,;。]{1,6}?)(特别是|重点|认真|集中|参加|学习|到|开展|赴)", f)
        if not m:
            return
        t = self.lex.item(fold(m.group(1)))
        if t is None or not t.collective:
            return
        acts = [x for x in self.terms(s, ("activity",), m.end()) if x.start - m.end() < 10]
        if acts:
            return  # an occurs with attended_by says it
        self.cand(s, "coverage", {"field": "attendees", "items": [t.id]}, 0.6, [self.ref(t)],
                  key="everyone", roster=True)

    def participants(self, s: Sentence) -> None:
        """``A、B和C參加`` in a clause about scope (範圍和對象): everyone listed takes part."""
        if not any(re.search(r"范围|对象|参加", fold(h)) for h in s.unit.headings):
            return
        m = re.search(r"^(.{4,60}?)(全体)?(参加|参与)", s.f)
        if not m:
            return
        refs = [self.ref(t) if t is not None else self.free(w, "group")
                for w, t in self.items(s, m.start(1), m.end(1) + (len(m.group(2)) if m.group(2) else 0))]
        refs = list({r.id: r for r in refs}.values())
        if len(refs) < 2:
            return
        conf = 0.7 if all(r.known for r in refs) else 0.6
        self.cand(s, "coverage", {"field": "attendees", "items": [r.id for r in refs]}, conf, refs,
                  key="scope", roster=_needs_roster(refs))

    def items(self, s: Sentence, a: int, b: int) -> list[tuple[str, Term | None]]:
        """The items of an enumeration in s[a:b] with the term each names. ``A、B等C``
        with C a term is C; ``機關、企事業單位全體人員`` distributes the shared head
        (機關全體人員, 企事業單位全體人員)."""
        f = s.f
        seg = f[a:b]
        deng = re.search(r"等([^、,;和及等]{2,12})$", seg.rstrip("。. "))
        if deng:
            t = self.lex.item(deng.group(1))
            if t is not None:
                return [(s.text[a + deng.start(1):a + deng.end(1)], t)]
        out: list[tuple[str, Term | None]] = []
        raw = enumeration(f, a, b)
        for i, (ia, ib) in enumerate(raw):
            words = s.text[ia:ib]
            w = fold(words)
            w2 = re.sub(r"等[^、,;和及]{0,6}$", "", w)
            if w2 != w:
                words = words[:len(w2)]
                w = w2
            t = self.lex.item(w)
            if t is None and i + 1 < len(raw):
                nxt = fold(s.text[raw[i + 1][0]:raw[i + 1][1]])
                suffixes = sorted((a for a, t3 in self.lex.by_alias.items()
                                   if t3.collective and nxt.endswith(a) and len(a) < len(nxt)), key=len)
                if suffixes:
                    head = suffixes[0]
                    t2 = self.lex.item(w + head)
                    if t2 is not None and t2.collective:
                        out.append((words + s.text[raw[i + 1][1] - len(head):raw[i + 1][1]], t2))
                        continue
                    if not self.lex.find(w):
                        continue  # 局機關及企事業單位全體人員: one collective
            out.append((words, t))
        return out

    # ---- notices

    def notices(self, s: Sentence) -> None:
        f = s.f
        m = re.search(r"通过([^,;。]{2,30}?)(发布|公布|公告|通知|告知)?(信息|通知)?$", f.rstrip("。."))
        if m and re.search(r"时间|通知|公布|发布|信息", f) and not re.search(r"形式|方式", f):
            chans = [x for x in self.lex.find(f[m.start(1):m.end(1)], ("group",)) if x.term.channel]
            act = self.subject_activity(s)
            if chans and act is not None:
                self.cand(s, "notice", {"activity": act.id, "channels": [c.id for c in chans]}, 0.8,
                          [self.ref(act)] + [self.ref(c.term) for c in chans])
                return
        m2 = re.search(r"(会前|提前[^,;。发]{0,6}?)[^,;。]{0,4}(发放|下发|印发|送达|分发)", f)
        if m2:
            things = [x for x in self.terms(s, ("group", "document"), 0, m2.start()) if x.term.channel]
            if not things:
                return
            act = self.subject_activity(s)
            if act is None:
                return
            params: dict[str, Any] = {"activity": act.id, "channels": [things[-1].id]}
            lead = re.match(r"(会前|提前)\s*(\d+|[一二两三四五六七八九十半]+)\s*(个)?(天|日|周|小时|个工作日)",
                            f[m2.start():])
            if lead:
                raw = s.text[m2.start():m2.start() + lead.end()]
                try:
                    parse_offset(raw)
                    params["lead"] = raw
                except PhraseError:
                    pass
            self.cand(s, "notice", params, 0.8, [self.ref(act), self.ref(things[-1].term)])

    def subject_activity(self, s: Sentence) -> Term | None:
        acts = [x for x in self.terms(s, ("activity",))]
        if acts:
            return acts[0].term
        hs = self.heading_terms(s.unit, ("activity",))
        return hs[0] if hs else None

    # ---- attestations

    def attests(self, s: Sentence) -> None:
        f = s.f
        m = re.search(r"原汁原味|深刻、?诚恳|真实准确|实事求是地", f)
        if not m:
            return
        by = None
        refs: list[Ref] = []
        bm = re.search(r"由([^,;。]{0,24}?)(原汁原味|深刻|负责|统一)", f)
        if bm:
            bs = self.terms(s, ("body", "role"), bm.start(), bm.end())
            if bs:
                by = bs[-1]
        seg = s.segment_at(m.start())
        statement = s.text[seg[0]:seg[1]].strip()
        params: dict[str, Any] = {"statement": statement}
        resp: list[str] = []
        if by is not None:
            # Who signs is a person of that body: the roster's business. The body is the one
            # to remind.
            resp = [by.id]
            refs.append(self.ref(by.term))
        self.cand(s, "attest", params, 0.7, refs, responsible=resp)

    # ---- recurring and quantities

    def recurring(self, s: Sentence) -> None:
        f = s.f
        for m in re.finditer(r"每(个)?(月|季度|季|周|星期|年)(至少)?[^,;。]{0,8}?(" + NUM[1:-1] + r")?\s*次?", f):
            every = {"月": "month", "季度": "quarter", "季": "quarter", "周": "week", "星期": "week",
                     "年": "year"}[m.group(2)]
            seg = s.segment_at(m.start())
            acts = self.terms(s, ("activity",), m.start(), seg[1]) or self.terms(s, ("activity",), seg[0], seg[1])
            if not acts:
                continue
            n = num(m.group(4)) if m.group(4) else 1
            self.cand(s, "recurring", {"activity": acts[0].id, "every": every, "min": n or 1}, 0.85,
                      [self.ref(acts[0].term)])

    def quantities(self, s: Sentence) -> None:
        f = s.f
        for m in re.finditer(r"(不少于|至少|累计|达到)?\s*(\d+(?:\.\d+)?|[一二两三四五六七八九十]+)\s*(个)?学时", f):
            amount = m.group(2)
            n: float | None = float(amount) if amount[0].isdigit() else num(amount)
            if not n:
                continue
            params: dict[str, Any] = {"min": n, "unit": "學時"}
            refs: list[Ref] = []
            seg = s.segment_at(m.start())
            acts = self.terms(s, ("activity",), seg[0], seg[1]) or self.terms(s, ("activity",))
            if acts:
                params["activity"] = acts[0].id
                refs.append(self.ref(acts[0].term))
            roles = self.terms(s, ("role",), 0, m.start())
            roster = False
            if roles and re.search(r"每(位|名|人)|人均|每个", f):
                params["per"] = roles[-1].id
                refs.append(self.ref(roles[-1].term))
                roster = True
            self.cand(s, "quantity", params, 0.8, refs, roster=roster)


# ---------------------------------------------------------------- helpers


def _period_before(s: Sentence, pos: int) -> str | None:
    """The span a duration measures when the words before it name one: ``集中教育時間不少於
    3個月`` → ``集中教育`` (the id of a period the schedule declares)."""
    m = re.search(r"([\u4e00-\u9fff]{2,})(的)?时间(为|是)?$", s.f[:pos])
    if not m:
        return None
    run_end = m.end(1)
    start = max(m.start(1), run_end - 4)
    words = s.text[start:run_end]
    if re.search(r"活动|安排|工作|大致|全部", fold(words)):
        return None
    return words


def _needs_roster(refs: Sequence[Ref]) -> bool:
    """Items that are roles, people or "everyone" can only be checked against the roster or
    the way a schedule records attendance, which a drafted plan does not know."""
    from .lexicon import LEXICON as lex

    for r in refs:
        if r.category in ("role", "person"):
            return True
        t = lex.get(r.id)
        if t is not None and t.collective:
            return True
    return False


def _settle(cands: list[Candidate]) -> list[Candidate]:
    """Within one clause: drop plain ``occurs`` that a stronger rule on the same subject
    implies (a deadline, an order, a per-person quota, a coverage of its events), reports
    that a gate to the same bodies implies, heading-only readings of subjects the body text
    names, and exact duplicates."""
    strong_acts: set[str] = set()
    strong_docs: set[str] = set()
    gate_to: dict[str, set[str]] = {}
    named: set[str] = set()
    for c in cands:
        p = c.params
        if c.heading:
            continue
        for key in ("activity", "document", "anchor_activity", "anchor_document", "before_activity"):
            if isinstance(p.get(key), str):
                named.add(p[key])
        if c.kind in ("deadline", "order", "per-person", "pairwise", "notice", "recurring", "gate",
                      "report") or (c.kind == "coverage" and (p.get("items") or p.get("all_sections"))):
            if p.get("activity"):
                strong_acts.add(p["activity"])
            if p.get("document"):
                strong_docs.add(p["document"])
        if c.kind == "gate":
            gate_to.setdefault(p["document"], set()).update(p.get("approved_by", ()))
    out: list[Candidate] = []
    seen: set[str] = set()
    for c in cands:
        p = c.params
        if c.kind == "occurs":
            plain = p.get("min", 1) == 1 and not p.get("attended_by") and not p.get("within") \
                and p.get("action", "any") == "any"
            if c.heading and (p.get("activity") in named or p.get("document") in named):
                continue
            if plain and (p.get("activity") in strong_acts or p.get("document") in strong_docs):
                continue
        if c.kind == "report" and set(p.get("to", ())) <= gate_to.get(p["document"], set()) \
                and not p.get("within"):
            continue
        sig = repr((c.kind, sorted((k, repr(v)) for k, v in p.items())))
        if sig in seen:
            continue
        seen.add(sig)
        out.append(c)
    return out


def read_article(article: Article, units: list[Unit], lexicon: Lexicon = LEXICON) -> ArticleReading:
    """Recognise the requirements of one article."""
    return _Reader(article, lexicon, units).read()
