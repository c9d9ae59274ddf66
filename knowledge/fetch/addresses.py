"""Name resolution and the public-address check that keeps links from probing private networks."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from typing import Protocol

from ..errors import FetchFailed

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


class Resolver(Protocol):
    """Turns a host name into its IP addresses (as strings); raises OSError when it cannot."""

    async def __call__(self, host: str) -> list[str]: ...


async def system_resolver(host: str) -> list[str]:
    """Resolve with the event loop's getaddrinfo, keeping the system's order, without repeats."""
    infos = await asyncio.get_running_loop().getaddrinfo(host, None, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def is_public_address(address: IPAddress) -> bool:
    """True when the address is globally routable, including any IPv4 address embedded in it."""
    embedded = _embedded_ipv4(address)
    if embedded is not None and not is_public_address(embedded):
        return False
    return address.is_global and not (
        address.is_loopback
        or address.is_private
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
    )


def _embedded_ipv4(address: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address carried by an IPv4-mapped, 6to4, Teredo or NAT64 IPv6 address."""
    if isinstance(address, ipaddress.IPv4Address):
        return None
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def parse_address(text: str) -> IPAddress | None:
    """The IP address written in `text` (brackets and an IPv6 zone allowed), else None."""
    try:
        return ipaddress.ip_address(text.strip("[]").split("%", 1)[0])
    except ValueError:
        return None


async def vetted_addresses(
    url: str, host: str, *, resolver: Resolver, allow_private: bool
) -> list[str]:
    """The addresses to connect to for `host`; refuses a host with any non-public address."""
    literal = parse_address(host)
    names = [str(literal)] if literal is not None else await _resolve(url, host, resolver)
    addresses = [a for a in (parse_address(n) for n in names) if a is not None]
    if not addresses:
        raise FetchFailed(url, f"the host {host} has no usable address")
    if not allow_private:
        blocked = [a for a in addresses if not is_public_address(a)]
        if blocked:
            raise FetchFailed(
                url, f"the host {host} is on a private or local network ({blocked[0]}); refused"
            )
    return [str(a) for a in addresses]


async def _resolve(url: str, host: str, resolver: Resolver) -> list[str]:
    try:
        return await resolver(host)
    except OSError as error:
        raise FetchFailed(url, f"the host {host} could not be found") from error
