"""The site in memory: every page's path and text, from the published claims only.

    index.html                       the three languages
    style.css
    claimreview.json                 the DataFeed (see claimreview.py)
    <lang>/index.html                the claims, newest first, with links to the filters
    <lang>/verdict/<verdict>.html    the same list for one verdict (filters without JavaScript)
    <lang>/category/<category>.html  ... and for one category
    <lang>/claims/<id>.html          one page per claim, with its ClaimReview in JSON-LD
    <lang>/claims/<id>.md            the same page in Markdown
    <lang>/methodology.html, corrections-policy.html, corrections.html, about.html

Pages link to each other by relative paths, so the site works from disk as well as online.
Templates are Jinja2 with autoescaping (HTML); Markdown is escaped by a finalize hook.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import cache
from importlib.resources import files
from types import SimpleNamespace
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from ..models import Claim
from ..store import Loaded
from ..verdicts import find, label_text
from . import i18n
from .claimreview import feed_text, is_web, review_json, shorten
from .claimreview import statement_in as statement_in_language
from .context import Context

INDEX_STATEMENT = 200  # characters of the statement shown in lists


View = SimpleNamespace  # what a template shows: attributes (faster in Jinja than dict keys)


class Raw(str):
    """A value the Markdown template writes as it is (an address already checked)."""


_MD_SPECIAL = {ord(c): "\\" + c for c in "\\`*_[]<>|~&#"}


def markdown_escape(value: Any) -> str:
    """Any text as inert Markdown: special characters backslash-escaped, one line."""
    if value is None:
        return ""
    if isinstance(value, Raw):
        return str(value)
    return " ".join(str(value).split()).translate(_MD_SPECIAL)


def md_url(url: str) -> Raw:
    """An http(s) address inside Markdown's <...>: characters that could end it are encoded."""
    return Raw(url.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20"))


@cache
def environments() -> tuple[Environment, Environment]:
    loader = PackageLoader("claimtrack.publish", "templates")
    html = Environment(
        loader=loader,
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    markdown = Environment(
        loader=loader,
        autoescape=False,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=markdown_escape,
    )
    for env in (html, markdown):
        env.globals["web"] = is_web
        env.globals["md_url"] = md_url
    return html, markdown


def _page(context: Context, language: str, root: str, here: str) -> dict[str, Any]:
    """What every page's frame needs: language, direction, the header and the footer (the
    same on many pages, so rendered once and reused), and the language switcher."""
    languages = tuple(context.languages)
    switcher = Markup("").join(
        Markup('<li><a href="{}{}/{}" lang="{}" hreflang="{}"{}>{}</a></li>\n').format(
            root,
            code,
            here,
            code,
            code,
            Markup(' aria-current="page"') if code == language else "",
            i18n.LANGUAGE_NAMES[i18n.base(code)],
        )
        for code in languages
    )
    header, footer = _frame(context.settings.name, language, root)
    return {
        "lang": language,
        "here": here,
        "dir": i18n.direction(language),
        "root": root,
        "w": i18n.words(language),
        "site_name": context.settings.name,
        "header": Markup(header.replace(SWITCHER, switcher)),
        "footer": footer,
    }


SWITCHER = "\x00switcher\x00"  # where the language switcher goes in a cached header


@cache
def _frame(site_name: str, language: str, root: str) -> tuple[str, Markup]:
    html, _ = environments()
    values = {
        "lang": language,
        "root": root,
        "w": i18n.words(language),
        "site_name": site_name,
        "switcher": Markup(SWITCHER),
    }
    header = html.get_template("header.html").render(values).rstrip("\n")
    footer = html.get_template("footer.html").render(values).rstrip("\n")
    return header, Markup(footer)


# --- one claim -----------------------------------------------------------------------------


def _source_view(context: Context, source_id: str, language: str) -> dict[str, Any]:
    """A cited source as pages show it (a dict: callers add to it, then make a View)."""
    source = context.source(source_id)
    if source is None:
        return {"title": source_id, "lang": None, "publisher": None, "url": None,
                "archive": None, "sha256": None, "date": ""}  # fmt: skip
    return {
        "title": source.title,
        "lang": source.language,
        "publisher": source.publisher,
        "url": source.url if is_web(source.url) else None,
        "archive": source.archive_url if is_web(source.archive_url) else None,
        "sha256": source.sha256,
        "date": i18n.day(source.published, language),
    }


def claim_view(context: Context, claim: Claim, language: str) -> View:
    """What a claim page shows, in `language`, with the private parts already left out."""
    own = i18n.base(claim.language) == i18n.base(language)
    translation = None if own else statement_in_language(claim, language)
    if translation == claim.statement:
        translation = None
    verdict = find(context.scale, claim.verdict)
    description = ""
    if verdict is not None:
        description = verdict.description.get(language) or verdict.description.get(
            i18n.base(language), ""
        )
    replies = []
    for attempt in claim.right_of_reply:
        actor = context.actor(attempt.actor)
        replies.append(
            View(
                who=actor.label if actor else attempt.actor,
                outcome=i18n.in_language(i18n.OUTCOMES, str(attempt.outcome), language),
                contacted=i18n.word(
                    language,
                    "contacted",
                    date=i18n.day(attempt.contacted, language),
                    channel=i18n.in_language(i18n.CHANNELS, str(attempt.channel), language),
                ),
                summary=attempt.summary,
            )
        )
    return View(
        **{
            "id": claim.id,
            "statement": claim.statement,
            "statement_lang": claim.language,
            "translation": translation,
            "claimant": claim.claimant.label,
            "appearances": [
                View(
                    **_source_view(context, a.source, language),
                    quote=a.quote,
                    when=i18n.day(a.date, language),
                )
                for a in claim.appearances
            ],
            "verdict": claim.verdict,
            "verdict_label": label_text(context.scale, claim.verdict, language),
            "verdict_description": description,
            "rationale": claim.rationale or "",
            "evidence": [
                {**_source_view(context, e.source, language), "shows": e.shows}
                for e in claim.evidence
            ],
            "replies": replies,
            "corrections": [
                View(date=i18n.day(c.date, language), what=c.what, why=c.why)
                for c in sorted(claim.corrections, key=lambda c: c.date)
            ],
            "category": str(claim.category),
            "category_label": i18n.in_language(i18n.CATEGORIES, str(claim.category), language),
            "published": i18n.day(claim.published, language),
            "updated": i18n.day(claim.updated, language)
            if claim.updated and claim.updated.date() != (claim.published or claim.updated).date()
            else "",
        }
    )


def claim_pages(context: Context, loaded: Loaded[Claim]) -> Iterator[tuple[str, str]]:
    """The HTML and Markdown pages of one claim in every language."""
    html, markdown = environments()
    claim = loaded.record
    for language in context.languages:
        view = claim_view(context, claim, language)
        values = {
            **_page(context, language, "../../", f"claims/{claim.id}.html"),
            "claim": view,
            "url": context.claim_url(language, claim.id),
            "jsonld": review_json(context, claim, language),
        }
        yield (
            context.claim_path(language, claim.id),
            html.get_template("claim.html").render(values),
        )
        yield (
            context.claim_path(language, claim.id, "md"),
            markdown.get_template("claim.md").render(values),
        )


# --- the pages shared by all claims --------------------------------------------------------


def _entry(context: Context, claim: Claim, language: str) -> View:
    text = statement_in_language(claim, language)
    return View(
        **{
            "id": claim.id,
            "text": shorten(text, INDEX_STATEMENT),
            "text_lang": language if text != claim.statement else claim.language,
            "verdict": claim.verdict,
            "verdict_label": label_text(context.scale, claim.verdict, language),
            "category": str(claim.category),
            "category_label": i18n.in_language(i18n.CATEGORIES, str(claim.category), language),
            "date": i18n.day(claim.published, language),
        }
    )


def entry_line(context: Context, claim: Claim, language: str) -> tuple[str, str]:
    """A claim's line in the lists of `language`, as the parts before and after the relative
    path to the site's language folder ('' on the index, '../' on a filter page). Made once
    per run, or taken from the last run's manifest when the claim's fingerprint is unchanged
    (see write.py); every value is escaped, as autoescaping would."""
    key = (claim.id, language)
    found = context.lines.get(key)
    if found is None:
        e = _entry(context, claim, language)
        found = context.lines[key] = (
            f'<li><span class="badge verdict-{escape(e.verdict)}">{escape(e.verdict_label)}'
            f"</span> <time>{escape(e.date)}</time> "
            f'<span class="category">{escape(e.category_label)}</span><br>\n<a href="',
            f'claims/{escape(e.id)}.html" lang="{escape(e.text_lang)}" dir="auto">'
            f"{escape(e.text)}</a></li>\n",
        )
    return found


def _items(lines: list[tuple[str, str]], up: str) -> Markup:
    """The lines of a list of claims. The lists hold every claim (three times: the index, its
    verdict and its category), so each line is made once (entry_line) rather than in a
    template loop."""
    return Markup("".join([head + up + tail for head, tail in lines]))


def _lists(
    context: Context, language: str, verdict_of: list[str], category_of: list[str]
) -> Iterator[tuple[str, str]]:
    """The index and the filter pages of one language (`verdict_of` and `category_of`: those
    of each claim, in the site's order)."""
    html, _ = environments()
    claims = [c.record for c in context.claims]
    lines = [entry_line(context, claim, language) for claim in claims]
    verdicts = Counter(verdict_of)
    categories = Counter(category_of)
    by_verdict: dict[str, list[tuple[str, str]]] = {}
    by_category: dict[str, list[tuple[str, str]]] = {}
    for line, verdict, category in zip(lines, verdict_of, category_of, strict=True):
        by_verdict.setdefault(verdict, []).append(line)
        by_category.setdefault(category, []).append(line)
    order = [label.id for label in context.scale.labels]
    verdict_links = [
        (v, label_text(context.scale, v, language), i18n.number(verdicts[v], language))
        for v in sorted(verdicts, key=lambda v: (order.index(v) if v in order else len(order), v))
    ]
    category_links = [
        (c, i18n.in_language(i18n.CATEGORIES, c, language), i18n.number(categories[c], language))
        for c in sorted(categories)
    ]
    base = {
        "verdict_links": verdict_links,
        "category_links": category_links,
    }
    template = html.get_template("index.html")
    count = i18n.number(len(lines), language)
    yield (
        f"{language}/index.html",
        template.render(
            **_page(context, language, "../", "index.html"),
            **base,
            items=_items(lines, ""),
            heading=None,
            count_text=i18n.word(language, "count", n=count),
        ),
    )
    filters = [("verdict", "filtered_verdict", link) for link in verdict_links]
    filters += [("category", "filtered_category", link) for link in category_links]
    for kind, word, (value, label, n) in filters:
        here = f"{kind}/{value}.html"
        chosen = (by_verdict if kind == "verdict" else by_category)[value]
        yield (
            f"{language}/{here}",
            template.render(
                **_page(context, language, "../../", here),
                **base,
                items=_items(chosen, "../"),
                heading=i18n.word(language, word, label=label),
                count_text=i18n.word(language, "count", n=n),
            ),
        )


def _texts(
    context: Context, language: str, log: list[tuple[Any, Claim, Any]]
) -> Iterator[tuple[str, str]]:
    html, _ = environments()
    settings = context.settings
    template = html.get_template("text.html")
    for name, key, texts, defaults in (
        ("methodology", "methodology", settings.methodology, i18n.DEFAULT_METHODOLOGY),
        (
            "corrections-policy",
            "corrections_policy",
            settings.corrections_policy,
            i18n.DEFAULT_CORRECTIONS_POLICY,
        ),
    ):
        body = i18n.localised(texts, defaults, language)
        page = _page(context, language, "../", f"{name}.html")
        title = i18n.word(language, key)
        yield f"{language}/{name}.html", template.render(**page, title=title, body=body)
    yield (
        f"{language}/about.html",
        html.get_template("about.html").render(
            **_page(context, language, "../", "about.html"),
            about=i18n.word(language, "about_text", name=settings.name),
            url=settings.url if is_web(settings.url) else None,
            contact=settings.contact,
        ),
    )
    yield (
        f"{language}/corrections.html",
        html.get_template("corrections.html").render(
            **_page(context, language, "../", "corrections.html"),
            rows=_log_rows(log, language),
        ),
    )


def _log(context: Context) -> list[tuple[Any, Claim, Any]]:
    """Every correction of a published claim, newest first."""
    log = []
    for loaded in context.claims:
        for correction in loaded.record.corrections:
            log.append((correction.date, loaded.record, correction))
    log.sort(key=lambda item: (item[0], item[1].id), reverse=True)
    return log


def _log_rows(log: list[tuple[Any, Claim, Any]], language: str) -> Markup:
    """The corrections log's lines (thousands on a large site, so made here rather than in a
    template loop); every value is escaped, as autoescaping would."""
    w = i18n.words(language)
    what, why = escape(w.what), escape(w.why)
    statements: dict[str, Markup] = {}
    lines = []
    for when, claim, correction in log:
        text = statements.get(claim.id)
        if text is None:
            text = statements[claim.id] = escape(
                shorten(statement_in_language(claim, language), INDEX_STATEMENT)
            )
        lines.append(
            f"<li><time>{escape(i18n.day(when, language))}</time>: "
            f'<a href="claims/{escape(claim.id)}.html" dir="auto">{text}</a>\n'
            f'<p><span class="label">{what}:</span> <bdi dir="auto">{escape(correction.what)}'
            f'</bdi>. <span class="label">{why}:</span> <bdi dir="auto">'
            f"{escape(correction.why)}</bdi></p></li>\n"
        )
    return Markup("".join(lines))


def shared_pages(context: Context, feed: bool = True) -> Iterator[tuple[str, str]]:
    """The pages that list or describe many claims, the root page, the style and the feed
    (unless `feed` is false: publish makes it from the last run's, see write.py)."""
    html, _ = environments()
    verdict_of = [c.record.verdict for c in context.claims]
    category_of = [str(c.record.category) for c in context.claims]
    log = _log(context)
    for language in context.languages:
        yield from _lists(context, language, verdict_of, category_of)
        yield from _texts(context, language, log)
    first = context.languages[0] if context.languages else "en"
    yield (
        "index.html",
        html.get_template("root.html").render(
            **_page(context, first, "", "index.html"),
            choices=[
                (lang, i18n.LANGUAGE_NAMES[i18n.base(lang)], i18n.direction(lang))
                for lang in context.languages
            ],
        ),
    )
    yield "style.css", files(__package__).joinpath("templates/style.css").read_text("utf-8")
    if feed:
        yield "claimreview.json", feed_text(context)


def render_site(context: Context) -> dict[str, str]:
    """Every page of the site, by relative path."""
    pages: dict[str, str] = {}
    for loaded in context.claims:
        pages.update(claim_pages(context, loaded))
    pages.update(shared_pages(context))
    return dict(sorted(pages.items()))
