"""How a gazetteer answers: a resolved locality or gmina, candidates, an 'ambiguous' answer.

Every resolver builds its `PlaceResolution` through these functions, so a locality, a gmina
and a set of candidates always carry the same fields whichever question was asked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from transforms.places.indexes import Indexes
from transforms.places.units import Gmina, Locality, PlaceCandidate, PlaceResolution

_MAX_CANDIDATES = 50


def narrow(
    localities: list[Locality],
    keep: Callable[[Locality], bool],
    step: str,
    steps: list[tuple[str, list[Locality]]],
) -> list[Locality]:
    """Apply one piece of evidence; evidence that contradicts every candidate is ignored here
    (a postal code or an explicit voivodeship that contradicts every candidate is handled by
    the caller before this, by lowering the answer to 'ambiguous')."""
    kept = [loc for loc in localities if keep(loc)]
    if not kept or len(kept) == len(localities):
        return localities
    steps.append((step, kept))
    return kept


def locality_resolution(ix: Indexes, loc: Locality, method: str) -> PlaceResolution:
    """A locality, with its gmina and powiat, as the answer."""
    gmina = ix.gminas.get(loc.gmina_teryt or "") or ix.gmina_by6.get(loc.gmina6)
    return PlaceResolution(
        "resolved",
        locality_simc=loc.simc,
        locality_name=loc.name,
        gmina_teryt=gmina.gmina_teryt if gmina else None,
        gmina_name=gmina.name if gmina else None,
        gmina_kind=gmina.kind if gmina else None,
        powiat_teryt=loc.powiat_teryt,
        powiat_name=ix.powiat_name(loc.powiat_teryt),
        voivodeship_teryt=loc.powiat_teryt[:2],
        method=method,
    )


def gmina_resolution(ix: Indexes, gmina: Gmina, method: str) -> PlaceResolution:
    """A gmina as the answer, without a locality."""
    return PlaceResolution(
        "resolved",
        gmina_teryt=gmina.gmina_teryt,
        gmina_name=gmina.name,
        gmina_kind=gmina.kind,
        powiat_teryt=gmina.powiat_teryt,
        powiat_name=ix.powiat_name(gmina.powiat_teryt),
        voivodeship_teryt=gmina.powiat_teryt[:2],
        method=method,
    )


def locality_candidate(ix: Indexes, loc: Locality) -> PlaceCandidate:
    gmina = ix.gminas.get(loc.gmina_teryt or "")
    return PlaceCandidate(
        loc.simc,
        loc.name,
        loc.gmina_teryt,
        gmina.name if gmina else None,
        gmina.kind if gmina else None,
        loc.powiat_teryt,
        ix.powiat_name(loc.powiat_teryt),
    )


def gmina_candidate(ix: Indexes, gmina: Gmina) -> PlaceCandidate:
    return PlaceCandidate(
        None,
        None,
        gmina.gmina_teryt,
        gmina.name,
        gmina.kind,
        gmina.powiat_teryt,
        ix.powiat_name(gmina.powiat_teryt),
    )


def ambiguous(ix: Indexes, candidates: list[PlaceCandidate], method: str) -> PlaceResolution:
    """'ambiguous': the candidates (up to 50, in code order) and the fields they all share."""
    ordered = sorted(
        set(candidates),
        key=lambda c: (c.powiat_teryt or "", c.gmina_teryt or "", c.locality_simc or ""),
    )

    def shared(values: Iterable[str | None]) -> str | None:
        distinct = set(values)
        return distinct.pop() if len(distinct) == 1 else None

    powiat = shared(c.powiat_teryt for c in ordered)
    gmina = shared(c.gmina_teryt for c in ordered)
    woj = shared((c.powiat_teryt or "")[:2] or None for c in ordered)
    return PlaceResolution(
        "ambiguous",
        gmina_teryt=gmina,
        gmina_name=shared(c.gmina_name for c in ordered) if gmina else None,
        gmina_kind=shared(c.gmina_kind for c in ordered) if gmina else None,
        powiat_teryt=powiat,
        powiat_name=ix.powiat_name(powiat) if powiat else None,
        voivodeship_teryt=woj,
        method=method,
        candidates=tuple(ordered[:_MAX_CANDIDATES]),
        candidate_count=len(ordered),
    )


def candidate_of(resolution: PlaceResolution) -> PlaceCandidate:
    """A resolved answer as one candidate among others (when two readings contradict)."""
    return PlaceCandidate(
        resolution.locality_simc, resolution.locality_name, resolution.gmina_teryt,
        resolution.gmina_name, resolution.gmina_kind, resolution.powiat_teryt,
        resolution.powiat_name,
    )  # fmt: skip


def one_gmina(resolution: PlaceResolution) -> PlaceResolution:
    """Namesakes that all lie in one gmina (Warsaw's district Mokotów holds two SIMC
    localities of that name): the gmina is known, and the locality's name when they share it."""
    if resolution.status != "ambiguous" or resolution.gmina_teryt is None:
        return resolution
    names = {c.locality_name for c in resolution.candidates if c.locality_name}
    if resolution.candidate_count != len(resolution.candidates) or len(names) > 1:
        return resolution
    return replace(
        resolution,
        status="resolved",
        locality_name=names.pop() if names else None,
        method=f"{resolution.method}_one_gmina",
    )
