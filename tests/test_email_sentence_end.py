"""A mailbox at the end of a sentence keeps its address (issue 12).

The e-mail finder let a dot followed by a space join the domain's labels, for addresses
obfuscated as "x @ y . pl". It also joined the next sentence's first word: "…
michal.lazarow@powiat.rzeszow.pl. Kontaktować można się także…" (tune b063 of the web corpus,
`benchmarks/web_corpus`) was read as "michal.lazarow@powiat.rzeszow.pl. Kontaktowa", which
the normaliser rejects, so the mailbox was lost altogether; the same in f027
("kczechowicz@gmail.com. Po rejestracji").
The normaliser never accepted a spaced dot anyway. Now only a dot with no space after it, or
a dot written out ("[dot]", "(kropka)"), joins two labels. Each case quotes the real
document's words.
"""

from __future__ import annotations

import pytest

from extractors.contacts import find_emails
from transforms.contacts import normalise_email


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Osobą kontaktową jest Michał Łazarów, michal.lazarow@powiat.rzeszow.pl. "
            "Kontaktować można się także dzwoniąc na numer telefonu 17 283 11 74.",
            ["michal.lazarow@powiat.rzeszow.pl"],
            id="b063-the-next-sentence-after-the-address",
        ),
        pytest.param(
            "przez przesłanie na adres mailowy kczechowicz@gmail.com. Po rejestracji zostaje "
            "wysłane potwierdzenie zapisu",
            ["kczechowicz@gmail.com"],
            id="f027-a-sentence-going-on",
        ),
        pytest.param(
            "e-mail: biuro [at] pcpr [dot] pl", ["biuro@pcpr.pl"], id="a-dot-written-out-joins"
        ),
        pytest.param("e-mail: sekretariat@mops.krakow.pl", ["sekretariat@mops.krakow.pl"],
                     id="plain-dots-join"),
    ],
)  # fmt: skip
def test_a_mailbox_ending_a_sentence(text: str, expected: list[str]) -> None:
    assert [normalise_email(found) for found in find_emails(text)] == expected
