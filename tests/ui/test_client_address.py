"""Whom a guess is counted against: X-Forwarded-For is believed only from the configured proxies.

The attack this closes: from loopback, a new ``X-Forwarded-For`` per connection made every guess a
new client (uvicorn, under Streamlit, believes the header from 127.0.0.1 by default).
"""

from __future__ import annotations

import pytest

from medialit.clientaddr import UNPARSEABLE, UVICORN_DEFAULT, Trust, client_address, parse_address

NOBODY = Trust.parse("")
LOOPBACK = Trust.parse("127.0.0.1,::1")
UVICORN = Trust.parse(UVICORN_DEFAULT)
UNTRUSTED_FORWARDER = "forwarded-by-an-untrusted-proxy"


def test_without_a_header_the_client_is_the_connection() -> None:
    assert client_address(None, [], NOBODY, UVICORN) == "127.0.0.1"  # Streamlit reports loopback as None
    assert client_address("192.0.2.10", [], NOBODY, UVICORN) == "192.0.2.10"


def test_a_forged_header_from_loopback_is_one_client_whatever_it_says() -> None:
    # uvicorn replaced the peer by the forged address; no proxy is configured: all of them are one client.
    seen = {client_address(forged, [forged], NOBODY, UVICORN) for forged in ("203.0.113.1", "198.51.100.9", "10.1.2.3")}
    assert seen == {UNTRUSTED_FORWARDER}


def test_a_forged_header_from_a_remote_browser_is_ignored() -> None:
    assert client_address("192.0.2.10", ["203.0.113.1"], NOBODY, UVICORN) == "192.0.2.10"
    assert client_address("192.0.2.10", ["203.0.113.1"], LOOPBACK, UVICORN) == "192.0.2.10"


def test_behind_haproxy_on_this_machine_the_address_it_appended_counts() -> None:
    # The browser wrote its own header; HAProxy appended the real address; uvicorn picked it already.
    forwarded = ["6.6.6.6, 7.7.7.7", "203.0.113.5"]
    assert client_address("203.0.113.5", forwarded, LOOPBACK, UVICORN) == "203.0.113.5"


def test_behind_haproxy_on_another_machine_only_that_machine_is_believed() -> None:
    proxy = Trust.parse("10.0.0.5")
    assert client_address("10.0.0.5", ["6.6.6.6", "203.0.113.5"], proxy, UVICORN) == "203.0.113.5"
    assert client_address("10.0.0.9", ["6.6.6.6", "203.0.113.5"], proxy, UVICORN) == "10.0.0.9"
    assert client_address("10.0.0.5", ["203.0.113.5"], NOBODY, UVICORN) == "10.0.0.5"  # not configured: itself


def test_uvicorn_told_to_trust_a_remote_proxy_too_is_understood() -> None:
    # FORWARDED_ALLOW_IPS=10.0.0.5 (what the docs used to say) with MEDIALIT_TRUSTED_PROXIES=10.0.0.5.
    both = Trust.parse("10.0.0.5")
    assert client_address("203.0.113.5", ["6.6.6.6", "203.0.113.5"], both, both) == "203.0.113.5"
    assert client_address("203.0.113.5", ["6.6.6.6", "203.0.113.5"], NOBODY, both) == UNTRUSTED_FORWARDER


def test_ipv6_clients_count_per_64_network() -> None:
    assert client_address("2001:db8:1:2:3:4:5:6", [], NOBODY, UVICORN) == "2001:db8:1:2::/64"
    assert client_address("2001:db8:1:2:ffff::1", [], NOBODY, UVICORN) == "2001:db8:1:2::/64"
    assert client_address("::ffff:203.0.113.5", [], NOBODY, UVICORN) == "203.0.113.5"


def test_an_unreadable_forwarded_address_is_one_client() -> None:
    assert client_address(None, ["not-an-address"], Trust(everything=True), UVICORN) == UNPARSEABLE
    assert client_address(None, ["also-not"], Trust(everything=True), UVICORN) == UNPARSEABLE


@pytest.mark.parametrize(("text", "address"), [
    ("203.0.113.5", "203.0.113.5"), (" 203.0.113.5:5555 ", "203.0.113.5"), ("[2001:db8::1]:443", "2001:db8::1"),
    ("2001:db8::1", "2001:db8::1"), ('"203.0.113.5"', "203.0.113.5"), ("unknown", None), ("", None),
])
def test_header_items_are_read_with_or_without_a_port(text: str, address: str | None) -> None:
    parsed = parse_address(text)
    assert (str(parsed) if parsed else None) == address


def test_trusted_proxies_are_addresses_and_networks() -> None:
    trust = Trust.parse(" 127.0.0.1, 10.0.0.0/24 ,::1, junk")
    assert parse_address("10.0.0.77") in trust and parse_address("::1") in trust
    assert parse_address("10.0.1.1") not in trust
    assert trust.covers(LOOPBACK) and not LOOPBACK.covers(trust)
