"""Which addresses the fetcher may connect to, and HTTP connections pinned to a checked address.

Sources are URLs anyone can publish, and every redirect is another URL: without a check, a
page (or a redirect from it) can make the nightly run fetch `http://127.0.0.1/admin`, a
router's page on 192.168.0.1 or the cloud metadata service on 169.254.169.254, and store what
came back. So the fetcher refuses every address that is not public — loopback, private,
link-local, carrier-grade NAT, multicast, unspecified, reserved, cloud metadata — in IPv4 and
IPv6, including IPv4 inside IPv6 (mapped, 6to4, NAT64, IPv4-compatible, Teredo) — unless it
is on an explicit allow-list (`FetchPolicy.allow_addresses`, or the environment variable
WSPARCIE_FETCH_ALLOW, e.g. "127.0.0.1" for the demo's server, "10.0.0.0/8" for an intranet).

The check is made on the addresses a name resolves to, at the moment of connecting, and the
connection is made to the very address that was checked (`GuardedAdapter`): a name that
resolves to a public address for a first look and to 127.0.0.1 for the connection (DNS
rebinding) is refused. Every hop of a redirect chain, robots.txt included, connects this way.
"""

from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError, NameResolutionError, NewConnectionError
from urllib3.util.connection import allowed_gai_family, create_connection

ALLOW_ENV = "WSPARCIE_FETCH_ALLOW"

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))
_METADATA = frozenset(
    ipaddress.ip_address(a)
    for a in (
        "169.254.169.254",  # AWS, GCP, Azure, OpenStack, DigitalOcean…
        "169.254.170.2",  # AWS ECS task metadata
        "fd00:ec2::254",  # AWS over IPv6
        "100.100.100.200",  # Alibaba Cloud
    )
)


class AddressRefused(Exception):
    """A URL's host resolves to an address the fetcher must not connect to."""

    def __init__(self, host: str, address: str, problem: str) -> None:
        super().__init__(
            f"refused to connect to {host} ({address}): {problem}; the fetcher reaches public"
            f" addresses only (allow others with {ALLOW_ENV} or FetchPolicy.allow_addresses)"
        )
        self.host = host
        self.address = address


def parse_networks(entries: Iterable[str], where: str) -> tuple[IPNetwork, ...]:
    """Addresses or networks ("127.0.0.1", "10.0.0.0/8", "::1") as networks; ValueError
    naming `where` and the bad entry otherwise."""
    networks = []
    for entry in entries:
        text = entry.strip()
        if not text:
            continue
        try:
            networks.append(ipaddress.ip_network(text, strict=False))
        except ValueError as exc:
            raise ValueError(f"{where}: {text!r} is not an IP address or network ({exc})") from exc
    return tuple(networks)


def allowed_networks(policy_entries: Sequence[str]) -> tuple[IPNetwork, ...]:
    """The allow-list: the policy's entries and those of WSPARCIE_FETCH_ALLOW (comma- or
    space-separated)."""
    from_env = os.environ.get(ALLOW_ENV, "").replace(",", " ").split()
    return parse_networks(policy_entries, "FetchPolicy.allow_addresses") + parse_networks(
        from_env, ALLOW_ENV
    )


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]  # the client's address
    if any(address in net for net in _NAT64):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if int(address) >> 32 == 0 and int(address) > 1:  # ::a.b.c.d (IPv4-compatible)
        return ipaddress.IPv4Address(int(address))
    return None


def address_problem(address: IPAddress) -> str | None:
    """Why the fetcher must not connect to `address` (None: it is a public address)."""
    if isinstance(address, ipaddress.IPv6Address):
        inner = _embedded_ipv4(address)
        if inner is not None:
            problem = address_problem(inner)
            return f"{problem}, inside the IPv6 address" if problem else None
    if address in _METADATA:
        return "a cloud metadata address"
    if address.is_loopback:
        return "a loopback address"
    if address.is_unspecified:
        return "an unspecified address"
    if address.is_link_local:
        return "a link-local address"
    if address.is_multicast:
        return "a multicast address"
    if isinstance(address, ipaddress.IPv4Address) and address in _CGNAT:
        return "a carrier-grade NAT address"
    if address.is_reserved:
        return "a reserved address"
    if address.is_private:
        return "a private address"
    if not address.is_global:
        return "a reserved address"
    return None


def _plain(address: IPAddress) -> IPAddress:
    """An IPv4-mapped IPv6 address as the IPv4 address it is (for the allow-list)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def check_address(host: str, address: str, allowed: Sequence[IPNetwork]) -> None:
    """Raise AddressRefused unless `address` (as getaddrinfo gives it) may be connected to."""
    parsed = _plain(ipaddress.ip_address(address.split("%", 1)[0]))
    if any(parsed.version == net.version and parsed in net for net in allowed):
        return
    problem = address_problem(parsed)
    if problem is not None:
        raise AddressRefused(host, str(parsed), problem)


def resolve_checked(host: str, port: int, allowed: Sequence[IPNetwork]) -> list[tuple[Any, ...]]:
    """getaddrinfo for `host`, every address checked: AddressRefused when any one of them is
    not allowed (a name that mixes public and internal addresses is not trusted with either)."""
    infos = socket.getaddrinfo(host, port, allowed_gai_family(), socket.SOCK_STREAM)
    for *_rest, sockaddr in infos:
        check_address(host, str(sockaddr[0]), allowed)
    return infos


def check_url(url: str, allowed: Sequence[IPNetwork]) -> None:
    """AddressRefused when the URL's host resolves to an address not allowed. A name that does
    not resolve passes: the request itself then fails and says so."""
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    try:
        resolve_checked(parts.hostname or "", port, allowed)
    except (socket.gaierror, UnicodeError):
        pass


def guarded_session(allowed: Sequence[IPNetwork]) -> requests.Session:
    """A requests Session whose connections go only to checked addresses. Proxies and CA
    bundles from the environment are not used: a proxy would be what the guard checks."""
    session = requests.Session()
    session.trust_env = False
    session.mount("http://", GuardedAdapter(allowed))
    session.mount("https://", GuardedAdapter(allowed))
    return session


class _GuardedConnectionMixin:
    """urllib3 connection whose socket goes to an address resolved and checked here."""

    allowed: tuple[IPNetwork, ...] = ()

    def _new_conn(self) -> socket.socket:
        conn: Any = self
        host = str(conn._dns_host).strip("[]")
        try:
            infos = resolve_checked(host, conn.port, self.allowed)
        except socket.gaierror as exc:
            raise NameResolutionError(conn.host, conn, exc) from exc
        error: OSError | None = None
        for *_rest, sockaddr in infos:
            try:
                # A numeric address: create_connection resolves nothing more.
                sock = create_connection(
                    (str(sockaddr[0]), conn.port),
                    conn.timeout,
                    source_address=conn.source_address,
                    socket_options=conn.socket_options,
                )
            except TimeoutError as exc:
                raise ConnectTimeoutError(
                    conn, f"Connection to {conn.host} timed out. (connect timeout={conn.timeout})"
                ) from exc
            except OSError as exc:
                error = exc
                continue
            return sock
        raise NewConnectionError(conn, f"Failed to establish a new connection: {error}")


class _GuardedHTTPConnection(_GuardedConnectionMixin, HTTPConnection):
    pass


class _GuardedHTTPSConnection(_GuardedConnectionMixin, HTTPSConnection):
    pass


class GuardedAdapter(HTTPAdapter):
    """A requests adapter whose connections go only to checked addresses (see the module
    docstring); mount it for http:// and https:// on a Session with `trust_env = False` (a
    proxy from the environment would make the checked address the proxy's, not the site's)."""

    def __init__(self, allowed: Sequence[IPNetwork]) -> None:
        self._allowed = tuple(allowed)
        super().__init__()

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        allowed = self._allowed
        http = type("GuardedHTTP", (_GuardedHTTPConnection,), {"allowed": allowed})
        https = type("GuardedHTTPS", (_GuardedHTTPSConnection,), {"allowed": allowed})
        self.poolmanager.pool_classes_by_scheme = {
            "http": type("GuardedHTTPPool", (HTTPConnectionPool,), {"ConnectionCls": http}),
            "https": type("GuardedHTTPSPool", (HTTPSConnectionPool,), {"ConnectionCls": https}),
        }
