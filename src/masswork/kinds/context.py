"""What a kind sees: :class:`Context` — the plan, the schedule indexed as of a day, and the
helpers every kind shares (phrases read to windows once per process, people's roles once
per check)."""


import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from functools import cached_property


from ..i18n import Msg, Name
from ..index import EventIndex, Occurrence
from ..model import Event, Person, Plan, Requirement, Schedule
from ..periods import Duration, Offset, Window, parse_duration, parse_offset, parse_window


# Phrases read, process-wide: parse_window is a function of its arguments alone, and the
# units of a batch repeat their template's phrases (3月中旬, 活動結束前 …) in every check.
# Windows are immutable; a phrase that does not parse is not kept (it raises each time).
_WINDOWS: dict[tuple[str, int, int | None, Window | None], Window] = {}


def _window(phrase: str, year: int, around: int | None = None, campaign: Window | None = None) -> Window:
    key = (phrase, year, around, campaign)
    try:
        return _WINDOWS[key]
    except KeyError:
        pass
    except TypeError:  # something unhashable: read it every time
        return _parse(phrase, year, around, campaign)
    found = _WINDOWS[key] = _parse(phrase, year, around, campaign)
    if len(_WINDOWS) > 4096:
        _WINDOWS.clear()
        _WINDOWS[key] = found
    return found


def _parse(phrase: str, year: int, around: int | None, campaign: Window | None) -> Window:
    if around is None:
        return parse_window(phrase, year, campaign=campaign)
    return parse_window(phrase, year, around=around, campaign=campaign)


class Context:
    """What a kind sees: the plan, the schedule indexed as of a day, and helpers that
    resolve the plan's words (phrases, roles, phases) once."""

    def __init__(
        self,
        plan: Plan,
        schedule: Schedule,
        as_of: dt.date | None = None,
        *,
        is_working_day: Callable[[dt.date], bool] | None = None,
    ) -> None:
        self.plan = plan
        self.schedule = schedule
        self.as_of = as_of
        self.index = EventIndex(schedule, as_of)
        self.is_working_day = is_working_day
        self._windows: dict[str, Window] = {}
        self.names: Mapping[str, str] = plan.names()
        self.people_by_id: Mapping[str, Person] = {p.id: p for p in plan.people}
        self._people: dict[str, tuple[Person, ...]] = {}
        self._people_ids: dict[str, frozenset[str]] = {}
        self._groups: dict[str, frozenset[str]] = {}
        self._names_en: Mapping[str, str] = {
            item.id: item.name_en
            for coll in (plan.roles, plan.bodies, plan.groups, plan.activities, plan.documents,
                         plan.phases)
            for item in coll if item.name_en
        }

    # -- words of the plan

    def window(self, phrase: str) -> Window:
        """A date or calendar phrase resolved against the plan's year."""
        if phrase not in self._windows:
            self._windows[phrase] = _window(phrase, self.plan.year, self.plan.options.around_days, self.campaign)
        return self._windows[phrase]

    def duration(self, phrase: str) -> Duration:
        return parse_duration(phrase)

    def offset(self, phrase: str) -> Offset:
        return parse_offset(phrase)

    @cached_property
    def campaign(self) -> Window:
        """The campaign's window from the plan's start and end (unbounded where unsaid)."""
        # Read directly, not through window(): that one resolves 活動結束前 against this.
        year = self.plan.year
        start = _window(self.plan.start, year).start if self.plan.start else None
        end = _window(self.plan.end, year).end if self.plan.end else None
        return Window(start, end)

    def phase_window(self, phase_id: str) -> Window:
        ph = next(p for p in self.plan.phases if p.id == phase_id)
        start = self.window(ph.start).start if ph.start else None
        end = self.window(ph.end).end if ph.end else None
        return Window(start, end)

    def name(self, ref_id: str | None) -> str:
        """The Chinese display name of a plan id (the id itself when it has none)."""
        if ref_id is None:
            return ""
        if ref_id not in self.names and "/" in ref_id:
            body, _, post = ref_id.partition("/")
            return self.names.get(body, body) + post
        return self.names.get(ref_id, ref_id)

    def word(self, ref_id: str | None) -> Name | Msg:
        """A plan id as a message parameter: its Chinese name as the plan writes it, and in
        English its English name with the Chinese beside it (``forum (座談會)``). A post of a
        body (``領導小組/組長``) reads 領導小組組長 in Chinese, ``組長 of 領導小組`` in English."""
        if ref_id is None:
            return Name("")
        if ref_id not in self.names and "/" in ref_id:
            body, _, post = ref_id.partition("/")
            return Msg.of("word.post", body=self.word(body), post=post)
        return Name(self.names.get(ref_id, ref_id), self._names_en.get(ref_id, ""))

    def words(self, ref_ids: Iterable[str]) -> tuple[Name | Msg, ...]:
        """Several plan ids as one list parameter (joined with 、 or ", ")."""
        return tuple(self.word(r) for r in ref_ids)

    def planned(self, activity: str | None) -> Msg | str:
        """" (planned for …)" where events of the type are still planned, else nothing."""
        if activity is None:
            return ""
        pend = self.index.planned(activity)
        if not pend:
            return ""
        return Msg.of("kind.planned_for", days=tuple(e.day for e in pend[:3]))

    def label_en(self, ref_id: str | None) -> str:
        """English name with the Chinese term beside it: ``forum (座談會)``."""
        if ref_id is None:
            return ""
        zh = self.name(ref_id)
        en = self._names_en.get(ref_id, "")
        return f"{en} ({zh})" if en and en != zh else zh

    def people(self, ref_id: str) -> tuple[Person, ...]:
        """People a reference stands for: a person, a role's holders, a body's members,
        a section's head and deputies."""
        # Computed once per reference per check: kinds ask for every event (docs/performance.md).
        found = self._people.get(ref_id)
        if found is None:
            found = self._people[ref_id] = self._resolve_people(ref_id)
        return found

    def _resolve_people(self, ref_id: str) -> tuple[Person, ...]:
        if ref_id in self.people_by_id:
            return (self.people_by_id[ref_id],)
        if "/" in ref_id:
            # "body/post": the holders of a post in a body (領導小組/組長, {unit}/書記).
            body_id, _, post = ref_id.partition("/")
            for b in self.plan.bodies:
                if b.id == body_id:
                    return tuple(self.people_by_id[m] for m in b.posts.get(post, ()) if m in self.people_by_id)
            return ()
        for b in self.plan.bodies:
            if b.id == ref_id:
                return tuple(self.people_by_id[m] for m in b.everyone() if m in self.people_by_id)
        for s in self.plan.sections:
            if s.id == ref_id:
                ids = ([s.head] if s.head else []) + list(s.deputies)
                return tuple(self.people_by_id[i] for i in ids if i in self.people_by_id)
        return self.plan.holders(ref_id)

    def people_ids(self, ref_id: str) -> frozenset[str]:
        """The ids of :meth:`people`, as a set."""
        found = self._people_ids.get(ref_id)
        if found is None:
            found = self._people_ids[ref_id] = frozenset(p.id for p in self.people(ref_id))
        return found

    def groups_of(self, person_id: str) -> frozenset[str]:
        """Every role a person holds (with the broader roles that include them), the
        bodies they belong to and their section; once per person per check."""
        found = self._groups.get(person_id)
        if found is None:
            person = self.people_by_id[person_id]
            groups = self.plan.person_roles(person) | {b.id for b in self.plan.bodies if person_id in b.everyone()}
            if person.section:
                groups.add(person.section)
            found = self._groups[person_id] = frozenset(groups)
        return found

    @staticmethod
    def present(event: Event) -> set[str]:
        """Everyone an event lists as there: host, participants, attendees."""
        out = {event.host, *event.participants, *event.attendees}
        out.discard(None)
        return out  # type: ignore[return-value]

    def involves(self, event: Event, ref_id: str) -> bool:
        """Whether ``ref_id`` (a person, role, body, section or group) took part in the
        event: hosted it, took part, attended, or is a member of a body that did."""
        present = self.present(event)
        if ref_id in present:
            return True
        return not present.isdisjoint(self.people_ids(ref_id))

    def attended(self, event: Event, person_id: str) -> bool:
        """Whether a person was there: as host, participant or attendee, or because the
        event lists a role they hold, a body they belong to, or their section."""
        present = self.present(event)
        if person_id in present:
            return True
        if person_id not in self.people_by_id:
            return False
        return not present.isdisjoint(self.groups_of(person_id))

    @cached_property
    def _members_of(self) -> dict[str, frozenset[str]]:
        """Role, body or section id → the people it stands for by :meth:`groups_of`."""
        out: dict[str, set[str]] = {}
        for person in self.plan.people:
            for g in self.groups_of(person.id):
                out.setdefault(g, set()).add(person.id)
        return {g: frozenset(ids) for g, ids in out.items()}

    def attendees_of(self, event: Event) -> set[str]:
        """The roster's people who :meth:`attended` the event, all at once: those it names
        and the holders of the roles, bodies and sections it names."""
        present = self.present(event)
        out = {x for x in present if x in self.people_by_id}
        members = self._members_of
        for g in present:
            m = members.get(g)
            if m:
                out |= m
        return out

    def attendance(self, events: Iterable[Event]) -> dict[str, list[Event]]:
        """Person id → the events (in the given order) they :meth:`attended`."""
        out: dict[str, list[Event]] = {}
        for e in events:
            for pid in self.attendees_of(e):
                out.setdefault(pid, []).append(e)
        return out

    def covering(self, events: Iterable[Event], field: str, items: Iterable[str]) -> dict[str, list[str]]:
        """Item → ids of the events (in order) that cover it through ``field``: the item is
        listed there; for ``attendees`` a person counts when they :meth:`attended`, a role
        or body when one of its people is named; for ``participants`` (with the host) a
        role or body counts when one of its people is named. One pass over the events."""
        wanted = list(dict.fromkeys(items))
        hits: dict[str, list[str]] = {i: [] for i in wanted}
        wanted_set = set(wanted)
        # Non-person items are covered through their people: person id → such items.
        via: dict[str, list[str]] = {}
        if field in ("attendees", "participants"):
            for item in wanted:
                if field == "participants" or item not in self.people_by_id:
                    for pid in self.people_ids(item):
                        via.setdefault(pid, []).append(item)
        persons = {i for i in wanted if i in self.people_by_id}
        for e in events:
            values = getattr(e, field)
            covered = wanted_set.intersection(values)
            if field == "attendees":
                if persons:
                    covered |= persons & self.attendees_of(e)
                named = self.present(e)
            elif field == "participants":
                named = set(values)
                if e.host:
                    named.add(e.host)
                covered |= wanted_set & named
            else:
                named = set()
            for pid in named:
                more = via.get(pid)
                if more:
                    covered.update(more)
            for item in covered:
                hits[item].append(e.id)
        return hits

    def hosted_by(self, event: Event, ref_id: str) -> bool:
        if event.host is None:
            return False
        return event.host == ref_id or event.host in self.people_ids(ref_id)

    # -- what happened

    def occurrences(
        self,
        *,
        activity: str | None = None,
        document: str | None = None,
        action: str = "any",
        party: str | None = None,
    ) -> tuple[Occurrence, ...]:
        """Events of an activity type, or actions on documents of a type, in time order."""
        if activity is not None:
            return self.index.event_occurrences(activity)
        if document is not None:
            return self.index.document_actions(document, action, party)
        return ()

    def default_due(self, req: Requirement) -> dt.date | None:
        """Where a kind has no date of its own: the requirement's ``due``, else the end of
        its phase, else the end of the campaign."""
        if req.due:
            return self.window(req.due).end
        if req.phase:
            end = self.phase_window(req.phase).end
            if end:
                return end
        return self.campaign.end

    def planned_note(self, activity: str | None) -> tuple[str, str]:
        """"(planned for …)" in both languages, where events of the type are still planned."""
        if activity is None:
            return "", ""
        pend = self.index.planned(activity)
        if not pend:
            return "", ""
        days = "、".join(e.day.isoformat() for e in pend[:3])
        return f"(已計劃於 {days})", f" (planned for {days.replace('、', ', ')})"


