"""The words of the published site in Arabic, French and English, and dates and numbers in each
language's own format (babel).

A dataset language is served by the words of its base language (`ar-MA` by `ar`); languages
other than ar, fr and en have no interface words yet, and publish reports them and leaves them
out.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import cache, lru_cache
from types import SimpleNamespace

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal

SUPPORTED = ("ar", "fr", "en")
RTL = frozenset({"ar", "fa", "he", "ur", "ps", "yi"})
LANGUAGE_NAMES = {"ar": "العربية", "fr": "Français", "en": "English"}

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "site": "Fact checks",
        "claims": "Claims",
        "all": "All claims",
        "count": "Claims published: {n}",
        "by_verdict": "By verdict",
        "by_category": "By category",
        "filtered_verdict": "Verdict: {label}",
        "filtered_category": "Category: {label}",
        "none": "No claim here yet.",
        "claim": "Claim",
        "statement": "The claim, as it was made",
        "translation": "In English",
        "claimant": "Who made it",
        "appeared": "Where it appeared",
        "verdict": "Verdict",
        "rationale": "Why this verdict",
        "evidence": "Evidence",
        "original": "original",
        "archived": "archived copy",
        "sha256": "stored copy, SHA-256",
        "reply": "Right of reply",
        "no_reply": "No one the claim is about was owed a reply.",
        "contacted": "contacted on {date} by {channel}",
        "corrections": "Corrections",
        "no_corrections": "No corrections.",
        "what": "What changed",
        "why": "Why",
        "published": "Published",
        "updated": "Updated",
        "category": "Category",
        "date": "Date",
        "methodology": "Methodology",
        "corrections_policy": "Corrections policy",
        "corrections_log": "Corrections log",
        "about": "About",
        "contact": "Contact",
        "website": "Website",
        "languages": "Languages",
        "markdown": "This page in Markdown",
        "home": "Home",
        "skip": "Skip to content",
        "about_text": "{name} checks claims made in public and publishes what it found, with its "
        "evidence. A claim appears here only once it has been verified and reviewed by an "
        "editor other than its author. People who are not public figures are described, never "
        "named.",
        "feed": "ClaimReview feed (JSON-LD)",
    },
    "fr": {
        "site": "Vérifications",
        "claims": "Affirmations",
        "all": "Toutes les affirmations",
        "count": "Affirmations publiées : {n}",
        "by_verdict": "Par verdict",
        "by_category": "Par catégorie",
        "filtered_verdict": "Verdict : {label}",
        "filtered_category": "Catégorie : {label}",
        "none": "Aucune affirmation ici pour l'instant.",
        "claim": "Affirmation",
        "statement": "L'affirmation, telle qu'elle a été faite",
        "translation": "En français",
        "claimant": "Qui l'a faite",
        "appeared": "Où elle est parue",
        "verdict": "Verdict",
        "rationale": "Pourquoi ce verdict",
        "evidence": "Preuves",
        "original": "original",
        "archived": "copie archivée",
        "sha256": "copie conservée, SHA-256",
        "reply": "Droit de réponse",
        "no_reply": "Aucune des personnes visées ne devait être sollicitée.",
        "contacted": "contacté le {date} par {channel}",
        "corrections": "Corrections",
        "no_corrections": "Aucune correction.",
        "what": "Ce qui a changé",
        "why": "Pourquoi",
        "published": "Publié le",
        "updated": "Mis à jour le",
        "category": "Catégorie",
        "date": "Date",
        "methodology": "Méthodologie",
        "corrections_policy": "Politique de correction",
        "corrections_log": "Journal des corrections",
        "about": "À propos",
        "contact": "Contact",
        "website": "Site",
        "languages": "Langues",
        "markdown": "Cette page en Markdown",
        "home": "Accueil",
        "skip": "Aller au contenu",
        "about_text": "{name} vérifie des affirmations faites en public et publie ce qu'il a "
        "trouvé, avec ses preuves. Une affirmation n'apparaît ici qu'une fois vérifiée et relue "
        "par un éditeur autre que son auteur. Les personnes qui ne sont pas des personnalités "
        "publiques sont décrites, jamais nommées.",
        "feed": "Flux ClaimReview (JSON-LD)",
    },
    "ar": {
        "site": "عمليات التحقق",
        "claims": "الادعاءات",
        "all": "كل الادعاءات",
        "count": "عدد الادعاءات المنشورة: {n}",
        "by_verdict": "حسب الحكم",
        "by_category": "حسب الفئة",
        "filtered_verdict": "الحكم: {label}",
        "filtered_category": "الفئة: {label}",
        "none": "لا يوجد ادعاء هنا بعد.",
        "claim": "الادعاء",
        "statement": "الادعاء كما ورد",
        "translation": "بالعربية",
        "claimant": "صاحب الادعاء",
        "appeared": "أين ورد",
        "verdict": "الحكم",
        "rationale": "أسباب الحكم",
        "evidence": "الأدلة",
        "original": "الأصل",
        "archived": "نسخة مؤرشفة",
        "sha256": "نسخة محفوظة، SHA-256",
        "reply": "حق الرد",
        "no_reply": "لم يكن أي من المعنيين بالادعاء مستحقا لحق الرد.",
        "contacted": "تم الاتصال في {date} عبر {channel}",
        "corrections": "التصحيحات",
        "no_corrections": "لا توجد تصحيحات.",
        "what": "ما الذي تغير",
        "why": "السبب",
        "published": "تاريخ النشر",
        "updated": "تاريخ التحديث",
        "category": "الفئة",
        "date": "التاريخ",
        "methodology": "المنهجية",
        "corrections_policy": "سياسة التصحيح",
        "corrections_log": "سجل التصحيحات",
        "about": "من نحن",
        "contact": "للتواصل",
        "website": "الموقع",
        "languages": "اللغات",
        "markdown": "هذه الصفحة بصيغة Markdown",
        "home": "الرئيسية",
        "skip": "انتقل إلى المحتوى",
        "about_text": "يتحقق {name} من الادعاءات المتداولة علنا وينشر ما توصل إليه مع أدلته. "
        "لا يظهر أي ادعاء هنا إلا بعد التحقق منه ومراجعته من قبل محرر غير الذي أعده. "
        "الأشخاص الذين ليسوا شخصيات عامة يوصفون ولا تذكر أسماؤهم.",
        "feed": "موجز ClaimReview ‏(JSON-LD)",
    },
}

CATEGORIES: dict[str, dict[str, str]] = {
    "bad-cheques": {"en": "Bad cheques", "fr": "Chèques sans provision", "ar": "شيكات بدون رصيد"},
    "tender-brokering": {
        "en": "Tender brokering",
        "fr": "Courtage de marchés publics",
        "ar": "السمسرة في الصفقات العمومية",
    },
    "account-network": {
        "en": "Account networks",
        "fr": "Réseaux de comptes",
        "ar": "شبكات الحسابات",
    },
    "defamation": {"en": "Defamation", "fr": "Diffamation", "ar": "التشهير"},
    "extortion": {"en": "Extortion", "fr": "Extorsion", "ar": "الابتزاز"},
    "fraud": {"en": "Fraud", "fr": "Fraude", "ar": "النصب والاحتيال"},
    "corruption": {"en": "Corruption", "fr": "Corruption", "ar": "الفساد"},
    "political-ties": {"en": "Political ties", "fr": "Liens politiques", "ar": "الروابط السياسية"},
    "employment": {"en": "Employment", "fr": "Emploi", "ar": "التشغيل"},
    "criminal-record": {
        "en": "Criminal records",
        "fr": "Antécédents judiciaires",
        "ar": "السوابق القضائية",
    },
    "legal-action": {"en": "Legal action", "fr": "Actions en justice", "ar": "الدعاوى القضائية"},
    "other": {"en": "Other", "fr": "Autres", "ar": "أخرى"},
}

OUTCOMES: dict[str, dict[str, str]] = {
    "answered": {"en": "answered", "fr": "a répondu", "ar": "رد"},
    "declined": {"en": "declined to comment", "fr": "a refusé de commenter", "ar": "رفض التعليق"},
    "no-answer": {"en": "did not answer", "fr": "n'a pas répondu", "ar": "لم يرد"},
    "pending": {"en": "answer awaited", "fr": "réponse attendue", "ar": "في انتظار الرد"},
}

CHANNELS: dict[str, dict[str, str]] = {
    "email": {"en": "email", "fr": "courriel", "ar": "البريد الإلكتروني"},
    "phone": {"en": "phone", "fr": "téléphone", "ar": "الهاتف"},
    "letter": {"en": "letter", "fr": "courrier", "ar": "رسالة"},
    "in-person": {"en": "in person", "fr": "en personne", "ar": "لقاء مباشر"},
    "social-media": {"en": "social media", "fr": "réseaux sociaux", "ar": "وسائل التواصل"},
    "messaging": {"en": "messaging", "fr": "messagerie", "ar": "تطبيق مراسلة"},
    "other": {"en": "other means", "fr": "autre moyen", "ar": "وسيلة أخرى"},
}

DEFAULT_METHODOLOGY = {
    "en": "Each claim is quoted verbatim in its original language. It stays unverified until it "
    "has been checked against at least two independent sources or one primary document, every "
    "source is archived, the people it is about have been offered a reply, and an editor other "
    "than its author has reviewed the verdict.",
    "fr": "Chaque affirmation est citée mot pour mot dans sa langue d'origine. Elle reste non "
    "vérifiée tant qu'elle n'a pas été confrontée à au moins deux sources indépendantes ou à un "
    "document primaire, que chaque source n'est pas archivée, que les personnes visées n'ont pas "
    "pu répondre, et qu'un éditeur autre que son auteur n'a pas relu le verdict.",
    "ar": "ننقل كل ادعاء حرفيا بلغته الأصلية، ويبقى غير متحقق منه إلى أن نتحقق منه بالاستناد إلى "
    "مصدرين مستقلين على الأقل أو إلى وثيقة أصلية، ونؤرشف كل مصدر، ونمنح المعنيين حق الرد، ويراجع "
    "الحكم محرر غير الذي أعده.",
}
DEFAULT_CORRECTIONS_POLICY = {
    "en": "Errors in published checks are corrected openly: each correction is logged on the "
    "claim's page and in the corrections log, with its date, what changed and why.",
    "fr": "Les erreurs des vérifications publiées sont corrigées ouvertement : chaque correction "
    "est consignée sur la page de l'affirmation et dans le journal des corrections, avec sa date, "
    "ce qui a changé et pourquoi.",
    "ar": "نصحح أخطاء عمليات التحقق المنشورة علنا: نسجل كل تصحيح في صفحة الادعاء وفي سجل "
    "التصحيحات، بتاريخه وبما تغير ولماذا.",
}


def base(language: str) -> str:
    return language.split("-")[0].lower()


def supported(language: str) -> bool:
    return base(language) in SUPPORTED


def direction(language: str) -> str:
    return "rtl" if base(language) in RTL else "ltr"


def word(language: str, key: str, **values: str) -> str:
    text = WORDS[base(language)][key]
    return text.format(**values) if values else text


@cache
def words(language: str) -> SimpleNamespace:
    """The interface words of `language` as attributes, for templates: {{ w.verdict }}."""
    return SimpleNamespace(**WORDS[base(language)])


def in_language(table: dict[str, dict[str, str]], key: str, language: str) -> str:
    texts = table.get(key)
    return texts.get(base(language), key) if texts else key


def localised(texts: dict[str, str], defaults: dict[str, str], language: str) -> str:
    """The dataset's text in `language` (or its base language), else the default one."""
    return texts.get(language) or texts.get(base(language)) or defaults[base(language)]


@cache
def _locale(language: str) -> Locale:
    try:
        return Locale.parse(language, sep="-")
    except (ValueError, LookupError):
        return Locale.parse(base(language))


def day(value: date | datetime | None, language: str) -> str:
    """A date as readers of `language` write it (9 avril 2025, 9 أبريل 2025, April 9, 2025);
    a moment is shown as its day in its own time zone."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    return _day(value, language)


@lru_cache(maxsize=4096)
def _day(value: date, language: str) -> str:
    return format_date(value, format="long", locale=_locale(language))


def number(value: int, language: str) -> str:
    return format_decimal(value, locale=_locale(language))
