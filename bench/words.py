"""Parallel phrases (Arabic, French, English) the synthetic dataset builds its texts from.

The people are labels, never names: like the real case, the synthetic one invents nobody.
"""

from __future__ import annotations

from typing import Any

Phrase = tuple[str, str, str]  # (ar, fr, en)

SUBJECTS: list[Phrase] = [
    ("رئيس الجماعة", "le président de la commune", "the commune's president"),
    ("برلماني عن جهة فاس مكناس", "un député de la région Fès-Meknès", "an MP for Fès-Meknès"),
    ("مقاول في قطاع النظافة", "un entrepreneur de la propreté", "a cleaning-sector contractor"),
    ("مسير شركة للنظافة", "le gérant d'une société de nettoyage", "a cleaning company's manager"),
    ("زعيم الشبكة", "le chef du réseau", "the network's leader"),
    ("مستشار جماعي", "un conseiller communal", "a municipal councillor"),
    ("موظف في العمالة", "un fonctionnaire de la préfecture", "an official of the prefecture"),
    ("صاحب صفحة على فيسبوك", "l'administrateur d'une page Facebook", "a Facebook page's admin"),
    ("عضو في مجموعة واتساب", "un membre d'un groupe WhatsApp", "a member of a WhatsApp group"),
    ("رئيس جمعية محلية", "le président d'une association locale", "a local association's head"),
]

CATEGORIES: dict[str, list[Phrase]] = {
    "bad-cheques": [
        ("أصدر شيكات بدون رصيد", "a émis des chèques sans provision", "issued bad cheques"),
        (
            "متابع بسبب شيكات بدون مؤونة",
            "est poursuivi pour chèques sans provision",
            "is prosecuted over bounced cheques",
        ),
    ],
    "tender-brokering": [
        (
            "توسط في صفقة النظافة بالجماعة",
            "a servi d'intermédiaire dans le marché de propreté",
            "brokered the commune's cleaning tender",
        ),
        (
            "تلقى عمولة مقابل صفقة عمومية",
            "a touché une commission sur un marché public",
            "took a commission on a public tender",
        ),
    ],
    "account-network": [
        (
            "يدير حسابات وهمية على فيسبوك",
            "gère de faux comptes sur Facebook",
            "runs fake Facebook accounts",
        ),
        (
            "ينسق مجموعات واتساب للتشهير",
            "coordonne des groupes WhatsApp de dénigrement",
            "coordinates WhatsApp smear groups",
        ),
    ],
    "defamation": [
        (
            "نشر أخبارا زائفة عن شركات منافسة",
            "a diffusé de fausses nouvelles sur des concurrents",
            "spread false news about competitors",
        ),
    ],
    "extortion": [
        (
            "ابتز تجارا ومقاولين",
            "a extorqué des commerçants et des entrepreneurs",
            "extorted traders and contractors",
        ),
    ],
    "fraud": [
        ("احتال على عدد من الضحايا", "a escroqué plusieurs victimes", "defrauded several victims"),
    ],
    "corruption": [
        (
            "تلقى رشوة من مقاول",
            "a reçu un pot-de-vin d'un entrepreneur",
            "took a bribe from a contractor",
        ),
    ],
    "political-ties": [
        (
            "تربطه علاقات وثيقة ببرلماني",
            "entretient des liens étroits avec un député",
            "has close ties to an MP",
        ),
    ],
    "employment": [
        (
            "طرد من شركة للنظافة لأسباب أخلاقية خطيرة",
            "a été renvoyé d'une société de nettoyage pour des raisons éthiques graves",
            "was dismissed from a cleaning company for serious ethical reasons",
        ),
    ],
    "criminal-record": [
        ("له سوابق قضائية", "a des antécédents judiciaires", "has a criminal record"),
    ],
    "legal-action": [
        (
            "وضع شكاية لدى جمعية حقوقية",
            "a porté plainte auprès d'une association des droits humains",
            "complained to a human rights association",
        ),
        (
            "طالب بخبرة تقنية على الهواتف",
            "a demandé une expertise technique des téléphones",
            "called for a forensic examination of the phones",
        ),
    ],
    "other": [
        (
            "نظم حملة تشهير ضد الصحفيين",
            "a organisé une campagne de dénigrement contre des journalistes",
            "ran a smear campaign against journalists",
        ),
    ],
}

# (ar, fr, en, slug for case folders)
PLACES: list[tuple[str, str, str, str]] = [
    ("في مدينة فاس", "à Fès", "in Fez", "fes"),
    ("في مكناس", "à Meknès", "in Meknes", "meknes"),
    ("في إفران", "à Ifrane", "in Ifrane", "ifrane"),
    ("في تازة", "à Taza", "in Taza", "taza"),
    ("في صفرو", "à Sefrou", "in Sefrou", "sefrou"),
    ("في الحاجب", "à El Hajeb", "in El Hajeb", "el-hajeb"),
    ("في مولاي يعقوب", "à Moulay Yacoub", "in Moulay Yacoub", "moulay-yacoub"),
    ("في بولمان", "à Boulemane", "in Boulemane", "boulemane"),
]

AMOUNTS: list[Phrase] = [
    ("بمبلغ يفوق {n} درهم", "pour plus de {n} dirhams", "for more than {n} dirhams"),
    ("بقيمة {n} درهم", "d'une valeur de {n} dirhams", "worth {n} dirhams"),
]

FRAMES: list[Phrase] = [
    ("", "", ""),
    ("أفادت مصادر مطلعة أن {}", "Selon des sources bien informées, {}", "Informed sources say {}"),
    ("ذكرت الجريدة أن {}", "Le journal affirme que {}", "The newspaper says {}"),
    ("قال أحد الضحايا إن {}", "Selon l'une des victimes, {}", "One of the victims says {}"),
]

# (name, slug, language, domain); the domains are examples, not the publishers' sites.
PUBLISHERS: list[tuple[str, str, str, str]] = [
    ("Al Assima", "al-assima", "ar", "alassima.example"),
    ("Hespress", "hespress", "ar", "hespress.example"),
    ("Akhbarona", "akhbarona", "ar", "akhbarona.example"),
    ("Le360", "le360", "fr", "le360.example"),
    ("TelQuel", "telquel", "fr", "telquel.example"),
    ("Médias24", "medias24", "fr", "medias24.example"),
]

SOURCE_KINDS = [
    "article",
    "article",
    "article",
    "court-record",
    "official-statement",
    "company-filing",
    "social-post",
    "interview",
    "report",
]

ACTOR_KINDS: list[tuple[str, str, list[str]]] = [
    ("person", "person", ["a cleaning-sector contractor", "le chef du réseau", "une victime"]),
    ("public-official", "official", ["a member of parliament for Fès-Meknès", "un élu communal"]),
    ("organisation", "organisation", ["a human rights association", "une association locale"]),
    ("company", "company", ["a cleaning-services company", "une société de gardiennage"]),
    ("social-account", "account", ["a Facebook page attacking competitors", "un faux profil"]),
    ("messaging-group", "group", ["a WhatsApp group of the network", "un groupe WhatsApp"]),
    ("network", "network", ["a network of fake accounts"]),
]

CLAIMANTS: list[tuple[str, bool]] = [
    ("Al Assima, citing unnamed sources", False),
    ("Hespress, citant des sources anonymes", False),
    ("a post on a Facebook page", True),
    ("un communiqué d'une association", True),
    ("unnamed sources", False),
]

CHECKERS = ["Salma", "Youssef", "Nadia", "Omar"]
EDITORS = ["Karim", "Leïla"]

SHOWS = [
    "Le jugement mentionne trois chèques rejetés pour défaut de provision.",
    "The company register lists the firm with a different manager.",
    "يظهر المحضر أن الشكاية سجلت في التاريخ المذكور.",
    "Le procès-verbal de la commission d'appel d'offres ne cite pas la société.",
    "The archived page shows the posts were deleted two days later.",
    "Les captures d'écran montrent les mêmes messages publiés par douze comptes.",
]

# At least 80 characters each: the publication gate asks for a rationale that explains.
RATIONALES = [
    "Deux documents officiels contredisent l'allégation : le registre du commerce et le "
    "procès-verbal de la commission d'appel d'offres.",
    "The court ruling confirms the bounced cheques, but the amount given in the article is "
    "three times the one in the judgment.",
    "Aucun document ne permet de confirmer ni d'infirmer l'allégation, et la personne mise en "
    "cause conteste les faits.",
    "لم نعثر على أي وثيقة تؤكد هذا الادعاء، كما نفت الجهة المعنية ذلك في رد مكتوب أرسلته إلى "
    "فريق التحقق.",
]

NOTES = [
    "Appelé le greffe du tribunal : dossier introuvable sous ce numéro.",
    "Demande envoyée à la commune.\nRelance prévue la semaine prochaine.",
    "The archive copy is in the shared drive.",
    "تواصلنا مع الجمعية وننتظر نسخة من الشكاية.",
]

VERDICT_SCALE: dict[str, Any] = {
    "best": 5,
    "worst": 1,
    "labels": [  # from the best rating to the worst; 'unverified' has none
        {"id": "true", "rating": 5, "labels": {"ar": "صحيح", "fr": "Vrai", "en": "True"}},
        {
            "id": "partly-true",
            "rating": 4,
            "labels": {"ar": "صحيح جزئيا", "fr": "En partie vrai", "en": "Partly true"},
        },
        {
            "id": "unproven",
            "rating": 3,
            "labels": {"ar": "غير مثبت", "fr": "Non prouvé", "en": "Unproven"},
        },
        {
            "id": "misleading",
            "rating": 2,
            "labels": {"ar": "مضلل", "fr": "Trompeur", "en": "Misleading"},
        },
        {"id": "false", "rating": 1, "labels": {"ar": "زائف", "fr": "Faux", "en": "False"}},
        {
            "id": "unverified",
            "labels": {"ar": "لم يتم التحقق", "fr": "Non vérifié", "en": "Unverified"},
        },
    ],
}
