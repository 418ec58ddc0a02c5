#!/usr/bin/env python3
"""Write medialit's HAProxy configuration (``deploy/haproxy.cfg.template``) for N replicas.

    python3 deploy/haproxy_cfg.py --replicas 4 --first-port 8501 --bind :80 > /etc/haproxy/haproxy.cfg
    python3 deploy/haproxy_cfg.py --server 10.0.0.11:8501 --server 10.0.0.12:8501 --bind :443 \\
        --cert /etc/haproxy/certs/medialit.pem > /etc/haproxy/haproxy.cfg

Replicas on this machine: ``--replicas N --first-port P`` (ports P..P+N-1 on 127.0.0.1, what
``deploy/run-replicas.sh`` starts) or ``--ports 8501,8502``. Replicas on other machines: repeat
``--server HOST:PORT``. Each replica is named ``r1``, ``r2``... in order: that name is the value of
the sticky ``SERVERID`` cookie, so keep the order stable between reloads (a renamed replica
sends its students to another one, which reloads them from the database: no data is lost).

``--cert`` terminates TLS at the proxy (a PEM holding the certificate chain and the key) and
redirects plain HTTP on ``--http-bind`` to HTTPS. Standard library only: runs with any Python 3.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parent / "haproxy.cfg.template"


def server_lines(servers: list[str]) -> str:
    """One ``server`` line per replica, named r1, r2... (the SERVERID cookie values)."""
    lines = []
    for i, address in enumerate(servers, start=1):
        host, sep, port = address.rpartition(":")
        if not sep or not host or not port.isdigit():
            raise ValueError(f"a replica is HOST:PORT, not {address!r}")
        lines.append(f"    server r{i} {host}:{port} cookie r{i}")
    return "\n".join(lines)


def render(servers: list[str], *, bind: str | None = None, cert: str | None = None, http_bind: str = ":80",
           stats_socket: str | None = None, stats_bind: str | None = None) -> str:
    """The configuration text for ``servers`` (``HOST:PORT`` strings).

    ``bind`` defaults to ``:443`` with ``cert``, else ``:80``. With ``cert``, TLS and the plain-HTTP
    redirect must listen on different addresses (HAProxy accepts two binds on one port and then
    answers at random from either): ValueError otherwise.
    """
    if not servers:
        raise ValueError("at least one replica is needed")
    bind = bind or (":443" if cert else ":80")
    if cert and _same_listener(bind, http_bind):
        raise ValueError(f"--bind {bind} (TLS) and --http-bind {http_bind} (plain HTTP, redirected) are the same "
                         "address: give TLS its own port, e.g. --bind :443")
    if cert:
        bind_lines = [
            f"    bind {bind} ssl crt {cert} alpn h2,http/1.1",
            f"    bind {http_bind}",
            "    http-request redirect scheme https code 301 unless { ssl_fc }",
            "    http-request set-header X-Forwarded-Proto https if { ssl_fc }",
            '    http-response set-header Strict-Transport-Security "max-age=31536000"',
        ]
    else:
        bind_lines = [f"    bind {bind}"]
    global_extra = f"    stats socket {stats_socket} mode 600 level admin" if stats_socket else ""
    stats = ""
    if stats_bind:
        stats = (f"\nlisten stats\n    bind {stats_bind}\n    stats enable\n    stats uri /\n"
                 "    stats refresh 5s\n")
    values = {
        "@GLOBAL_EXTRA@": global_extra,
        "@BIND@": "\n".join(bind_lines),
        "@SERVERS@": server_lines(servers),
        "@STATS@": stats.rstrip(),
    }
    lines = []
    for line in TEMPLATE.read_text(encoding="utf-8").splitlines():
        if line.strip() in values:  # a placeholder line: its value, or nothing at all
            if values[line.strip()]:
                lines.append(values[line.strip()])
            continue
        if cert and line.strip().startswith("cookie SERVERID"):  # the sticky cookie never goes over plain HTTP
            line += " secure"
        lines.append(line)
    return "\n".join(lines).rstrip() + "\n"


def _same_listener(a: str, b: str) -> bool:
    """Whether two HAProxy bind addresses (``[host]:port``) listen on one port (an empty or wildcard host
    listens on every address, so it meets any host on that port)."""
    host_a, _, port_a = a.rpartition(":")
    host_b, _, port_b = b.rpartition(":")
    wildcard = ("", "*", "0.0.0.0", "::", "[::]")
    return port_a == port_b and (host_a == host_b or host_a in wildcard or host_b in wildcard)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--replicas", type=int, default=2, help="replicas on 127.0.0.1 (default 2)")
    parser.add_argument("--first-port", type=int, default=8501, help="port of the first replica (default 8501)")
    parser.add_argument("--ports", help="comma-separated replica ports on 127.0.0.1 (instead of --replicas)")
    parser.add_argument("--server", action="append", default=[], metavar="HOST:PORT",
                        help="a replica on another machine (repeat; instead of --replicas/--ports)")
    parser.add_argument("--bind", help="where browsers connect (default :80, or :443 with --cert)")
    parser.add_argument("--cert", help="PEM file (certificate chain + key): terminate TLS at the proxy")
    parser.add_argument("--http-bind", default=":80", help="with --cert: plain HTTP address redirected to HTTPS")
    parser.add_argument("--stats-socket", help="HAProxy admin socket path (e.g. /run/haproxy/admin.sock)")
    parser.add_argument("--stats-bind", help="address of the stats page, e.g. 127.0.0.1:8404 (keep it private)")
    parser.add_argument("-o", "--output", help="write here instead of standard output")
    args = parser.parse_args(argv)

    if args.server:
        servers = list(args.server)
    elif args.ports:
        servers = [f"127.0.0.1:{int(p)}" for p in args.ports.split(",") if p.strip()]
    else:
        if args.replicas < 1:
            parser.error("--replicas must be at least 1")
        servers = [f"127.0.0.1:{args.first_port + i}" for i in range(args.replicas)]
    try:
        text = render(servers, bind=args.bind, cert=args.cert, http_bind=args.http_bind,
                      stats_socket=args.stats_socket, stats_bind=args.stats_bind)
    except ValueError as exc:
        parser.error(str(exc))
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
