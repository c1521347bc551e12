"""Canonical article URLs, so one story reached by different links is one key.

The canonical form is deliberately lossy (scheme forced to https, mobile/AMP
hosts and paths folded, tracking parameters dropped): it is an identity key,
not a link to fetch. It is deterministic and idempotent.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

from stream.errors import InputError

__all__ = ["MAX_URL_CHARS", "TRACKING_PARAMS", "TRACKING_PREFIXES", "canonicalize_url"]

MAX_URL_CHARS = 2048

#: Query keys (compared lower-cased) that only identify a campaign, a click or
#: a sharer, never the document. Sources: Google Analytics/Ads (utm_*, gclid,
#: gclsrc, dclid, _ga, _gl), Facebook (fbclid, fb_ref, fb_source), Microsoft
#: (msclkid, ocid), Mailchimp (mc_cid, mc_eid), Instagram (igshid), Twitter
#: (ref_src, ref_url, __twitter_impression), Yandex (yclid, _openstat),
#: Alibaba (spm), HubSpot (_hsenc, _hsmi), Marketo (mkt_tok), Adobe (s_cid,
#: sc_cid, cmpid), Yahoo consent (guccounter, guce_referrer,
#: guce_referrer_sig), AT Internet (xtor), Webtrends (wt.mc_id), BBC
#: comScore (ns_*), and the generic share/ref/smid/ncid/cmp markers news
#: sites append to syndicated links.
TRACKING_PARAMS: frozenset[str] = frozenset(
    {
        "fbclid", "gclid", "gclsrc", "dclid", "msclkid", "mc_cid", "mc_eid",
        "igshid", "ref", "ref_src", "ref_url", "cmpid", "ocid",
        "__twitter_impression", "_ga", "_gl", "yclid", "_openstat", "spm",
        "share", "s_cid", "sc_cid", "smid", "ncid", "cmp", "xtor", "wt.mc_id",
        "_hsenc", "_hsmi", "mkt_tok", "fb_ref", "fb_source", "guccounter",
        "guce_referrer", "guce_referrer_sig", "sr_share", "at_medium",
        "at_campaign", "soc_src", "soc_trk", "rss_id",
    }
)
#: Key prefixes (lower-cased) of whole tracking families.
TRACKING_PREFIXES: tuple[str, ...] = ("utm_", "pk_", "mtm_", "ns_", "hsa_")

# Host prefixes of mobile/AMP mirrors of the same site.
_HOST_PREFIXES = ("www.", "m.", "mobile.", "amp.")
_DEFAULT_PORTS = frozenset({80, 443})
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
# urllib.parse's always-safe set (letters, digits, "_.-~").
_ALWAYS_SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~"
_PLAIN_HOST_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789.-"
_PCT_RE = re.compile(r"%([0-9A-Fa-f]{2})")
_BAD_CHARS_RE = re.compile(r"[\x00-\x20\x7f-\xa0\u1680\u2000-\u200f\u2028-\u202f\u205f\u3000\ufeff]")
_HOST_RE = re.compile(r"[a-z0-9_-]+(?:\.[a-z0-9_-]+)*")
_SLASHES_RE = re.compile(r"/{2,}")
# "%" is kept safe because escapes were already normalised; other reserved
# characters stay literal so that their meaning does not change.
_PATH_SAFE = "/:@!$&'()*+,;=-._~%"
_QUERY_SAFE = "/?:@!$'()*+,;=-._~%"


def _invalid(detail: str) -> InputError:
    return InputError("invalid_url", detail)


def _normalise_escapes(part: str, safe: str) -> str:
    """Decode escaped unreserved characters, upper-case other escapes, and
    escape anything that may not appear literally (non-ASCII as UTF-8)."""

    def repl(m: re.Match[str]) -> str:
        ch = chr(int(m.group(1), 16))
        return ch if ch in _UNRESERVED else "%" + m.group(1).upper()

    if "%" in part:
        # Decoding can create a new escape from a stray "%" before it
        # ("%a%41" -> "%aA"), so repeat until nothing changes: otherwise the
        # canonical form is not idempotent. Every changing pass removes a
        # "%" or upper-cases an escape, so this ends (bounded by the URL cap).
        while (decoded := _PCT_RE.sub(repl, part)) != part:
            part = decoded
    # quote() returns an ASCII string made only of always-safe and ``safe``
    # characters as it is (its own shortcut, but after an encode and a
    # decode); most article paths and queries are such strings.
    if part.isascii() and not part.rstrip(_ALWAYS_SAFE + safe):
        return part
    return quote(part, safe=safe)


def _remove_dot_segments(path: str) -> str:
    out: list[str] = []
    segments = path.split("/")
    for seg in segments[1:]:
        if seg == "..":
            if out:
                out.pop()
        elif seg != ".":
            out.append(seg)
    if segments[-1] in (".", ".."):
        out.append("")
    return "/" + "/".join(out)


def _canonical_host(hostname: str) -> str:
    host = hostname.rstrip(".")
    if not host:
        raise _invalid("empty host")
    if ":" in host:  # IPv6 literal (urlsplit removed the brackets)
        if not re.fullmatch(r"[0-9a-f:.]+", host.lower()):
            raise _invalid("bad IPv6 host")
        return "[" + host.lower() + "]"
    if not host.isascii():
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError as exc:
            raise _invalid(f"host is not IDNA-encodable: {exc}") from None
    host = host.lower()
    if not _HOST_RE.fullmatch(host) or len(host) > 253:
        raise _invalid("bad host name")
    stripped = host.startswith(_HOST_PREFIXES)
    while stripped:
        stripped = False
        for prefix in _HOST_PREFIXES:
            # Keep at least "name.tld": "m.com" is a site, not a mirror.
            if host.startswith(prefix) and "." in host[len(prefix):]:
                host = host[len(prefix):]
                stripped = True
    return host


def _canonical_path(path: str) -> str:
    # Each step below is skipped when a substring test shows it would leave
    # the path unchanged (most article paths have no "//", dot segment or
    # "amp" segment); the steps themselves are unchanged.
    path = _normalise_escapes(path, _PATH_SAFE)
    if "//" in path:
        path = _SLASHES_RE.sub("/", path)
    if not path.startswith("/"):
        path = "/" + path
    if "/." in path:
        path = _remove_dot_segments(path)
    # AMP variants: any "amp" path segment ("/story/amp", "/amp/story").
    if "/amp" in path.lower():
        segments = [s for s in path.split("/") if s.lower() != "amp"]
        path = "/".join(segments) or "/"
        path = _SLASHES_RE.sub("/", path)
    if len(path) > 1 and path.endswith("/"):
        path = path.rstrip("/") or "/"
    return path


def _keep_param(piece: str) -> bool:
    key, _, value = piece.partition("=")
    key = key.lower()
    if key in TRACKING_PARAMS or key.startswith(TRACKING_PREFIXES):
        return False
    if key == "amp" and value.lower() in ("", "1", "true"):
        return False
    return not (key == "outputtype" and value.lower() == "amp")


def _canonical_query(query: str) -> str:
    pieces = [_normalise_escapes(p, _QUERY_SAFE) for p in query.split("&") if p]
    return "&".join(sorted(p for p in pieces if _keep_param(p)))


def _split_plain(url: str) -> tuple[str, str, str] | None:
    """(hostname, path, query) exactly as ``urlsplit`` gives them, for the
    usual shape: lower-case ``http://`` or ``https://``, then a host made
    only of lower-case ASCII letters, digits, "." and "-" (so no user info,
    port or IPv6 brackets). None for anything else. Skips urlsplit's
    generic work (~2 us of ~9 per URL); callers have already rejected
    whitespace and control characters, the only other thing it changes."""
    if url.startswith("https://"):
        start = 8
    elif url.startswith("http://"):
        start = 7
    else:
        return None
    end = len(url)
    for c in "/?#":
        pos = url.find(c, start)
        if 0 <= pos < end:
            end = pos
    host = url[start:end]
    if not host or host.strip(_PLAIN_HOST_CHARS):
        return None
    rest = url[end:]
    if "#" in rest:
        rest = rest.split("#", 1)[0]
    path, _, query = rest.partition("?")
    return host, path, query


def canonicalize_url(url: str) -> str:
    """Return the canonical ``https://host/path?sorted_query`` form of ``url``.

    Raises ``InputError("invalid_url", detail)`` when the URL is unusable:
    not a string, empty, over ``MAX_URL_CHARS``, containing whitespace or
    control characters after stripping, not http(s), or without a valid host
    or port.

    Canonical form: scheme ``https``; host lower-cased, IDNA-encoded,
    trailing dot and ``www.``/``m.``/``mobile.``/``amp.`` prefixes removed;
    user info, default ports (80, 443) and fragment dropped; path with
    escapes normalised (unreserved characters decoded, hex upper-cased,
    non-ASCII UTF-8 escaped), dot segments resolved, duplicate slashes
    collapsed, ``amp`` segments removed and no trailing slash (the root is
    ``/``); query without tracking parameters (``TRACKING_PARAMS``,
    ``TRACKING_PREFIXES``) or AMP switches (``amp``, ``amp=1``,
    ``amp=true``, ``outputType=amp``), remaining ``key=value`` pieces sorted.
    """
    if not isinstance(url, str):
        raise _invalid(f"not a string: {type(url).__name__}")
    url = url.strip()
    if not url:
        raise _invalid("empty URL")
    if len(url) > MAX_URL_CHARS:
        raise _invalid(f"longer than {MAX_URL_CHARS} characters")
    if _BAD_CHARS_RE.search(url):
        raise _invalid("contains whitespace or control characters")
    plain = _split_plain(url)
    if plain is not None:
        hostname, raw_path, raw_query = plain
        port = None
    else:
        try:
            parts = urlsplit(url)
            port = parts.port
            hostname = parts.hostname
        except ValueError as exc:
            raise _invalid(str(exc)) from None
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https"):
            raise _invalid(f"scheme {scheme!r} is not http(s)" if scheme else "no scheme")
        if not hostname:
            raise _invalid("no host")
        raw_path, raw_query = parts.path, parts.query
    host = _canonical_host(hostname)
    try:
        path = _canonical_path(raw_path)
        query = _canonical_query(raw_query)
    except UnicodeError as exc:  # lone surrogates cannot be UTF-8 escaped
        raise _invalid(f"unencodable character: {exc}") from None
    netloc = host if port is None or port in _DEFAULT_PORTS else f"{host}:{port}"
    return f"https://{netloc}{path}?{query}" if query else f"https://{netloc}{path}"
