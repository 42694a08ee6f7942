"""Text normalisation for matching: two spellings of the same words give the same key.

Arabic text is written with or without short vowels, with several forms of alef, with
tatweel to stretch words and with Arabic-Indic digits; French and English with or without
accents and in any case. `normalise` removes those differences. Its output is a key for
comparing and indexing, never a text to show or store.
"""

from __future__ import annotations

import unicodedata

# Arabic letters written in several ways, folded to one. Alef with hamza or madda, and waw and
# ya with hamza, need no entry: once decomposed they are the bare letter and a mark (removed).
_LETTERS = {
    "\u0671": "\u0627",  # alef wasla -> alef
    "\u0649": "\u064a",  # alef maqsura -> ya
    "\u0629": "\u0647",  # ta marbuta -> ha
}
_DIGITS = {
    **{chr(0x0660 + n): str(n) for n in range(10)},  # Arabic-Indic ٠-٩
    **{chr(0x06F0 + n): str(n) for n in range(10)},  # Eastern Arabic-Indic ۰-۹
}
# Marks that are removed: Latin (and Greek, Cyrillic) accents once decomposed, Arabic
# harakat, hamza and madda above or below, superscript alef, Quranic marks, and tatweel.
_REMOVED = [
    (0x0300, 0x036F),  # combining diacritical marks: the accent of é after decomposition
    (0x1AB0, 0x1AFF),  # combining diacritical marks, extended
    (0x1DC0, 0x1DFF),  # combining diacritical marks, supplement
    (0x20D0, 0x20FF),  # combining marks for symbols
    (0xFE20, 0xFE2F),  # combining half marks
    (0x064B, 0x065F),  # Arabic harakat (tanwin, fatha, damma, kasra, shadda, sukun, hamza ...)
    (0x0670, 0x0670),  # superscript alef
    (0x06D6, 0x06ED),  # Quranic annotation marks
    (0x0640, 0x0640),  # tatweel
]


class _Fold(dict[int, str | None]):
    """The table for str.translate: each character is classified once, then remembered."""

    def __missing__(self, code: int) -> str | None:
        char = chr(code)
        category = unicodedata.category(char)
        folded: str | None
        if any(low <= code <= high for low, high in _REMOVED) or category == "Cf":
            folded = None  # marks, tatweel, and invisible format characters (RLM, ZWNJ, BOM)
        elif category.startswith("P"):
            folded = " "  # punctuation of every script: . , ! ، ؛ ؟ « » “ ” - _ ...
        else:
            folded = _LETTERS.get(char) or _DIGITS.get(char) or char
        self[code] = folded
        return folded


_FOLD = _Fold()


def normalise(text: str) -> str:
    """The matching key of `text`: NFKC, case folded, without accents, Arabic diacritics
    or tatweel, with one form of alef, ya and ha, ASCII digits, and punctuation turned
    into spaces, runs of whitespace collapsed to one space and the ends stripped.

    >>> normalise("Non prouvé !")
    'non prouve'
    >>> normalise("الإلكترونيّة") == normalise("الالكترونيه")
    True
    """
    # NFKC first: compatibility forms (Arabic presentation forms, ligatures, full-width
    # letters) become ordinary letters, and a letter followed by a combining hamza is
    # composed. Then case folding, then full decomposition so accents and hamza are marks.
    folded = unicodedata.normalize("NFKC", text).casefold()
    decomposed = unicodedata.normalize("NFKD", folded)
    stripped = unicodedata.normalize("NFC", decomposed.translate(_FOLD))
    return " ".join(stripped.split())
