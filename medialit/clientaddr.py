"""Whom a request comes from, for the guessing throttles: the browser's address, proxies taken into account.

``X-Forwarded-For`` is believed only from the proxies named in ``MEDIALIT_TRUSTED_PROXIES``
(addresses or networks, comma-separated, e.g. ``127.0.0.1,::1`` when HAProxy runs on the same
machine, what ``deploy/run-replicas.sh`` and ``deploy/medialit@.service`` set). Without it the
header is ignored: a client that writes its own ``X-Forwarded-For`` stays itself.

The chain is read from the right (the address the nearest proxy appended) and the first address
that is not a trusted proxy is the client: what a client writes at the left of the header is never
reached. IPv6 clients are counted per /64 network (one home or one phone gets a whole /64).

One complication: uvicorn, the server under Streamlit, already rewrites the peer address from
``X-Forwarded-For`` when the peer is in ``FORWARDED_ALLOW_IPS`` (default ``127.0.0.1,::1``), before
the app sees it. :func:`client_address` recognises that case (the reported address is the one
uvicorn would pick from the header) and then knows only that the real peer is one of uvicorn's
trusted addresses: the header is believed when all of those are trusted proxies here, and
otherwise the client is the proxy itself (one shared row: it slows down, never locks anyone else out).
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

ENV_TRUSTED = "MEDIALIT_TRUSTED_PROXIES"
ENV_UVICORN = "FORWARDED_ALLOW_IPS"
UVICORN_DEFAULT = "127.0.0.1,::1"
LOOPBACK = "127.0.0.1"
UNPARSEABLE = "unparseable-forwarded-address"

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@dataclass(frozen=True)
class Trust:
    """A set of trusted proxy addresses and networks (``everything`` for ``*``)."""

    networks: tuple[Network, ...] = ()
    everything: bool = False

    @classmethod
    def parse(cls, text: str) -> Trust:
        """From ``"127.0.0.1, 10.0.0.0/24, ::1"`` (``"*"``: every address); unreadable items are ignored."""
        items = [item.strip() for item in text.split(",") if item.strip()]
        if "*" in items:
            return cls(everything=True)
        networks = []
        for item in items:
            try:
                networks.append(ipaddress.ip_network(item, strict=False))
            except ValueError:
                continue
        return cls(tuple(networks))

    def __contains__(self, address: object) -> bool:
        if not isinstance(address, ipaddress.IPv4Address | ipaddress.IPv6Address):
            return False
        return self.everything or any(address.version == net.version and address in net for net in self.networks)

    def covers(self, other: Trust) -> bool:
        """True when every address ``other`` trusts is trusted here too."""
        if self.everything:
            return True
        if other.everything:
            return False
        return all(any(net.version == mine.version and net.subnet_of(mine) for mine in self.networks)  # type: ignore[arg-type]
                   for net in other.networks)

    def pick(self, chain: Sequence[Address | None]) -> Address | None:
        """The client in a forwarded chain: the rightmost address that is not trusted (else the leftmost)."""
        for address in reversed(chain):
            if address not in self:
                return address
        return chain[0] if chain else None


def parse_address(text: str | None) -> Address | None:
    """An address from a header item (``1.2.3.4``, ``1.2.3.4:5678``, ``[::1]:80``, ``::1``), or None."""
    if not text:
        return None
    item = text.strip().strip('"')
    if item.startswith("["):
        item = item[1:].split("]", 1)[0]
    elif item.count(":") == 1:
        item = item.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(item)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def forwarded_chain(values: Iterable[str]) -> list[Address | None]:
    """Every address of every ``X-Forwarded-For`` header, in order (None for an unreadable item)."""
    return [parse_address(item) for value in values for item in value.split(",") if item.strip()]


def bucket(address: Address | None) -> str:
    """The name a client is counted under: the IPv4 address, the IPv6 /64, or a fixed name when unreadable."""
    if address is None:
        return UNPARSEABLE
    if isinstance(address, ipaddress.IPv6Address):
        return str(ipaddress.IPv6Network((int(address) >> 64 << 64, 64)))
    return str(address)


def client_address(reported: str | None, forwarded: Sequence[str], trusted: Trust, upstream: Trust) -> str:
    """The client a request is counted against (see the module docstring).

    ``reported``: the address Streamlit reports (``st.context.ip_address``: None for loopback);
    ``forwarded``: the ``X-Forwarded-For`` header values; ``trusted``: this kit's trusted proxies;
    ``upstream``: the addresses uvicorn trusts (``FORWARDED_ALLOW_IPS``).
    """
    peer = parse_address(reported) if reported else ipaddress.ip_address(LOOPBACK)
    chain = forwarded_chain(forwarded)
    if not chain:
        return bucket(peer)
    rewritten = upstream.pick(chain)
    if _same(peer, rewritten):
        # uvicorn put an address of the header in place of the peer: the peer was one it trusts.
        return bucket(trusted.pick(chain)) if trusted.covers(upstream) else "forwarded-by-an-untrusted-proxy"
    if peer in trusted:
        return bucket(trusted.pick(chain))
    return bucket(peer)


def _seen_as(address: Address) -> Address:
    """What the app sees of ``address`` once Streamlit has reported it (loopback reads as None, then 127.0.0.1)."""
    return ipaddress.ip_address(LOOPBACK) if address.is_loopback else address


def _same(a: Address | None, b: Address | None) -> bool:
    if a is None or b is None:
        return False
    return _seen_as(a) == _seen_as(b)


def trusted_proxies() -> Trust:
    """This kit's trusted proxies, from ``MEDIALIT_TRUSTED_PROXIES`` (none when unset)."""
    return Trust.parse(os.environ.get(ENV_TRUSTED, ""))


def uvicorn_trust() -> Trust:
    """The addresses uvicorn believes ``X-Forwarded-For`` from, in this process."""
    return Trust.parse(os.environ.get(ENV_UVICORN, UVICORN_DEFAULT))
