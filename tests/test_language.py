"""Paragraphs in other languages are protected; English paragraphs stay checked."""

from __future__ import annotations

import pytest

from repair import api, language
from repair.document import Document

# Written for these tests.
ITALIAN = (
    "La signora aspettava alla stazione da due ore, e il treno non arrivava mai. Così così, "
    "disse il capostazione, quando gli chiese come andava il servizio della sera."
)
HUNGARIAN = (
    "A városi könyvtár új olvasóterme jövő héten nyílik meg, és a látogatók ingyenesen "
    "használhatják a számítógépeket a délutáni órákban, előzetes bejelentkezés nélkül."
)
GERMAN = (
    "Die Brücke über den kleinen Fluss wurde im letzten Sommer erneuert, und seitdem fahren "
    "auch die schweren Lastwagen wieder durch das Dorf zu der neuen Fabrik am Waldrand."
)
FRENCH_NO_ACCENTS = (
    "Le maire a dit que les travaux sur la place du marche vont durer tout le mois, mais les "
    "commercants ne sont pas contents car ils perdent des clients chaque jour."
)
RUSSIAN = "Вечером мы долго гуляли по набережной и говорили о том, куда поехать следующим летом."
JAPANESE = "昨日は雨が降っていたので、私たちは一日中家で本を読んで過ごしました。"
KOREAN = "우리는 주말마다 공원에서 자전거를 타고 강을 따라 천천히 달립니다."

ENGLISH = [
    "The committee met on Tuesday in Montréal, where Mme. Lefèvre presented the budget.",
    "Tokayev, Nazarbayev, Dubnov, Baunov, Pashinyan, Kassenova, Simonyan, Lukashenko, Putin, "
    "Shoigu, Lavrov, Peskov, Medvedev",
    "- Jane Doe   jane@example.org   https://example.org/~jane/   +1 555 0100 (office)",
    "She said the soup was “très bon” and asked the waiter for the recipe, which he refused.",
    "Café Müller, Zoë’s Bakery and the Crêperie on Rue de la Paix all open at seven.",
    "STANDARD RATES: 1 Room - $70.00 per night 2 Rooms - $130.00 per night 3 Rooms & up - $60 per room",
]


@pytest.mark.parametrize(
    "paragraph", [ITALIAN, HUNGARIAN, GERMAN, FRENCH_NO_ACCENTS, RUSSIAN, JAPANESE, KOREAN]
)
def test_paragraphs_of_other_languages_are_foreign(paragraph: str) -> None:
    assert language.foreign(paragraph)


@pytest.mark.parametrize("paragraph", ENGLISH)
def test_english_paragraphs_with_names_accents_and_lists_are_not(paragraph: str) -> None:
    assert not language.foreign(paragraph)


def test_only_the_foreign_paragraph_is_protected() -> None:
    text = f"We recieved the letter on Monday.\n\n{ITALIAN}\n\nThe the end came soon after.\n"
    doc = Document.from_text(text)
    start = text.index(ITALIAN)
    assert [(s.start, s.end, s.kind) for s in doc.protected] == [(start, start + len(ITALIAN), "foreign")]


def test_findings_stay_out_of_foreign_paragraphs() -> None:
    text = f"We recieved the letter on Monday.\n\n{ITALIAN}\n\n{RUSSIAN}\n"
    found = api.check(text)
    assert [text[f.start : f.end] for f in found] == ["recieved"]
    fixed = api.fix(text)
    assert fixed == text.replace("recieved", "received")


def test_a_turkish_doubled_word_is_not_a_repeat() -> None:
    # Turkish doubles words for manner ("yavaş yavaş", slowly): the repeat rule must not delete one
    turkish = (
        "Akşam olunca köyün yaşlıları kahvenin önünde oturur, çaylarını yavaş yavaş içerek gün "
        "boyunca olanları birbirlerine anlatırlardı."
    )
    text = f"The village had one tea house.\n\n{turkish}\n"
    assert api.check(text) == []
    assert api.fix(text, unsafe=True) == text


def test_a_paragraph_of_crlf_lines_is_judged_whole() -> None:
    # one CR LF ends a line, not a paragraph: a song of short lines is judged as one paragraph
    song = "\r\n".join(
        [
            "Dans le jardin de mon père,",
            "les lilas sont en fleurs,",
            "et tous les oiseaux du monde",
            "viennent y faire leurs nids.",
        ]
    )
    text = f"The children sang an old round.\r\n\r\n{song}\r\n\r\nThen they went home.\r\n"
    doc = Document.from_text(text)
    start = text.index(song)
    assert [(s.start, s.end) for s in doc.protected] == [(start, start + len(song))]
