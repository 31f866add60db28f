"""Which addresses a fetch may reach: an explicit deny list (this Python's `ipaddress` tables
miss some ranges, e.g. 6to4 and site-local IPv6), addresses embedded in IPv6 forms, and
per-host allow lists (`allow_hosts`). Pure: no sockets."""
from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

# Never fetched unless allowed by name or network: not globally routable, or a tunnel or
# translation form that can carry a private IPv4 address inside it.
DENIED_NETWORKS = tuple(ipaddress.ip_network(n) for n in (
    "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
    "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15",
    "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
    "::/128", "::1/128", "::/96",  # unspecified, loopback, IPv4-compatible (deprecated)
    "::ffff:0:0/96", "::ffff:0:0:0/96",  # IPv4-mapped, IPv4-translated
    "64:ff9b::/96", "64:ff9b:1::/48",  # NAT64
    "100::/64", "2001::/23", "2001:db8::/32", "2002::/16",  # discard, IETF/Teredo, documentation, 6to4
    "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8",  # unique local, link-local, site-local, multicast
))
# Reached only when named exactly (an address or a network inside them), never by a wider entry:
# the cloud metadata services live here.
LINK_LOCAL_NETWORKS = tuple(ipaddress.ip_network(n) for n in ("169.254.0.0/16", "fe80::/10"))


def parse_address(address: str) -> IPAddress:
    """The address, without an IPv6 zone ("fe80::1%eth0"); IPv4-mapped forms as IPv4."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    return ip


def is_public_address(address: str) -> bool:
    """True for globally routable unicast addresses only (DENIED_NETWORKS and Python's tables)."""
    ip = parse_address(address)
    if any(ip.version == net.version and ip in net for net in DENIED_NETWORKS):
        return False
    special = (ip.is_loopback or ip.is_private or ip.is_link_local or ip.is_multicast
               or ip.is_reserved or ip.is_unspecified)
    return ip.is_global and not special


@dataclass(frozen=True, slots=True)
class AllowList:
    """Hosts and networks a source may reach although they are not public (`allow_hosts`)."""

    names: frozenset[str] = frozenset()
    networks: tuple[IPNetwork, ...] = ()

    @classmethod
    def parse(cls, entries: Iterable[str]) -> AllowList:
        """From entries like "10.0.0.5", "192.168.0.0/24", "intranet.example". Raises ValueError."""
        names, networks = set(), []
        for entry in entries:
            text = entry.strip().lower().strip("[]")
            if not text:
                raise ValueError("an empty allow_hosts entry")
            try:
                networks.append(ipaddress.ip_network(text, strict=False))
            except ValueError:
                if "/" in text or ":" in text or " " in text:
                    raise ValueError(f"not a host name, address or network: {entry!r}") from None
                names.add(text.rstrip("."))
        return cls(frozenset(names), tuple(networks))

    def allows(self, host: str, address: str) -> bool:
        """May `host`, resolved to `address`, be reached although the address is not public?
        A link-local address only when its own address or a network within link-local is listed."""
        ip = parse_address(address)
        link_local = any(ip.version == n.version and ip in n for n in LINK_LOCAL_NETWORKS)
        for network in self.networks:
            if ip.version == network.version and ip in network:
                inside_link_local = any(network.version == n.version and network.subnet_of(n)
                                        for n in LINK_LOCAL_NETWORKS)
                if not link_local or inside_link_local:
                    return True
        return host.lower().rstrip(".") in self.names and not link_local

    def __bool__(self) -> bool:
        return bool(self.names or self.networks)
