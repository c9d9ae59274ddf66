"""Language: English of any length is accepted, text in other languages is refused."""

from __future__ import annotations

import pytest

from knowledge.errors import UnusableInput
from knowledge.inputs import vet_text

ENGLISH = [
    pytest.param(
        "NATO Secretary General Jens Stoltenberg visited Seoul on Monday.", id="issue-example"
    ),
    pytest.param("Yoon Suk Yeol met Jens Stoltenberg in Seoul.", id="korean-names"),
    pytest.param("Olaf Scholz visited Kyiv.", id="three-words"),
    pytest.param("Zelensky thanked Biden.", id="names-only-but-one"),
    pytest.param("Putin denied it.", id="tiny"),
    pytest.param("Paolo Giovanni Nutini is Italian.", id="italian-names"),
    pytest.param("Wojciech Szczęsny saved Łukasz Piszczek's penalty.", id="polish-names"),
    pytest.param("Kim Jong Un fired two missiles into the sea.", id="kim"),
    pytest.param(
        "Erling Haaland scored both goals as Manchester City beat Chelsea 2-0.", id="football"
    ),
    pytest.param(
        "BREAKING: SWEDEN JOINS NATO AFTER TURKEY AND HUNGARY DROP THEIR OBJECTIONS", id="shouting"
    ),
    pytest.param(
        "Recep Tayyip Erdoğan and Viktor Orbán delayed Sweden's accession for months.",
        id="diacritics",
    ),
    pytest.param(
        "The alliance said on Tuesday that it would keep supporting Ukraine. Officials in Brussels "
        "described the talks as constructive, and the foreign ministers agreed to meet again in "
        "Vilnius before the summit in July.",
        id="paragraph",
    ),
    pytest.param(
        "Chancellor Scholz told reporters that the phrase \u201cZeitenwende\u201d described a turning "
        "point for German defence policy after Russia invaded Ukraine.",
        id="quotes-a-german-word",
    ),
]

OTHER_LANGUAGES = [
    pytest.param(
        "Le président a annoncé hier de nouvelles mesures contre l'inflation et la hausse des prix.",
        id="french",
    ),
    pytest.param(
        "Die Regierung hat am Montag neue Sanktionen gegen Russland beschlossen, teilte ein Sprecher mit.",
        id="german",
    ),
    pytest.param(
        "El gobierno anunció el lunes nuevas sanciones contra Rusia por la guerra en Ucrania.",
        id="spanish",
    ),
    pytest.param(
        "Il governo ha annunciato lunedì nuove sanzioni contro la Russia per la guerra.",
        id="italian",
    ),
    pytest.param(
        "O governo anunciou novas sanções contra a Rússia na segunda-feira passada.",
        id="portuguese",
    ),
    pytest.param(
        "De regering heeft maandag nieuwe sancties tegen Rusland aangekondigd, meldde de minister.",
        id="dutch",
    ),
    pytest.param(
        "Rząd ogłosił w poniedziałek nowe sankcje wobec Rosji w związku z wojną.", id="polish"
    ),
    pytest.param(
        "Правительство в понедельник объявило о новых санкциях против России.", id="russian"
    ),
    pytest.param("Уряд оголосив нові санкції проти Росії в понеділок.", id="ukrainian"),
    pytest.param("정부는 월요일 러시아에 대한 새로운 제재를 발표했다.", id="korean"),
    pytest.param("政府は月曜日にロシアに対する新たな制裁を発表した。", id="japanese"),
    pytest.param("政府周一宣布对俄罗斯实施新的制裁。", id="chinese"),
    pytest.param(
        "Hükümet pazartesi günü Rusya'ya yönelik yeni yaptırımlar açıkladı.", id="turkish"
    ),
    pytest.param(
        "Regeringen meddelade på måndagen nya sanktioner mot Ryssland efter mötet.", id="swedish"
    ),
    pytest.param(
        "Le secrétaire général de l'OTAN Jens Stoltenberg s'est rendu lundi à Séoul pour rencontrer le président.",
        id="french-with-names",
    ),
]


@pytest.mark.parametrize("text", ENGLISH)
def test_english_is_accepted(text: str) -> None:
    assert vet_text(text) == text


@pytest.mark.parametrize("text", OTHER_LANGUAGES)
def test_other_languages_are_refused_in_one_line(text: str) -> None:
    with pytest.raises(UnusableInput) as raised:
        vet_text(text)
    assert str(raised.value) == "The text does not look like English; only English is checked."


async def test_a_refused_text_is_not_checked(kb) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UnusableInput, match="English"):
        await kb.check("Die Regierung hat am Montag neue Sanktionen gegen Russland beschlossen.")
