"""Input validation: the reasons an article is not coded (errors.REASONS R001..R008)."""

from __future__ import annotations

import pytest

from annales import nlp
from annales.ingest import MAX_ARTICLE_CHARS, is_fatal, non_english_reason, validate
from annales.ingest.decode import binary_reason, decode
from annales.ingest.validate import iso_day
from annales.schema import Article

ENGLISH = (
    "A member of the PLO executive council said on Thursday that several European "
    "states may recognize Palestine before the end of the month, and that the "
    "Palestinians hope to take the campaign to the UN Security Council."
)

# News paragraphs written for these tests; the calibration of ingest/language.py used them.
FOREIGN = {
    "fr": (
        "Le gouvernement français a annoncé mardi qu'il reconnaîtrait l'État de Palestine "
        "si les négociations de paix restaient bloquées. Le ministre des affaires étrangères "
        "a déclaré devant l'Assemblée nationale que la France ne pouvait pas attendre "
        "indéfiniment et qu'une conférence internationale se tiendrait à Paris le mois "
        "prochain."
    ),
    "de": (
        "Die Bundesregierung hat am Dienstag neue Sanktionen gegen Russland angekündigt. "
        "Der Außenminister sagte in Berlin, die Maßnahmen seien eine Antwort auf die "
        "anhaltenden Angriffe im Osten der Ukraine und würden mit den Partnern in der "
        "Europäischen Union abgestimmt, bevor sie in Kraft treten."
    ),
    "es": (
        "El presidente de Colombia se reunió el lunes con los líderes de la guerrilla en "
        "La Habana para discutir el acuerdo de paz. Según un comunicado del gobierno, las "
        "dos partes se comprometieron a continuar las negociaciones y a liberar a los "
        "prisioneros antes del final del año."
    ),
    "it": (
        "Il governo italiano ha chiesto all'Unione europea di condividere il peso "
        "dell'accoglienza dei migranti. Il primo ministro ha detto che l'Italia non può "
        "affrontare da sola la crisi e che le navi delle organizzazioni non governative "
        "dovranno rispettare le nuove regole."
    ),
    "pt": (
        "O governo brasileiro anunciou nesta segunda-feira que vai enviar tropas para a "
        "fronteira com a Venezuela. Segundo o ministro da Defesa, a medida tem como objetivo "
        "garantir a segurança da população e controlar a chegada de refugiados ao estado de "
        "Roraima."
    ),
    "nl": (
        "De Nederlandse regering heeft dinsdag besloten om extra militairen naar Mali te "
        "sturen. De minister van Defensie zei in Den Haag dat de situatie in het noorden van "
        "het land is verslechterd en dat de missie van de Verenigde Naties meer steun nodig "
        "heeft dan eerder werd gedacht."
    ),
    "ar": (
        "أعلنت الحكومة الفلسطينية يوم الثلاثاء أنها ستتوجه إلى مجلس الأمن الدولي للمطالبة "
        "بالاعتراف الكامل بدولة فلسطين، وقال مسؤول في منظمة التحرير إن عدة دول أوروبية قد "
        "تعترف بالدولة قبل نهاية العام الجاري."
    ),
    "ru": (
        "Министерство иностранных дел России заявило во вторник, что Москва готова "
        "продолжить переговоры с Киевом при посредничестве Франции и Германии. По словам "
        "официального представителя ведомства, новые санкции Европейского союза не помогут "
        "урегулировать конфликт на востоке Украины."
    ),
    "zh": (
        "中国外交部发言人星期二表示，中方愿意同有关各方一道，继续通过对话协商解决朝鲜半岛核问题。"
        "他说，制裁不是目的，各方应当保持克制，避免采取可能加剧紧张局势的行动，"
        "早日重启六方会谈，维护地区的和平与稳定。"
    ),
}


def article(text: str, published: str | None = None) -> Article:
    return Article(id=Article.make_id(text), text=text, published=published)


def test_english_is_accepted_and_marked():
    a = article(ENGLISH, "2017-01-12")
    assert validate(a, "x.txt") is None
    assert a.language == "en" and a.published == "2017-01-12"


@pytest.mark.parametrize("lang", sorted(FOREIGN))
def test_other_languages_are_rejected(lang):
    r = validate(article(FOREIGN[lang]), "x.txt")
    assert r is not None and r.reason_code == "R005" and r.input == "x.txt"


@pytest.mark.parametrize(
    "lang, named",
    [("fr", "French"), ("de", "German"), ("ru", "Cyrillic"), ("ar", "Arabic"), ("zh", "CJK")],
)
def test_rejection_names_what_the_text_looks_like(lang, named):
    assert named in non_english_reason(FOREIGN[lang])


def test_short_texts_are_not_judged():
    assert non_english_reason("Le président a parlé.") is None
    assert validate(article("Iran rejected the proposal."), "x") is None


def test_name_lists_are_english_enough():
    # a team sheet or cabinet line-up has almost no function words of any language
    sheet = (
        "The squad: Delport, Pieters, Rasmussen, Lombard, O'Leary; Brown, Powell; Windo, "
        "Van Niekerk, Horsman; Collier, Gillies; Hickey, Sanderson, MacLeod-Henderson. "
        "Replacements: Fortey, Murphy, Daly, Vaili, Cole, Hayes, Trueman, who will travel."
    )
    assert non_english_reason(sheet) is None


def test_english_quoting_a_foreign_phrase_is_english():
    text = ENGLISH + ' He added, in French, "la Palestine sera reconnue", and left.'
    assert non_english_reason(text) is None


@pytest.mark.parametrize(
    "text, code",
    [
        ("", "R001"),
        ("  \n\t ", "R001"),
        ("abc\x00def " * 10, "R002"),
        ("\x01\x02\x03\x04 text " * 10, "R002"),
    ],
)
def test_empty_and_binary(text, code):
    assert validate(article(text), "x").reason_code == code


def test_too_large():
    r = validate(article("word " * (MAX_ARTICLE_CHARS // 5 + 1)), "big.txt")
    assert r.reason_code == "R004" and f"{MAX_ARTICLE_CHARS:,}" in r.message


def test_article_limit_is_below_the_parser_limit():
    assert MAX_ARTICLE_CHARS <= nlp.MAX_CHARS


@pytest.mark.parametrize(
    "given, expected",
    [
        ("2017-01-12", "2017-01-12"),
        ("2017-01-12T09:30:00Z", "2017-01-12"),
        ("2017-01-12 09:30:00+02:00", "2017-01-12"),
    ],
)
def test_good_dates_are_normalised_to_the_day(given, expected):
    a = article(ENGLISH, given)
    assert validate(a, "x") is None and a.published == expected


@pytest.mark.parametrize("bad", ["12 January 2017", "2017-13-01", "2017-02-30", "2017", "soon"])
def test_bad_date_is_a_warning_and_the_article_is_kept(bad):
    a = article(ENGLISH, bad)
    r = validate(a, "x")
    assert r.reason_code == "R008" and not is_fatal(r) and repr(bad) in r.message
    assert a.published is None and a.language == "en"


@pytest.mark.parametrize("placeholder", ["0001-01-01", "9999-12-31", "1066-10-14"])
def test_placeholder_date_is_a_warning_and_the_article_is_kept(placeholder):
    a = article(ENGLISH, placeholder)
    r = validate(a, "x")
    assert r.reason_code == "R008" and not is_fatal(r) and "placeholders" in r.message
    assert a.published is None


def test_iso_day():
    assert iso_day("2016-02-29") == "2016-02-29" and iso_day("2015-02-29") is None


def test_decode_is_strict_and_reports_the_offset():
    r = decode("café".encode("latin-1"), "x.txt")
    assert r.reason_code == "R003" and "offset 3" in r.message
    assert decode("\ufeffcafé".encode("utf-8"), "x.txt") == "café"  # the BOM is dropped


def test_binary_sniff_on_raw_bytes():
    assert binary_reason(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR") == "NUL bytes"
    assert binary_reason(b"plain text\nwith lines\tand tabs\f") is None
    assert decode(bytes(range(1, 32)) * 20, "x").reason_code == "R002"


def test_date_objects_are_accepted():
    from datetime import date, datetime

    for given in (date(2017, 1, 12), datetime(2017, 1, 12, 9, 30)):
        a = article(ENGLISH)
        a.published = given
        assert validate(a, "x") is None and a.published == "2017-01-12"
