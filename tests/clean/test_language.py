"""Languages: every article gets its language; articles in a language that is not coded are kept, flagged, uncoded."""

from __future__ import annotations

from datetime import date

import pytest

from wirewatch import api
from wirewatch.clean import clean
from wirewatch.clean._language import MIN_LETTERS, guess_language, not_coded_reason
from wirewatch.config import CleanConfig, Config, load_config
from wirewatch.errors import ConfigError
from wirewatch.records import Extraction, RawDocument

ARTICLES = {
    "en": "Russia and Iran signed a memorandum of understanding on energy cooperation in Tehran on Monday, the "
    "Iranian foreign ministry said.\n\nThe Russian foreign minister, Sergei Lavrov, met his Iranian counterpart "
    "and the two sides agreed to expand trade in grain and fuel, according to a statement.",
    "fr": "La Russie et l'Iran ont signé lundi à Téhéran un protocole d'accord sur la coopération énergétique, a "
    "annoncé le ministère iranien des Affaires étrangères.\n\nLe ministre russe des Affaires étrangères, Sergueï "
    "Lavrov, a rencontré son homologue iranien et les deux parties ont convenu d'accroître leurs échanges de "
    "céréales et de carburant, selon un communiqué.",
    "de": "Russland und Iran haben am Montag in Teheran eine Absichtserklärung über die Zusammenarbeit im "
    "Energiebereich unterzeichnet, teilte das iranische Außenministerium mit.\n\nDer russische Außenminister "
    "Sergej Lawrow traf seinen iranischen Amtskollegen; beide Seiten vereinbarten, den Handel mit Getreide und "
    "Treibstoff auszuweiten, hieß es in einer Erklärung.",
    "es": "Rusia e Irán firmaron el lunes en Teherán un memorando de entendimiento sobre cooperación energética, "
    "informó el Ministerio de Asuntos Exteriores iraní.\n\nEl ministro ruso de Exteriores, Serguéi Lavrov, se "
    "reunió con su homólogo iraní y ambas partes acordaron ampliar el comercio de cereales y combustible, según "
    "un comunicado.",
    "ru": "Россия и Иран в понедельник подписали в Тегеране меморандум о взаимопонимании в области "
    "энергетического сотрудничества, сообщило министерство иностранных дел Ирана.\n\nМинистр иностранных дел "
    "России Сергей Лавров встретился со своим иранским коллегой, и стороны договорились расширить торговлю "
    "зерном и топливом, говорится в заявлении.",
}


@pytest.mark.parametrize(("language", "text"), ARTICLES.items(), ids=list(ARTICLES))
def test_each_article_gets_its_iso_639_1_language(language: str, text: str) -> None:
    assert guess_language(text) == language


@pytest.mark.parametrize(
    "text",
    ["", "Reuters", "Updated 10:32 GMT", "Iran fires missiles", "2024 — 17:30 — 12 345", "Photo: AP / Reuters"],
)
def test_empty_and_too_short_texts_get_no_language(text: str) -> None:
    assert guess_language(text) is None


def test_a_text_just_long_enough_is_told_and_the_threshold_is_on_letters() -> None:
    assert MIN_LETTERS == 40
    assert guess_language("Die Regierung hat am Montag neue Maßnahmen angekündigt.") == "de"
    assert guess_language("1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28") is None


@pytest.mark.parametrize(
    ("language", "coded", "reason"),
    [
        ("fr", ("en",), "language 'fr' is not coded"),
        ("en", ("en",), None),
        ("fr", ("en", "fr"), None),
        ("ru", (), None),  # an empty list codes every language
        (None, ("en",), None),  # too short to tell: coded
    ],
)
def test_not_coded_reason_names_the_language(language: str | None, coded: tuple[str, ...],
                                             reason: str | None) -> None:
    assert not_coded_reason(language, coded) == reason


@pytest.mark.parametrize(("language", "text"), ARTICLES.items(), ids=list(ARTICLES))
def test_cleaning_flags_articles_in_languages_that_are_not_coded(language: str, text: str) -> None:
    article = clean(RawDocument(id="a", source="a", text=text))
    assert article.language == language
    assert article.not_coded == (None if language == "en" else f"language '{language}' is not coded")


def test_the_coded_languages_come_from_the_config() -> None:
    config = load_config(env={"WIREWATCH_CLEAN_LANGUAGES": "en,fr"})
    assert config.clean.languages == ("en", "fr")
    assert clean(RawDocument(id="a", source="a", text=ARTICLES["fr"]), config.clean).not_coded is None
    assert clean(RawDocument(id="a", source="a", text=ARTICLES["fr"]), CleanConfig(languages=())).not_coded is None
    with pytest.raises(ConfigError, match="ISO 639-1"):
        load_config(env={}, overrides={"clean.languages": ["English"]})


@pytest.mark.slow
def test_foreign_articles_are_stored_flagged_and_produce_no_events_while_english_is_coded(config: Config) -> None:
    docs = [RawDocument(id=language, source=language, text=text, published=date(2024, 4, 22))
            for language, text in ARTICLES.items()]
    results = {r.article.id: r for r in api.extract(documents=docs, config=config) if isinstance(r, Extraction)}
    assert set(results) == set(ARTICLES)
    assert results["en"].article.not_coded is None and results["en"].events
    for language in ("fr", "de", "es", "ru"):
        result = results[language]
        assert result.article.not_coded == f"language '{language}' is not coded"
        assert result.article.language == language
        assert (result.events, result.actors, result.quotes) == ((), (), ())


def test_one_english_sentence_full_of_african_names_is_not_taken_for_a_creole():
    from wirewatch.clean._language import guess_language

    text = ("On Monday, Nigerian deputy foreign minister Chidi Okonkwo summoned Niger's envoy Moussa Issoufou "
            "to complain about the border raids.")
    assert guess_language(text) in {"en", None}
