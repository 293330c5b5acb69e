"""Fetching http(s) URLs safely: timeouts, size caps, capped redirects, no private addresses by default.

One :class:`Fetcher` does every download eventwire makes (URL inputs, feed entry links, ``watch``).
It is built on the standard library so that each connection goes to the address that was checked:
the host name is resolved once, every address it resolves to must be public (unless
``allow_private``), and the socket connects to that address (TLS still verifies the host name).
Redirects are followed by hand, each hop checked again, at most ``max_redirects`` of them. The whole
download, redirects included, must finish within ``timeout_s``, and the body (after gzip decoding)
must fit in ``max_bytes``. Conditional GET (``If-None-Match``, ``If-Modified-Since``) gives a 304
response with no content.
"""

from __future__ import annotations

import http.client
import ipaddress
import logging
import re
import socket
import ssl
import time
import zlib
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from urllib.parse import quote, urljoin, urlsplit

from . import __version__
from .errors import EventwireError, InputTooLarge, UnsupportedInput
from .settings import Settings

log = logging.getLogger(__name__)

USER_AGENT = f"eventwire/{__version__} (+https://pypi.org/project/eventwire/)"
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_CHUNK = 64 * 1024
_URL_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_UNSAFE = re.compile(r"[^\x21-\x7e]")


class FetchFailed(EventwireError):
    """A URL could not be downloaded (network error, HTTP error status, bad redirect)."""

    code = "E060"

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class AddressNotAllowed(FetchFailed):
    """The URL's host resolves to a loopback, private or otherwise non-public address."""

    code = "E061"


class FetchTimeout(FetchFailed):
    """The download did not finish within the time limit."""

    code = "E062"


class TooManyRedirects(FetchFailed):
    """The URL redirects more times than allowed."""

    code = "E063"


class UnsupportedURL(UnsupportedInput):
    """The URL's scheme is not http or https, or the URL has no host."""

    code = "E064"


def looks_like_url(text: str) -> bool:
    """True for ``scheme://...`` (any scheme); only http and https are fetched."""
    return bool(_URL_SCHEME.match(text))


@dataclass(frozen=True, slots=True)
class FetchResponse:
    """What one GET returned. ``status`` is 304 (and ``content`` empty) when the validators matched."""

    url: str
    final_url: str
    status: int
    content: bytes
    content_type: str
    charset: str | None
    etag: str | None
    last_modified: str | None
    fetched: datetime
    redirects: int = 0

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class Fetcher:
    """Downloads http(s) URLs within the configured limits; see the module docstring."""

    def __init__(
        self,
        *,
        timeout_s: float = 20.0,
        max_bytes: int = 20 * 1024 * 1024,
        max_redirects: int = 5,
        allow_private: bool = False,
        user_agent: str = USER_AGENT,
    ) -> None:
        self.timeout_s = timeout_s
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.allow_private = allow_private
        self.user_agent = user_agent
        self._tls = ssl.create_default_context()

    @classmethod
    def from_settings(cls, settings: Settings) -> Fetcher:
        return cls(
            timeout_s=settings.timeout_s,
            max_bytes=settings.max_bytes,
            max_redirects=settings.max_redirects,
            allow_private=settings.allow_private,
        )

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> FetchResponse:
        """GET ``url``, following redirects; raises FetchFailed (or a subclass), UnsupportedURL or InputTooLarge."""
        deadline = time.monotonic() + self.timeout_s
        current = url
        for hop in range(self.max_redirects + 1):
            answer = self._request(current, deadline, etag=etag, last_modified=last_modified)
            if isinstance(answer, str):  # a redirect: the next URL
                current = answer
                continue
            return replace(answer, url=url, redirects=hop)
        raise TooManyRedirects(f"more than {self.max_redirects} redirects (max_redirects)")

    # -- one request ---------------------------------------------------------------------
    def _request(self, url: str, deadline: float, *, etag: str | None, last_modified: str | None) -> FetchResponse | str:
        """One GET: the response, or the next URL when it redirects."""
        scheme, host, port, target = _split(url)
        addresses = self._resolve(host, port)
        headers = {
            "User-Agent": self.user_agent,
            "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.8",
            "Accept-Encoding": "gzip",
        }
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        conn = self._connect(scheme, host, port, addresses, deadline)
        try:
            conn.request("GET", target, headers=headers)
            resp = conn.getresponse()
            status = resp.status
            if status in REDIRECT_STATUSES:
                location = resp.getheader("Location")
                if not location:
                    raise FetchFailed(f"HTTP {status} redirect without a Location header", status=status)
                return urljoin(url, location.strip())
            ctype_header = resp.getheader("Content-Type") or ""
            ctype, charset = _content_type(ctype_header)
            etag_out, modified_out = resp.getheader("ETag"), resp.getheader("Last-Modified")
            answer = FetchResponse(url, url, status, b"", ctype, charset, etag_out, modified_out, datetime.now(tz=UTC))
            if status == 304:
                return replace(answer, etag=etag_out or etag, last_modified=modified_out or last_modified)
            if not 200 <= status < 300:
                raise FetchFailed(f"HTTP {status} {resp.reason}".strip(), status=status)
            length = resp.getheader("Content-Length")
            if length and length.isdigit() and int(length) > self.max_bytes:
                raise InputTooLarge(f"{length} bytes is over the {self.max_bytes}-byte cap (max_bytes)")
            return replace(answer, content=self._read_body(conn, resp, deadline), fetched=datetime.now(tz=UTC))
        except TimeoutError as exc:
            raise FetchTimeout(f"no complete answer within {self.timeout_s:g} s (timeout_s)") from exc
        except (OSError, http.client.HTTPException, UnicodeError) as exc:
            raise FetchFailed(f"cannot download {url}: {type(exc).__name__}: {exc}") from exc
        finally:
            conn.close()

    def _resolve(self, host: str, port: int) -> list[str]:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError) as exc:
            raise FetchFailed(f"cannot resolve host {host!r}: {exc}") from exc
        addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
        if not addresses:
            raise FetchFailed(f"host {host!r} has no address")
        if not self.allow_private:
            for address in addresses:
                if not is_public_address(address):
                    raise AddressNotAllowed(
                        f"{host} resolves to {address}, a loopback, private or reserved address;"
                        " pass --allow-private (Settings.allow_private) to fetch it"
                    )
        return addresses

    def _connect(self, scheme: str, host: str, port: int, addresses: list[str], deadline: float) -> http.client.HTTPConnection:
        last: OSError | None = None
        for address in addresses:
            remaining = _remaining(deadline, self.timeout_s)
            conn: http.client.HTTPConnection
            if scheme == "https":
                conn = _PinnedHTTPSConnection(host, port, address, remaining, self._tls)
            else:
                conn = _PinnedHTTPConnection(host, port, address, remaining)
            try:
                conn.connect()
                return conn
            except TimeoutError as exc:
                conn.close()
                raise FetchTimeout(f"cannot connect to {host} within {self.timeout_s:g} s (timeout_s)") from exc
            except OSError as exc:
                conn.close()
                last = exc
        raise FetchFailed(f"cannot connect to {host}:{port}: {last}")

    def _read_body(self, conn: http.client.HTTPConnection, resp: http.client.HTTPResponse, deadline: float) -> bytes:
        encoding = (resp.getheader("Content-Encoding") or "identity").strip().lower()
        if encoding not in ("identity", "gzip", "x-gzip", "deflate"):
            raise FetchFailed(f"unsupported Content-Encoding {encoding!r}")
        inflate = zlib.decompressobj(47) if encoding != "identity" else None  # 47: gzip or zlib header
        parts: list[bytes] = []
        size = 0
        while True:
            if conn.sock is not None:
                conn.sock.settimeout(_remaining(deadline, self.timeout_s))
            chunk = resp.read1(_CHUNK)  # what has arrived: a slow drip cannot outlast the deadline
            if not chunk:
                break
            if inflate is not None:
                try:
                    chunk = inflate.decompress(chunk, self.max_bytes + 1 - size)
                except zlib.error as exc:
                    raise FetchFailed(f"broken {encoding} body: {exc}") from exc
                if inflate.unconsumed_tail:
                    raise InputTooLarge(f"the {encoding} body expands past the {self.max_bytes}-byte cap (max_bytes)")
            size += len(chunk)
            if size > self.max_bytes:
                raise InputTooLarge(f"the body is over the {self.max_bytes}-byte cap (max_bytes)")
            parts.append(chunk)
        if inflate is not None:
            rest = inflate.flush()
            if size + len(rest) > self.max_bytes:
                raise InputTooLarge(f"the {encoding} body expands past the {self.max_bytes}-byte cap (max_bytes)")
            parts.append(rest)
        return b"".join(parts)


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """An HTTP connection to an address checked beforehand; the Host header keeps the name."""

    def __init__(self, host: str, port: int, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """An HTTPS connection to an address checked beforehand; TLS verifies the host name."""

    def __init__(self, host: str, port: int, address: str, timeout: float, context: ssl.SSLContext) -> None:
        super().__init__(host, port, timeout=timeout, context=context)
        self._address = address
        self._tls_context = context

    def connect(self) -> None:
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._tls_context.wrap_socket(sock, server_hostname=self.host)


def is_public_address(address: str) -> bool:
    """True for a globally routable unicast address (not loopback, private, link-local, reserved, ...)."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def _split(url: str) -> tuple[str, str, int, str]:
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise UnsupportedURL(f"not a valid URL: {url!r} ({exc})") from exc
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise UnsupportedURL(f"only http:// and https:// URLs can be fetched, not {scheme or 'no scheme'}://")
    if not parts.hostname:
        raise UnsupportedURL(f"the URL {url!r} has no host")
    try:
        host = parts.hostname.encode("idna").decode("ascii") if not parts.hostname.isascii() else parts.hostname
    except UnicodeError as exc:
        raise UnsupportedURL(f"the URL {url!r} has an invalid host name ({exc})") from exc
    target = parts.path or "/"
    if parts.query:
        target += "?" + parts.query
    target = _UNSAFE.sub(lambda m: quote(m.group(), safe=""), target)  # spaces, controls and non-ASCII, UTF-8 escaped
    return scheme, host, port or (443 if scheme == "https" else 80), target


def _content_type(header: str) -> tuple[str, str | None]:
    media, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return media.strip().lower(), charset


def _remaining(deadline: float, timeout_s: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise FetchTimeout(f"no complete answer within {timeout_s:g} s (timeout_s)")
    return left
