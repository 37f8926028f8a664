"""Which candidate a page speaks for (`choose_owner`): the weighed evidence of every name a
page gives (`owner_weights.OwnerChoice`) against the bars the best name must reach, and when a
rival holds it back (see `page_owner` for the evidence and the weights)."""

from __future__ import annotations

from extractors.html_pages.owner_weights import OwnerCandidate, OwnerChoice, OwnerWeights
from extractors.html_pages.site_host import news_outlet

# What a page does with a name to put it forward, beyond where and how often it stands.
_PUT_FORWARD = frozenset(
    {"agent", "speaker", "heading", "title", "declared", "contact", "located", "signed"}
)


# What makes a name a news outlet's publisher rather than a body its report is about: the
# site's address or a mailbox's domain spells it, or a formula declares it ("© 2024 …").
_PUBLISHER = frozenset({"host", "mail domain", "declared"})


def host_backed(candidate: OwnerCandidate) -> bool:
    """Whether the site's address backs the name (`min_score_host` then suffices): it spells
    the name in full, or in part when the page also puts the name forward itself; never for
    a unit of a body (a hospital's ward on the hospital's site)."""
    evidence = candidate.evidence
    if "unit" in evidence:
        return False
    spelt = evidence & {"host", "host (weak)", "mail domain"}
    return bool(spelt) and bool(evidence & _PUT_FORWARD)


# What a page says for a body beyond naming it in its title and headings: a bare type name
# (`generic`) that has none of it is what an explainer or a guide writes about ("Powiatowy
# Urząd Pracy" on a firm's blog about labour offices, k015; "Centrum Usług Społecznych" on a
# regional centre's page about the new kind of body, k075 of the fresh pages), not whose
# page it is.
_SPOKEN_FOR = frozenset({"declared", "contact", "located", "signed", "speaker", "agent"})
# How a page keeps a body before its reader: from its first lines, or again and again.
_KEPT_IN_VIEW = frozenset({"first", "repeated", "repeated often"})


def sole_body_of_its_site(
    best: OwnerCandidate, rivals: list[OwnerCandidate], weights: OwnerWeights
) -> bool:
    """Whether the page is a plain page of the body's own site that names no other body it
    could belong to: the address spells what kind of body it is (its acronym, its kind word,
    its own words, or its place with its number: "p7" and "koszalin" for "Przedszkole nr 7
    w Koszalinie"; a place alone is a town's portal's too), the page names it from its first
    lines or more than once, and nothing speaks for any other name (a rival the page gives
    no evidence for, or a one-person office, owns no page). A small institution's site often
    says whose it is only in its address and its running text; `min_score_sole` then
    suffices."""
    evidence = best.evidence
    if "unit" in evidence or not evidence & {"host", "host (weak)"}:
        return False
    if not evidence & _KEPT_IN_VIEW:
        return False
    if not best.spells_kind:
        return False
    return all(rival.score(weights) <= 0 or "organ" in rival.evidence for rival in rivals)


def choose_owner(choice: OwnerChoice, weights: OwnerWeights) -> OwnerCandidate | None:
    """The candidate the page speaks for under `weights` (`page_owner.WEIGHTS` in the
    pipeline), or None when the page does not say (see `page_owner`'s docstring for the
    evidence and how it is weighed)."""
    if not choice.candidates:
        return None

    def score(candidate: OwnerCandidate) -> int:
        return candidate.score(weights)

    # of equal scores, the one the site's address spells; a rival the address contradicts
    # ("other host") does not hold it back
    ranked = sorted(choice.candidates, key=lambda c: (score(c), "host" in c.evidence), reverse=True)
    best = ranked[0]
    rivals = [c for c in ranked[1:] if not _yields_to(best, c)]
    runner_up = score(rivals[0]) if rivals else 0
    needed = weights.min_score
    if host_backed(best) and not choice.news_like:
        needed = weights.min_score_host
    if sole_body_of_its_site(best, rivals, weights) and not choice.news_like:
        needed = min(needed, weights.min_score_sole)
        # a one-person office the page quotes is no rival for the page
        runner_up = max((score(c) for c in rivals if "organ" not in c.evidence), default=0)
    if choice.news_like and not best.evidence & {"declared", "contact", "host"}:
        needed = weights.min_score_article
    if "generic" in best.evidence and not best.evidence & _SPOKEN_FOR:
        return None  # a bare type name only titled and headed: an explainer's subject
    if "organ" in best.evidence:
        return None  # a one-person office owns no page: its office does (k064)
    if "person's firm" in best.evidence:
        return None  # a sole trader's firm is a trade, not a body of the directory (d011)
    if news_outlet(choice.url) and not best.evidence & _PUBLISHER:
        return None  # a news outlet's report on a body: the page is its publisher's
    if score(best) < needed or score(best) - runner_up < weights.min_lead:
        return None
    return best


def _yields_to(best: OwnerCandidate, rival: OwnerCandidate) -> bool:
    """Whether `rival` holds no page against `best`, whose name the site's address spells in
    full: a body the address contradicts ("other host"), or a unit of a body (a ward, a
    department: "Oddział Psychiatryczny Dzienny dla Dzieci i Młodzieży" on the site of the
    "Uzdrowisko Konstancin-Zdrój SA", a062), whose page is its body's site's."""
    if "host" not in best.evidence:
        return False
    return bool(rival.evidence & {"other host", "unit"})
