"""The research widgets (claim browser, claim editor, source panel), driven through their public
handlers and widget values on temporary copies of datasets; the files on disk are checked."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

pytest.importorskip("ipywidgets")

import ipywidgets as widgets

from claimtrack.widgets import ClaimBrowser, ClaimEditor, Desk, SourcePanel
from claimtrack.widgets.research import research
from tests.conftest import CLAIM

COMMENT = "# A claim written by hand; this comment must survive edits."
ELECTRONIC = """\
id: claim-two
statement: حملة إلكترونيّة ضد المنافسين
language: ar
translations:
  fr: Une campagne électronique contre les concurrents
category: defamation
claimant:
  label: Un journal régional
status: researching
verdict: unverified
assignee: Salma
created: 2025-04-11T09:00:00+01:00
updated: 2025-04-12T09:00:00+01:00
history:
  - time: 2025-04-11T09:00:00+01:00
    actor: Salma
    action: created
    to: new
  - time: 2025-04-11T10:00:00+01:00
    actor: Salma
    action: triage
    from: new
    to: triaged
  - time: 2025-04-11T11:00:00+01:00
    actor: Salma
    action: start-research
    from: triaged
    to: researching
"""
PRIVATE_ACTOR = """\
id: network-leader
kind: person
label: the leader of the network
name: Secret Private Name
"""


def claim_file(number: int, day: int) -> str:
    return (
        CLAIM.replace("id: claim-one", f"id: claim-{number:02d}")
        .replace("شبكة من الحسابات الوهمية", f"ادعاء رقم {number}")
        .replace(
            "created: 2025-04-10T09:00:00+01:00",
            f"created: 2025-04-10T09:00:00+01:00\nupdated: 2025-05-{day:02d}T09:00:00+01:00",
        )
    )


def texts_of(widget: widgets.Widget) -> list[str]:
    """Every text a widget tree shows: values, descriptions, options, tooltips."""
    found: list[str] = []
    for name in ("value", "description", "tooltip", "placeholder"):
        value = getattr(widget, name, None)
        if isinstance(value, str):
            found.append(value)
    for option in getattr(widget, "options", ()) or ():
        found.append(str(option))
    for child in getattr(widget, "children", ()) or ():
        found += texts_of(child)
    return found


# The claim browser ------------------------------------------------------------------


def test_search_finds_arabic_with_or_without_diacritics_and_letter_variants(make_dataset) -> None:
    root = make_dataset({"case-one/claim-two.yaml": ELECTRONIC})
    browser = ClaimBrowser(Desk(root))
    assert browser.matching_ids == ["claim-two", "claim-one"]  # newest change first
    for typed, expected in [
        ("شبكة", ["claim-one"]),
        ("شَبَكَةٌ", ["claim-one"]),  # with diacritics
        ("شبكه الحسابات", ["claim-one"]),  # ta marbuta written as ha, two words
        ("شبـــكة", ["claim-one"]),  # tatweel
        ("الالكترونيه", []),  # not a word of either statement
        ("الكترونية", ["claim-two"]),  # alef without hamza, no shadda
        ("electronique", ["claim-two"]),  # French translation without accents
        ("FAKE accounts", ["claim-one"]),  # English translation, any case
        ("claim-one", ["claim-one"]),  # the id
        ("journal régional", ["claim-two"]),  # the claimant's label
        ("", ["claim-two", "claim-one"]),
    ]:
        browser.search.value = typed
        assert browser.matching_ids == expected, typed
        assert browser.visible_ids == expected


def test_filters_page_and_reuse_the_same_row_widgets(make_dataset) -> None:
    files: dict[str, str | bytes | None] = {
        f"case-one/claim-{n:02d}.yaml": claim_file(n, n) for n in range(1, 24)
    }
    files["case-one/claim-one.yaml"] = None
    files["case-two/claim-two.yaml"] = ELECTRONIC
    root = make_dataset(files)
    browser = ClaimBrowser(Desk(root), page_size=10)
    rows = list(browser.rows)
    assert len(browser.matching_ids) == 24
    assert browser.visible_ids == [f"claim-{n:02d}" for n in range(23, 13, -1)]
    assert "1–10 of 24 claims" in browser.count.value
    assert [b.description for b in browser.row_buttons] == browser.visible_ids
    browser.next_button.click()
    browser.next_button.click()
    assert browser.visible_ids == ["claim-03", "claim-02", "claim-01", "claim-two"]
    assert [r.layout.display for r in browser.rows].count("none") == 6
    assert browser.next_button.disabled

    assert (None in [v for _, v in browser.filters["status"].options]) and browser.filters[
        "status"
    ].options[0][0] == "any"
    browser.filters["status"].value = "researching"
    assert browser.matching_ids == ["claim-two"]
    assert browser.page == 0
    browser.filters["status"].value = None
    assert browser.filters["status"].index == 0  # 'any' is shown, not a blank
    browser.filters["case"].value = "case-two"
    assert browser.matching_ids == ["claim-two"]
    browser.filters["case"].value = None
    browser.filters["category"].value = "account-network"
    browser.filters["assignee"].value = None
    assert len(browser.matching_ids) == 23
    browser.filters["language"].value = "ar"
    browser.filters["verdict"].value = "unverified"
    assert len(browser.matching_ids) == 23
    assert browser.rows == rows  # the same widgets, refilled
    assert 0 <= browser.apply_filters() < 1.0


def test_clicking_a_row_selects_the_claim_and_opens_it_in_the_editor(make_dataset) -> None:
    root = make_dataset({"case-one/claim-two.yaml": ELECTRONIC})
    desk = research(root)
    heard: list[str] = []
    desk.browser.on_select(heard.append)
    desk.browser.search.value = "حملة"
    assert desk.browser.visible_ids == ["claim-two"]
    desk.browser.row_buttons[0].click()
    assert heard == ["claim-two"]
    assert desk.browser.selected == "claim-two"
    assert desk.editor.claim_id == "claim-two"
    assert desk.editor.fields["statement"].value == "حملة إلكترونيّة ضد المنافسين"
    assert desk.editor.translations["fr"].value.startswith("Une campagne")
    assert desk.tabs.selected_index == 0
    assert not desk.browser.select("no-such-claim")
    assert "no claim has the id" in desk.desk.message


def test_a_private_name_is_never_shown(make_dataset) -> None:
    root = make_dataset({"actors/network-leader.yaml": PRIVATE_ACTOR})
    desk = research(root)
    desk.browser.select("claim-one")
    desk.editor.right_of_reply.add(actor="network-leader")
    shown = "\n".join(texts_of(desk))
    assert "the leader of the network" in shown
    assert "Secret Private Name" not in shown


# The claim editor -------------------------------------------------------------------


def test_an_unknown_evidence_source_is_shown_by_its_field_and_blocks_save(make_dataset) -> None:
    root = make_dataset()
    path = root / "case-one/claim-one.yaml"
    desk = Desk(root)
    editor = ClaimEditor(desk)
    assert editor.open("claim-one")
    assert editor.problems == [] and not editor.save_button.disabled
    row = editor.evidence.add(source="ghost-source", shows="the minutes of the committee")
    found = [(p.field, p.code) for p in editor.problems]
    assert found == [("/evidence/0/source", "unknown-source")]
    assert "unknown-source" in editor.evidence.place(0).value  # under its row
    assert editor.places["statement"].value == ""
    assert editor.save_button.disabled
    before = path.read_bytes()
    assert editor.save() is False
    assert path.read_bytes() == before

    row["source"].value = "article-one"  # picked from the sources by title
    assert editor.problems == [] and not editor.save_button.disabled
    editor.fields["note"].value = "Asked the newspaper for the minutes."
    assert editor.save() is True
    assert "saved" in desk.message
    assert "saved" in editor.status.value  # also next to the button
    after = path.read_text(encoding="utf-8")
    assert after.startswith(COMMENT + "\n")
    written = yaml.safe_load(after)
    assert written["evidence"] == [
        {"source": "article-one", "shows": "the minutes of the committee"}
    ]
    assert written["notes"][0]["by"] == "Salma"
    assert written["notes"][0]["text"] == "Asked the newspaper for the minutes."
    assert "updated" in written
    # The workflow's history is kept, and one event says who changed which fields.
    *kept, last = written["history"]
    assert kept == yaml.safe_load(CLAIM)["history"]
    assert (last["actor"], last["action"], last["note"]) == ("Salma", "edit", "changed evidence")
    assert editor.fields["note"].value == ""


def test_typed_values_are_checked_as_they_change(make_dataset) -> None:
    root = make_dataset()
    editor = ClaimEditor(Desk(root))
    editor.open("claim-one")
    editor.fields["language"].value = "not a tag"
    assert [p.code for p in editor.problems] == ["bad-language"]
    assert "bad-language" in editor.places["language"].value
    assert editor.save_button.disabled
    editor.fields["language"].value = "ar"
    editor.appearances.rows[0]["date"].value = "2999-01-01"
    assert [p.field for p in editor.problems] == ["/appearances/0/date"]
    assert "/appearances/0/date" in editor.appearances.place(0).value
    editor.appearances.remove(0)
    editor.fields["statement"].value = "   "
    assert [p.field for p in editor.problems] == ["/statement"]
    assert editor.save() is False


def test_only_the_edited_lines_change_and_comments_survive(make_dataset) -> None:
    root = make_dataset()
    path = root / "case-one/claim-one.yaml"
    before = path.read_text(encoding="utf-8")
    editor = ClaimEditor(Desk(root))
    editor.open("claim-one")
    assert editor.draft() == yaml.safe_load(before) | {
        "created": "2025-04-10T09:00:00+01:00",
        "appearances": [{"source": "article-one", "date": "2025-04-09"}],
        "history": [
            {
                "time": "2025-04-10T09:00:00+01:00",
                "actor": "Salma",
                "action": "created",
                "to": "new",
            }
        ],
    }
    editor.translations["en"].value = "A network of fake accounts, run by one man"
    editor.translations["fr"].value = "Un réseau de faux comptes"
    assert editor.save()
    after = path.read_text(encoding="utf-8")
    removed = set(before.splitlines()) - set(after.splitlines())
    added = set(after.splitlines()) - set(before.splitlines())
    assert removed == {"  en: A network of fake accounts"}
    # The translations, the time of the change, and the history's new event.
    assert {line.split(":")[0] for line in added} == {
        "  en",
        "  fr",
        "updated",
        "  - time",
        "    action",
        "    note",
    }
    assert "    actor: Salma\n    action: edit\n    note: changed translations\n" in after
    assert COMMENT in after


def test_a_file_changed_on_disk_after_open_is_never_overwritten(make_dataset) -> None:
    root = make_dataset()
    path = root / "case-one/claim-one.yaml"
    desk = Desk(root)
    editor = ClaimEditor(desk)
    editor.open("claim-one")
    editor.fields["claimant"].value = "A newspaper"
    theirs = path.read_text(encoding="utf-8").replace(
        "  en: A network of fake accounts", "  en: A network of fake accounts (their edit)"
    )
    path.write_text(theirs, encoding="utf-8")
    assert editor.save() is False
    assert path.read_text(encoding="utf-8") == theirs
    assert "changed on disk" in desk.message and "nothing was overwritten" in desk.message
    assert editor.stale_box.layout.display is None  # the reload offer is shown

    assert editor.reload_from_disk()
    assert editor.translations["en"].value == "A network of fake accounts (their edit)"
    assert editor.fields["claimant"].value == "A newspaper, citing unnamed sources"
    assert editor.stale_box.layout.display == "none"
    editor.fields["claimant"].value = "A newspaper"
    assert editor.save()
    written = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert written["claimant"]["label"] == "A newspaper"
    assert written["translations"]["en"].endswith("(their edit)")


def test_someone_not_on_the_team_saves_nothing(make_dataset) -> None:
    root = make_dataset()
    path = root / "case-one/claim-one.yaml"
    before = path.read_bytes()
    desk = Desk(root, user="Stranger")
    assert "not on the dataset's team" in desk.message
    editor = ClaimEditor(desk)
    editor.open("claim-one")
    editor.fields["claimant"].value = "A newspaper"
    assert editor.save() is False
    assert "team" in desk.message
    assert path.read_bytes() == before
    panel = SourcePanel(desk)
    assert panel.add_source(id="article-two", kind="article", title="Another") is None
    assert not (root / "sources/article-two.yaml").exists()


def test_similar_claims_are_listed_on_open(make_dataset) -> None:
    pytest.importorskip("rapidfuzz")
    near = CLAIM.replace("id: claim-one", "id: claim-near").replace(
        "شبكة من الحسابات الوهمية", "شبكة من الحسابات الوهميّة على فيسبوك"
    )
    root = make_dataset({"case-one/claim-near.yaml": near, "case-one/claim-two.yaml": ELECTRONIC})
    editor = ClaimEditor(Desk(root))
    editor.open("claim-one")
    assert editor.similar[0].b == "claim-near"
    assert "claim-near" in editor.similar_html.value


# The source panel -------------------------------------------------------------------


def test_the_source_panel_adds_a_source_and_records_a_stored_copy(
    make_dataset, tmp_path: Path
) -> None:
    root = make_dataset()
    desk = Desk(root)
    panel = SourcePanel(desk)
    assert panel.add_source(id="court-ruling", kind="court-record", url="javascript:x") is None
    fields = {p.field: p.code for p in panel.problems}
    assert fields == {"/title": "missing-field", "/url": "unsafe-url"}
    assert "unsafe-url" in panel.places["url"].value
    assert not (root / "sources/court-ruling.yaml").exists()

    source = panel.add_source(
        url="https://courts.example.org/ruling", title="حكم المحكمة", published="2025-03-01"
    )
    assert source is not None
    written: dict[str, Any] = yaml.safe_load(
        (root / "sources/court-ruling.yaml").read_text("utf-8")
    )
    assert written == {
        "id": "court-ruling",
        "kind": "court-record",
        "title": "حكم المحكمة",
        "url": "https://courts.example.org/ruling",
        "published": date(2025, 3, 1),
    }
    assert panel.source_picker.value == "court-ruling"

    copy = tmp_path / "ruling.pdf"
    copy.write_bytes(b"%PDF-1.4 the ruling")
    digest = hashlib.sha256(copy.read_bytes()).hexdigest()
    assert panel.preserve(stored_copy=copy, archive_url="https://web.archive.org/x") is not None
    assert panel.last_sha256 == digest
    written = yaml.safe_load((root / "sources/court-ruling.yaml").read_text("utf-8"))
    assert written["sha256"] == digest
    assert written["archive_url"] == "https://web.archive.org/x"
    assert digest in desk.message
    assert digest in panel.source_details.value

    assert panel.preserve("article-one", stored_copy=tmp_path / "missing.pdf") is None
    assert [p.code for p in panel.problems] == ["no-file"]
    assert panel.preserve("article-one", archive_url="not a url") is None
    assert [p.field for p in panel.problems] == ["/archive_url"]
    assert "sha256" not in yaml.safe_load((root / "sources/article-one.yaml").read_text("utf-8"))


def test_the_research_widgets_work_on_the_shipped_case(shipped_copy: Path) -> None:
    desk = research(shipped_copy, user="Youssef")
    desk.browser.search.value = "صفقه النطاقه"
    assert desk.browser.visible_ids == ["tender-brokering"]
    desk.browser.row_buttons[0].click()
    editor = desk.editor
    assert editor.problems == []
    editor.translations["en"].value = "He brokered a cleaning tender"
    assert editor.save()
    path = shipped_copy / "fes-meknes-network/tender-brokering.yaml"
    assert "  en: He brokered a cleaning tender\n" in path.read_text(encoding="utf-8")
    assert desk.browser.matching_ids == ["tender-brokering"]  # refreshed, filters kept
    assert desk.browser.visible_ids[0] == "tender-brokering"


def test_rows_are_reused_empty_when_another_claim_opens(make_dataset) -> None:
    root = make_dataset({"case-one/claim-two.yaml": ELECTRONIC})
    editor = ClaimEditor(Desk(root))
    editor.open("claim-one")
    first = editor.appearances.rows[0]
    assert editor.appearances.values() == [
        {"source": "article-one", "quote": "", "date": "2025-04-09"}
    ]
    editor.open("claim-two")
    assert editor.appearances.rows == []
    row = editor.appearances.add()
    assert row is first  # the same widgets, emptied
    assert editor.appearances.values() == [{"source": None, "quote": "", "date": ""}]
    assert [(p.field, p.code) for p in editor.problems] == [
        ("/appearances/0/source", "missing-field")
    ]
    assert "missing-field" in editor.appearances.place(0).value
    editor.appearances.remove(0)
    assert editor.problems == []


def test_changes_not_saved_are_not_dropped_by_a_click_on_another_claim(make_dataset) -> None:
    root = make_dataset({"case-one/claim-two.yaml": ELECTRONIC})
    desk = research(root)
    desk.browser.select("claim-one")
    desk.editor.fields["claimant"].value = "A newspaper"
    desk.browser.select("claim-two")
    assert desk.editor.claim_id == "claim-one"
    assert "not saved" in desk.desk.message
    assert desk.editor.fields["claimant"].value == "A newspaper"
    desk.browser.select("claim-two")  # again: the change is dropped
    assert desk.editor.claim_id == "claim-two"
    assert desk.workflow.claim_id == "claim-two"
    desk.browser.select("claim-one")  # nothing typed: opens at once
    assert desk.editor.claim_id == "claim-one"
    assert desk.editor.fields["claimant"].value == "A newspaper, citing unnamed sources"


def test_a_change_saved_elsewhere_on_the_desk_reaches_the_editor(make_dataset) -> None:
    root = make_dataset()
    path = root / "case-one/claim-one.yaml"
    desk = Desk(root)
    editor = ClaimEditor(desk)
    editor.open("claim-one")
    changed = path.read_text(encoding="utf-8")
    changed = changed.replace("status: new\n", "status: new\nassignee: Karim\n")
    path.write_text(changed, encoding="utf-8")
    desk.reload()  # as after a save in the workflow panel: nothing typed, so it reopens
    assert "Karim" in editor.title.value
    assert editor.save() is True  # nothing to save, nothing stale
    editor.fields["claimant"].value = "A newspaper"
    path.write_text(changed.replace("Karim", "Salma"), encoding="utf-8")
    desk.reload()  # something typed: kept, and the reload is offered
    assert editor.fields["claimant"].value == "A newspaper"
    assert editor.stale_box.layout.display is None
    assert editor.save() is False
    assert "assignee: Salma" in path.read_text(encoding="utf-8")


def test_hostile_text_is_escaped_everywhere_it_is_shown(make_dataset) -> None:
    hostile = "<img src=x onerror=alert(1)> شبكة"
    claim = CLAIM.replace("statement: شبكة من الحسابات الوهمية", f'statement: "{hostile}"')
    claim = claim.replace(
        "label: A newspaper, citing unnamed sources", "label: <b>bold</b> sources"
    )
    root = make_dataset({"case-one/claim-one.yaml": claim})
    desk = research(root)
    desk.browser.select("claim-one")
    shown = "\n".join([*texts_of(desk.browser), desk.editor.title.value])
    assert "<img" not in shown and "&lt;img src=x onerror=alert(1)&gt;" in shown
    assert desk.editor.fields["statement"].value == hostile  # a text box holds it as text
    desk.editor.fields["claimant"].value = "<b>bold</b> sources, again"
    assert desk.editor.save()
    assert "<b>bold</b>" not in "\n".join(texts_of(desk.browser))
