"""Dispatch: each reminder to each configured channel, through the delivery ledger.

The ledger (:mod:`masswork.remind.ledger`) holds the state; this module is the loop that
claims, sends and records, and the plain records it returns (:class:`Delivery`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any
import warnings

import attrs

from .channels import DeliveryError
from .ledger import Key, Ledger, Skip, delivery_key
from .redact import redact, secrets_of
from .render import BOTH, lang_of, text_of

__all__ = ["Target", "Delivery", "dispatch"]


def _sent_text(reminder: Any, settings: Mapping[str, Any]) -> str:
    if not hasattr(reminder, "message"):
        return ""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # the channel itself warns about "both"
        return text_of(reminder, lang_of(settings, reminder=reminder))


def _error_text(exc: DeliveryError, settings: Mapping[str, Any], reminder: Any) -> str:
    message = getattr(exc, "message", None)  # a subclass from before messages may lack it
    if not callable(message):
        return str(exc)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        lang = lang_of(settings, reminder=reminder)
    if lang == BOTH:  # the deprecated two-language channel: both, as it always was
        return f"{message('zh-Hant')} / {message('en')}"
    return str(message(lang))


@attrs.frozen
class Target:
    """A configured channel: its name (the config table's), the channel's ``deliver``
    function, its settings (secrets already resolved), which recipients it serves (empty:
    all) and the secret values among its settings (those resolved from the environment;
    :func:`~masswork.remind.redact.secrets_of` adds every URL, password, secret and header),
    which no error that leaves :func:`dispatch` contains."""

    name: str
    deliver: Callable[[Any, Mapping[str, Any]], None]
    settings: Mapping[str, Any] = attrs.field(factory=dict)
    recipients: tuple[str, ...] = ()
    secrets: tuple[str, ...] = ()

    def accepts(self, reminder: Any) -> bool:
        return not self.recipients or getattr(reminder, "recipient", None) in self.recipients


@attrs.frozen
class Delivery:
    """What happened to one reminder on one channel in this run.

    ``state``: ``sent`` (delivered now), ``already-sent`` (by an earlier run), ``failed``
    (tried now; retried later), ``deferred`` (failed before; its retry time has not come),
    ``in-flight`` (another process is sending it), ``dry-run`` (would be sent).
    """

    reminder: Any
    channel: str
    state: str
    key: Key
    delivered: bool = False
    error: str | None = None
    attempts: int = 0
    next_attempt: float | None = None
    uncertain: bool = False

    @property
    def pending(self) -> bool:
        """Still to be delivered after this run."""
        return self.state in ("failed", "deferred", "in-flight")


def dispatch(
    reminders: Iterable[Any],
    targets: Sequence[Target],
    ledger: Ledger | None,
    *,
    dry_run: bool = False,
) -> list[Delivery]:
    """Deliver each reminder on each target that accepts it, through the ledger.

    With ``dry_run`` nothing is sent or written; ``ledger`` (read-only, or None) only tells
    what was already sent. Without it ``ledger`` is required. A channel raising
    :class:`~masswork.channels.DeliveryError` — or any other ``Exception`` (a plugin's bug) —
    is a failed attempt, retried later; ``BaseException`` (a kill, ``KeyboardInterrupt``)
    passes through and leaves the claim to expire. Every error it returns or records is
    redacted (:mod:`masswork.remind.redact`) with the target's secrets.
    """
    if not dry_run and ledger is None:
        raise ValueError("dispatch needs a ledger unless dry_run")
    out: list[Delivery] = []
    for reminder in reminders:
        for t in targets:
            if not t.accepts(reminder):
                continue
            key = delivery_key(reminder.key, t.name)
            if dry_run:
                row = ledger.row(key) if ledger is not None else None
                state = "already-sent" if row is not None and row.state == "sent" else "dry-run"
                out.append(Delivery(reminder, t.name, state, key, attempts=row.attempts if row else 0))
                continue
            assert ledger is not None
            secrets = secrets_of(t.settings, t.secrets)
            # The key is ids only (plan, requirement, kind, recipient, due, lead, channel): a
            # reminder sent in one language is not sent again in another. The text kept beside
            # it is what this channel sends, for whoever reads the ledger.
            claim = ledger.claim(key, _sent_text(reminder, t.settings))
            if isinstance(claim, Skip):
                last = redact(claim.row.last_error, secrets) if claim.row.last_error is not None else None
                out.append(Delivery(reminder, t.name, claim.state, key, error=last,
                                    attempts=claim.row.attempts, next_attempt=claim.row.next_attempt,
                                    uncertain=claim.row.uncertain))
                continue
            settings = {**t.settings, "delivery_id": claim.id}
            try:
                t.deliver(reminder, settings)
            except DeliveryError as exc:
                error = redact(_error_text(exc, t.settings, reminder), secrets)
                nxt = ledger.fail(claim, error, uncertain=bool(getattr(exc, "uncertain", False)))
                out.append(Delivery(reminder, t.name, "failed", key, error=error, attempts=claim.attempt,
                                    next_attempt=nxt, uncertain=claim.uncertain))
                continue
            except Exception as exc:  # noqa: BLE001 - a channel's bug fails this delivery only
                error = redact(repr(exc), secrets)
                nxt = ledger.fail(claim, error)
                out.append(Delivery(reminder, t.name, "failed", key, error=error, attempts=claim.attempt,
                                    next_attempt=nxt, uncertain=claim.uncertain))
                continue
            ledger.succeed(claim)
            out.append(Delivery(reminder, t.name, "sent", key, delivered=True, attempts=claim.attempt,
                                uncertain=claim.uncertain))
    return out
