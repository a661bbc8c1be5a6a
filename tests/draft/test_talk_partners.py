"""Talks with someone: the person named after 與/同/跟 is whom the talker talks with, however
the frequency is placed (``書記每年要與…``, ``書記要定期與…``), and that person owes no quota of
their own. Every sentence was written for these tests."""

from __future__ import annotations

import pytest

from masswork.draft import draft_text
from masswork.hanzi import to_simplified


def requirements(text: str) -> list[tuple[str, dict[str, object]]]:
    return [(r.kind, dict(r.entry)) for d in draft_text(text + "\n", year=2020) for r in d.requirements]


@pytest.mark.parametrize("text", [
    "一、談心\n(一)黨支部書記每年要與每名黨員談心談話至少1次。",
    "一、谈心\n(一)党支部书记要定期与党员谈心谈话。",
    "一、谈心\n(一)党支部书记每半年都要同每位党员谈一次心。",
    "一、談心\n(一)黨支部書記至少每季度要跟入黨積極分子談話一次。",
])
def test_the_talker_is_the_role_before_the_partner(text: str) -> None:
    pairs = [p for k, e in requirements(text) if k == "pairwise" for p in e["pairs"]]  # type: ignore[attr-defined]
    assert pairs, requirements(text)
    assert to_simplified(pairs[0]["a"]).endswith("书记"), pairs


@pytest.mark.parametrize("text", [
    "一、談心\n(一)黨支部書記每年要與每名黨員談心談話至少1次。",
    "一、谈心\n(一)支部书记要同每名党员谈心谈话不少于1次。",
])
def test_the_partner_owes_no_quota(text: str) -> None:
    got = requirements(text)
    partner_quota = [e for k, e in got if k == "per-person" and to_simplified(str(e.get("role"))) == "党员"]
    assert partner_quota == [], got


def test_a_member_who_must_talk_still_has_a_quota() -> None:
    got = requirements("一、談心\n(一)每名班子成員每年至少主持1次談心談話。")
    assert any(k == "per-person" for k, _ in got), got
