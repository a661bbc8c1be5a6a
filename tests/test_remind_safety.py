"""Reminders never lost or unsafe: hostile plan text — a title with a line break (an attempt
at header injection), control characters, terminal escapes, bidi overrides, a lone
surrogate, Markdown links, images and HTML — is delivered on every channel, and each
channel's format shows it as text: a valid e-mail with one ``Subject`` line and no extra
header, DingTalk Markdown without a live link (checked with a CommonMark parser), WeCom text
with URLs defanged, webhook JSON that a strict parser reads, a console line without escapes.
Servers are an aiosmtpd inbox and an http.server on 127.0.0.1."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from hypothesis import example, given
from hypothesis import strategies as st
from loopback import http_server, smtp_server
from markdown_it import MarkdownIt

from masswork.cli import cli
from masswork.remind.render import clean, defang, md_text, one_line


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages in English, which the assertions read (subprocesses inherit it)."""
    monkeypatch.setenv("MASSWORK_LANG", "en")


HOSTILE_TITLE = ("學習計劃\r\nBcc: attacker@example.org\r\n\r\n[點我](https://evil.example/x) "
                 "<a href=\"javascript:alert(1)\">x</a> ![i](http://evil.example/i.png) www.evil.example "
                 "**粗** `c` \x1b[31m紅\x1b[0m \u202egnp.exe\u202c \x00 end")
HOSTILE_QUOTE = "原文\r\n.\r\nMAIL FROM:<x@evil.example>\x07"

PLAN = {
    "id": "hostile",
    "title": "方案\n標題",
    "year": 2014,
    "people": [{"id": "li-fei", "name": "李飛\u202e"}],
    "bodies": [{"id": "領導小組辦公室", "name": "領導小組辦公室"}, {"id": "督導組", "name": "督導組 <b>x</b>"}],
    "documents": [{"id": "計劃", "name": "計劃](http://evil.example)"}],
    "requirements": [{"id": "plan-due", "clause": "T.1", "kind": "deadline", "title": HOSTILE_TITLE,
                      "title_en": "line\nbreak [link](https://evil.example)", "quote": HOSTILE_QUOTE,
                      "responsible": ["領導小組辦公室", "li-fei"], "document": "計劃", "action": "submitted",
                      "party": "督導組", "within": "2月27日前"}],
}
ARGS = ["remind", "plan.json", "schedule.json", "--as-of", "2014-02-26", "--format", "json"]
md = MarkdownIt("commonmark")


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.chdir(tmp_path)
    write_plan(tmp_path, PLAN)
    yield tmp_path


def write_plan(folder: Path, plan: dict[str, Any], surrogate: bool = False) -> None:
    text = json.dumps(plan, ensure_ascii=True)
    if surrogate:  # JSON may spell a lone surrogate, which no UTF-8 encoder accepts
        text = text.replace("end", "end \\ud800", 1)
    (folder / "plan.json").write_text(text, encoding="utf-8")
    (folder / "schedule.json").write_text(json.dumps({"plan": plan["id"]}), encoding="utf-8")


def run(folder: Path, config: str, fmt: str = "json") -> Result:
    (folder / "masswork.toml").write_text('[ledger]\npath = "ledger.sqlite"\n' + config, encoding="utf-8")
    return CliRunner().invoke(cli, [*ARGS[:-1], fmt])


def test_a_title_with_a_line_break_is_delivered_by_email_with_one_subject(folder: Path) -> None:
    with smtp_server() as (inbox, port):
        r = run(folder, f'[channels.mail]\ntype = "email"\nhost = "127.0.0.1"\nport = {port}\n'
                        'from = "m@example.org"\nto = ["office@example.org"]\nlang = "zh-Hant"\n')
    assert r.exit_code == 0, r.output
    assert len(inbox.messages) == 2  # both recipients, first run
    for msg, raw in zip(inbox.messages, inbox.raw):
        assert msg["Bcc"] is None and len(msg.get_all("Subject") or []) == 1
        subject = str(msg["Subject"])
        assert "\n" not in subject and "\r" not in subject and "\x1b" not in subject
        assert "學習計劃 Bcc: attacker@example.org" in subject  # the words are kept, on one line
        body = msg.get_content()
        assert "\x1b" not in body and "\u202e" not in body and "\x00" not in body and "\x07" not in body
        assert "MAIL FROM" in body  # the quote is there, as text
        assert "://" not in body and "https[:]//evil.example" in body and "://" not in subject
        assert all(len(line) <= 998 for line in raw.split(b"\r\n"))
    # sent once: the next run sends nothing
    with smtp_server() as (inbox2, port2):
        r2 = run(folder, f'[channels.mail]\ntype = "email"\nhost = "127.0.0.1"\nport = {port2}\n'
                         'from = "m@example.org"\nto = ["office@example.org"]\n')
    assert r2.exit_code == 0 and inbox2.messages == []


def _links_and_html(markdown: str) -> list[str]:
    found = []
    for tok in md.parse(markdown):
        for t in [tok, *(tok.children or [])]:
            if t.type in ("link_open", "image", "html_inline", "html_block", "code_inline", "code_block", "fence",
                          "hr", "bullet_list_open", "ordered_list_open", "blockquote_open", "em_open",
                          "strong_open"):
                found.append(t.type)
    return found


def test_dingtalk_markdown_has_no_live_link_from_the_plan(folder: Path) -> None:
    with http_server() as (base, got):
        r = run(folder, '[channels.ding]\ntype = "dingtalk"\nurl_env = "DING_URL"\n'.replace(
            'url_env = "DING_URL"', f'url_env = "DING_URL"\nlang = "both"'))
        r = CliRunner().invoke(cli, ARGS, env={"DING_URL": f"{base}/robot/send?access_token=t"})
    assert r.exit_code == 0, r.output
    assert len(got) == 2
    for req in got:
        card = req.json["markdown"]
        assert _links_and_html(card["text"]) == []
        html = md.render(card["text"])
        assert 'href="' not in html and "<img" not in html and "<a " not in html and "<b>" not in html
        assert "://" not in html.replace("[:]//", "")
        assert html.count("<h4>") == 1  # only the card's own heading
        assert "點我" in html and "evil.example" in html  # shown, as text
        assert "\n" not in card["title"] and "://" not in card["title"]
        for bad in ("\x1b", "\u202e", "\x00"):
            assert bad not in card["text"] and bad not in card["title"]


def test_wecom_text_and_webhook_json_are_safe(folder: Path) -> None:
    def strict(text: str) -> Any:
        def refuse(name: str) -> Any:
            raise ValueError(name)
        return json.loads(text, parse_constant=refuse)

    with http_server() as (base, got):
        (folder / "masswork.toml").write_text(
            '[ledger]\npath = "ledger.sqlite"\n[channels.wx]\ntype = "wecom"\nurl_env = "WX_URL"\n'
            f'[channels.hook]\ntype = "webhook"\nurl = "{base}/hook"\n', encoding="utf-8")
        r = CliRunner().invoke(cli, ARGS, env={"WX_URL": f"{base}/cgi-bin/webhook/send?key=k"})
    assert r.exit_code == 0, r.output
    wecom = [x for x in got if x.path.startswith("/cgi-bin")]
    hooks = [x for x in got if x.path == "/hook"]
    assert len(wecom) == 2 and len(hooks) == 2
    for req in wecom:
        content = req.json["text"]["content"]
        assert "://" not in content and "[:]//" in content and "\x1b" not in content and "\u202e" not in content
    for req in hooks:
        body = strict(req.body.decode("utf-8", errors="strict"))
        for text in (body["message"], body["subject"], json.dumps(body["reminder"], ensure_ascii=False)):
            assert "\x1b" not in text and "\u202e" not in text and "\ud800" not in text
        assert "\n" not in body["subject"]
        assert body["reminder"]["quote"].startswith("原文")


def test_the_console_channel_prints_no_escape_sequence(folder: Path) -> None:
    r = run(folder, "", fmt="text")
    assert r.exit_code == 0, r.output
    assert "T.1" in r.stdout
    for bad in ("\x1b", "\u202e", "\x00", "\r"):
        assert bad not in r.stdout


def test_a_lone_surrogate_in_a_plan_is_bad_input(folder: Path) -> None:
    write_plan(folder, PLAN, surrogate=True)
    r = run(folder, "")
    assert r.exit_code == 2 and "plan.json" in r.stderr and "requirements[0].title" in r.stderr


def test_a_reminder_with_a_lone_surrogate_is_still_delivered(tmp_path: Path) -> None:
    """The loaders refuse lone surrogates in files; a reminder made through the API may
    still carry one, and no channel may then fail on every run."""
    import datetime as dt

    from masswork.builtin.channels import EMAIL, WEBHOOK
    from masswork.remind import Reminder

    r = Reminder(plan="p", requirement="r", clause="T.1", kind="due-soon", due=dt.date(2014, 2, 27), lead=1,
                 recipient="x", message_zh="提醒 \ud800 \x1b[2J", message_en="reminder \udfff",
                 title_zh="標題\n\ud800", quote="原文 \ud800")
    with smtp_server() as (inbox, port):
        EMAIL.deliver(r, {"host": "127.0.0.1", "port": port, "from": "m@example.org", "to": ["o@example.org"],
                          "timeout": 5, "delivery_id": "d1", "lang": "zh-Hant"})
    (msg,) = inbox.messages
    assert "\ufffd" in str(msg["Subject"]) and "\n" not in str(msg["Subject"]) and "\x1b" not in msg.get_content()
    from masswork.ledger import Ledger, Target, dispatch

    with http_server() as (base, got), Ledger(tmp_path / "l.sqlite") as ledger:
        (d,) = dispatch([r], [Target("hook", WEBHOOK.deliver, {"url": f"{base}/hook", "timeout": 5})], ledger)
        assert d.state == "sent" and ledger.counts()["sent"] == 1  # the ledger stores it too
    (req,) = got
    body = json.loads(req.body.decode("utf-8", errors="strict"))
    assert "\ufffd" in body["message"] and "\ufffd" in body["reminder"]["quote"]


_TEXT = st.lists(st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=3) | st.sampled_from(
    list("[]()<>!*_`#>-+=|~\\&:/.\n\r\t ") + ["http://", "www.", "javascript:", "\u202e", "\x1b", "1.", "    "]),
    max_size=20).map("".join)


@given(_TEXT)
@example("[a](http://x.example)")
@example("<http://x.example>")
@example("    indented code")
@example("1. item")
@example("---")
@example("a\\")
@example("&lt;b&gt;")
@example("[x]: http://ref.example\n[x]")
def test_md_text_renders_as_the_text_itself(text: str) -> None:
    for line in clean(text).split("\n"):
        line = line.strip()
        if not line:
            continue
        out = md_text(line)
        assert _links_and_html(out) == [] and "\n" not in out
        tokens = md.parse(out)
        assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"], (line, out)
        shown = "".join(c.content for c in tokens[1].children or [] if c.type == "text")
        assert shown == defang(line), (line, out, shown)


@given(_TEXT)
@example("a\r\nb\u2028c")
def test_one_line_is_one_clean_line(text: str) -> None:
    out = one_line(text)
    assert "\n" not in out and "\r" not in out and out == out.strip()
    assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F or 0x202A <= ord(c) <= 0x202E for c in out)
