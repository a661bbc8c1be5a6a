"""Sentences → candidate requirements, each with its kind, the kind's parameters, the quoted
sentence and a confidence: the clause reader.

The reader reads the wording, not particular plans, with one module per family of
requirement, each a set of small recognisers (functions of a :class:`~.context.Context` and
a sentence) run in the order :mod:`.reader` lists them:

* :mod:`.counts` — counts (``召開2次X``, ``一次X``, ``五個一``), quotas per person
  (``每位/其他每位…至少N次``) and pairwise talks (``A與B必談``, ``之間必談``);
* :mod:`.timing` — calendar phrases (``3月中旬``, ``2月25日前``) and durations
  (``8個月左右``, ``不少於3個月``);
* :mod:`.order` — order (``X後``, ``在X上``, ``X前``, ``會前15天``) and gates
  (``經…審閱同意後``, ``征得同意後``, ``批准後``, ``方可``);
* :mod:`.reports` — reports (``報送``, ``報…審閱/備案``, ``同時報``) and notices
  (``通過網站和公告欄…``, ``提前半天發放``);
* :mod:`.coverage` — coverage lists (quoted topics after ``圍繞``, ``聽X的意見``, labelled
  lists ``參加會議人員是:…``, ``(1)…(2)…``, numbered sets such as 四風, channels);
* :mod:`.events` — what is done (``召開X``, ``開展X``, ``制定X``), recurring events
  (``每月一次``), study hours (``學時``) and qualities a person must sign off
  (``原汁原味``);
* :mod:`.phases` — the phases an article names, the current and the next one.

Subjects, people and bodies come from the lexicon (:mod:`masswork.draft.lexicon`); what it
does not know is kept in the plan's own words and marked as unresolved. The family
recognisers of :mod:`masswork.draft.families` then add what this reader does not draft.

Everything works on folded text (Simplified, ASCII punctuation), so the same rules read
Traditional and Simplified plans; quotes keep the original characters.
"""

from __future__ import annotations

from .reader import read_article
from .results import ArticleReading, Candidate, Ref, Review

__all__ = ["Ref", "Candidate", "Review", "ArticleReading", "read_article"]
